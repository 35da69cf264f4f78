import { createHash } from "node:crypto";

import { expect, test, type Page } from "@playwright/test";

import { expectNoAxeViolations } from "../support/axe";
import { publishedPosts, readSourcePosts } from "../support/content";

/**
 * The phone reader, in Chromium against the production build: at 390 × 844 the first paragraph of every post is
 * on the first screen (the sample posts, and the 45-post fixture build when it exists); at 320 px nothing overflows
 * (header, search dialog, post page); tables say they scroll; axe in both themes.
 */

const SCREEN = { width: 390, height: 844 };
/** At least this much of the first paragraph is visible (about two lines), not just its top edge. */
const VISIBLE_PX = 56;

type Source = { slug: string; title: string };

async function firstParagraphTop(page: Page, base: string, post: Source): Promise<number> {
  await page.goto(`${base}/blog/${post.slug}`);
  return page.evaluate(() => {
    const first = document.querySelector("#post .prose > p");
    if (!first) throw new Error("no paragraph in the article");
    return Math.round(first.getBoundingClientRect().top + window.scrollY);
  });
}

async function checkFirstScreen(page: Page, base: string, posts: Source[], record: (line: string) => void) {
  const late: string[] = [];
  for (const post of posts) {
    const top = await firstParagraphTop(page, base, post);
    record(`${post.slug}: ${top}`);
    if (top > SCREEN.height - VISIBLE_PX) late.push(`${post.slug} at y = ${top}`);
  }
  expect(late, `first paragraphs below the first ${SCREEN.width} × ${SCREEN.height} screen`).toEqual([]);
}

const fixtureUrl = process.env.E2E_FIXTURE_URL;
const fixturePosts = fixtureUrl ? readSourcePosts(".fixture/content").filter((post) => !post.draft) : [];
const BATCH = 12;

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ viewport: SCREEN, colorScheme, hasTouch: true, isMobile: true });

    test(`390 × 844: every sample post opens with its first paragraph on the first screen`, async ({
      page,
    }, testInfo) => {
      await checkFirstScreen(page, "", publishedPosts(), (line) =>
        testInfo.annotations.push({ type: "first paragraph y", description: line }),
      );
    });

    for (let start = 0; start < fixturePosts.length; start += BATCH) {
      const batch = fixturePosts.slice(start, start + BATCH);
      test(`390 × 844: fixture posts ${start + 1}–${start + batch.length} open with their first paragraph on the first screen`, async ({
        page,
      }, testInfo) => {
        await checkFirstScreen(page, fixtureUrl!, batch, (line) =>
          testInfo.annotations.push({ type: "first paragraph y", description: line }),
        );
      });
    }

    test("a post passes axe on a phone, with its contents and series opened", async ({ page }) => {
      const post = publishedPosts()[0]!;
      await page.goto(`/blog/${post.slug}`);
      for (const summary of await page.locator(".post__tools summary").all()) await summary.click();
      await expectNoAxeViolations(page);
    });
  });
}

