import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { createClient } from "@libsql/client";
import { expect, test, type Browser, type Page } from "@playwright/test";

import { startFakeResend } from "../../tooling/shared/fake-resend";
import { startServer } from "../support/server";

/**
 * Where the site is deployed, what users find there: a long-running server heals an email outage by itself (no
 * cron, no operator), and /contact keeps working when the database cannot be written (a serverless host's
 * read-only disk). Each test starts its own `npm start` server with the default configuration plus what it names.
 */

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

async function fillAndSend(page: Page, { name, email }: { name: string; email: string }) {
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("What would you like to talk about?").selectOption({ label: "Delivery and process" });
  await page.getByLabel("Your message").fill("Our releases keep slipping and the team is tired of it.");
  await page.getByRole("button", { name: "Send message" }).click();
}

test("an email that failed while the provider was down is sent by the server's own scheduler once it is back, with no cron call", async ({
  page,
}) => {
  // The first retry is due one minute after the failed attempt (lib/contact/delivery.ts backoff): the test waits for
  // it, so it gets a timeout that keeps more than 2x headroom on a busy machine.
  test.setTimeout(240_000);
  const dir = await mkdtemp(path.join(tmpdir(), "e2e-heal-"));
  const fake = await startFakeResend();
  fake.outage({ kind: "status", status: 503, name: "internal_server_error", message: "Service unavailable" });
  const server = await startServer({
    DATABASE_URL: `file:${path.join(dir, "enquiries.db")}`,
    RESEND_API_KEY: "re_e2e_heal",
    RESEND_BASE_URL: fake.url,
    CONTACT_FROM_EMAIL: "Steady State <enquiries@steadystate.co.uk>",
    CONTACT_TO_EMAIL: "nora@steadystate.co.uk",
    CONTACT_MIN_SUBMIT_SECONDS: "0",
    // No CRON_SECRET: the retry endpoint is off, nothing outside the server can trigger a run.
    SCHEDULER_INTERVAL_SECONDS: "1",
  });
  const db = createClient({ url: `file:${path.join(dir, "enquiries.db")}` });
  // The server writes (the scheduler's lease every second): a read that meets its lock is simply tried again.
  const enquiries = async () => {
    try {
      return (await db.execute("SELECT status, attempts FROM enquiries")).rows.map((row) => ({ ...row }));
    } catch {
      return null;
    }
  };
  try {
    expect(server.output()).toContain("run in this server every 1 s");
    await page.goto(`${server.url}/contact`);
    await fillAndSend(page, { name: "Grace Hopper", email: "grace@example.com" });
    await expect(page.locator(".enquiry-success__message").getByText(/^Thanks, Grace Hopper/)).toBeVisible();

    // Stored, and its first email failed against the outage.
    await expect.poll(enquiries, { timeout: 20_000 }).toEqual([{ status: "failed", attempts: 1 }]);
    expect(fake.deliveries).toHaveLength(0);
    const cron = await fetch(`${server.url}/api/enquiries/retry`, { method: "POST" });
    expect(cron.status).toBe(503); // no CRON_SECRET: the endpoint is off, so the recovery below is the scheduler's

    fake.recover();
    await expect
      .poll(() => fake.deliveries.map((delivery) => delivery.reply_to), { timeout: 150_000, intervals: [500] })
      .toEqual(["grace@example.com"]);
    await expect.poll(async () => (await enquiries())?.[0]?.status, { timeout: 10_000 }).toBe("sent");
    expect(fake.deliveries[0]!.to).toEqual(["nora@steadystate.co.uk"]);
    await expect.poll(server.output).toMatch(/\[scheduled\] Run \(scheduler\): enquiries 1 due, 1 sent, 0 failed/);
    expect(server.output()).toMatch(/emailed to nora@steadystate\.co\.uk through Resend id /);

    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health).toMatchObject({
      status: "ok",
      email: { state: "resend", unsent: 0 },
      scheduler: { mode: "in-process", intervalSeconds: 1, lastRun: { ok: true } },
    });
  } finally {
    db.close();
    await server.stop();
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  }
});

