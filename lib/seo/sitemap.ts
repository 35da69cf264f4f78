import type { MetadataRoute } from "next";

import { laterPageNumbers } from "@/lib/content/pagination";
import type { Post } from "@/lib/content/posts";
import {
  blogPath,
  contactPath,
  homePath,
  seriesIndexPath,
  seriesPath,
  startPath,
  tagPath,
  tagsPath,
} from "@/lib/routes";
import { absoluteUrl } from "@/lib/site";

import { modifiedDate } from "./metadata";

type SitemapPost = Pick<Post, "url" | "publishDate" | "updatedDate" | "tags" | "series" | "featured">;

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
 * and its later pages, the series and /start (when there are any) and the contact page. The route passes `getPosts()`, which has left drafts out.
 */
export function sitemapEntries(posts: readonly SitemapPost[], perPage: number): MetadataRoute.Sitemap {
  const newest = latest(posts);
  const tags = new Map<string, SitemapPost[]>();
  for (const post of posts) for (const tag of post.tags) tags.set(tag.slug, [...(tags.get(tag.slug) ?? []), post]);
  const featured = posts.filter((post) => post.featured);
  const series = new Map<string, SitemapPost[]>();
  for (const post of posts) {
    if (post.series) series.set(post.series.slug, [...(series.get(post.series.slug) ?? []), post]);
  }

  return [
    entry(homePath, newest, 1),
    entry(blogPath(), newest, 0.8),
    ...laterPageNumbers(posts.length, perPage).map((n) => entry(blogPath(n), newest, 0.3)),
    ...posts.map((post) => entry(post.url, modifiedDate(post), 0.9)),
    entry(tagsPath, newest, 0.4),
    ...[...tags].flatMap(([slug, tagged]) => [
      entry(tagPath(slug), latest(tagged), 0.5),
      ...laterPageNumbers(tagged.length, perPage).map((n) => entry(tagPath(slug, n), latest(tagged), 0.3)),
    ]),
    ...(series.size > 0
      ? [
          entry(seriesIndexPath, latest([...series.values()].flat()), 0.4),
          ...[...series].map(([slug, parts]) => entry(seriesPath(slug), latest(parts), 0.5)),
        ]
      : []),
    ...(featured.length > 0 ? [entry(startPath, latest(featured), 0.6)] : []),
    entry(contactPath(), undefined, 0.7),
  ];
}
