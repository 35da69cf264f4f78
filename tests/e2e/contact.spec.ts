import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { createClient } from "@libsql/client";
import { expect, test, type Page, type TestInfo } from "@playwright/test";

import { submitEnquiry } from "../../tooling/drill/lib/enquire";
import { loadContactForms } from "../../tooling/shared/form";
import { expectNoAxeViolations } from "../support/axe";

/**
 * The "Let's talk" funnel against the production build (`next start`), with
 * Resend replaced by the fake in tooling/shared/fake-resend.ts (see the
 * webServer entries in playwright.config.ts).
 */

const fakeResend = `http://127.0.0.1:${process.env.E2E_FAKE_RESEND_PORT}`;
const POST_SLUG = "code-review-is-a-conversation-not-a-gate";
const POST_TITLE = "Code Review Is a Conversation, Not a Gate";
const DRAFT_SLUG = "writing-an-engineering-strategy";
const MIN_SUBMIT_MS = 1_000; // CONTACT_MIN_SUBMIT_SECONDS for the e2e server

type Delivery = {
  from: string;
  to: string[];
  reply_to: string;
  subject: string;
  html: string;
  text: string;
  idempotencyKey: string | null;
};

/** A client IP of its own for each test: the e2e server trusts X-Forwarded-For, and limits are per IP. */
function clientIpFor(testInfo: TestInfo, salt = ""): string {
  const hash = createHash("sha256")
    .update(`${testInfo.testId}:${testInfo.repeatEachIndex}:${testInfo.retry}:${salt}`)
    .digest();
  return `10.${hash[0]}.${hash[1]}.${hash[2]}`;
}

function uniqueEmail(testInfo: TestInfo, label: string): string {
  return `${label}-${createHash("sha1").update(`${testInfo.testId}:${testInfo.retry}:${Date.now()}:${Math.random()}`).digest("hex").slice(0, 10)}@example.com`;
}

async function deliveriesFor(replyTo: string): Promise<Delivery[]> {
  const response = await fetch(`${fakeResend}/__fake/emails`);
  const { deliveries } = (await response.json()) as { deliveries: Delivery[] };
  return deliveries.filter((delivery) => delivery.reply_to === replyTo);
}

type Enquiry = { name: string; email: string; company?: string; topic: string; message: string };

async function fillEnquiry(page: Page, enquiry: Enquiry) {
  await page.getByLabel("Your name").fill(enquiry.name);
  await page.getByLabel("Email", { exact: true }).fill(enquiry.email);
  if (enquiry.company !== undefined) await page.getByLabel("Company (optional)").fill(enquiry.company);
  if (enquiry.topic) await page.getByLabel("What would you like to talk about?").selectOption({ label: enquiry.topic });
  await page.getByLabel("Your message").fill(enquiry.message);
}

/** The form refuses (as spam) anything sent sooner than the minimum after the page was rendered. */
async function waitLikeAPerson(page: Page, shownAt: number) {
  const remaining = shownAt + MIN_SUBMIT_MS + 200 - Date.now();
  if (remaining > 0) await page.waitForTimeout(remaining);
}

async function openContact(page: Page, testInfo: TestInfo, url = "/contact", salt = "") {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": clientIpFor(testInfo, salt) });
  await page.goto(url);
  return Date.now();
}

