import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { draftPosts, publishedPosts } from "../support/content";

const published = publishedPosts();
const drafts = draftPosts();
const newest = published[0]!;

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}

test.describe("reading", () => {
  test("home introduces the author and lists the latest posts, newest first", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "What I help with" })).toBeVisible();
    // Featured essays first, under "Start here" (oldest first: reading order); the latest list leaves them out.
    const start = page.getByRole("region", { name: "Start here" });
    const featured = published.filter((p) => p.featured).reverse();
    expect(featured.length).toBeGreaterThan(0);
    await expect(start.locator(".post-card__title a")).toHaveText(featured.map((p) => p.title));
    const latest = page.getByRole("region", { name: "Latest writing" });
    const titles = await latest.locator(".post-card__title a").allTextContents();
    expect(titles).toEqual(
      published
        .filter((p) => !p.featured)
        .slice(0, 5)
        .map((p) => p.title),
    );
    await expect(page.getByRole("main").getByRole("link", { name: "Let’s talk" }).first()).toHaveAttribute(
      "href",
      "/contact",
    );
  });

  test("/start gathers the featured essays under the introduction", async ({ page }) => {
    await page.goto("/start");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Start here");
    await expect(page.locator(".post-card__title a")).toHaveText(
      published
        .filter((p) => p.featured)
        .reverse()
        .map((p) => p.title),
    );
  });

  test("/blog lists every published post with date, reading time and tags", async ({ page }) => {
    await page.goto("/blog");
    const cards = page.locator(".post-card");
    await expect(cards).toHaveCount(published.length);
    for (const [i, post] of published.entries()) {
      const card = cards.nth(i);
      await expect(card.getByRole("link", { name: post.title, exact: true })).toHaveAttribute(
        "href",
        `/blog/${post.slug}`,
      );
      await expect(card.locator("time")).toHaveAttribute("datetime", post.publishDate);
      await expect(card).toContainText(/\d+ min read/);
      await expect(card.locator(".tag")).toHaveCount(new Set(post.tags.map((t) => t.toLowerCase())).size);
    }
  });

  test("a post renders its sections, contents, code, dialogue and closing call to action", async ({ page }) => {
    const post = published.find((p) => p.slug.includes("on-call")) ?? newest;
    await page.goto(`/blog/${post.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(post.title);
    await expect(page.locator(".post-meta").first()).toContainText(/\d+ min read/);

    // Every h2/h3 has an id, an anchor link, and an entry in the contents.
    const headingIds = await page
      .locator(".prose :is(h2, h3)[id]:not(#footnote-label)")
      .evaluateAll((els) => els.map((el) => el.id));
    expect(headingIds.length).toBeGreaterThan(3);
    const tocIds = await page
      .locator("nav.toc a")
      .evaluateAll((els) => els.map((el) => el.getAttribute("href")!.slice(1)));
    expect(tocIds).toEqual(headingIds);
    await expect(page.locator(`#${headingIds[0]} .heading-anchor`)).toHaveAttribute("href", `#${headingIds[0]}`);

    // Code is highlighted at build time: coloured spans, a title, highlighted lines.
    const code = page.locator("figure[data-rehype-pretty-code-figure]").first();
    await expect(code.locator("figcaption")).not.toBeEmpty();
    const colours = await code
      .locator("pre code span[style]")
      .evaluateAll((els) => new Set(els.map((el) => getComputedStyle(el).color)).size);
    expect(colours).toBeGreaterThan(2);

    // Dialogue: one speaker per line, each on its own line.
    const lines = page.locator("blockquote.dialogue > .dialogue-line");
    expect(await lines.count()).toBeGreaterThanOrEqual(2);
    const first = (await lines.nth(0).boundingBox())!;
    const second = (await lines.nth(1).boundingBox())!;
    expect(second.y).toBeGreaterThanOrEqual(first.y + first.height - 1);
    await expect(lines.nth(0)).toHaveText(/^— “/);

    // The closing call to action carries the post as the enquiry's source.
    const cta = page.locator(".post-cta");
    await expect(cta.getByRole("link", { name: "Let’s talk" })).toHaveAttribute("href", `/contact?from=${post.slug}`);
    if (post.cta) await expect(cta).toContainText(post.cta.replace(/'/g, "’"));
  });

  test("a post's own call to action replaces the default", async ({ page }) => {
    const custom = published.find((p) => p.cta);
    test.skip(!custom, "no post sets a cta");
    await page.goto(`/blog/${custom!.slug}`);
    const text = await page.locator(".post-cta__text").textContent();
    expect(text?.replace(/[’']/g, "'")).toBe(custom!.cta!.replace(/[’']/g, "'"));
  });

  test("links: internal ones stay on the site, external ones carry noopener noreferrer", async ({ page }) => {
    let externalCount = 0;
    let internalCount = 0;
    for (const post of published) {
      await page.goto(`/blog/${post.slug}`);
      const external = await page
        .locator(".prose a[href^='http']")
        .evaluateAll((els) => els.map((el) => el.getAttribute("rel")));
      for (const rel of external) expect(rel).toBe("noopener noreferrer");
      externalCount += external.length;
      const internal = page.locator(".prose a[href^='/blog/']");
      internalCount += await internal.count();
      for (const rel of await internal.evaluateAll((els) => els.map((el) => el.getAttribute("rel"))))
        expect(rel).toBeNull();
    }
    expect(externalCount).toBeGreaterThan(0);
    expect(internalCount).toBeGreaterThan(0);
  });

  test("post images load with their intrinsic size", async ({ page }) => {
    for (const post of published) {
      await page.goto(`/blog/${post.slug}`);
      const images = page.locator(".prose img");
      for (let i = 0; i < (await images.count()); i++) {
        const image = images.nth(i);
        await image.scrollIntoViewIfNeeded();
        await expect(image).toHaveAttribute("width", /\d+/);
        await expect(image).toHaveAttribute("alt", /\S/);
        await expect
          .poll(() => image.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
          .toBeGreaterThan(0);
      }
    }
  });

  test("the table of contents scrolls to its section", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/blog/${newest.slug}`);
    const links = page.locator("nav.toc--aside a");
    const target = links.nth((await links.count()) - 1);
    const id = (await target.getAttribute("href"))!.slice(1);
    await expect(page.locator(`[id="${id}"]`)).not.toBeInViewport();
    await target.click();
    await expect(page).toHaveURL(new RegExp(`#${id}$`));
    await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
    // The section lands below the sticky header, not under it.
    const headerBottom = await page.locator(".site-header").evaluate((el) => el.getBoundingClientRect().bottom);
    await expect
      .poll(() => page.locator(`[id="${id}"]`).evaluate((el) => el.getBoundingClientRect().top))
      .toBeGreaterThanOrEqual(headerBottom - 1);
  });

  test("on a phone the contents collapse and still navigate", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`/blog/${newest.slug}`);
    const toc = page.locator("details.toc--inline");
    await expect(page.locator("nav.toc--aside")).toBeHidden();
    await expect(toc.locator("a").first()).toBeHidden();
    await toc.locator("summary").click();
    const link = toc.locator("a").nth(1);
    const id = (await link.getAttribute("href"))!.slice(1);
    await link.click();
    await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
  });

  test("tags: one tag per slug with counts, and each tag page lists its posts", async ({ page }) => {
    await page.goto("/tags");
    const entries = page.locator(".tag-index a");
    const count = await entries.count();
    expect(count).toBeGreaterThan(0);
    const names = (await page.locator(".tag-index__name").allTextContents()).map((n) => n.toLowerCase());
    expect(new Set(names).size).toBe(names.length);

    for (let i = 0; i < count; i++) {
      const entry = entries.nth(i);
      const href = (await entry.getAttribute("href"))!;
      const expected = Number((await entry.locator(".tag-index__count").textContent())!.match(/\d+/)![0]);
      const name = (await entry.locator(".tag-index__name").textContent())!.toLowerCase();
      const tagged = published.filter((p) => p.tags.some((t) => t.toLowerCase() === name));
      expect(expected).toBe(tagged.length);
      await page.goto(href);
      await expect(page.locator(".post-card")).toHaveCount(expected);
      await page.goto("/tags");
    }
  });

  test("a tag written in two spellings is one tag", async ({ page }) => {
    const spellings = new Map<string, Set<string>>();
    for (const post of published)
      for (const tag of post.tags)
        spellings.set(tag.toLowerCase(), (spellings.get(tag.toLowerCase()) ?? new Set()).add(tag));
    const [lower, variants] = [...spellings.entries()].find(([, v]) => v.size > 1) ?? [];
    test.skip(!lower, "the sample posts spell every tag one way");
    await page.goto(`/tags/${lower!.replace(/\s+/g, "-")}`);
    const tagged = published.filter((p) => p.tags.some((t) => variants!.has(t)));
    await expect(page.locator(".post-card")).toHaveCount(tagged.length);

    // One label everywhere: the tag page, every card and every post page show the same spelling.
    const label = tagged[0]!.labels.find((l) => l.toLowerCase() === lower)!;
    await expect(page.getByRole("heading", { level: 1 })).toContainText(label);
    for (const path of ["/", "/blog", "/tags"]) {
      await page.goto(path);
      const shown = (await page.locator(".tag, .tag-index__name").allTextContents()).map((t) => t.trim());
      expect(
        shown.filter((t) => t.toLowerCase() === lower).every((t) => t === label),
        `${path} shows one spelling`,
      ).toBe(true);
    }
    for (const post of tagged) {
      await page.goto(`/blog/${post.slug}`);
      await expect(page.locator(".post__header .tag", { hasText: new RegExp(`^${label}$`, "i") })).toHaveText(label);
    }
  });

  test("the 404 page is helpful and answers 404", async ({ page }) => {
    const response = await page.goto("/blog/no-such-post");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("isn’t here");
    await expect(page.locator(".post-card")).toHaveCount(Math.min(3, published.length));
    await expect(page.getByRole("main").getByRole("link", { name: "home page" })).toHaveAttribute("href", "/");
  });
});

test.describe("drafts", () => {
  test.skip(drafts.length === 0, "no draft among the sample posts");

  test("a draft URL is a 404", async ({ page }) => {
    for (const draft of drafts) {
      const response = await page.goto(`/blog/${draft.slug}`);
      expect(response?.status()).toBe(404);
    }
  });

  test("a draft is listed nowhere", async ({ page, request }) => {
    const pages = [
      "/",
      "/blog",
      "/tags",
      ...new Set(drafts.flatMap((d) => d.tags.map((t) => `/tags/${t.toLowerCase().replace(/\s+/g, "-")}`))),
    ];
    for (const path of pages) {
      const response = await request.get(path);
      const html = await response.text();
      for (const draft of drafts) {
        expect(html, `${path} mentions the draft`).not.toContain(draft.slug);
        expect(html, `${path} mentions the draft`).not.toContain(draft.title);
      }
    }
    // A tag used only by drafts has no page.
    await page.goto("/tags");
    const names = (await page.locator(".tag-index__name").allTextContents()).map((n) => n.toLowerCase());
    const publishedTags = new Set(published.flatMap((p) => p.tags.map((t) => t.toLowerCase())));
    for (const name of names) expect(publishedTags.has(name)).toBe(true);
  });
});

test.describe("theme", () => {
  test("the dark mode toggle persists across reloads and pages", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/");
    const toggle = page.getByRole("button", { name: "Dark theme" });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    const lightBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(darkBg).not.toBe(lightBg);

    await page.reload();
    // Set before first paint by the inline script, not after hydration.
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await page.goto(`/blog/${newest.slug}`);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(darkBg);
    await page.getByRole("button", { name: "Dark theme" }).click();
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  });

  test("without a stored choice the OS decides", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/");
    await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe("rgb(21, 23, 26)");
  });
});

