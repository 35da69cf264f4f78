import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { PostListPage } from "@/components/post/post-list-page";
import { getTag, getTagPage, tagPageParams } from "@/lib/content/posts";
import { tagPath } from "@/lib/routes";
import { pageMetadata, tagFeed } from "@/lib/seo/metadata";

export const dynamicParams = false;

export function generateStaticParams() {
  return tagPageParams();
}

type Props = { params: Promise<{ tag: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tag: slug, page } = await params;
  const tag = getTag(slug);
  if (!tag) return {};
  return pageMetadata({
    title: `Posts on ${tag.name} — page ${page}`,
    description: `${tag.count} ${tag.count === 1 ? "essay" : "essays"} on ${tag.name}.`,
    path: tagPath(tag.slug, Number(page)),
    feeds: [tagFeed(tag)],
  });
}

export default async function TagListPage({ params }: Props) {
  const { tag: slug, page: param } = await params;
  const tag = getTag(slug);
  const page = getTagPage(slug, param);
  if (!tag || !page || page.page === 1) notFound();
  return <PostListPage title={`Posts on ${tag.name}`} page={page} hrefFor={(n) => tagPath(tag.slug, n)} />;
}
