/**
 * Measures the real server action over HTTP: `next start` (run `npm run build`
 * first) with the fake Resend, driven by Chromium with and without JavaScript.
 *
 *   npx tsx tooling/bench/contact-browser.ts [count]
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { chromium } from "@playwright/test";

import { startFakeResend } from "../shared/fake-resend";

const count = Number(process.argv[2] ?? 20);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const fmt = (values: number[]) =>
  `p50 ${percentile(values, 50).toFixed(0)} ms · p95 ${percentile(values, 95).toFixed(0)} ms · max ${Math.max(...values).toFixed(0)} ms`;

const dir = await mkdtemp(path.join(tmpdir(), "contact-browser-bench-"));
const fake = await startFakeResend();
const port = await freePort();
const server = spawn(
  process.execPath,
  ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)],
  {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: `file:${path.join(dir, "enquiries.db")}`,
      RESEND_API_KEY: "re_bench",
      RESEND_BASE_URL: fake.url,
      CONTACT_FROM_EMAIL: "Bench <bench@example.com>",
      CONTACT_FORM_SECRET: "bench-secret-0123456789abcdef0123456789abcdef",
      CONTACT_MIN_SUBMIT_SECONDS: "0",
      TRUST_PROXY: "true",
    },
    stdio: "ignore",
  },
);
const base = `http://127.0.0.1:${port}`;
for (let tries = 0; ; tries += 1) {
  try {
    if ((await fetch(`${base}/contact`)).ok) break;
  } catch {
    if (tries > 100) throw new Error("next start did not come up");
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const firstByte: number[] = [];
    const shown: number[] = [];
    const emailAfterAnswer: number[] = [];
    for (let index = 0; index < count + 2; index += 1) {
      await page.setExtraHTTPHeaders({ "x-forwarded-for": `10.9.${javaScriptEnabled ? 1 : 2}.${index}` });
      await page.goto(`${base}/contact?from=code-review-is-a-conversation-not-a-gate`);
      const email = `bench-${javaScriptEnabled}-${index}@example.com`;
      await page.getByLabel("Your name").fill("Bench Prospect");
      await page.getByLabel("Email", { exact: true }).fill(email);
      await page.getByLabel("What would you like to talk about?").selectOption("delivery-process");
      await page.getByLabel("Your message").fill("Our releases keep slipping and the team is tired of heroics.");
      if (javaScriptEnabled) {
        // Measured in the page: from the submit event to the success message in the DOM.
        await page.evaluate(() => {
          const win = window as unknown as { __shown: Promise<{ ms: number; at: number }> };
          win.__shown = new Promise((resolve) => {
            let started = 0;
            document.addEventListener("submit", () => (started = performance.now()), { capture: true, once: true });
            new MutationObserver((_, observer) => {
              if (document.querySelector(".enquiry-success")) {
                observer.disconnect();
                resolve({ ms: performance.now() - started, at: Date.now() });
              }
            }).observe(document.body, { childList: true, subtree: true });
          });
        });
      }
      const response = page.waitForResponse((candidate) => candidate.request().method() === "POST", {
        timeout: 10_000,
      });
      await page.getByRole("button", { name: "Send message" }).click();
      await page.getByRole("heading", { name: /^Thanks, Bench Prospect/ }).waitFor();
      const timing = (await response).request().timing();
      const result = javaScriptEnabled
        ? await page.evaluate(() => (window as unknown as { __shown: Promise<{ ms: number; at: number }> }).__shown)
        : await page.evaluate(() => {
            const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
            return {
              ms: navigation!.domContentLoadedEventEnd - navigation!.requestStart,
              at: performance.timeOrigin + navigation!.domContentLoadedEventEnd,
            };
          });
      let request;
      while (!(request = fake.requests.find((entry) => (entry.body as { reply_to?: string }).reply_to === email)))
        await new Promise((resolve) => setTimeout(resolve, 5));
      if (index < 2) continue; // warm-up
      firstByte.push(timing.responseStart - timing.requestStart);
      shown.push(result.ms);
      emailAfterAnswer.push(Date.parse(request.receivedAt) - result.at);
    }
    console.log(
      `JavaScript ${javaScriptEnabled ? "on (useActionState)" : "off (plain form POST)"}, ${count} enquiries after 2 warm-up:`,
    );
    console.log(`  action POST, request → first byte of the answer:  ${fmt(firstByte)}`);
    console.log(
      `  ${javaScriptEnabled ? "submit → success message in the page:           " : "POST → result page DOMContentLoaded:            "}  ${fmt(shown)}`,
    );
    console.log(`  success shown → owner email reaches the provider: ${fmt(emailAfterAnswer)}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill("SIGTERM");
  await fake.close();
  await rm(dir, { recursive: true, force: true });
}
