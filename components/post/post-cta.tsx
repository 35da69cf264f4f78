import type { Post } from "@/lib/content/posts";
import { contactPath } from "@/lib/routes";

/** The article's closing call to action, carrying the post as the enquiry's source. */
export function PostCta({ post }: { post: Post }) {
  return (
    <aside className="post-cta" aria-labelledby="post-cta-title">
      <p id="post-cta-title" className="post-cta__text">
        {post.cta}
      </p>
      <p className="post-cta__sub">
        A first conversation is free, takes 30 minutes, and you leave with at least one thing to try on Monday.
      </p>
      <a className="button" href={contactPath(post.slug)}>
        Let&rsquo;s talk
      </a>
    </aside>
  );
}
