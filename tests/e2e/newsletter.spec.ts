import { createHash } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";

import { FORM_TOKEN_FIELD, HONEYPOT_FIELD } from "../../lib/contact/fields";

/**
 * The newsletter against the production build (`next start`), with Resend
 * replaced by the fake (tooling/shared/fake-resend.ts): subscribe from a post
 * with and without JavaScript, follow the confirmation link the fake received,
 * unsubscribe; axe on every newsletter page in light and dark.
 */

const fakeResend = `http://127.0.0.1:${process.env.E2E_FAKE_RESEND_PORT}`;
const POST_SLUG = "code-review-is-a-conversation-not-a-gate";
const POST_TITLE = "Code Review Is a Conversation, Not a Gate";
const CHECK_INBOX = "Check your inbox: if this address isn’t subscribed yet, a confirmation link is on its way.";

type Delivery = { to: string[]; subject: string; html: string; text: string; idempotencyKey: string | null };
type Contact = { email: string; unsubscribed: boolean; segments: string[] };

/** Limits are per client IP and the e2e server trusts X-Forwarded-For: each test gets its own. */
function clientIpFor(testInfo: TestInfo, salt = ""): string {
  const hash = createHash("sha256").update(`newsletter:${testInfo.testId}:${testInfo.retry}:${salt}`).digest();
  return `10.${hash[0]}.${hash[1]}.${hash[2]}`;
}

/** A fresh address at a domain of its own: the policy budgets confirmation emails per destination domain. */
function uniqueEmail(testInfo: TestInfo, label: string): string {
  const hash = createHash("sha1").update(`${testInfo.testId}:${Date.now()}:${Math.random()}`).digest("hex");
  return `${label}-${hash.slice(0, 10)}@${hash.slice(10, 16)}.example.com`;
}

async function fakeLog(): Promise<{ deliveries: Delivery[]; contacts: Contact[] }> {
  return (await (await fetch(`${fakeResend}/__fake/emails`)).json()) as { deliveries: Delivery[]; contacts: Contact[] };
}

async function confirmationsTo(email: string): Promise<Delivery[]> {
  return (await fakeLog()).deliveries.filter((delivery) => delivery.to.includes(email));
}

/** The path and query of a link of a kind in the email's plain text (its origin is SITE_URL, not the test server). */
function linkIn(delivery: Delivery, kind: "confirm" | "unsubscribe"): string {
  const match = new RegExp(`https?://[^/\\s]+(/newsletter/${kind}\\?token=[^\\s\\]>)]+)`).exec(delivery.text);
  if (!match) throw new Error(`no ${kind} link in the email`);
  return match[1]!;
}

async function theConfirmation(email: string): Promise<Delivery> {
  await expect.poll(async () => (await confirmationsTo(email)).length, { timeout: 10_000 }).toBe(1);
  const [delivery] = await confirmationsTo(email);
  expect(delivery!.subject).toBe("Confirm your subscription to Steady State");
  return delivery!;
}

async function expectNoAxeViolations(page: Page, only?: string) {
  const builder = new AxeBuilder({ page }).withTags([
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "wcag22aa",
    "best-practice",
  ]);
  // On a post, only the sign-up is new here; the rest of the post page has its own axe test (blog.spec.ts).
  const results = await (only ? builder.include(only) : builder).analyze();
  expect(
    results.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    ),
  ).toEqual([]);
}

/**
 * Opens the emailed confirmation link (all a mail scanner does: it must change nothing), then presses the page's
 * button, which confirms.
 */
