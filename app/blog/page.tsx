import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { PostListPage } from "@/components/post/post-list-page";
import { getBlogPage } from "@/lib/content/posts";
import { blogPath } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";

export const metadata: Metadata = pageMetadata({
  title: "Writing",
  description: "Every essay on engineering leadership, newest first.",
  path: blogPath(),
});

export default function BlogPage() {
  const page = getBlogPage(1);
  if (!page) notFound();
  return (
    <PostListPage
      title="Writing"
      intro={
        <p className="page-head__lede">
          Essays on leading engineering teams: on-call, incidents, reviews, 1:1s and the work between them.
        </p>
      }
      page={page}
      hrefFor={blogPath}
    />
  );
}
