import { allPosts, type Post as PostDocument } from "contentlayer/generated";

import { contentDir, nodeEnv } from "@/lib/env";
import { postPath } from "@/lib/routes";
import { site } from "@/lib/site";

import { analyzeBody, type Heading } from "./analyze";
import { laterPageNumbers, paginate, parsePageParam, type Page } from "./pagination";
import { parseFrontmatter } from "./schema";
import { readingMinutes, readingTimeLabel } from "./reading";
import { collectTags, toTags, type Tag, type TagWithCount } from "./tags";

export type Post = {
  slug: string;
  url: string;
  title: string;
  description: string;
  /** `YYYY-MM-DD` */
  publishDate: string;
  updatedDate?: string;
  tags: Tag[];
  draft: boolean;
  cta: string;
  hasCustomCta: boolean;
  /** The MDX source without frontmatter. */
  body: string;
  words: number;
  readingMinutes: number;
  readingTime: string;
  headings: Heading[];
  sourceFile: string;
};

/**
 * The single rule for drafts: they are shown only by `next dev`. Every list,
 * page, feed and sitemap goes through `visiblePosts`, so none can forget it.
 */
export function draftsAreVisible(mode: string | undefined = nodeEnv()): boolean {
  return mode === "development";
}

export function visiblePosts<T extends { draft: boolean }>(posts: readonly T[], includeDrafts = draftsAreVisible()): T[] {
  return includeDrafts ? [...posts] : posts.filter((post) => !post.draft);
}

export function byNewest(a: Pick<Post, "publishDate" | "title">, b: Pick<Post, "publishDate" | "title">): number {
  return b.publishDate.localeCompare(a.publishDate) || a.title.localeCompare(b.title);
}

function toPost(doc: Pick<PostDocument, "_raw" | "body"> & Record<string, unknown>): Post {
  const sourceFile = `${contentDir()}/${doc._raw.sourceFilePath}`;
  const { title, description, publishDate, updatedDate, tags, draft, cta } = doc;
  const parsed = parseFrontmatter(sourceFile, { title, description, publishDate, updatedDate, tags, draft, cta });
  if (!parsed.ok) throw new Error(`Invalid post:\n  ${parsed.problems.join("\n  ")}`);
  const slug = doc._raw.sourceFileName.replace(/\.mdx$/, "");
  const { words, headings } = analyzeBody(doc.body.raw);
  const minutes = readingMinutes(words);
  return {
    slug,
    url: postPath(slug),
    title: parsed.data.title,
    description: parsed.data.description,
    publishDate: parsed.data.publishDate,
    ...(parsed.data.updatedDate ? { updatedDate: parsed.data.updatedDate } : {}),
    tags: toTags(parsed.data.tags),
    draft: parsed.data.draft,
    cta: parsed.data.cta ?? site.defaultCta,
    hasCustomCta: parsed.data.cta !== undefined,
    body: doc.body.raw,
    words,
    readingMinutes: minutes,
    readingTime: readingTimeLabel(minutes),
    headings,
    sourceFile,
  };
}

let cache: Post[] | undefined;

/** Every post, drafts included, newest first. Use `getPosts` in routes. */
function allPostsIncludingDrafts(): Post[] {
  cache ??= allPosts.map((doc) => toPost(doc as unknown as Parameters<typeof toPost>[0])).sort(byNewest);
  return cache;
}

/** The posts this build may show, newest first (drafts only in `next dev`). */
export function getPosts(): Post[] {
  return visiblePosts(allPostsIncludingDrafts());
}

export function getPostBySlug(slug: string): Post | undefined {
  return getPosts().find((post) => post.slug === slug);
}

export function getTags(): TagWithCount[] {
  return collectTags(getPosts());
}

export function getTag(slug: string): TagWithCount | undefined {
  return getTags().find((tag) => tag.slug === slug);
}

export function getPostsByTag(slug: string): Post[] {
  return getPosts().filter((post) => post.tags.some((tag) => tag.slug === slug));
}

/** A page of the blog list (1-based; a route segment or a number); null when there is no such page. */
export function getBlogPage(param: string | number): Page<Post> | null {
  const n = typeof param === "number" ? param : parsePageParam(param);
  return n === null || n < 1 ? null : paginate(getPosts(), n, site.postsPerPage);
}

/** A page of one tag's list; null when there is no such page. */
export function getTagPage(slug: string, param: string | number): Page<Post> | null {
  const n = typeof param === "number" ? param : parsePageParam(param);
  return n === null || n < 1 ? null : paginate(getPostsByTag(slug), n, site.postsPerPage);
}

/** Static params of the routes, from the same posts, so links and prerendered pages agree. */
export function blogPageParams(): { page: string }[] {
  return laterPageNumbers(getPosts().length, site.postsPerPage).map((n) => ({ page: String(n) }));
}

export function tagParams(): { tag: string }[] {
  return getTags().map((tag) => ({ tag: tag.slug }));
}

export function tagPageParams(): { tag: string; page: string }[] {
  return getTags().flatMap((tag) => laterPageNumbers(tag.count, site.postsPerPage).map((n) => ({ tag: tag.slug, page: String(n) })));
}
