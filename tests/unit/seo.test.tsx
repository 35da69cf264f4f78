import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { JsonLdScript } from "@/components/seo/json-ld";
import type { Post } from "@/lib/content/posts";
import { getPosts } from "@/lib/content/posts";
import { homeJsonLd, postJsonLd, serializeJsonLd } from "@/lib/seo/json-ld";
import { defaultOgImage, pageMetadata, postMetadata, rootMetadata, tagFeed } from "@/lib/seo/metadata";
import { site, siteUrl } from "@/lib/site";

const post: Post = {
  slug: "on-call-rotation",
  url: "/blog/on-call-rotation",
  title: "Designing an On-Call Rotation Nobody Dreads",
  description: "On-call burnout is a design problem, not a toughness problem.",
  publishDate: "2025-03-18",
  updatedDate: "2025-06-10",
  tags: [
    { name: "On-call", slug: "on-call" },
    { name: "Engineering Leadership", slug: "engineering-leadership" },
  ],
  draft: false,
  cta: site.defaultCta,
  hasCustomCta: false,
  featured: false,
  body: "Hello",
  words: 1834,
  readingMinutes: 8,
  readingTime: "8 min read",
  headings: [],
  sourceFile: "content/posts/on-call-rotation.mdx",
};

type Loose = Record<string, unknown>;
const get = (value: unknown, ...keys: (string | number)[]): unknown =>
  keys.reduce<unknown>((acc, key) => (acc as Loose | undefined)?.[key as string], value);

describe("postMetadata", () => {
  const meta = postMetadata(post);

  it("titles the page with the post (the layout template adds the site name) and describes it", () => {
    expect(meta.title).toBe(post.title);
    expect(meta.description).toBe(post.description);
  });

  it("sets the canonical URL and announces the three site feeds", () => {
    expect(get(meta, "alternates", "canonical")).toBe("/blog/on-call-rotation");
    const types = get(meta, "alternates", "types") as Record<string, { url: string }[]>;
    expect(Object.keys(types).sort()).toEqual(["application/atom+xml", "application/feed+json", "application/rss+xml"]);
    expect(types["application/rss+xml"]!.map((t) => t.url)).toEqual(["/feed.xml"]);
    expect(types["application/atom+xml"]!.map((t) => t.url)).toEqual(["/atom.xml"]);
    expect(types["application/feed+json"]!.map((t) => t.url)).toEqual(["/feed.json"]);
  });

  it("describes an article for Open Graph: dates, author, tags, site name, locale and its own 1200×630 card", () => {
    expect(meta.openGraph).toMatchObject({
      type: "article",
      url: "/blog/on-call-rotation",
      title: post.title,
      description: post.description,
      siteName: site.name,
      locale: site.locale,
      publishedTime: "2025-03-18",
      modifiedTime: "2025-06-10",
      authors: [`${site.url}/`],
      tags: ["On-call", "Engineering Leadership"],
    });
    const image = get(meta, "openGraph", "images", 0) as Loose;
    expect(image.url).toMatch(/^\/blog\/on-call-rotation\/opengraph-image\?v=[0-9a-z]+$/);
    expect(image).toMatchObject({ width: 1200, height: 630, type: "image/png" });
    expect(String(image.alt)).toContain(post.title);
  });

  it("uses the publish date as the modified time of a post never updated", () => {
    const neverUpdated: Post = { ...post, updatedDate: undefined };
    expect(get(postMetadata(neverUpdated), "openGraph", "modifiedTime")).toBe("2025-03-18");
  });

  it("asks for a large-image Twitter card credited to the author's handle", () => {
    expect(meta.twitter).toMatchObject({
      card: "summary_large_image",
      title: post.title,
      creator: `@${site.social.x}`,
      site: `@${site.social.x}`,
    });
    expect(get(meta, "twitter", "images", 0, "url")).toBe(get(meta, "openGraph", "images", 0, "url"));
  });

  it("changes the image URL when what the card shows changes, so cached cards are refreshed", () => {
    const url = (p: Post) => get(postMetadata(p), "openGraph", "images", 0, "url");
    expect(url({ ...post, title: `${post.title}!` })).not.toBe(url(post));
    expect(url({ ...post, body: "Different body" })).toBe(url(post));
  });
});

