import type { Page } from "@/lib/content/pagination";
import type { Post } from "@/lib/content/posts";
import type { TagWithCount } from "@/lib/content/tags";
import { tagFeedPath, tagPath, tagsPath } from "@/lib/routes";

import { PostListPage } from "./post-list-page";

/** One page of a topic's posts, with the topic's count, the way to every topic and its feed on the first page. */
export function TagListPage({ tag, page }: { tag: TagWithCount; page: Page<Post> }) {
  return (
    <PostListPage
      title={`Posts on ${tag.name}`}
      intro={
        page.page === 1 ? (
          <p className="page-head__lede">
            {tag.count} {tag.count === 1 ? "essay" : "essays"} · <a href={tagsPath}>all topics</a> ·{" "}
            <a href={tagFeedPath(tag.slug)}>RSS feed for {tag.name}</a>
          </p>
        ) : undefined
      }
      page={page}
      hrefFor={(n) => tagPath(tag.slug, n)}
    />
  );
}