/** A folder no enquiry database can be created in: read-only, and (root ignores modes) a folder where the file goes. */
async function unwritableDatabase(dir: string): Promise<string> {
  const folder = path.join(dir, "read-only");
  await mkdir(folder);
  if (isRoot) await mkdir(path.join(folder, "enquiries.db"));
  await chmod(folder, 0o555);
  return `file:${path.join(folder, "enquiries.db")}`;
}

async function expectCouldNotBeSaved(browser: Browser, url: string, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  try {
    const answers: number[] = [];
    page.on("response", (response) => {
      if (new URL(response.url()).pathname === "/contact") answers.push(response.status());
    });
    const shown = await page.goto(`${url}/contact`);
    expect(shown?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Let’s talk" })).toBeVisible();
    await fillAndSend(page, { name: "Ada Lovelace", email: "ada@example.com" });
    const alert = page.getByRole("alert").filter({ hasText: "your message could not be saved just now" });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("email me directly");
    await expect(alert.getByRole("link")).toHaveAttribute("href", /^mailto:/);
    // Everything typed is still there.
    await expect(page.getByLabel("Your name")).toHaveValue("Ada Lovelace");
    await expect(page.getByLabel("Your message")).toHaveValue(
      "Our releases keep slipping and the team is tired of it.",
    );
    expect(answers.length).toBeGreaterThanOrEqual(2);
    expect(answers.every((status) => status < 500)).toBe(true);
  } finally {
    await context.close();
  }
}

test("/contact (and /newsletter) with an unwritable database folder renders the form and answers 'could not be saved', never a 500", async ({
  browser,
}) => {
  // Its own server's start and first render take 20 s on a busy 2-core machine, the two submissions about 10 s.
  test.setTimeout(120_000);
  const dir = await mkdtemp(path.join(tmpdir(), "e2e-readonly-"));
  const databaseUrl = await unwritableDatabase(dir);
  // The default configuration: no CONTACT_FORM_SECRET (the form's secret would live in that database), no keys.
  const server = await startServer({
    DATABASE_URL: databaseUrl,
    CONTACT_OUTBOX_DIR: path.join(dir, "outbox"),
    CONTACT_MIN_SUBMIT_SECONDS: "0",
  });
  try {
    await expectCouldNotBeSaved(browser, server.url, true);
    await expectCouldNotBeSaved(browser, server.url, false);
    expect(server.output()).toContain("The contact form is signed with a key of this process");
    // The newsletter's page signs its form the same way: it renders too.
    const newsletter = await fetch(`${server.url}/newsletter`);
    expect(newsletter.status).toBe(200);
    expect(await newsletter.text()).toMatch(/name="formToken" value="v2\./);
    expect(server.output()).not.toMatch(/This page failed to load|⨯ /);

    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    expect(health.headers.get("cache-control")).toBe("no-store");
    expect(await health.json()).toMatchObject({ status: "unavailable", database: { state: "unwritable" } });
  } finally {
    await server.stop();
    await chmod(path.join(dir, "read-only"), 0o755);
    await rm(dir, { recursive: true, force: true });
  }
});

test("the cron route takes Vercel Cron's GET with the bearer (and POST), and /api/health reports the suite's server", async ({
  request,
}) => {
  const secret = "e2e-cron-secret-0123456789abcdef"; // playwright.config.ts
  expect((await request.get("/api/enquiries/retry")).status()).toBe(401);
  expect((await request.get("/api/enquiries/retry", { headers: { authorization: "Bearer nope" } })).status()).toBe(401);
  const run = await request.get("/api/enquiries/retry", { headers: { authorization: `Bearer ${secret}` } });
  expect(run.status()).toBe(200);
  expect(run.headers()["cache-control"]).toBe("no-store");
  expect(await run.json()).toMatchObject({ ok: true, stoppedEarly: null, purged: { real: 0 } });

  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(health.headers()["cache-control"]).toBe("no-store");
  const body = await health.json();
  expect(body).toMatchObject({
    status: "ok",
    database: { state: "writable", kind: "local-file" },
    email: { state: "resend" },
    // The suite's server leaves the scheduled run to the cron route (SCHEDULER_ENABLED=false).
    scheduler: { mode: "external-cron", intervalSeconds: null },
  });
  expect(body.scheduler.lastRun?.ok).toBe(true);
  expect(JSON.stringify(body)).not.toMatch(/e2e-contact-|re_e2e|owner@/);
});