/** Elements inside `root` whose box passes the viewport's right edge (or the root's own), scrolling frames' content aside. */
async function overflowing(page: Page, root: string): Promise<string[]> {
  return page.locator(root).evaluate((element) => {
    const limit = Math.min(document.documentElement.clientWidth, element.getBoundingClientRect().right);
    const out: string[] = [];
    for (const el of [element, ...element.querySelectorAll("*")]) {
      // What scrolls inside its own frame (a wide table, a long code line) is meant to go past it.
      const scroller = el.parentElement?.closest(".table-scroll, pre");
      if (scroller && element.contains(scroller)) continue;
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > limit + 0.5 && getComputedStyle(el).position !== "fixed")
        out.push(`${el.tagName.toLowerCase()}.${el.className}: right ${Math.round(box.right)} > ${Math.round(limit)}`);
    }
    return out;
  });
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`320 px, ${colorScheme} theme`, () => {
    test.use({ viewport: { width: 320, height: 640 }, colorScheme });

    test("nothing overflows: the header, a post, its tables (which say they scroll), the home page, /contact", async ({
      page,
    }) => {
      for (const path of ["/", `/blog/${publishedPosts()[0]!.slug}`, "/contact", "/newsletter", "/search"]) {
        await page.goto(path);
        expect(await overflowing(page, ".site-header"), path).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
      }
      // The header's buttons are one shape and size.
      const sizes = await page
        .locator(".search-trigger, .theme-toggle")
        .evaluateAll((els) => els.map((el) => [el.clientWidth, el.clientHeight, getComputedStyle(el).borderRadius]));
      expect(sizes[0]).toEqual(sizes[1]);
      // Only the navigation row stays on screen while reading: the brand row scrolls away.
      await page.goto(`/blog/${publishedPosts()[0]!.slug}`);
      await page.mouse.wheel(0, 1200);
      await expect
        .poll(() => page.locator(".site-header").evaluate((el) => Math.round(el.getBoundingClientRect().bottom)))
        .toBeLessThanOrEqual(56);
    });

    test("a wide table scrolls inside its frame and shows that there is more", async ({ page }) => {
      // The first post that has a table.
      let found = false;
      for (const post of publishedPosts()) {
        await page.goto(`/blog/${post.slug}`);
        if ((await page.locator(".table-scroll").count()) > 0) {
          found = true;
          break;
        }
      }
      test.skip(!found, "no table in the sample posts");
      const frame = page.locator(".table-scroll").first();
      await expect(frame).toHaveAttribute("tabindex", "0");
      const { scrolls, shadows } = await frame.evaluate((el) => ({
        scrolls: el.scrollWidth > el.clientWidth,
        shadows: getComputedStyle(el).backgroundImage.split("gradient").length - 1,
      }));
      expect(scrolls).toBe(true);
      expect(shadows).toBe(4);
      expect(await overflowing(page, "#post")).toEqual([]);
    });

    test("the search dialog fits: the topic select, the field and the results stay inside; Escape closes at once", async ({
      page,
    }) => {
      await page.goto("/");
      await expect(page.locator("a.search-trigger")).toHaveAttribute("aria-keyshortcuts", "/");
      await page.locator("a.search-trigger").click();
      const dialog = page.getByRole("dialog", { name: "Search the essays" });
      await expect(dialog.getByRole("combobox", { name: "Topic" })).toBeVisible();
      await dialog.getByRole("searchbox").fill("team");
      await expect(dialog.locator(".search-result").first()).toBeVisible();
      const box = (await dialog.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(320);
      expect(await overflowing(page, ".search-dialog")).toEqual([]);
      await expect(dialog.getByRole("combobox", { name: "Topic" })).toHaveJSProperty(
        "clientWidth",
        await dialog.getByRole("searchbox").evaluate((el) => el.clientWidth),
      );
      // One Escape with words in the field closes the dialog; the words are still there on the next open.
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      await expect(page.locator("a.search-trigger")).toBeFocused();
      await page.keyboard.press("/");
      await expect(dialog.getByRole("searchbox")).toHaveValue("team");
    });

    test("the enquiry's confirmation fits: a short heading on one line, nothing past the edge", async ({
      page,
    }, testInfo) => {
      const id = createHash("sha256").update(`${testInfo.testId}:${Date.now()}`).digest();
      await page.setExtraHTTPHeaders({ "x-forwarded-for": `10.${id[0]}.${id[1]}.${id[2]}` });
      await page.goto("/contact");
      const shownAt = Date.now();
      await page.getByLabel("Your name").fill("Ada Lovelace");
      await page.getByLabel("Email", { exact: true }).fill(`phone-${id.toString("hex").slice(0, 8)}@example.com`);
      await page.getByLabel("What would you like to talk about?").selectOption({ index: 1 });
      await page.getByLabel("Your message").fill("Our on-call rotation burns people out; can we talk about it?");
      // The form refuses anything sent within its minimum time (1 s in the e2e server).
      await page.waitForTimeout(Math.max(0, shownAt + 1_300 - Date.now()));
      await page.getByRole("button", { name: "Send message" }).click();
      const heading = page.getByRole("heading", { name: "I’ve got your message" });
      await expect(heading).toBeFocused();
      const lineHeight = await heading.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      expect((await heading.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
      expect(await overflowing(page, ".enquiry-success")).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    });
  });
}
