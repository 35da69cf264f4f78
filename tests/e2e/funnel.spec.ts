import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { expect, test, type Page } from "@playwright/test";

import { calWebhookBody, calWebhookHeaders } from "../../tooling/shared/cal-webhook";
import { expectNoAxeViolations } from "../support/axe";

/**
 * From enquiry to booked call, end to end against the production build: the enquiry sent in the browser,
 * the prefilled booking link, Cal.com's signed webhook, then the report and the admin page showing the booking.
 * The e2e server runs with BOOKING_URL, BOOKING_WEBHOOK_SECRET and ADMIN_TOKEN (playwright.config.ts).
 */

const BOOKING_URL = process.env.E2E_BOOKING_URL!;
const SECRET = process.env.E2E_BOOKING_WEBHOOK_SECRET!;
const ADMIN_TOKEN = process.env.E2E_ADMIN_TOKEN!;
const POST_SLUG = "blameless-post-mortems-that-change-things";
const POST_TITLE = "Blameless Post-Mortems That Actually Change Things";
const MIN_SUBMIT_MS = 1_000;
const admin = { username: "admin", password: ADMIN_TOKEN };
const run = promisify(execFile);

async function sendEnquiry(page: Page, email: string, ip: string) {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": ip });
  await page.goto(`/contact?from=${POST_SLUG}`);
  const shownAt = Date.now();
  await page.getByLabel("Your name").fill("Ada Lovelace");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("What would you like to talk about?").selectOption({ label: "Delivery and process" });
  await page.getByLabel("Team size").selectOption({ label: "40–100" });
  await page.getByLabel("When").selectOption({ label: "This quarter" });
  await page.getByLabel("Your message").fill("Our post-mortems never change anything. Can we talk about it?");
  // The form refuses (as spam) anything sent sooner than the minimum after the page was rendered.
  const remaining = shownAt + MIN_SUBMIT_MS + 200 - Date.now();
  if (remaining > 0) await page.waitForTimeout(remaining);
  await page.getByRole("button", { name: /send/i }).click();
  const link = page.getByRole("link", { name: "Pick a time for a 30-minute call now" });
  await expect(link).toBeVisible();
  return new URL((await link.getAttribute("href"))!);
}

test("an enquiry, its prefilled booking link and a signed Cal.com webhook show as booked in the report and on /admin/funnel", async ({
  page,
  request,
}) => {
  const email = `booker-${Date.now()}@example.com`;
  const link = await sendEnquiry(page, email, "10.14.0.1");
  expect(link.origin + link.pathname).toBe(BOOKING_URL);
  expect(link.searchParams.get("name")).toBe("Ada Lovelace");
  expect(link.searchParams.get("email")).toBe(email);
  expect(link.searchParams.get("notes")).toBe("Enquiry about delivery and process (40–100 engineers, this quarter)");
  const enquiryId = link.searchParams.get("metadata[enquiryId]")!;
  expect(enquiryId).toMatch(/^[0-9a-f-]{36}$/);

  // Cal.com's webhook for the booking made through that link, signed as Cal.com signs it.
  const body = calWebhookBody({ uid: `e2e_${Date.now()}`, name: "Ada Lovelace", email, enquiryId });
  const unsigned = await request.post("/api/bookings/webhook", {
    data: body,
    headers: { "content-type": "application/json" },
  });
  expect(unsigned.status()).toBe(401);
  const booked = await request.post("/api/bookings/webhook", { data: body, headers: calWebhookHeaders(SECRET, body) });
  expect(booked.status()).toBe(200);
  expect(await booked.json()).toEqual({ result: "applied", enquiryId });
  const replay = await request.post("/api/bookings/webhook", { data: body, headers: calWebhookHeaders(SECRET, body) });
  expect(await replay.json()).toEqual({ result: "replay" });

  // npm run enquiries, as the author runs it, on the server's database.
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "scripts/enquiries.ts", "--json", "--limit", "500"],
    {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        NODE_ENV: "production",
        DATABASE_URL: `file:${path.join(process.env.E2E_DATA_DIR!, "enquiries.db")}`,
      },
      timeout: 30_000,
    },
  );
  const report = JSON.parse(stdout) as {
    recent: Array<{ id: string; bookingStatus: string | null; qualifiers: string }>;
    funnel: { bySource: Array<{ slug: string | null; booked: number; enquiries: number }> };
  };
  expect(report.recent.find((row) => row.id === enquiryId)).toMatchObject({
    bookingStatus: "booked",
    qualifiers: "40–100 engineers, this quarter",
  });
  const source = report.funnel.bySource.find((row) => row.slug === POST_SLUG)!;
  expect(source.booked).toBeGreaterThanOrEqual(1);

  // The admin page, with the credentials the browser would send after the Basic challenge.
  const context = await page.context().browser()!.newContext({ httpCredentials: admin });
  try {
    const adminPage = await context.newPage();
    const response = await adminPage.goto("/admin/funnel");
    expect(response!.status()).toBe(200);
    expect(response!.headers()["cache-control"]).toContain("no-store");
    expect(response!.headers()["x-robots-tag"]).toBe("noindex, nofollow");
    expect(response!.headers()["set-cookie"]).toBeUndefined();
    await expect(adminPage.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    const row = adminPage.getByRole("row", { name: new RegExp(POST_TITLE) });
    await expect(row.getByRole("cell").nth(1)).toHaveText(String(source.booked));
    await expect(adminPage.getByRole("img", { name: /Enquiries and booked calls per month/ })).toBeVisible();
    // The chart is drawn on the server: no script comes from a chart library, and the SVG is in the HTML.
    expect(await response!.text()).toContain('<svg class="funnel-chart"');
  } finally {
    await context.close();
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the success page offers the same prefilled booking link", async ({ page }) => {
    const email = `nojs-booker-${Date.now()}@example.com`;
    const link = await sendEnquiry(page, email, "10.14.0.2");
    expect(link.searchParams.get("email")).toBe(email);
    expect(link.searchParams.get("metadata[enquiryId]")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

test("/admin/funnel answers 401 with a Basic challenge to missing or wrong credentials, and never appears in the sitemap", async ({
  request,
}) => {
  for (const authorization of [undefined, `Basic ${Buffer.from("admin:wrong").toString("base64")}`]) {
    const response = await request.get("/admin/funnel", {
      headers: authorization ? { authorization } : {},
      maxRedirects: 0,
    });
    expect(response.status()).toBe(401);
    expect(response.headers()["www-authenticate"]).toBe('Basic realm="Steady State admin", charset="UTF-8"');
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(await response.text()).toBe("Authentication required.\n");
  }
  expect(await (await request.get("/sitemap.xml")).text()).not.toContain("/admin");
  expect(await (await request.get("/robots.txt")).text()).toMatch(/Disallow: \//);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds no violations on /admin/funnel (${colorScheme})`, async ({ browser }) => {
    const context = await browser.newContext({ httpCredentials: admin, colorScheme });
    try {
      const page = await context.newPage();
      await page.goto("/admin/funnel");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("From enquiry to booked call");
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });
}
