import type { Post } from "@/lib/content/posts";

import { PostMeta } from "./post-meta";

/** Posts that share tags with the one being read (lib/content/related.ts ranks them). */
export function RelatedPosts({ posts }: { posts: readonly Post[] }) {
  if (posts.length === 0) return null;
  return (
    <section className="related" aria-labelledby="related-title">
      <h2 id="related-title">Related reading</h2>
      <ul className="related__list">
        {posts.map((post) => (
          <li key={post.slug}>
            <a href={post.url} className="related__title">
              {post.title}
            </a>
            <PostMeta post={post} />
          </li>
        ))}
      </ul>
    </section>
  );
}