test.describe("with JavaScript", () => {
  test("from a post's call to action to a sent enquiry; the email names the article", async ({ page }, testInfo) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": clientIpFor(testInfo) });
    await page.goto(`/blog/${POST_SLUG}`);
    await page.locator(".post-cta").getByRole("link", { name: "Let’s talk" }).click();
    await expect(page).toHaveURL(`/contact?from=${POST_SLUG}`);
    const shownAt = Date.now();

    await expect(page).toHaveTitle(/^Let’s talk/);
    await expect(page.locator(".contact__source")).toHaveText(`You were reading: ${POST_TITLE}`);

    const email = uniqueEmail(testInfo, "ada");
    await fillEnquiry(page, {
      name: "Ada Lovelace",
      email,
      company: "Analytical Engines",
      topic: "Delivery and process",
      message: "Short",
    });
    // The live character count follows the typing.
    await expect(page.getByTestId("char-count")).toHaveText("5 / 5,000 · 15 more needed");
    await page
      .getByLabel("Your message")
      .fill("Our releases keep slipping and <script>alert('x')</script> the team is tired.");
    await expect(page.getByTestId("char-count")).toHaveText(/^7\d \/ 5,000 · 4,9\d\d left$/);

    // Hold the action's response a moment: the button shows it is sending and a second click sends nothing more.
    let posts = 0;
    await page.route("**/contact?*", async (route) => {
      if (route.request().method() === "POST") {
        posts += 1;
        await new Promise((resolve) => setTimeout(resolve, 700));
      }
      await route.continue();
    });
    await waitLikeAPerson(page, shownAt);
    const submit = page.getByRole("button", { name: "Send message" });
    await submit.click();
    const sending = page.getByRole("button", { name: "Sending…" });
    await expect(sending).toHaveAttribute("aria-disabled", "true");
    await sending.click({ force: true });

    const heading = page.getByRole("heading", { name: "I’ve got your message" });
    await expect(page.locator(".enquiry-success__message")).toHaveText(
      `Thanks, Ada Lovelace — I’ll reply to ${email} within two working days.`,
    );
    await expect(heading).toBeVisible();
    await expect(heading).toBeFocused();
    await expect(page.getByText("Here is what happens next")).toBeVisible();
    expect(posts).toBe(1);

    await expect.poll(async () => (await deliveriesFor(email)).length, { timeout: 10_000 }).toBe(1);
    const [delivery] = await deliveriesFor(email);
    expect(delivery).toMatchObject({
      from: "Steady State <enquiries@steadystate.test>",
      to: ["owner@steadystate.test"],
      reply_to: email,
      subject: "New enquiry: Delivery and process — Ada Lovelace",
    });
    expect(delivery!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(delivery!.html).toContain(POST_TITLE);
    expect(delivery!.html).toMatch(new RegExp(`href="https?://[^"]+/blog/${POST_SLUG}"`));
    expect(delivery!.html).toContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
    expect(delivery!.html).not.toContain("<script>alert");
  });

  test("invalid input shows an error beside each field, moves focus to the first, and keeps every value", async ({
    page,
  }, testInfo) => {
    await openContact(page, testInfo);
    let posts = 0;
    page.on("request", (request) => void (request.method() === "POST" && (posts += 1)));

    await fillEnquiry(page, { name: "Zoë Ñúñez", email: "zoe@", company: "Acme", topic: "", message: "Too short" });
    await page.getByRole("button", { name: "Send message" }).click();

    const emailField = page.getByLabel("Email", { exact: true });
    await expect(emailField).toBeFocused();
    await expect(page.getByText("Please check the 3 highlighted fields.")).toBeVisible();
    for (const [field, id, message] of [
      [emailField, "email-error", "Please enter a valid email address, like name@company.com"],
      [
        page.getByLabel("What would you like to talk about?"),
        "topic-error",
        "Please choose what you would like to talk about",
      ],
      [
        page.getByLabel("Your message"),
        "message-error",
        "Please write at least 20 characters, so I can prepare a useful reply",
      ],
    ] as const) {
      await expect(field).toHaveAttribute("aria-invalid", "true");
      await expect(field).toHaveAttribute("aria-describedby", new RegExp(`\\b${id}\\b`));
      await expect(page.locator(`#${id}`)).toHaveText(`Error: ${message}`);
    }
    await expect(page.getByLabel("Your name")).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Your name")).toHaveValue("Zoë Ñúñez");
    await expect(emailField).toHaveValue("zoe@");
    await expect(page.getByLabel("Company (optional)")).toHaveValue("Acme");
    await expect(page.getByLabel("Your message")).toHaveValue("Too short");
    expect(posts).toBe(0); // the shared schema caught it in the browser

    // Fixing a field clears its error as you type.
    await emailField.fill("zoe@example.com");
    await expect(page.locator("#email-error")).toHaveCount(0);
    await expect(emailField).not.toHaveAttribute("aria-invalid", "true");
  });

  test("the 6th enquiry within an hour from one client is stored and held: the same confirmation, and the author hears of it in the held digest", async ({
    page,
  }, testInfo) => {
    test.slow();
    for (let index = 0; index < 5; index += 1) {
      const shownAt = await openContact(page, testInfo);
      await fillEnquiry(page, {
        name: `Prospect ${index}`,
        email: uniqueEmail(testInfo, `p${index}`),
        topic: "Leadership coaching",
        message: `Enquiry number ${index} about coaching our managers.`,
      });
      await waitLikeAPerson(page, shownAt);
      await page.getByRole("button", { name: "Send message" }).click();
      await expect(page.locator(".enquiry-success__message").getByText(/^Thanks, Prospect/)).toBeVisible();
    }
    const shownAt = await openContact(page, testInfo);
    const message = "A sixth message that must not be lost when a limit trips.";
    const email = uniqueEmail(testInfo, "p5");
    await fillEnquiry(page, { name: "Prospect Held", email, topic: "Something else", message });
    await waitLikeAPerson(page, shownAt);
    await page.getByRole("button", { name: "Send message" }).click();

    // No pause, no blame, nothing about the address: the normal confirmation.
    await expect(
      page
        .locator(".enquiry-success__message")
        .getByText(`Thanks, Prospect Held — I’ll reply to ${email} within two working days.`),
    ).toBeVisible();
    await expect(page.locator("main").getByRole("alert")).toHaveCount(0);
    // Stored and listed for the author in the held digest (the first hold of this server's hour).
    await expect
      .poll(async () => {
        const response = await fetch(`${fakeResend}/__fake/emails`);
        const { deliveries } = (await response.json()) as { deliveries: Delivery[] };
        return deliveries.some(
          (delivery) =>
            delivery.subject.includes("held") &&
            delivery.text.includes("Prospect Held") &&
            delivery.text.includes(message),
        );
      })
      .toBe(true);
    expect(await deliveriesFor(email)).toEqual([]);
  });

  test("a tab that comes back after hours swaps its form token for a fresh one, and the enquiry is emailed as usual", async ({
    page,
  }, testInfo) => {
    await page.clock.install();
    const shownAt = await openContact(page, testInfo);
    const token = page.locator('.enquiry-form input[type="hidden"][name="formToken"]');
    const first = await token.getAttribute("value");
    expect(first).toMatch(/^v2\./);
    const email = uniqueEmail(testInfo, "overnight");
    await fillEnquiry(page, {
      name: "Grace Overnight",
      email,
      topic: "Leadership coaching",
      message: "I started this yesterday evening and finished it this morning.",
    });
    // The tab sat in the background for three hours (the page's clock moves; the server's token does not expire here,
    // but the form asks for a fresh one once its own is more than an hour old).
    await page.clock.fastForward("03:00:00");
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    await expect.poll(() => token.getAttribute("value"), { timeout: 10_000 }).not.toBe(first);
    await waitLikeAPerson(page, shownAt);
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page.locator(".enquiry-success__message").getByText(/^Thanks, Grace Overnight/)).toBeVisible();
    await expect.poll(async () => (await deliveriesFor(email)).length, { timeout: 10_000 }).toBe(1);
  });

  test("an unknown or draft article is ignored and never echoed", async ({ page }, testInfo) => {
    for (const from of [DRAFT_SLUG, "no-such-post", "<script>alert(1)</script>"]) {
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => void dialogs.push(dialog.message()));
      await openContact(page, testInfo, `/contact?from=${encodeURIComponent(from)}`);
      await expect(page.getByRole("heading", { name: "Let’s talk", level: 1 })).toBeVisible();
      await expect(page.locator(".contact__source")).toHaveCount(0);
      await expect(page.locator('input[name="source"]')).toHaveValue("");
      await expect(page.locator("main")).not.toContainText(from);
      await expect(page.locator("main")).not.toContainText("Writing an Engineering Strategy");
      expect(await page.content()).not.toContain("<script>alert(1)</script>");
      expect(dialogs).toEqual([]);
    }
  });

  test("on a phone the form, from its first line to the send button, fits one screen below the sticky header", async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openContact(page, testInfo);
    const fit = await page.evaluate(() => {
      const form = document.querySelector("form.enquiry-form")!.getBoundingClientRect();
      const send = document.querySelector('form.enquiry-form button[type="submit"]')!.getBoundingClientRect();
      const header = document.querySelector(".site-header")!.getBoundingClientRect();
      return { needed: Math.ceil(send.bottom - form.top), available: Math.floor(innerHeight - header.height) };
    });
    expect(fit.needed).toBeLessThanOrEqual(fit.available);
  });

  // One axe scan per test: a scan takes several seconds on a busy 2-core machine, and six in one test came within
  // 2 s of the timeout in CI. Each state is reached from a fresh page so no test depends on another.
  for (const colorScheme of ["light", "dark"] as const) {
    test.describe(`axe (${colorScheme})`, () => {
      test.use({ colorScheme });

      test(`finds nothing on the empty form (${colorScheme})`, async ({ page }, testInfo) => {
        await openContact(page, testInfo, `/contact?from=${POST_SLUG}`, colorScheme);
        await expectNoAxeViolations(page);
      });

      test(`finds nothing on the form with errors (${colorScheme})`, async ({ page }, testInfo) => {
        await openContact(page, testInfo, `/contact?from=${POST_SLUG}`, colorScheme);
        await page.getByRole("button", { name: "Send message" }).click();
        await expect(page.locator(".field__error")).toHaveCount(4);
        await expectNoAxeViolations(page);
      });

      test(`finds nothing after sending (${colorScheme})`, async ({ page }, testInfo) => {
        const shownAt = await openContact(page, testInfo, `/contact?from=${POST_SLUG}`, colorScheme);
        await fillEnquiry(page, {
          name: "Grace Hopper",
          email: uniqueEmail(testInfo, colorScheme),
          topic: "A workshop or talk",
          message: "Could you run a workshop on blameless post-mortems?",
        });
        await waitLikeAPerson(page, shownAt);
        await page.getByRole("button", { name: "Send message" }).click();
        await expect(page.locator(".enquiry-success__message").getByText(/^Thanks, Grace Hopper/)).toBeVisible();
        await expectNoAxeViolations(page);
      });
    });
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("from a post's call to action to a sent enquiry (plain form POST); the email names the article", async ({
    page,
  }, testInfo) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": clientIpFor(testInfo) });
    await page.goto(`/blog/${POST_SLUG}`);
    await page.locator(".post-cta").getByRole("link", { name: "Let’s talk" }).click();
    await expect(page).toHaveURL(`/contact?from=${POST_SLUG}`);
    const shownAt = Date.now();
    await expect(page.locator(".contact__source")).toHaveText(`You were reading: ${POST_TITLE}`);
    await expect(page.getByTestId("char-count")).toHaveCount(0); // only shown when it can update

    const email = uniqueEmail(testInfo, "nojs");
    await fillEnquiry(page, {
      name: "Linus",
      email,
      topic: "Team trust and culture",
      message: "No JavaScript here, but a real question about trust.\nSecond line.",
    });
    await waitLikeAPerson(page, shownAt);
    await page.getByRole("button", { name: "Send message" }).click();

    const heading = page.getByRole("heading", { name: "I’ve got your message" });
    await expect(page.locator(".enquiry-success__message")).toHaveText(
      `Thanks, Linus — I’ll reply to ${email} within two working days.`,
    );
    await expect(heading).toBeVisible();
    await expect(heading).toBeFocused();

    await expect.poll(async () => (await deliveriesFor(email)).length, { timeout: 10_000 }).toBe(1);
    const [delivery] = await deliveriesFor(email);
    expect(delivery!.subject).toBe("New enquiry: Team trust and culture — Linus");
    expect(delivery!.html).toContain(POST_TITLE);
    expect(delivery!.text).toContain("No JavaScript here, but a real question about trust.\nSecond line.");
  });

  test("invalid input comes back from the server with the same messages, focus on the first invalid field, every value kept", async ({
    page,
  }, testInfo) => {
    await openContact(page, testInfo, `/contact?from=${POST_SLUG}`);
    await fillEnquiry(page, {
      name: "  ",
      email: "grace@example.com",
      company: "Navy",
      topic: "Delivery and process",
      message: "Too short\r\nreally",
    });
    await page.getByRole("button", { name: "Send message" }).click();

    const name = page.getByLabel("Your name");
    await expect(page.locator("#name-error")).toHaveText("Error: Please tell me your name");
    await expect(page.locator("#message-error")).toHaveText(
      "Error: Please write at least 20 characters, so I can prepare a useful reply",
    );
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(name).toBeFocused();
    await expect(page.getByText("Please check the 2 highlighted fields.")).toBeVisible();
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue("grace@example.com");
    await expect(page.getByLabel("Company (optional)")).toHaveValue("Navy");
    await expect(page.getByLabel("What would you like to talk about?")).toHaveValue("delivery-process");
    await expect(page.getByLabel("Your message")).toHaveValue("Too short\nreally");
    await expect(page.locator(".contact__source")).toHaveText(`You were reading: ${POST_TITLE}`);
    await expect(page.locator('input[name="source"]')).toHaveValue(POST_SLUG);
  });
});

