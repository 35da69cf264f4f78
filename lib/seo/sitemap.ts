import type { MetadataRoute } from "next";

import { pageCount } from "@/lib/content/pagination";
import type { Post } from "@/lib/content/posts";
import { blogPageHref, tagPageHref } from "@/lib/content/routes";
import { absoluteUrl } from "@/lib/site";

import { modifiedDate } from "./metadata";

type SitemapPost = Pick<Post, "url" | "publishDate" | "updatedDate" | "tags" | "draft">;

/** The newest publish/update day among posts, or undefined for none. */
function latest(posts: readonly SitemapPost[]): string | undefined {
  return posts.map(modifiedDate).sort().at(-1);
}

function entry(path: string, lastModified: string | undefined, priority: number): MetadataRoute.Sitemap[number] {
  return { url: absoluteUrl(path), ...(lastModified ? { lastModified } : {}), priority };
}

/**
 * Every public page with an absolute URL: home, the blog list and its later
 * pages, each post (dated by its last update), the topics index, each tag
 * and its later pages, and the contact page. Drafts never appear.
 */
export function sitemapEntries(allPosts: readonly SitemapPost[], perPage: number): MetadataRoute.Sitemap {
  const posts = allPosts.filter((post) => !post.draft);
  const newest = latest(posts);
  const tags = new Map<string, SitemapPost[]>();
  for (const post of posts) for (const tag of post.tags) tags.set(tag.slug, [...(tags.get(tag.slug) ?? []), post]);

  const laterPages = (count: number) => Array.from({ length: pageCount(count, perPage) - 1 }, (_, i) => i + 2);

  return [
    entry("/", newest, 1),
    entry("/blog", newest, 0.8),
    ...laterPages(posts.length).map((n) => entry(blogPageHref(n), newest, 0.3)),
    ...posts.map((post) => entry(post.url, modifiedDate(post), 0.9)),
    entry("/tags", newest, 0.4),
    ...[...tags].flatMap(([slug, tagged]) => [
      entry(tagPageHref(slug)(1), latest(tagged), 0.5),
      ...laterPages(tagged.length).map((n) => entry(tagPageHref(slug)(n), latest(tagged), 0.3)),
    ]),
    entry("/contact", undefined, 0.7),
  ];
}
