import { Feed, type Item } from "feed";

import type { Post } from "@/lib/content/posts";
import { postOgImage } from "@/lib/seo/metadata";
import { feedPaths, homePath, tagFeedPath, tagPath, tagsPath } from "@/lib/routes";
import { absoluteUrl, site } from "@/lib/site";

import { renderPostHtml } from "./render-html";

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents built from posts with the
 * `feed` package. Pure functions of their input: the routes pass `getPosts()`
 * (or one tag's share of it), which has already left drafts out and put the
 * newest first, so a feed lists exactly what the site lists, in its order.
 */

export type FeedPost = Pick<
  Post,
  "slug" | "url" | "title" | "description" | "publishDate" | "updatedDate" | "tags" | "readingTime" | "body"
>;

/** What a feed is about: the whole site, or one tag. */
type FeedScope = {
  title: string;
  description: string;
  /** The HTML page the feed mirrors. */
  pagePath: string;
  /** Self links, by format. */
  feedLinks: { rss?: string; atom?: string; json?: string };
};

const siteFeedScope: FeedScope = {
  title: site.name,
  description: site.description,
  pagePath: homePath,
  feedLinks: { rss: feedPaths.rss, atom: feedPaths.atom, json: feedPaths.json },
};

export function tagFeedScope(tag: { name: string; slug: string }): FeedScope {
  return {
    title: `${site.name}: posts on ${tag.name}`,
    description: `Essays on ${tag.name} by ${site.author.name}.`,
    pagePath: tagPath(tag.slug),
    feedLinks: { rss: tagFeedPath(tag.slug) },
  };
}

type Format = "rss" | "atom" | "json";

const author = { name: site.author.name, email: site.author.email, link: absoluteUrl(site.author.url) };

/** `2025-05-02` as midnight UTC: posts carry calendar days, not times. */
function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function item(post: FeedPost, html: string, format: Format): Item {
  const url = absoluteUrl(post.url);
  // Atom's title and summary, and RSS's description, are HTML: a title like `Use <b> & <i>` must arrive as text.
  const asHtml = (text: string) => (format === "json" ? text : escapeHtml(text));
  return {
    id: url,
    link: url,
    title: format === "atom" ? escapeHtml(post.title) : post.title,
    description: asHtml(post.description),
    content: html,
    date: dayToDate(post.updatedDate ?? post.publishDate),
    published: dayToDate(post.publishDate),
    author: [author],
    category: post.tags.map((tag) =>
      format === "atom"
        ? // Atom categories are attributes; the slug is always safe there, the label loses only `<` and `>`.
          { term: tag.slug, name: tag.name.replace(/[<>]/g, ""), scheme: absoluteUrl(tagsPath) }
        : { name: tag.name, domain: absoluteUrl(tagPath(tag.slug)) },
    ),
  };
}

async function createFeed(posts: readonly FeedPost[], scope: FeedScope, format: Format): Promise<Feed> {
  const latest = posts
    .map((post) => post.updatedDate ?? post.publishDate)
    .sort()
    .at(-1);
  const feed = new Feed({
    id: absoluteUrl(scope.pagePath),
    title: scope.title,
    description: scope.description,
    link: absoluteUrl(scope.pagePath),
    language: site.language,
    // The newest change, not the build time: rebuilding without new content leaves the feed byte-identical.
    ...(latest ? { updated: dayToDate(latest) } : {}),
    generator: false,
    copyright: `© ${site.author.name}`,
    author,
    feedLinks: Object.fromEntries(Object.entries(scope.feedLinks).map(([key, path]) => [key, absoluteUrl(path)])),
  });
  const htmls = await Promise.all(posts.map((post) => renderPostHtml(post)));
  posts.forEach((post, index) => feed.addItem(item(post, htmls[index]!, format)));
  return feed;
}

export async function buildRss(posts: readonly FeedPost[], scope: FeedScope = siteFeedScope): Promise<string> {
  return (await createFeed(posts, scope, "rss")).rss2();
}

export async function buildAtom(posts: readonly FeedPost[], scope: FeedScope = siteFeedScope): Promise<string> {
  return (await createFeed(posts, scope, "atom")).atom1();
}

type JsonFeedAuthor = { name?: string; url?: string; avatar?: string };
type JsonFeedItem = Record<string, unknown> & { id: string; url?: string; author?: JsonFeedAuthor };
type JsonFeedDocument = Record<string, unknown> & { author?: JsonFeedAuthor; items: JsonFeedItem[] };

/**
 * JSON Feed 1.1. The `feed` package writes version 1; this upgrades its
 * output: the 1.1 version URL, `authors` arrays (keeping `author` for 1.0
 * readers), the feed's language, and each post's share image.
 */
export async function buildJsonFeed(posts: readonly FeedPost[], scope: FeedScope = siteFeedScope): Promise<string> {
  const feed = await createFeed(posts, scope, "json");
  const doc = JSON.parse(feed.json1()) as JsonFeedDocument;
  const byUrl = new Map(posts.map((post) => [absoluteUrl(post.url), post]));
  const upgraded = {
    version: "https://jsonfeed.org/version/1.1",
    ...doc,
    language: site.language,
    ...(doc.author ? { authors: [doc.author] } : {}),
    items: doc.items.map((entry) => {
      const post = byUrl.get(entry.id);
      return {
        ...entry,
        ...(entry.author ? { authors: [entry.author] } : {}),
        ...(post ? { image: absoluteUrl(postOgImage(post).path), language: site.language } : {}),
      };
    }),
  };
  upgraded.version = "https://jsonfeed.org/version/1.1";
  return `${JSON.stringify(upgraded, null, 2)}\n`;
}
