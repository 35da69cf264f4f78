import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";

import { draftPosts, publishedPosts } from "../support/content";

/**
 * What a link unfurler or a feed reader sees, read from the production build:
 * head tags, structured data, the share image bytes, feeds, sitemap, robots.
 */

const published = publishedPosts();
const drafts = draftPosts();
const post = published[0]!;
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_" });

type Loose = Record<string, unknown>;

async function head(page: Page) {
  const meta = async (attr: "property" | "name", key: string) =>
    page.locator(`head meta[${attr}="${key}"]`).first().getAttribute("content");
  const all = async (attr: "property" | "name", key: string) =>
    page.locator(`head meta[${attr}="${key}"]`).evaluateAll((els) => els.map((el) => el.getAttribute("content")));
  return { meta, all };
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Fetches an absolute site URL from this server (SITE_URL may name another host). */
async function getPath(request: APIRequestContext, absolute: string) {
  const url = new URL(absolute);
  return request.get(`${url.pathname}${url.search}`);
}

test.describe("post head", () => {
  test("holds the canonical URL, Open Graph article tags and a large Twitter card", async ({ page }) => {
    await page.goto(`/blog/${post.slug}`);
    const { meta, all } = await head(page);
    const canonical = await page.locator('head link[rel="canonical"]').getAttribute("href");
    expect(canonical).toMatch(new RegExp(`^https?://[^/]+/blog/${post.slug}$`));
    const origin = new URL(canonical!).origin;

    await expect(page).toHaveTitle(new RegExp(`^${post.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} · `));
    expect(await meta("name", "description")).toBeTruthy();
    expect(await meta("property", "og:type")).toBe("article");
    expect(await meta("property", "og:title")).toBe(post.title);
    expect(await meta("property", "og:url")).toBe(canonical);
    expect(await meta("property", "og:site_name")).toBeTruthy();
    expect(await meta("property", "og:locale")).toBe("en_GB");
    expect(await meta("property", "og:description")).toBe(await meta("name", "description"));
    expect(await meta("property", "article:published_time")).toBe(post.publishDate);
    expect(await meta("property", "article:modified_time")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await meta("property", "article:author")).toBe(`${origin}/`);
    expect(await all("property", "article:tag")).toEqual(post.labels);

    const image = await meta("property", "og:image");
    expect(image).toMatch(new RegExp(`^${origin}/blog/${post.slug}/opengraph-image\\?v=`));
    expect(await meta("property", "og:image:width")).toBe("1200");
    expect(await meta("property", "og:image:height")).toBe("630");
    expect(await meta("property", "og:image:alt")).toContain(post.title);

    expect(await meta("name", "twitter:card")).toBe("summary_large_image");
    expect(await meta("name", "twitter:creator")).toMatch(/^@\w+/);
    expect(await meta("name", "twitter:title")).toBe(post.title);
    expect(await meta("name", "twitter:image")).toBe(image);
  });

  test("holds BlogPosting and BreadcrumbList JSON-LD that parses", async ({ page }) => {
    await page.goto(`/blog/${post.slug}`);
    const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(scripts).toHaveLength(1);
    const data = JSON.parse(scripts[0]!) as { "@context": string; "@graph": Loose[] };
    expect(data["@context"]).toBe("https://schema.org");
    const article = data["@graph"].find((node) => node["@type"] === "BlogPosting")!;
    const breadcrumbs = data["@graph"].find((node) => node["@type"] === "BreadcrumbList")!;
    expect(article).toMatchObject({ headline: post.title, datePublished: post.publishDate, keywords: post.labels });
    expect((article.author as Loose)["@type"]).toBe("Person");
    expect(String(article.url)).toMatch(new RegExp(`/blog/${post.slug}$`));
    expect((article.mainEntityOfPage as Loose)["@id"]).toBe(article.url);
    expect(article.wordCount).toBeGreaterThan(300);
    expect(String(article.image)).toContain(`/blog/${post.slug}/opengraph-image`);
    expect((breadcrumbs.itemListElement as Loose[]).map((item) => item.name)).toEqual(["Home", "Writing", post.title]);
  });

  test("announces the RSS, Atom and JSON feeds", async ({ page }) => {
    for (const path of ["/", `/blog/${post.slug}`, "/blog", "/tags"]) {
      await page.goto(path);
      const links = await page
        .locator('head link[rel="alternate"]')
        .evaluateAll((els) => els.map((el) => [el.getAttribute("type"), new URL(el.getAttribute("href")!).pathname]));
      expect(links, path).toEqual(
        expect.arrayContaining([
          ["application/rss+xml", "/feed.xml"],
          ["application/atom+xml", "/atom.xml"],
          ["application/feed+json", "/feed.json"],
        ]),
      );
    }
  });
});

test.describe("share images", () => {
  test("every post's og:image is a 1200×630 PNG", async ({ page, request }) => {
    for (const p of published) {
      await page.goto(`/blog/${p.slug}`);
      const image = await page.locator('head meta[property="og:image"]').getAttribute("content");
      const response = await getPath(request, image!);
      expect(response.status(), p.slug).toBe(200);
      expect(response.headers()["content-type"]).toBe("image/png");
      expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
    }
    const plain = await request.get(`/blog/${post.slug}/opengraph-image`);
    expect(pngSize(await plain.body())).toEqual({ width: 1200, height: 630 });
  });

  test("home, lists and tags share the default 1200×630 card", async ({ page, request }) => {
    for (const path of ["/", "/blog", "/tags"]) {
      await page.goto(path);
      const image = await page.locator('head meta[property="og:image"]').getAttribute("content");
      expect(new URL(image!).pathname, path).toBe("/opengraph-image");
      const response = await getPath(request, image!);
      expect(response.headers()["content-type"]).toBe("image/png");
      expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
    }
  });

  test("drafts and unknown slugs have no image", async ({ request }) => {
    for (const slug of [...drafts.map((d) => d.slug), "no-such-post"]) {
      expect((await request.get(`/blog/${slug}/opengraph-image`)).status(), slug).toBe(404);
    }
  });
});

test.describe("feeds", () => {
  test("/feed.xml is RSS 2.0 with every published post, newest first, with full content", async ({ request }) => {
    const response = await request.get("/feed.xml");
    expect(response.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
    const body = await response.text();
    expect(XMLValidator.validate(body)).toBe(true);
    const channel = (xml.parse(body) as { rss: { channel: Loose } }).rss.channel;
    const items = ([] as Loose[]).concat(channel.item as Loose[]);
    expect(items.map((item) => new URL(String(item.link)).pathname)).toEqual(published.map((p) => `/blog/${p.slug}`));
    for (const item of items) expect(String(item["content:encoded"]).length).toBeGreaterThan(2000);
    for (const d of drafts) expect(body).not.toContain(d.slug);
  });

  test("/atom.xml is Atom with the same entries", async ({ request }) => {
    const response = await request.get("/atom.xml");
    expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    const body = await response.text();
    expect(XMLValidator.validate(body)).toBe(true);
    const feed = (xml.parse(body) as { feed: Loose }).feed;
    const entries = ([] as Loose[]).concat(feed.entry as Loose[]);
    expect(entries.map((entry) => new URL(String(entry.id)).pathname)).toEqual(published.map((p) => `/blog/${p.slug}`));
  });

  test("/feed.json is JSON Feed 1.1", async ({ request }) => {
    const response = await request.get("/feed.json");
    expect(response.headers()["content-type"]).toBe("application/feed+json; charset=utf-8");
    const feed = (await response.json()) as { version: string; title: string; items: Loose[] };
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.items.map((item) => new URL(String(item.url)).pathname)).toEqual(
      published.map((p) => `/blog/${p.slug}`),
    );
    for (const item of feed.items) {
      expect(typeof item.id).toBe("string");
      expect(String(item.content_html)).toContain("<p>");
    }
  });

  test("each tag has its own RSS feed, linked from its page", async ({ page, request }) => {
    const tag = post.tags[0]!;
    await page.goto("/tags");
    await page
      .getByRole("link", { name: new RegExp(`^${tag}`, "i") })
      .first()
      .click();
    const feedLink = page.getByRole("link", { name: /RSS feed for/ });
    const href = await feedLink.getAttribute("href");
    expect(href).toMatch(/^\/tags\/[^/]+\/feed\.xml$/);
    const response = await request.get(href!);
    expect(response.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
    const channel = (xml.parse(await response.text()) as { rss: { channel: Loose } }).rss.channel;
    const items = ([] as Loose[]).concat(channel.item as Loose[]);
    expect(items.map((item) => new URL(String(item.link)).pathname)).toContain(`/blog/${post.slug}`);
    expect(items.length).toBeLessThanOrEqual(published.length);
    expect((await request.get("/tags/no-such-tag/feed.xml")).status()).toBe(404);
  });

  test("the footer has a visible Subscribe link to the RSS feed", async ({ page }) => {
    await page.goto("/");
    const subscribe = page.getByRole("contentinfo").getByRole("link", { name: /Subscribe/ });
    await expect(subscribe).toBeVisible();
    await expect(subscribe).toHaveAttribute("href", "/feed.xml");
  });
});

test.describe("sitemap and robots", () => {
  test("the sitemap lists every public page with absolute URLs and no drafts", async ({ request }) => {
    const response = await request.get("/sitemap.xml");
    const body = await response.text();
    expect(XMLValidator.validate(body)).toBe(true);
    const urls = ([] as Loose[]).concat((xml.parse(body) as { urlset: { url: Loose[] } }).urlset.url);
    const locs = urls.map((u) => String(u.loc));
    for (const loc of locs) expect(loc).toMatch(/^https?:\/\//);
    const paths = locs.map((loc) => new URL(loc).pathname);
    expect(paths).toEqual(
      expect.arrayContaining(["/", "/blog", "/tags", "/contact", ...published.map((p) => `/blog/${p.slug}`)]),
    );
    for (const d of drafts) expect(paths).not.toContain(`/blog/${d.slug}`);
    const entry = urls.find((u) => String(u.loc).endsWith(`/blog/${post.slug}`))!;
    expect(String(entry.lastmod)).toMatch(/^\d{4}-\d{2}-\d{2}/);
  });

  test("robots.txt on a non-production SITE_URL disallows everything and points to the sitemap", async ({
    request,
  }) => {
    const body = await (await request.get("/robots.txt")).text();
    expect(body).toMatch(/User-Agent: \*\nDisallow: \//);
    expect(body).toMatch(/Sitemap: https?:\/\/[^\s]+\/sitemap\.xml/);
  });
});

test("home holds WebSite and Person JSON-LD", async ({ page }) => {
  await page.goto("/");
  const [json] = await page.locator('script[type="application/ld+json"]').allTextContents();
  const graph = (JSON.parse(json!) as { "@graph": Loose[] })["@graph"];
  expect(graph.map((node) => node["@type"])).toEqual(["WebSite", "Person"]);
});
