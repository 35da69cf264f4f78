import { defineConfig, devices } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * End-to-end tests run against the production build (`npm run build` first)
 * served by `next start` on a free port on 127.0.0.1. Debian's Chromium is
 * used when present (or CHROMIUM_PATH); elsewhere Playwright's own browser.
 */

function freePort(): string {
  return execFileSync(process.execPath, [
    "-e",
    "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ]).toString();
}

// Chosen once by the runner; workers inherit them through the environment.
process.env.E2E_PORT ??= freePort();
process.env.E2E_FIXTURE_PORT ??= freePort();
const port = process.env.E2E_PORT;
const fixturePort = process.env.E2E_FIXTURE_PORT;
export const baseURL = `http://127.0.0.1:${port}`;

// The second build of 45 synthetic posts (`npm run build:fixture`), for pagination at scale.
const FIXTURE_DIST_DIR = ".next-fixture";
const hasFixtureBuild = existsSync(`${FIXTURE_DIST_DIR}/BUILD_ID`);
if (hasFixtureBuild) process.env.E2E_FIXTURE_URL = `http://127.0.0.1:${fixturePort}`;

// The contact funnel under test: a fake Resend API (tooling/shared/fake-resend.ts) on its own port,
// and a fresh enquiry database per run. Tests read what the fake received from /__fake/emails.
process.env.E2E_FAKE_RESEND_PORT ??= freePort();
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "e2e-contact-"));
const fakeResendURL = `http://127.0.0.1:${process.env.E2E_FAKE_RESEND_PORT}`;
// The booking step and the funnel page (tests/e2e/funnel.spec.ts reads these through the environment too).
process.env.E2E_BOOKING_URL ??= "https://cal.com/nora-castell/30min";
process.env.E2E_BOOKING_WEBHOOK_SECRET ??= "e2e-booking-webhook-secret-0123456789";
process.env.E2E_ADMIN_TOKEN ??= "e2e-admin-token-0123456789abcdef0123456789";
const contactEnv = {
  DATABASE_URL: `file:${path.join(process.env.E2E_DATA_DIR, "enquiries.db")}`,
  CONTACT_OUTBOX_DIR: path.join(process.env.E2E_DATA_DIR, "outbox"),
  RESEND_API_KEY: "re_e2e_fake_key",
  RESEND_BASE_URL: fakeResendURL,
  CONTACT_TO_EMAIL: "owner@steadystate.test",
  CONTACT_FROM_EMAIL: "Steady State <enquiries@steadystate.test>",
  CONTACT_FORM_SECRET: "e2e-form-secret-0123456789abcdef0123456789",
  CRON_SECRET: "e2e-cron-secret-0123456789abcdef",
  // The suite drives the scheduled run through the cron route; a run of the server's own scheduler in the middle of
  // a test would race it for the lease. tests/e2e/deploy.spec.ts starts its own server to test the scheduler.
  SCHEDULER_ENABLED: "false",
  // Humans need 3 s by default; 1 s keeps the check real while tests wait only as long as needed.
  CONTACT_MIN_SUBMIT_SECONDS: "1",
  // Each test sends its own X-Forwarded-For, so the per-IP limit (5 an hour) never couples tests.
  TRUST_PROXY: "true",
  // The suite sends more enquiries in minutes than a real hour brings; the held path is tested per client.
  CONTACT_OWNER_EMAILS_PER_HOUR: "1000",
  BOOKING_URL: process.env.E2E_BOOKING_URL,
  BOOKING_WEBHOOK_SECRET: process.env.E2E_BOOKING_WEBHOOK_SECRET,
  ADMIN_TOKEN: process.env.E2E_ADMIN_TOKEN,
};

const systemChromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (candidate): candidate is string => Boolean(candidate && existsSync(candidate)),
);
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [
    ["list"],
    ...(process.env.CI ? [] : [["html", { open: "never" }] as const]),
    // `npm test` (tests/run.mjs) reads this to print one summary line for unit and e2e together.
    ...(process.env.E2E_JSON_REPORT ? [["json", { outputFile: process.env.E2E_JSON_REPORT }] as const] : []),
  ],
  // Measured on a busy 2-core machine (four builds running beside the suite), the slowest browser test took about
  // 20 s; 60 s keeps at least 2x headroom even with one core taken by something else. The drills set their own.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The drills flood their own servers with load and faults; run after the browser tests so their CPU use never
  // eats into the timing of a test that fills a form (a failing browser test skips them, which fails the run too).
  // A drill spec is drills.spec.ts or <name>-drill.spec.ts.
  // The author's loop (dev-loop.spec.ts) runs `npm run dev` in its own copy of the project and times what the
  // author sees against 5 s: it runs after the browser tests and before the drills, so neither eats into its time.
  projects: [
    { name: "site", testIgnore: /(drills?|dev-loop)\.spec\.ts$/ },
    { name: "dev-loop", testMatch: /dev-loop\.spec\.ts$/, dependencies: ["site"] },
    { name: "drills", testMatch: /drills?\.spec\.ts$/, dependencies: ["dev-loop"] },
  ],
  use: {
    baseURL,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: [
        ...(isRoot ? ["--no-sandbox"] : []),
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      // npm start's entry: next start plus the socket address (server.mjs); HOST and PORT are in env.
      command: "node server.mjs",
      url: `${baseURL}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { ...process.env, ...contactEnv, NODE_ENV: "production", HOST: "127.0.0.1", PORT: port } as Record<
        string,
        string
      >,
    },
    {
      command: "node --import tsx tooling/shared/fake-resend-cli.ts",
      url: `${fakeResendURL}/__fake/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { ...process.env, FAKE_RESEND_PORT: process.env.E2E_FAKE_RESEND_PORT } as Record<string, string>,
    },
    ...(hasFixtureBuild
      ? [
          {
            command: "node server.mjs",
            url: `http://127.0.0.1:${fixturePort}/`,
            reuseExistingServer: false,
            timeout: 60_000,
            stdout: "ignore" as const,
            stderr: "pipe" as const,
            env: {
              ...process.env,
              ...contactEnv,
              DATABASE_URL: `file:${path.join(process.env.E2E_DATA_DIR, "fixture-enquiries.db")}`,
              NODE_ENV: "production",
              HOST: "127.0.0.1",
              PORT: fixturePort,
              NEXT_DIST_DIR: FIXTURE_DIST_DIR,
            } as Record<string, string>,
          },
        ]
      : []),
  ],
});
