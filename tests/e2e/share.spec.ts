import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { publishedPosts } from "../support/content";

/** The share bar and section links on a post, in Chromium, against the production build. */

const post = publishedPosts().find((p) => p.title.includes("&") || p.title.includes(":")) ?? publishedPosts()[0]!;
const path = `/blog/${post.slug}`;

async function canonical(page: Page): Promise<string> {
  return (await page.locator('head link[rel="canonical"]').getAttribute("href"))!;
}

test.describe("share links", () => {
  test("carry the encoded canonical URL and title and open in a new tab without an opener", async ({ page }) => {
    await page.goto(path);
    const url = await canonical(page);
    for (const bar of ["compact", "full"]) {
      const links = page.locator(`[data-share-bar="${bar}"] a[data-share]`);
      await expect(links).toHaveCount(5);
      const hrefs = Object.fromEntries(
        await links.evaluateAll((els) => els.map((el) => [el.getAttribute("data-share"), el.getAttribute("href")])),
      ) as Record<string, string>;

      const linkedin = new URL(hrefs.linkedin!);
      expect(linkedin.hostname).toBe("www.linkedin.com");
      expect(linkedin.searchParams.get("url")).toBe(url);
      const x = new URL(hrefs.x!);
      expect(x.searchParams.get("url")).toBe(url);
      expect(x.searchParams.get("text")).toBe(post.title);
      expect(new URL(hrefs.bluesky!).searchParams.get("text")).toBe(`${post.title} ${url}`);
      const hn = new URL(hrefs.hackernews!);
      expect(hn.searchParams.get("u")).toBe(url);
      expect(hn.searchParams.get("t")).toBe(post.title);
      const mail = new URLSearchParams(hrefs.email!.replace(/^mailto:\?/, ""));
      expect(mail.get("subject")).toBe(post.title);
      expect(mail.get("body")).toContain(url);
      // Encoded, not merely present: no raw spaces, ampersands from the title or `#` in the query.
      for (const href of Object.values(hrefs)) expect(href.split("?")[1]).not.toMatch(/[\s#"]/);

      for (const target of ["linkedin", "x", "bluesky", "hackernews"]) {
        const link = page.locator(`[data-share-bar="${bar}"] a[data-share="${target}"]`);
        await expect(link).toHaveAttribute("target", "_blank");
        await expect(link).toHaveAttribute("rel", /\bnoopener\b/);
        await expect(link).toHaveAccessibleName(/opens in a new tab/);
      }
    }
  });

  test("a platform link opens its site in a new tab", async ({ page, context }) => {
    // The platforms are not reachable here; answer for them so the new tab has somewhere to land.
    await context.route("https://news.ycombinator.com/**", (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<title>HN</title>" }),
    );
    await page.goto(path);
    const [popup] = await Promise.all([
      page.waitForEvent("popup"),
      page.locator('[data-share-bar="full"] a[data-share="hackernews"]').click(),
    ]);
    await popup.waitForLoadState();
    const opened = new URL(popup.url());
    expect(opened.hostname).toBe("news.ycombinator.com");
    expect(opened.searchParams.get("u")).toBe(await canonical(page));
    expect(await popup.evaluate(() => window.opener)).toBeNull();
  });
});

test.describe("copy link", () => {
  test("puts the canonical URL on the clipboard and says so, visibly and to screen readers", async ({
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(path);
    const bar = page.locator('[data-share-bar="full"]');
    await bar.getByRole("button", { name: "Copy link" }).click();
    const status = bar.getByRole("status");
    await expect(status).toHaveText("Copied");
    await expect(status).toBeVisible();
    await expect(status).toHaveAttribute("aria-live", "polite");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await canonical(page));
    // The confirmation clears itself.
    await expect(status).toHaveText("", { timeout: 5_000 });
  });

  test("falls back to execCommand when the Clipboard API is missing", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.addInitScript(() => {
      const clipboard = navigator.clipboard;
      (window as unknown as { __clipboard: Clipboard }).__clipboard = clipboard;
      Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined, configurable: true });
    });
    await page.goto(path);
    expect(await page.evaluate(() => navigator.clipboard)).toBeUndefined();
    await page.locator('[data-share-bar="compact"]').getByRole("button", { name: "Copy link" }).click();
    await expect(page.locator('[data-share-bar="compact"]').getByRole("status")).toHaveText("Copied");
    const copied = await page.evaluate(() => (window as unknown as { __clipboard: Clipboard }).__clipboard.readText());
    expect(copied).toBe(await canonical(page));
  });

  test("uses the native share sheet where the browser has one", async ({ page }) => {
    await page.addInitScript(() => {
      const calls: ShareData[] = [];
      (window as unknown as { __shares: ShareData[] }).__shares = calls;
      Object.defineProperty(navigator, "share", {
        value: async (data: ShareData) => void calls.push(data),
        configurable: true,
      });
    });
    await page.goto(path);
    await page.locator('[data-share-bar="full"]').getByRole("button", { name: /More/ }).click();
    const shares = await page.evaluate(() => (window as unknown as { __shares: ShareData[] }).__shares);
    expect(shares).toEqual([{ title: post.title, text: expect.any(String), url: await canonical(page) }]);
  });

  test("is not offered when the browser has no native share", async ({ page }) => {
    await page.goto(path);
    expect(await page.evaluate(() => typeof navigator.share)).toBe("undefined");
    for (const button of await page.locator('[data-share="native"]').all()) await expect(button).toBeHidden();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the share links are there and no dead copy button is shown", async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('[data-share-bar="full"] a[data-share]')).toHaveCount(5);
    await expect(page.locator('[data-share-bar="compact"] a[data-share]')).toHaveCount(5);
    for (const button of await page.locator('[data-share="copy"]').all()) await expect(button).toBeHidden();
    // Section anchors are plain fragment links.
    const anchor = page.locator(".prose h2 .heading-anchor").first();
    await expect(anchor).toHaveAttribute("href", /^#.+/);
  });
});

test.describe("section links", () => {
  test("each h2/h3 shows its link on hover and on keyboard focus", async ({ page }) => {
    await page.goto(path);
    const heading = page.locator(".prose h2").nth(1);
    const anchor = heading.locator(".heading-anchor");
    await expect(anchor).toHaveCSS("opacity", "0");
    await heading.hover();
    await expect(anchor).toHaveCSS("opacity", "1");
    await page.mouse.move(0, 0);
    await anchor.focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    await expect(anchor).toBeFocused();
    await expect(anchor).toHaveCSS("opacity", "1");
    await expect(anchor).toHaveAccessibleName(/^Link to section: /);
  });

  test("clicking copies the URL with the anchor, updates the address bar and scrolls the heading under the header", async ({
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(path);
    const historyLength = await page.evaluate(() => history.length);
    const heading = page.locator(".prose h2").nth(2);
    const id = (await heading.getAttribute("id"))!;
    await heading.hover();
    await heading.locator(".heading-anchor").click();

    await expect(page).toHaveURL(new RegExp(`#${id}$`));
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${await canonical(page)}#${id}`);
    const toast = page.locator(".section-link-toast");
    await expect(toast).toHaveText("Link to this section copied");
    await expect(toast).toHaveAttribute("role", "status");
    await expect(toast).toBeVisible();

    // Scrolled into view, just below the sticky header rather than under it.
    await expect
      .poll(async () => {
        const headerBottom = await page.locator(".site-header").evaluate((el) => el.getBoundingClientRect().bottom);
        const top = await heading.evaluate((el) => el.getBoundingClientRect().top);
        return { below: top >= headerBottom, close: top < headerBottom + 40 };
      })
      .toEqual({ below: true, close: true });
  });

  test("a shared section URL lands just below the sticky header, two rows on phones", async ({ page }) => {
    await page.goto(path);
    const id = (await page.locator(".prose h2").nth(3).getAttribute("id"))!;
    for (const width of [320, 375, 480, 768, 1280]) {
      await page.setViewportSize({ width, height: 740 });
      await page.goto("about:blank");
      await page.goto(`${path}#${id}`);
      const heading = page.locator(`#${id}`);
      await expect
        .poll(
          async () => {
            const headerBottom = await page.locator(".site-header").evaluate((el) => el.getBoundingClientRect().bottom);
            const top = await heading.evaluate((el) => el.getBoundingClientRect().top);
            return { below: top >= headerBottom, close: top < headerBottom + 40 };
          },
          { message: `${width}px` },
        )
        .toEqual({ below: true, close: true });
    }
  });
});

test("the share bar has no accessibility violations (axe), at 375 px and on desktop", async ({ page }) => {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(path);
    const results = await new AxeBuilder({ page })
      .include(".share-bar")
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
      .analyze();
    expect(results.violations.map((v) => `${width}px ${v.id}: ${v.help}`)).toEqual([]);
    // Every control fits on a phone: nothing in the bars overflows the viewport.
    const overflow = await page
      .locator(".share-bar__link")
      .evaluateAll((els, w) => els.filter((el) => el.getBoundingClientRect().right > w).length, width);
    expect(overflow).toBe(0);
  }
});
