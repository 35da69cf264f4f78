import { expect, test } from "@playwright/test";

import { readSourcePosts } from "../support/content";

/**
 * Runs against the fixture build of 45 synthetic posts (2 drafts), served by
 * the second web server in playwright.config.ts (`npm run build:fixture`).
 */
const fixtureUrl = process.env.E2E_FIXTURE_URL;
const PER_PAGE = 20;

test.describe("pagination at scale", () => {
  test.skip(!fixtureUrl && !process.env.CI, "run `npm run build:fixture` first");
  test.beforeAll(() => {
    if (!fixtureUrl) throw new Error("The fixture build is missing: npm test builds it with `npm run build:fixture`.");
  });
  test.use({ baseURL: fixtureUrl });

  const all = readSourcePosts(".fixture/content");
  const published = all.filter((p) => !p.draft);
  const drafts = all.filter((p) => p.draft);
  const pages = Math.ceil(published.length / PER_PAGE);

  test("the blog lists every published post once, newest first, 20 a page", async ({ page }) => {
    expect(pages).toBeGreaterThan(2);
    const seen: string[] = [];
    await page.goto("/blog");
    for (let n = 1; n <= pages; n++) {
      await expect(page.locator(".pagination__status")).toHaveText(`Page ${n} of ${pages}`);
      const titles = await page.locator(".post-card__title a").allTextContents();
      expect(titles.length).toBe(n < pages ? PER_PAGE : published.length - PER_PAGE * (pages - 1));
      seen.push(...titles);
      if (n < pages) {
        await page.getByRole("link", { name: "Older posts →" }).click();
        await expect(page).toHaveURL(new RegExp(`/blog/page/${n + 1}$`));
      } else {
        await expect(page.getByRole("link", { name: "Older posts →" })).toHaveCount(0);
      }
    }
    expect(seen).toEqual(published.map((p) => p.title));
    await page.getByRole("link", { name: "← Newer posts" }).click();
    await expect(page).toHaveURL(new RegExp(`/blog/page/${pages - 1}$`));
  });

  test("pages outside the range are 404s", async ({ request }) => {
    for (const path of [`/blog/page/${pages + 1}`, "/blog/page/0", "/blog/page/02", "/blog/page/x"]) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
  });

  test("a list page stays small however many posts there are", async ({ request }) => {
    const first = (await (await request.get("/blog")).text()).length;
    const second = (await (await request.get("/blog/page/2")).text()).length;
    // Both hold 20 posts: the same size within a few percent, not growing with the total.
    expect(Math.abs(first - second) / first).toBeLessThan(0.1);
  });

  test("tag pages paginate too", async ({ page }) => {
    const tagged = published.filter((p) => p.tags.includes("Engineering Leadership"));
    const tagPages = Math.ceil(tagged.length / PER_PAGE);
    expect(tagPages).toBeGreaterThan(1);
    await page.goto("/tags/engineering-leadership");
    await expect(page.locator(".post-card")).toHaveCount(PER_PAGE);
    await page.goto(`/tags/engineering-leadership/page/${tagPages}`);
    await expect(page.locator(".post-card")).toHaveCount(tagged.length - PER_PAGE * (tagPages - 1));
    expect((await page.request.get(`/tags/engineering-leadership/page/${tagPages + 1}`)).status()).toBe(404);
  });

  test("drafts are on no page and their URLs are 404s", async ({ request }) => {
    expect(drafts.length).toBeGreaterThan(0);
    const html = (
      await Promise.all(
        ["/", "/tags", ...Array.from({ length: pages }, (_, i) => (i === 0 ? "/blog" : `/blog/page/${i + 1}`))].map(
          async (p) => (await request.get(p)).text(),
        ),
      )
    ).join("\n");
    for (const draft of drafts) {
      expect(html).not.toContain(draft.slug);
      expect((await request.get(`/blog/${draft.slug}`)).status()).toBe(404);
    }
  });
});
