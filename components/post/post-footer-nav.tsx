import Link from "next/link";

import type { Post } from "@/lib/content/posts";

import { PostMeta } from "./post-meta";

export function PostNeighbours({ newer, older }: { newer: Post | null; older: Post | null }) {
  if (!newer && !older) return null;
  return (
    <nav className="post-neighbours" aria-label="More posts">
      {older ? (
        <Link href={older.url} rel="prev" className="post-neighbours__link">
          <span className="post-neighbours__label">← Previous</span>
          <span className="post-neighbours__title">{older.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {newer ? (
        <Link href={newer.url} rel="next" className="post-neighbours__link post-neighbours__link--next">
          <span className="post-neighbours__label">Next →</span>
          <span className="post-neighbours__title">{newer.title}</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

export function RelatedPosts({ posts }: { posts: readonly Post[] }) {
  if (posts.length === 0) return null;
  return (
    <section className="related" aria-labelledby="related-title">
      <h2 id="related-title">Related reading</h2>
      <ul className="related__list">
        {posts.map((post) => (
          <li key={post.slug}>
            <Link href={post.url} className="related__title">
              {post.title}
            </Link>
            <PostMeta post={post} />
          </li>
        ))}
      </ul>
    </section>
  );
}
