import type { Page } from "@/lib/content/pagination";
import { getBlogPage, getFeaturedPosts, getPosts, getTag, getTagPage, type Post } from "@/lib/content/posts";
import type { TagWithCount } from "@/lib/content/tags";
import { site } from "@/lib/site";

/**
 * What the home page and the lists of posts (the blog, a topic) show, gathered at build time for the Pages Router
 * (`getStaticProps`): plain JSON, without the posts' MDX sources.
 */

/** Posts as JSON gives them back: `undefined` fields dropped (getStaticProps refuses them), sources emptied. */
export function plainPosts<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, field) => (key === "body" ? "" : field))) as T;
}

export function homeData(): { featured: Post[]; latest: Post[] } {
  const featured = getFeaturedPosts();
  // Featured essays come first, under "Start here"; the latest list does not repeat them.
  const latest = getPosts()
    .filter((post) => !post.featured)
    .slice(0, site.latestOnHome);
  return plainPosts({ featured, latest });
}

/** Page `n` of the blog, or null when there is no such page. */
export function blogListData(n: number | string): Page<Post> | null {
  const page = getBlogPage(n);
  return page ? plainPosts(page) : null;
}

/** Page `n` of a topic's list with the topic, or null when there is no such topic or page. */
export function tagListData(slug: string, n: number | string): { tag: TagWithCount; page: Page<Post> } | null {
  const tag = getTag(slug);
  const page = getTagPage(slug, n);
  return tag && page ? plainPosts({ tag, page }) : null;
}
