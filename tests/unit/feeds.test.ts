import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";

import { byNewest, getPosts, getPostsByTag, getTags } from "@/lib/content/posts";
import { buildAtom, buildJsonFeed, buildRss, tagFeedScope, type FeedPost } from "@/lib/feeds/build";
import { feedRehypePlugins, renderMdxToHtml, xmlSafeHtml } from "@/lib/feeds/render-html";
import { rehypePlugins } from "@/lib/content/mdx-pipeline";
import { site } from "@/lib/site";

const ARRAYS = new Set([
  "rss.channel.item",
  "rss.channel.atom:link",
  "rss.channel.item.category",
  "rss.channel.item.author",
  "feed.link",
  "feed.entry",
  "feed.entry.category",
  "feed.entry.author",
  "feed.entry.link",
]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  isArray: (_name, jpath) => ARRAYS.has(String(jpath)),
});

type Loose = Record<string, unknown>;
const text = (node: unknown): string =>
  typeof node === "object" && node !== null ? String((node as Loose)["#text"] ?? "") : String(node ?? "");

function fixture(overrides: Partial<FeedPost> & Pick<FeedPost, "slug">): FeedPost {
  return {
    url: `/blog/${overrides.slug}`,
    title: "Fixture",
    description: "A fixture post.",
    publishDate: "2024-01-01",
    tags: [{ name: "Fixtures", slug: "fixtures" }],
    readingTime: "1 min read",
    body: "Body text.",
    ...overrides,
  };
}

const hostile = fixture({
  slug: "hostile",
  title: `Q&A: "Quotes", <b>bold</b> & Ünïcödé — Привет`,
  description: "Less <than> & more",
  publishDate: "2024-02-02",
  tags: [{ name: "C++ & <Rust>", slug: "c-plus-plus-and-rust" }],
  body: 'Code: `a ]]> b` and a [relative link](/blog/x).\n\n```js\nconst s = "]]>";\n```\n',
});

/** Every href/src/srcset URL in an HTML fragment. */
function urlsIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src|srcset)="([^"]*)"/g)].map((m) =>
    m[1]!.replaceAll("&#x26;", "&").replaceAll("&amp;", "&"),
  );
}

const realPosts = getPosts();
// In the order getPosts() gives the routes: drafts already left out, newest first.
const posts: FeedPost[] = [...realPosts, hostile].sort(byNewest);