test.describe("protection and operations", () => {
  test("a body over the 64 KB limit gets a plain 413 that says what to do (JavaScript off)", async ({
    browser,
  }, testInfo) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await openContact(page, testInfo);
    await fillEnquiry(page, {
      name: "Verbose",
      email: "verbose@example.com",
      topic: "Something else",
      message: "A message of normal length to start with.",
    });
    // Typing 70,000 characters takes Playwright 15 s on a busy machine; setting the value is what a paste does.
    await page.getByLabel("Your message").evaluate((field: HTMLTextAreaElement) => {
      field.value = "x".repeat(70_000);
    });
    const answer = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "Send message" }).click();
    expect((await answer).status()).toBe(413);
    await expect(page.locator("body")).toContainText(
      "Your message is longer than this form accepts (5,000 characters). Go back, shorten it",
    );
    await context.close();
  });

  test("a form post from another site is refused with 403", async ({ request }) => {
    const response = await request.post(`/contact?from=${POST_SLUG}`, {
      headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      data: "name=Mallory&email=m%40evil.example",
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toBe("Cross-site form posts are not accepted here.\n");
  });

  test("POST /api/enquiries/retry needs the Bearer CRON_SECRET", async ({ request }) => {
    expect((await request.post("/api/enquiries/retry")).status()).toBe(401);
    expect((await request.post("/api/enquiries/retry", { headers: { authorization: "Bearer nope" } })).status()).toBe(
      401,
    );
    const response = await request.post("/api/enquiries/retry", {
      headers: { authorization: "Bearer e2e-cron-secret-0123456789abcdef" },
    });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ stoppedEarly: null, failed: 0 });
  });
});

