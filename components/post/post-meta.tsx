import { formatDate } from "@/lib/content/dates";
import type { Post } from "@/lib/content/posts";

function DraftBadge() {
  return <span className="draft-badge">Draft</span>;
}

/** Date, update date and reading time, as one quiet line. */
export function PostMeta({ post, showUpdated = false }: { post: Post; showUpdated?: boolean }) {
  return (
    <p className="post-meta">
      {post.draft ? <DraftBadge /> : null}
      <time dateTime={post.publishDate}>{formatDate(post.publishDate)}</time>
      {showUpdated && post.updatedDate ? (
        <>
          <span aria-hidden="true"> · </span>
          <span>
            Updated <time dateTime={post.updatedDate}>{formatDate(post.updatedDate)}</time>
          </span>
        </>
      ) : null}
      <span aria-hidden="true"> · </span>
      <span>{post.readingTime}</span>
    </p>
  );
}
