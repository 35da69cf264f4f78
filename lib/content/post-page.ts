import { getPostBySlug, getPosts, getSeriesPosition, type Post } from "@/lib/content/posts";
import { adjacentPosts, relatedPosts } from "@/lib/content/related";
import { renderPostBody } from "@/lib/content/render-post";
import type { SeriesPosition } from "@/lib/content/series";
import { absoluteUrl } from "@/lib/site";

/**
 * Everything a post's page shows, gathered at build time (pages/blog/[slug].tsx `getStaticProps`): the post,
 * its body compiled to HTML, its place in a series, related posts and neighbours. Plain JSON, as the Pages
 * Router requires of page props; no post carries its MDX source (the page has the HTML).
 */
export type PostPageData = {
  post: Post;
  html: string;
  /** The canonical absolute URL (share links, quote links). */
  url: string;
  position: SeriesPosition | null;
  related: Post[];
  newer: Post | null;
  older: Post | null;
};

/** A value as JSON gives it back: `undefined` fields dropped (getStaticProps refuses them), sources emptied. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, field) => (key === "body" ? "" : field))) as T;
}

export async function getPostPageData(slug: string): Promise<PostPageData | null> {
  const post = getPostBySlug(slug);
  if (!post) return null;
  const posts = getPosts();
  const { newer, older } = adjacentPosts(post, posts);
  return plain({
    post,
    html: await renderPostBody(post.body),
    url: absoluteUrl(post.url),
    position: getSeriesPosition(post) ?? null,
    related: relatedPosts(post, posts, 3),
    newer: newer ?? null,
    older: older ?? null,
  });
}