/* Separate servers for start-up behaviour, started as `npm start` starts them (server.mjs). */

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

type Started = { url: string; output: () => string; exited: Promise<number | null>; stop: () => Promise<void> };

async function startNext(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(DATABASE_|RESEND_|CONTACT_|CRON_SECRET|TRUST_PROXY)/.test(key)),
  ) as Record<string, string>;
  const child: ChildProcess = spawn(process.execPath, ["server.mjs"], {
    env: { ...base, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

test.describe("start-up", () => {
  test("a bad configuration value stops the server at start, naming the variable", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "e2e-badenv-"));
    const server = await startNext({
      CONTACT_TO_EMAIL: "not-an-email",
      DATABASE_URL: `file:${dir}/e.db`,
      CONTACT_FORM_SECRET: "x".repeat(40),
    });
    try {
      const code = await Promise.race([
        server.exited,
        new Promise<"running">((resolve) => setTimeout(() => resolve("running"), 20_000)),
      ]);
      expect(code).toBe(1);
      expect(server.output()).toContain(
        'CONTACT_TO_EMAIL: must be an email address, e.g. you@example.com (got "not-an-email")',
      );
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("with no keys, it still works end to end: one clear warning, and the email lands in the local outbox", async ({
    browser,
  }) => {
    const dir = await mkdtemp(path.join(tmpdir(), "e2e-nokeys-"));
    const outbox = path.join(dir, "outbox");
    const server = await startNext({
      DATABASE_URL: `file:${dir}/enquiries.db`,
      CONTACT_OUTBOX_DIR: outbox,
      CONTACT_MIN_SUBMIT_SECONDS: "1",
    });
    const context = await browser.newContext({ baseURL: server.url });
    try {
      await expect.poll(server.output, { timeout: 20_000 }).toContain("RESEND_API_KEY is not set");
      const page = await context.newPage();
      await page.goto(`/contact?from=${POST_SLUG}`);
      const shownAt = Date.now();
      await fillEnquiry(page, {
        name: "Fresh Clone",
        email: "fresh@example.com",
        topic: "Something else",
        message: "Testing a fresh clone without any keys at all.",
      });
      await waitLikeAPerson(page, shownAt);
      await page.getByRole("button", { name: "Send message" }).click();
      await expect(page.locator(".enquiry-success__message").getByText(/^Thanks, Fresh Clone/)).toBeVisible();

      await expect
        .poll(async () => (await readdir(outbox).catch(() => [])).filter((file) => file.endsWith(".json")).length, {
          timeout: 10_000,
        })
        .toBe(1);
      const [file] = (await readdir(outbox)).filter((name) => name.endsWith(".json"));
      const email = JSON.parse(await readFile(path.join(outbox, file!), "utf8")) as {
        subject: string;
        html: string;
        replyTo: string;
      };
      expect(email.subject).toBe("New enquiry: Something else — Fresh Clone");
      expect(email.replyTo).toBe("fresh@example.com");
      expect(email.html).toContain(POST_TITLE);
      await expect.poll(server.output).toContain(`email written to ${path.join(outbox, file!)}`);
      expect(server.output().match(/RESEND_API_KEY is not set/g)).toHaveLength(1);
    } finally {
      await context.close();
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("without a proxy (no TRUST_PROXY), the client is the socket address: a forged X-Forwarded-For does not make a new client", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "e2e-socket-"));
    const server = await startNext({
      DATABASE_URL: `file:${dir}/enquiries.db`,
      CONTACT_OUTBOX_DIR: path.join(dir, "outbox"),
      CONTACT_MIN_SUBMIT_SECONDS: "1",
    });
    try {
      await expect.poll(server.output, { timeout: 20_000 }).toContain("Ready on");
      const forms = await loadContactForms(server.url, 6);
      const answers = [];
      for (const [index, form] of forms.entries()) {
        const enquiry = {
          name: `Forger ${index}`,
          email: `forger${index}@example.com`,
          company: "",
          topic: form.topics[0]!,
          message: `Enquiry ${index} that claims to come from elsewhere.`,
        };
        // A fresh address in X-Forwarded-For and even in the server's private-header prefix each time: neither counts.
        answers.push(
          await submitEnquiry(server.url, form, enquiry, {
            js: index % 2 === 0,
            ip: `203.0.113.${index + 1}`,
            headers: { "x-socket-address-0123456789abcdef": `198.51.100.${index}` },
          }),
        );
      }
      expect(answers.map((answer) => answer.state)).toEqual(Array(6).fill("success"));
      // The server may still be writing (the owner emails go out after each answer): wait for its lock, not a fixed time.
      const db = createClient({ url: `file:${dir}/enquiries.db`, timeout: 10_000 });
      try {
        const rows = (await db.execute("SELECT status, held_reason, ip_hash FROM enquiries ORDER BY created_at")).rows;
        expect(new Set(rows.map((row) => row.ip_hash)).size).toBe(1);
        expect(rows[0]!.ip_hash).not.toBeNull();
        // Five emailed (or being emailed), the sixth from the same socket held, whatever the headers claimed.
        expect(rows.slice(0, 5).every((row) => row.status === "sent" || row.status === "pending")).toBe(true);
        expect([rows[5]!.status, rows[5]!.held_reason]).toEqual(["held", "client"]);
      } finally {
        db.close();
      }
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
