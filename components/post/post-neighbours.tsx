import type { Post } from "@/lib/content/posts";

/** The previous and next post in the blog's order, at the end of an article. */
export function PostNeighbours({ newer, older }: { newer: Post | null; older: Post | null }) {
  if (!newer && !older) return null;
  return (
    <nav className="post-neighbours" aria-label="More posts">
      {older ? (
        <a href={older.url} rel="prev" className="post-neighbours__link">
          <span className="post-neighbours__label">← Previous</span>
          <span className="post-neighbours__title">{older.title}</span>
        </a>
      ) : (
        <span />
      )}
      {newer ? (
        <a href={newer.url} rel="next" className="post-neighbours__link post-neighbours__link--next">
          <span className="post-neighbours__label">Next →</span>
          <span className="post-neighbours__title">{newer.title}</span>
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
