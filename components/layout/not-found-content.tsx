import { PostList } from "@/components/post/post-list";
import type { Post } from "@/lib/content/posts";
import { blogPath, homePath } from "@/lib/routes";

/** The 404 page's content, for both routers (app/not-found.tsx, pages/404.tsx under /blog/<unknown>). */
export function NotFoundContent({ latest }: { latest: readonly Post[] }) {
  return (
    <div className="container">
      <header className="page-head">
        <p className="eyebrow">404</p>
        <h1>This page isn&rsquo;t here</h1>
        <p className="page-head__lede">
          The link may be old, or the post may have moved. The <a href={homePath}>home page</a> and the{" "}
          <a href={blogPath()}>list of every essay</a> are good places to start again.
        </p>
      </header>
      {latest.length > 0 ? (
        <section aria-labelledby="nf-latest">
          <h2 id="nf-latest">Recent essays</h2>
          <PostList posts={latest} headingLevel="h3" />
        </section>
      ) : null}
    </div>
  );
}