describe("RSS 2.0", () => {
  let xml: string;
  let channel: Loose;
  let items: Loose[];
  beforeAll(async () => {
    xml = await buildRss(posts);
    channel = (parser.parse(xml) as { rss: { channel: Loose } }).rss.channel;
    items = channel.item as Loose[];
  });

  it("is well-formed XML describing the site, with a self link", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(channel.title).toBe(site.name);
    expect(channel.link).toBe(`${site.url}/`);
    expect(channel.language).toBe(site.language);
    expect((channel["atom:link"] as Loose[])[0]).toMatchObject({ "@_href": `${site.url}/feed.xml`, "@_rel": "self" });
  });

  it("lists every post it is given, in the site's order", () => {
    expect(items.map((item) => item.link)).toEqual(posts.map((post) => `${site.url}${post.url}`));
  });

  it("carries the full rendered HTML, summary, dates, categories and author of each post", () => {
    for (const [index, item] of items.entries()) {
      const post = posts[index]!;
      const html = String(item["content:encoded"]);
      expect(html.length).toBeGreaterThan(post === hostile ? 50 : 2000);
      expect(item.pubDate).toBe(new Date(`${post.publishDate}T00:00:00Z`).toUTCString());
      expect(item.author).toEqual([`${site.author.email} (${site.author.name})`]);
      expect((item.category as Loose[]).map(text)).toEqual(post.tags.map((tag) => tag.name));
      expect(String(item.description)).not.toBe("");
    }
    const first = String(items[0]!["content:encoded"]);
    expect(first).toMatch(/<h2 id="[^"]+">/);
    expect(first).not.toContain("heading-anchor");
  });

  it("makes every link and image in the content absolute and marks external links noopener", () => {
    for (const item of items) {
      const html = String(item["content:encoded"]);
      for (const url of urlsIn(html)) expect(url, url).toMatch(/^(https?:|mailto:)/);
      for (const [, attrs] of html.matchAll(/<a\s([^>]*href="https?:[^"]*"[^>]*)>/g)) {
        if (!attrs!.includes(`href="${site.url}`)) expect(attrs).toMatch(/rel="noopener noreferrer"/);
      }
    }
    const withImage = items.find((item) => String(item["content:encoded"]).includes("<img"));
    expect(String(withImage?.["content:encoded"])).toContain(`src="${site.url}/images/`);
  });

  it("keeps a hostile title and `]]>` in code intact", () => {
    const item = items.find((i) => String(i.link).endsWith("/hostile"))!;
    expect(item.title).toBe(hostile.title);
    // The summary is HTML in RSS: the text arrives escaped, so readers show it rather than interpret it.
    expect(item.description).toBe("Less &lt;than&gt; &amp; more");
    expect(String(item["content:encoded"])).toContain(`href="${site.url}/blog/x"`);
    expect(String(item["content:encoded"])).toContain("]]&gt;");
  });

  it("has a feed per tag with only that tag's posts", async () => {
    for (const tag of getTags()) {
      const feed = parser.parse(await buildRss(getPostsByTag(tag.slug), tagFeedScope(tag))) as {
        rss: { channel: Loose };
      };
      const links = ((feed.rss.channel.item as Loose[] | undefined) ?? []).map((item) => item.link);
      expect(links).toEqual(getPostsByTag(tag.slug).map((post) => `${site.url}${post.url}`));
      expect(feed.rss.channel.link).toBe(`${site.url}/tags/${tag.slug}`);
      expect((feed.rss.channel["atom:link"] as Loose[])[0]!["@_href"]).toBe(`${site.url}/tags/${tag.slug}/feed.xml`);
    }
  });
});

describe("Atom 1.0", () => {
  let xml: string;
  let feed: Loose;
  let entries: Loose[];
  beforeAll(async () => {
    xml = await buildAtom(posts);
    feed = (parser.parse(xml) as { feed: Loose }).feed;
    entries = feed.entry as Loose[];
  });

  it("is well-formed with the required id, title, updated and a self link", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe(`${site.url}/`);
    expect(text(feed.title)).toBe(site.name);
    expect(Number.isNaN(Date.parse(String(feed.updated)))).toBe(false);
    expect((feed.link as Loose[]).find((l) => l["@_rel"] === "self")?.["@_href"]).toBe(`${site.url}/atom.xml`);
  });

  it("has one entry per post with HTML content, summary, dates, author and categories", () => {
    expect(entries.map((e) => e.id)).toEqual(posts.map((post) => `${site.url}${post.url}`));
    for (const [index, entry] of entries.entries()) {
      const post = posts[index]!;
      expect(entry.published).toBe(`${post.publishDate}T00:00:00.000Z`);
      expect(entry.updated).toBe(`${post.updatedDate ?? post.publishDate}T00:00:00.000Z`);
      expect((entry.content as Loose)["@_type"]).toBe("html");
      expect(text(entry.content)).toContain("<p>");
      expect((entry.author as Loose[])[0]).toMatchObject({ name: site.author.name });
      expect((entry.category as Loose[]).map((c) => c["@_term"])).toEqual(post.tags.map((t) => t.slug));
    }
  });

  it("escapes titles for its HTML-typed title element", () => {
    const entry = entries.find((e) => String(e.id).endsWith("/hostile"))!;
    expect(text(entry.title)).toBe("Q&amp;A: &quot;Quotes&quot;, &lt;b&gt;bold&lt;/b&gt; &amp; Ünïcödé — Привет");
    // An attribute: `<` and `>` are dropped from the label (the term is the always-safe slug), `&` is escaped.
    expect((entry.category as Loose[])[0]!["@_label"]).toBe("C++ & Rust");
    expect((entry.category as Loose[])[0]!["@_term"]).toBe("c-plus-plus-and-rust");
  });
});