describe("pageMetadata", () => {
  it("gives /contact (built elsewhere) a title, canonical URL and the default card", () => {
    const meta = pageMetadata({ title: "Let's talk", description: "Tell me what is going on.", path: "/contact" });
    expect(meta.title).toBe("Let's talk");
    expect(get(meta, "alternates", "canonical")).toBe("/contact");
    expect(meta.openGraph).toMatchObject({
      type: "website",
      url: "/contact",
      siteName: site.name,
      locale: site.locale,
      title: "Let's talk",
    });
    expect(get(meta, "openGraph", "images", 0, "url")).toBe(defaultOgImage.path);
    expect(defaultOgImage.path).toMatch(/^\/opengraph-image\?v=/);
    expect(get(meta, "twitter", "card")).toBe("summary_large_image");
  });

  it("uses the site title, untemplated, for the home page", () => {
    const meta = pageMetadata({ path: "/" });
    expect(meta.title).toEqual({ absolute: `${site.name} — ${site.tagline}` });
    expect(meta.description).toBe(site.description);
  });

  it("adds a tag's own RSS feed next to the site's", () => {
    const meta = pageMetadata({
      title: "Posts on Culture",
      path: "/tags/culture",
      feeds: [tagFeed({ name: "Culture", slug: "culture" })],
    });
    const rss = get(meta, "alternates", "types", "application/rss+xml") as { url: string }[];
    expect(rss.map((t) => t.url)).toEqual(["/feed.xml", "/tags/culture/feed.xml"]);
  });

  it("can keep a page out of search results", () => {
    expect(pageMetadata({ title: "x", path: "/x", noIndex: true }).robots).toEqual({ index: false, follow: true });
    expect(pageMetadata({ title: "x", path: "/x" }).robots).toBeUndefined();
  });
});

describe("rootMetadata", () => {
  it("bases URLs on SITE_URL and templates titles as `<page> · <site>`", () => {
    const meta = rootMetadata();
    expect(String(meta.metadataBase)).toBe(siteUrl.toString());
    expect(meta.title).toEqual({ default: `${site.name} — ${site.tagline}`, template: `%s · ${site.name}` });
    expect(meta.openGraph).toMatchObject({ siteName: site.name, locale: site.locale });
  });
});

describe("JSON-LD", () => {
  const hostile = {
    ...post,
    title: `</script><script>alert("x")</script> & <!-- Q&A \u2028 line \u2029 para`,
    description: "A <b>bold</b> claim > nothing",
  };

  it("escapes <, >, &, U+2028 and U+2029 so a title cannot close the script element", () => {
    const json = serializeJsonLd(postJsonLd(hostile));
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(json)).toEqual(postJsonLd(hostile));
  });

  it("renders one intact script element whose content parses back to the data", () => {
    const html = renderToStaticMarkup(<JsonLdScript data={postJsonLd(hostile)} />);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    const body = /^<script type="application\/ld\+json">(.*)<\/script>$/s.exec(html)?.[1];
    expect(body).toBeDefined();
    expect(get(JSON.parse(body!), "@graph", 0, "headline")).toBe(hostile.title);
  });

  it("names the series a post is part of beside the blog (isPartOf)", () => {
    const [alone] = postJsonLd(post)["@graph"] as Loose[];
    expect(alone!.isPartOf).toMatchObject({ "@type": "Blog" });
    const [inSeries] = postJsonLd(post, { name: "Calm incidents", url: "/series/calm-incidents" })["@graph"] as Loose[];
    expect(inSeries!.isPartOf).toEqual([
      expect.objectContaining({ "@type": "Blog" }),
      {
        "@type": "CreativeWorkSeries",
        "@id": `${site.url}/series/calm-incidents#series`,
        name: "Calm incidents",
        url: `${site.url}/series/calm-incidents`,
      },
    ]);
  });

  it("describes a post as a BlogPosting with its breadcrumb trail", () => {
    const data = postJsonLd(post);
    const [article, breadcrumbs] = data["@graph"] as Loose[];
    const url = `${site.url}/blog/on-call-rotation`;
    expect(article).toMatchObject({
      "@type": "BlogPosting",
      headline: post.title,
      description: post.description,
      datePublished: "2025-03-18",
      dateModified: "2025-06-10",
      author: { "@type": "Person", name: site.author.name, url: `${site.url}/` },
      url,
      mainEntityOfPage: { "@type": "WebPage", "@id": url },
      keywords: ["On-call", "Engineering Leadership"],
      wordCount: 1834,
    });
    expect(String(article!.image)).toMatch(new RegExp(`^${site.url}/blog/on-call-rotation/opengraph-image\\?v=`));
    expect(breadcrumbs).toMatchObject({ "@type": "BreadcrumbList" });
    expect((breadcrumbs!.itemListElement as Loose[]).map((item) => [item.position, item.name, item.item])).toEqual([
      [1, "Home", `${site.url}/`],
      [2, "Writing", `${site.url}/blog`],
      [3, post.title, url],
    ]);
  });

  it("describes the home page as a WebSite by a Person", () => {
    const [website, person] = homeJsonLd()["@graph"] as Loose[];
    expect(website).toMatchObject({
      "@type": "WebSite",
      name: site.name,
      url: `${site.url}/`,
      inLanguage: site.language,
    });
    expect(person).toMatchObject({ "@type": "Person", name: site.author.name, jobTitle: site.author.role });
    expect(person!.sameAs).toContain(site.social.linkedin);
    expect(get(website, "author", "@id")).toBe(person!["@id"]);
  });

  it("works for every real post", () => {
    for (const real of getPosts()) {
      const data = JSON.parse(serializeJsonLd(postJsonLd(real)));
      expect(get(data, "@graph", 0, "headline")).toBe(real.title);
      expect(get(data, "@graph", 0, "wordCount")).toBeGreaterThan(100);
    }
  });
});
