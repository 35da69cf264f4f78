import { allPosts } from "contentlayer/generated";

import { site } from "@/lib/site";

import { withHeldPosts } from "./held-posts";
import { laterPageNumbers, paginate, parsePageParam, type Page } from "./pagination";
import { findBySlug, postsFromDocuments, visiblePosts, type Post, type PostDocument } from "./post-model";
import { collectSeries, seriesPosition, type Series, type SeriesPosition } from "./series";
import { collectTags, type TagWithCount } from "./tags";

export { byNewest, draftsAreVisible, visiblePosts, type Post } from "./post-model";

let cache: Post[] | undefined;

/**
 * Every post, drafts included, newest first. Use `getPosts` in routes. In `npm run dev` a post whose file has
 * problems shows them instead (held-posts.ts).
 */
function allPostsIncludingDrafts(): Post[] {
  cache ??= withHeldPosts(postsFromDocuments(allPosts as unknown as PostDocument[]));
  return cache;
}

/** The posts this build may show, newest first (drafts only in `next dev`). */
export function getPosts(): Post[] {
  return visiblePosts(allPostsIncludingDrafts());
}

export function getPostBySlug(slug: string): Post | undefined {
  return findBySlug(getPosts(), slug);
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

export function getSeries(): Series[] {
  return collectSeries(getPosts());
}

export function getSeriesBySlug(slug: string): Series | undefined {
  return getSeries().find((series) => series.slug === slug);
}

export function getSeriesPosition(post: Post): SeriesPosition | undefined {
  return seriesPosition(post, getPosts());
}

/** The featured posts ("Start here"), oldest first: the order a newcomer would read them. */
export function getFeaturedPosts(): Post[] {
  return getPosts()
    .filter((post) => post.featured)
    .reverse();
}
