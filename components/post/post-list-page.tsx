import type { Page } from "@/lib/content/pagination";
import type { Post } from "@/lib/content/posts";

import { PaginationNav } from "./pagination-nav";
import { PostList } from "./post-list";

/** One page of a post list with its heading and page links (used by /blog and /tags/<tag>). */
export function PostListPage({
  title,
  intro,
  page,
  hrefFor,
}: {
  title: string;
  intro?: React.ReactNode;
  page: Page<Post>;
  hrefFor: (n: number) => string;
}) {
  return (
    <div className="container">
      <header className="page-head">
        <h1>
          {title}
          {page.page > 1 ? <span className="page-head__page"> — page {page.page}</span> : null}
        </h1>
        {intro}
      </header>
      <PostList posts={page.items} />
      <PaginationNav page={page} hrefFor={hrefFor} />
    </div>
  );
}