describe("JSON Feed 1.1", () => {
  type JsonFeed = {
    version: string;
    title: string;
    home_page_url: string;
    feed_url: string;
    language: string;
    authors: Loose[];
    items: Loose[];
  };
  let feed: JsonFeed;
  beforeAll(async () => {
    feed = JSON.parse(await buildJsonFeed(posts)) as JsonFeed;
  });

  it("declares version 1.1 with its top-level fields", () => {
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.title).toBe(site.name);
    expect(feed.home_page_url).toBe(`${site.url}/`);
    expect(feed.feed_url).toBe(`${site.url}/feed.json`);
    expect(feed.language).toBe(site.language);
    expect(feed.authors).toEqual([{ name: site.author.name, url: `${site.url}/` }]);
  });

  it("has valid items: a string id, HTML content, absolute URLs, RFC 3339 dates, and tags", () => {
    expect(feed.items.map((item) => item.url)).toEqual(posts.map((post) => `${site.url}${post.url}`));
    for (const [index, item] of feed.items.entries()) {
      const post = posts[index]!;
      expect(typeof item.id).toBe("string");
      expect(String(item.content_html)).toContain("<p>");
      expect(item.title).toBe(post.title);
      expect(item.summary).toBe(post.description);
      expect(item.date_published).toBe(`${post.publishDate}T00:00:00.000Z`);
      expect(item.date_modified).toBe(`${post.updatedDate ?? post.publishDate}T00:00:00.000Z`);
      expect(item.tags).toEqual(post.tags.map((tag) => tag.name));
      expect(item.authors).toEqual([{ name: site.author.name, url: `${site.url}/` }]);
      expect(String(item.image)).toMatch(new RegExp(`^${site.url}/blog/${post.slug}/opengraph-image\\?v=`));
      for (const url of urlsIn(String(item.content_html))) expect(url).toMatch(/^(https?:|mailto:)/);
    }
  });
});

describe("renderMdxToHtml", () => {
  it("renders MDX with the site's plugins, drops MDX-only syntax but keeps JSX text", async () => {
    const html = await renderMdxToHtml(
      [
        'import { Callout } from "./callout"',
        "",
        "## A section",
        "",
        '<Callout type="note">Text inside a component stays.</Callout>',
        "",
        'An expression {1 + 1} disappears. "Smart" quotes and a [link](../other) and [same page](#a-section).',
        "",
        "![Alt](/images/x.png)",
        "",
        "[external](https://example.org/page)",
        "",
        "- [ ] a task",
        "",
        "```ts",
        "const answer: number = 42;",
        "```",
      ].join("\n"),
      "/blog/demo",
    );
    expect(html).not.toContain("import");
    expect(html).not.toContain("1 + 1");
    expect(html).toContain("Text inside a component stays.");
    expect(html).toContain("“Smart”");
    expect(html).toContain('<h2 id="a-section">A section</h2>');
    expect(html).toContain(`href="${site.url}/other"`);
    expect(html).toContain(`href="${site.url}/blog/demo#a-section"`);
    expect(html).toContain(`src="${site.url}/images/x.png"`);
    expect(html).toMatch(/<a href="https:\/\/example\.org\/page" rel="noopener noreferrer">/);
    // Code colours are inline styles of one light theme (feed readers drop stylesheets).
    expect(html).toMatch(/<pre[^>]*style="[^"]*background-color:#/);
    expect(html).toMatch(/<span style="color:#[0-9a-fA-F]{6}">/);
    expect(html).not.toContain("--shiki-dark");
  });

  it("drops script URLs instead of resolving them", async () => {
    const html = await renderMdxToHtml("[click](javascript:alert(1))", "/blog/demo");
    expect(html).not.toContain("javascript:");
  });

  it("derives its plugins from the shared list: no heading anchors, one Shiki theme", () => {
    const feedPlugins = feedRehypePlugins();
    expect(feedPlugins).toHaveLength(rehypePlugins.length - 1);
  });

  it("makes HTML safe inside XML CDATA", () => {
    expect(xmlSafeHtml("a ]]> b ]]> c\u0001")).toBe("a ]]&gt; b ]]&gt; c");
  });
});
