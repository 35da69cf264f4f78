import { expect, test, type Page } from "@playwright/test";

import { publishedPosts } from "../support/content";

const post = publishedPosts()[0]!;

const REQUIRED = {
  "content-security-policy": /default-src 'self'.*object-src 'none'.*base-uri 'self'.*form-action 'self'.*frame-ancestors 'none'/,
  "strict-transport-security": /max-age=\d{7,}/,
  "x-content-type-options": /^nosniff$/,
  "referrer-policy": /^strict-origin-when-cross-origin$/,
  "permissions-policy": /^(?=.*\bcamera=\(\))(?=.*\bmicrophone=\(\))(?=.*\bgeolocation=\(\))(?=.*\bpayment=\(\))/,
};

test.describe("security headers", () => {
  for (const path of ["/", `/blog/${post.slug}`, "/feed.xml", "/no-such-page"]) {
    test(`${path} carries the security headers and no X-Powered-By`, async ({ request }) => {
      const response = await request.get(path);
      const headers = response.headers();
      for (const [name, pattern] of Object.entries(REQUIRED)) expect(headers[name], name).toMatch(pattern);
      expect(headers["x-powered-by"]).toBeUndefined();
      const csp = headers["content-security-policy"]!;
      expect(csp).toContain("img-src 'self' data:");
      expect(csp).not.toMatch(/https?:\/\//);
      expect(csp).not.toContain("'unsafe-eval'");
    });
  }
});

/** Collects CSP violations reported by the page (securitypolicyviolation events and console errors). */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Refused to load: CSP ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return violations;
}

test.describe("the policy lets the site work", () => {
  test("home and a post (theme toggle, share bar, section link) raise no CSP violation", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const violations = await watchCsp(page);
    await page.goto("/");
    await page.getByRole("button", { name: "Dark theme" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await page.goto(`/blog/${post.slug}`);
    await page.locator(".share-bar [data-share='copy']").first().click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(`/blog/${post.slug}`);
    const anchor = page.locator(".prose h2 .heading-anchor").first();
    await anchor.focus();
    await anchor.click();
    await expect(page).toHaveURL(/#.+/);
    // Every image of the post loads under img-src 'self' data:.
    for (const image of await page.locator(".prose img").all()) {
      await image.scrollIntoViewIfNeeded();
      await expect.poll(() => image.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
    }
    expect(violations).toEqual([]);
  });
});
