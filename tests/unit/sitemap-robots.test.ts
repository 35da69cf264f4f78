import { describe, expect, it } from "vitest";

import { getPosts, getTags } from "@/lib/content/posts";
import { isIndexableSiteUrl } from "@/lib/seo/indexing";
import { robotsFor } from "@/lib/seo/robots";
import { sitemapEntries } from "@/lib/seo/sitemap";
import { site } from "@/lib/site";

import { draftPosts } from "../support/content";

type SitemapPost = Parameters<typeof sitemapEntries>[0][number];

const post = (slug: string, publishDate: string, tags: string[], extra: Partial<SitemapPost> = {}): SitemapPost => ({
  url: `/blog/${slug}`,
  publishDate,
  tags: tags.map((name) => ({ name, slug: name.toLowerCase() })),
  featured: false,
  ...extra,
});

describe("sitemap", () => {
  it("lists every public page with absolute URLs: home, blog, posts, topics, tags and contact", () => {
    const entries = sitemapEntries(getPosts(), site.postsPerPage);
    const urls = entries.map((e) => e.url);
    expect(urls).toEqual(
      expect.arrayContaining([`${site.url}/`, `${site.url}/blog`, `${site.url}/tags`, `${site.url}/contact`]),
    );
    for (const p of getPosts()) expect(urls).toContain(`${site.url}${p.url}`);
    for (const tag of getTags()) expect(urls).toContain(`${site.url}/tags/${tag.slug}`);
    for (const url of urls) expect(url.startsWith(`${site.url}/`) || url === site.url).toBe(true);
    expect(new Set(urls).size).toBe(urls.length);
    // The route passes getPosts(), which leaves the sample draft out.
    expect(draftPosts().length).toBeGreaterThan(0);
    for (const draft of draftPosts()) expect(urls).not.toContain(`${site.url}/blog/${draft.slug}`);
  });

  it("dates each post by its last update, and the lists by the newest post", () => {
    const entries = sitemapEntries(
      [
        post("old", "2024-01-01", ["A"]),
        post("updated", "2024-02-01", ["A", "B"], { updatedDate: "2024-06-30" }),
        post("new", "2024-03-01", ["B"]),
      ],
      20,
    );
    const lastmod = (path: string) => entries.find((e) => e.url === `${site.url}${path}`)?.lastModified;
    expect(lastmod("/blog/old")).toBe("2024-01-01");
    expect(lastmod("/blog/updated")).toBe("2024-06-30");
    expect(lastmod("/")).toBe("2024-06-30");
    expect(lastmod("/tags/a")).toBe("2024-06-30");
    expect(lastmod("/tags/b")).toBe("2024-06-30");
  });

  it("includes later list pages, as many as the posts fill", () => {
    const posts = Array.from({ length: 5 }, (_, i) => post(`p${i}`, `2024-01-0${i + 1}`, ["A"]));
    const urls = sitemapEntries(posts, 2).map((e) => e.url.replace(site.url, ""));
    expect(urls).toEqual(expect.arrayContaining(["/blog/page/2", "/blog/page/3", "/tags/a/page/2", "/tags/a/page/3"]));
    expect(urls).not.toContain("/blog/page/4");
    expect(urls).not.toContain("/tags/a/page/4");
  });
});

describe("sitemap: series", () => {
  it("lists /series and each series, dated by its newest part, only when there are series", () => {
    const series = { name: "Calm incidents", slug: "calm-incidents" };
    const entries = sitemapEntries(
      [
        post("one", "2024-01-01", [], { series: { ...series, order: 1 } }),
        post("two", "2024-02-01", [], { series: { ...series, order: 2 } }),
        post("alone", "2024-05-01", []),
      ],
      20,
    );
    const lastmod = (path: string) => entries.find((e) => e.url === `${site.url}${path}`)?.lastModified;
    expect(lastmod("/series")).toBe("2024-02-01");
    expect(lastmod("/series/calm-incidents")).toBe("2024-02-01");
    const none = sitemapEntries([post("alone", "2024-05-01", [])], 20).map((e) => e.url);
    expect(none).not.toContain(`${site.url}/series`);
    expect(none).not.toContain(`${site.url}/start`);
    const featured = sitemapEntries([post("f", "2024-03-01", [], { featured: true })], 20);
    expect(featured.find((e) => e.url === `${site.url}/start`)?.lastModified).toBe("2024-03-01");
  });
});

describe("robots", () => {
  it("disallows everything on localhost and previews, and points to the sitemap", () => {
    expect(robotsFor(new URL("http://localhost:3000"), {})).toEqual({
      rules: { userAgent: "*", disallow: "/" },
      sitemap: `${site.url}/sitemap.xml`,
    });
  });

  it("allows everything but /admin on a production URL", () => {
    expect(robotsFor(new URL("https://steadystate.co.uk"), {}).rules).toEqual({
      userAgent: "*",
      allow: "/",
      disallow: "/admin",
    });
  });

  it("treats only public HTTPS hosts outside preview platforms as production", () => {
    const indexable = ["https://steadystate.co.uk", "https://www.noracastell.com/", "https://blog.example.com.au"];
    const notIndexable = [
      "http://steadystate.co.uk",
      "http://localhost:3000",
      "https://localhost",
      "https://127.0.0.1:3000",
      "https://[::1]:3000",
      "https://my-blog.local",
      "https://steadystate.example",
      "https://blog.test",
      "https://steady-state-git-share-nora.vercel.app",
      "https://deploy-preview-12--steadystate.netlify.app",
      "https://share.steadystate.pages.dev",
    ];
    for (const url of indexable) expect(isIndexableSiteUrl(url, {}), url).toBe(true);
    for (const url of notIndexable) expect(isIndexableSiteUrl(url, {}), url).toBe(false);
    expect(isIndexableSiteUrl("https://steadystate.co.uk", { VERCEL_ENV: "preview" })).toBe(false);
    expect(isIndexableSiteUrl("https://steadystate.co.uk", { VERCEL_ENV: "production" })).toBe(true);
  });

  it("lets SITE_INDEXING override the guess either way", () => {
    expect(isIndexableSiteUrl("https://steady-state.vercel.app", { SITE_INDEXING: "allow" })).toBe(true);
    expect(isIndexableSiteUrl("https://steadystate.co.uk", { SITE_INDEXING: "block" })).toBe(false);
    expect(isIndexableSiteUrl("https://steadystate.co.uk", { SITE_INDEXING: "maybe" })).toBe(true);
  });
});