async function openAndConfirm(page: Page, link: string, email: string) {
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your subscription");
  expect((await fakeLog()).contacts.find((contact) => contact.email === email)).toBeUndefined();
  await page.getByRole("button", { name: "Confirm my subscription" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You’re subscribed");
  await expect(page.getByRole("button", { name: "Confirm my subscription" })).toHaveCount(0);
}

/** Confirms with the emailed link, checks the page and the provider's list, then unsubscribes the same way. */
async function confirmThenUnsubscribe(page: Page, email: string) {
  const delivery = await theConfirmation(email);
  await openAndConfirm(page, linkIn(delivery, "confirm"), email);
  await expect
    .poll(async () => (await fakeLog()).contacts.find((contact) => contact.email === email)?.unsubscribed, {
      timeout: 10_000,
    })
    .toBe(false);

  // The same link again changes nothing.
  await page.goto(linkIn(delivery, "confirm"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has already been used");

  await page.goto(linkIn(delivery, "unsubscribe"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You’re unsubscribed");
  await expect
    .poll(async () => (await fakeLog()).contacts.find((contact) => contact.email === email)?.unsubscribed, {
      timeout: 10_000,
    })
    .toBe(true);
  await page.goto(linkIn(delivery, "unsubscribe"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You’re already unsubscribed");
}

test.describe("with JavaScript", () => {
  test("subscribe at the end of a post, confirm from the email, unsubscribe", async ({ page }, testInfo) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": clientIpFor(testInfo) });
    let posts = 0;
    page.on("request", (request) => {
      if (request.method() === "POST" && new URL(request.url()).pathname === "/newsletter/subscribe") posts += 1;
    });
    await page.goto(`/blog/${POST_SLUG}`);
    const signup = page.locator(".post-newsletter");
    // Secondary to "Let's talk": after it in the page.
    const [ctaBox, signupBox] = await Promise.all([page.locator(".post-cta").boundingBox(), signup.boundingBox()]);
    expect(signupBox!.y).toBeGreaterThan(ctaBox!.y + ctaBox!.height - 1);

    const email = uniqueEmail(testInfo, "js");
    await signup.getByLabel("Your email").fill(email);
    await signup.getByRole("button", { name: "Subscribe" }).click();
    await expect(signup.getByRole("status")).toHaveText(CHECK_INBOX);
    await expect(page).toHaveURL(`/blog/${POST_SLUG}`);
    expect(posts).toBe(1); // sent in place by the island, not a full-page form post
    // The panel replaces the form: nothing invites a second try, and focus is on the answer.
    await expect(signup.locator("form")).toBeHidden();
    await expect(signup.locator(".subscribe-done")).toBeFocused();

    await confirmThenUnsubscribe(page, email);
  });

  test("an address the server refuses keeps its value and says why; a second subscribe answers the same", async ({
    page,
  }, testInfo) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": clientIpFor(testInfo) });
    await page.goto(`/blog/${POST_SLUG}`);
    const signup = page.locator(".post-newsletter");
    // The browser lets this through (type=email); the shared schema does not.
    await signup.getByLabel("Your email").fill("ada@localhost");
    await signup.getByRole("button", { name: "Subscribe" }).click();
    const field = signup.getByLabel("Your email");
    await expect(signup.locator(".subscribe-form__error")).toHaveText(
      "Error: Please enter a valid email address, like name@company.com",
    );
    await expect(field).toHaveValue("ada@localhost");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toBeFocused();

    const email = uniqueEmail(testInfo, "twice");
    await field.fill(email);
    await signup.getByRole("button", { name: "Subscribe" }).click();
    await expect(signup.getByRole("status")).toHaveText(CHECK_INBOX);
    await theConfirmation(email);
    // "Use another address" brings the form back, empty.
    await signup.getByRole("link", { name: "Use another address" }).click();
    await expect(signup.getByLabel("Your email")).toHaveValue("");
    await expect(signup.getByLabel("Your email")).toBeFocused();
    await page.reload();
    await signup.getByLabel("Your email").fill(email);
    await signup.getByRole("button", { name: "Subscribe" }).click();
    await expect(signup.getByRole("status")).toHaveText(CHECK_INBOX);
    // Still exactly one confirmation (one per address per 24 h).
    await expect.poll(async () => (await confirmationsTo(email)).length).toBe(1);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("subscribe at the end of a post (plain POST, answered on /newsletter), confirm, unsubscribe", async ({
    page,
  }, testInfo) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": clientIpFor(testInfo) });
    await page.goto(`/blog/${POST_SLUG}`);
    const email = uniqueEmail(testInfo, "nojs");
    await page.locator(".post-newsletter").getByLabel("Your email").fill(email);
    await page.locator(".post-newsletter").getByRole("button", { name: "Subscribe" }).click();
    await expect(page).toHaveURL(new RegExp(`/newsletter\\?from=${POST_SLUG}&answer=[\\w-]+#subscribe$`));
    await expect(page.getByText(`You were reading: ${POST_TITLE}`)).toBeVisible();
    await expect(page.locator(".newsletter__form").getByRole("status")).toHaveText(CHECK_INBOX);
    await expect(page.locator(".newsletter__form form")).toBeHidden();
    // The answer belongs to that sign-up: /newsletter on its own shows the form again.
    await page.goto("/newsletter");
    await expect(page.locator(".newsletter__form form")).toBeVisible();

    await confirmThenUnsubscribe(page, email);
  });

  test("a refused address from the footer comes back on /newsletter with its value and the error", async ({
    page,
  }, testInfo) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": clientIpFor(testInfo) });
    await page.goto("/tags");
    const footer = page.locator("#footer-subscribe");
    await footer.getByLabel("Email address").fill("ada@localhost");
    await footer.getByRole("button", { name: "Subscribe" }).click();
    await expect(page).toHaveURL(/\/newsletter\?answer=[\w-]+#subscribe$/);
    const form = page.locator(".newsletter__form");
    await expect(form.getByLabel("Your email")).toHaveValue("ada@localhost");
    await expect(form.getByLabel("Your email")).toHaveAttribute("aria-invalid", "true");
    await expect(form.locator(".subscribe-form__error")).toContainText("Please enter a valid email address");
    // The footer's own form stays blank.
    await expect(footer.getByLabel("Email address")).toHaveValue("");

    const email = uniqueEmail(testInfo, "footer");
    await footer.getByLabel("Email address").fill(email);
    await footer.getByRole("button", { name: "Subscribe" }).click();
    await expect(form.getByRole("status")).toHaveText(CHECK_INBOX);
    await theConfirmation(email);
  });
});

test("every sign-up form carries the enquiry form's neutral honeypot and token fields, out of reach of people and autofill", async ({
  page,
}) => {
  for (const [path, form, signed] of [
    [`/blog/${POST_SLUG}`, ".post-newsletter form", false],
    [`/blog/${POST_SLUG}`, "#footer-subscribe form", false],
    ["/newsletter", ".newsletter__form form", true],
  ] as const) {
    await page.goto(path);
    const trap = page.locator(`${form} input[name="${HONEYPOT_FIELD}"]`);
    await expect(trap, `${path} ${form}`).toHaveCount(1);
    await expect(trap).toBeHidden();
    await expect(trap).toHaveAttribute("autocomplete", "off");
    await expect(trap).toHaveAttribute("tabindex", "-1");
    await expect(page.locator(`${form} label`).filter({ hasText: /empty/i })).toHaveCount(0);
    await expect(page.locator(`${form} input[name="website"]`)).toHaveCount(0);
    // A prerendered page cannot sign each visit, so its token field is empty; /newsletter signs its render time.
    await expect(page.locator(`${form} input[type="hidden"][name="${FORM_TOKEN_FIELD}"]`)).toHaveAttribute(
      "value",
      signed ? /^v2\./ : "",
    );
  }
});

test.describe("accessibility of the newsletter pages (axe, WCAG 2.2 AA)", () => {
  const pages = [
    { name: "/newsletter", path: "/newsletter" },
    { name: "/newsletter/confirm (invalid link)", path: "/newsletter/confirm?token=forged" },
    { name: "/newsletter/unsubscribe (invalid link)", path: "/newsletter/unsubscribe?token=forged" },
  ];
  for (const colorScheme of ["light", "dark"] as const) {
    for (const { name, path } of pages) {
      test(`${name} in ${colorScheme}`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectNoAxeViolations(page);
      });
    }

    test(`a post's sign-up with a field error in ${colorScheme}`, async ({ page }, testInfo) => {
      await page.setExtraHTTPHeaders({ "x-forwarded-for": clientIpFor(testInfo) });
      await page.emulateMedia({ colorScheme });
      await page.goto(`/blog/${POST_SLUG}`);
      const signup = page.locator(".post-newsletter");
      await signup.getByLabel("Your email").fill("ada@localhost");
      await signup.getByRole("button", { name: "Subscribe" }).click();
      await expect(signup.locator(".subscribe-form__error")).toBeVisible();
      await expectNoAxeViolations(page, ".post-newsletter");
    });
  }

  test("the confirmed page in dark, and the expired-link wording", async ({ page, request }, testInfo) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": clientIpFor(testInfo) });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/newsletter");
    const email = uniqueEmail(testInfo, "axe");
    await page.locator(".newsletter__form").getByLabel("Your email").fill(email);
    // /newsletter signs its render time; a person takes more than the 1 s minimum.
    await page.waitForTimeout(1_100);
    await page.locator(".newsletter__form").getByRole("button", { name: "Subscribe" }).click();
    await expect(page.locator(".newsletter__form").getByRole("status")).toHaveText(CHECK_INBOX);
    await page.goto(linkIn(await theConfirmation(email), "confirm"));
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Confirm my subscription" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You’re subscribed");
    expect(await (await request.get("/newsletter/confirm?token=" + "A".repeat(43))).text()).toContain(
      "This link isn’t valid",
    );
    await expectNoAxeViolations(page);
  });
});

test("the sign-up route refuses cross-site posts and answers a malformed one without a 500", async ({
  request,
  baseURL,
}) => {
  const crossSite = await request.post("/newsletter/subscribe", {
    headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
    data: "email=ada%40example.com",
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);
  const malformed = await request.post("/newsletter/subscribe", {
    headers: { origin: baseURL!, "content-type": "multipart/form-data; boundary=B", accept: "application/json" },
    data: "--B\r\nbroken",
  });
  expect(malformed.status()).toBeLessThan(500);
  // A post no longer carries a server action: the page has no framework code at all.
  const html = await (await request.get(`/blog/${POST_SLUG}`)).text();
  expect(html).not.toMatch(/\$ACTION_/);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`after a sign-up the panel replaces the form wherever the form is, and fits a 320 px phone (${colorScheme})`, async ({
    page,
  }, testInfo) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": clientIpFor(testInfo) });
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 320, height: 700 });
    for (const [path, box, label] of [
      [`/blog/${POST_SLUG}`, ".post-newsletter", "Your email"],
      ["/tags", "#footer-subscribe", "Email address"],
    ] as const) {
      await page.goto(path);
      const signup = page.locator(box);
      await signup.getByLabel(label).fill(uniqueEmail(testInfo, "panel"));
      await signup.getByRole("button", { name: "Subscribe" }).click();
      const done = signup.locator(".subscribe-done");
      await expect(done).toBeVisible();
      await expect(signup.locator("form")).toBeHidden();
      const overflow = await done.evaluate(
        (el) => el.getBoundingClientRect().right - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, box);
    }
  });
}
