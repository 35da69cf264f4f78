import type { Post } from "@/lib/content/posts";

import { PostMeta } from "./post-meta";
import { TagList } from "./tag-list";

type HeadingLevel = "h2" | "h3";

export function PostList({ posts, headingLevel = "h2" }: { posts: readonly Post[]; headingLevel?: HeadingLevel }) {
  const Heading = headingLevel;
  return (
    <ol className="post-list" reversed={false}>
      {posts.map((post) => (
        <li key={post.slug} className="post-card">
          <article>
            <Heading className="post-card__title">
              <a href={post.url}>{post.title}</a>
            </Heading>
            <PostMeta post={post} />
            <p className="post-card__description">{post.description}</p>
            <TagList tags={post.tags} label={`Topics of “${post.title}”`} />
          </article>
        </li>
      ))}
    </ol>
  );
}