test.describe("accessibility", () => {
  const paths = () => [
    "/",
    "/blog",
    `/blog/${newest.slug}`,
    "/tags",
    `/tags/${newest.tags[0]!.toLowerCase().replace(/\s+/g, "-")}`,
    "/no-such-page",
  ];

  // One page and one scan per test, so a busy machine never stacks six scans against one timeout.
  for (const scheme of ["light", "dark"] as const) {
    for (const [index, label] of [
      "home",
      "blog list",
      "newest post",
      "tag index",
      "a tag page",
      "the 404 page",
    ].entries()) {
      test(`axe finds no violations on ${label} (${scheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(paths()[index]!);
        await expectNoAxeViolations(page);
      });
    }
  }

  for (const scheme of ["light", "dark"] as const) {
    for (const post of published) {
      test(`${post.slug} passes axe (${scheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`/blog/${post.slug}`);
        await expectNoAxeViolations(page);
      });
    }
  }

  test("the skip link moves focus to the content", async ({ page }) => {
    await page.goto(`/blog/${newest.slug}`);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await skip.press("Enter");
    await expect(page).toHaveURL(/#main$/);
    await expect(page.locator("#main")).toBeFocused();
  });
});

test.describe("small screens", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("nothing scrolls sideways at 375 px", async ({ page }) => {
    for (const path of ["/", "/blog", "/tags", ...published.map((p) => `/blog/${p.slug}`)]) {
      await page.goto(path);
      const [scrollWidth, clientWidth] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(scrollWidth, path).toBeLessThanOrEqual(clientWidth);
    }
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("posts, lists and contents work", async ({ page }) => {
    await page.goto("/blog");
    await page.getByRole("link", { name: newest.title, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(newest.title);
    await expect(page.locator(".prose h2").first()).toBeVisible();
    await page.setViewportSize({ width: 375, height: 740 });
    await page.locator("details.toc--inline summary").click();
    await expect(page.locator("details.toc--inline a").first()).toBeVisible();
  });
});
