import type { Metadata } from "next";
import Link from "next/link";

import { PostList } from "@/components/post/post-list";
import { getPosts } from "@/lib/content/posts";
import { blogPath, homePath } from "@/lib/routes";

export const metadata: Metadata = {
  title: "Page not found",
  robots: { index: false },
};

export default function NotFound() {
  const latest = getPosts().slice(0, 3);
  return (
    <div className="container">
      <header className="page-head">
        <p className="eyebrow">404</p>
        <h1>This page isn&rsquo;t here</h1>
        <p className="page-head__lede">
          The link may be old, or the post may have moved. The <Link href={homePath}>home page</Link> and the{" "}
          <Link href={blogPath()}>list of every essay</Link> are good places to start again.
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
