import { site } from "@/lib/site";

import { pageCount, paginate, parsePageParam } from "./pagination";
import { getPosts, getPostsByTag, getTags } from "./posts";

/** URLs and static params of the paginated lists, kept in one place so links and routes agree. */

export const blogPageHref = (n: number) => (n <= 1 ? "/blog" : `/blog/page/${n}`);
export const tagPageHref = (tag: string) => (n: number) => (n <= 1 ? `/tags/${tag}` : `/tags/${tag}/page/${n}`);

/** Page numbers from 2 on: page 1 lives at the list's own URL. */
function laterPages(total: number): string[] {
  return Array.from({ length: Math.max(0, pageCount(total, site.postsPerPage) - 1) }, (_, i) => String(i + 2));
}

export function blogPageParams() {
  return laterPages(getPosts().length).map((page) => ({ page }));
}

export function tagParams() {
  return getTags().map((tag) => ({ tag: tag.slug }));
}

export function tagPageParams() {
  return getTags().flatMap((tag) => laterPages(tag.count).map((page) => ({ tag: tag.slug, page })));
}

export function getBlogPage(param: string | number) {
  const n = typeof param === "number" ? param : parsePageParam(param);
  return n === null || n < 1 ? null : paginate(getPosts(), n, site.postsPerPage);
}

export function getTagPage(tag: string, param: string | number) {
  const n = typeof param === "number" ? param : parsePageParam(param);
  return n === null || n < 1 ? null : paginate(getPostsByTag(tag), n, site.postsPerPage);
}
