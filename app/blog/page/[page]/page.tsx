import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { PostListPage } from "@/components/post/post-list-page";
import { blogPageParams, getBlogPage } from "@/lib/content/posts";
import { blogPath } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";

export const dynamicParams = false;

export function generateStaticParams() {
  return blogPageParams();
}

type Props = { params: Promise<{ page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { page } = await params;
  return pageMetadata({
    title: `Writing — page ${page}`,
    description: "Every essay on engineering leadership, newest first.",
    path: blogPath(Number(page)),
  });
}

export default async function BlogListPage({ params }: Props) {
  const page = getBlogPage((await params).page);
  if (!page || page.page === 1) notFound();
  return <PostListPage title="Writing" page={page} hrefFor={blogPath} />;
}
