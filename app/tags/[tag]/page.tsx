import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { PostListPage } from "@/components/post/post-list-page";
import { getTag, getTagPage, tagParams } from "@/lib/content/posts";
import { tagFeedPath, tagPath, tagsPath } from "@/lib/routes";
import { pageMetadata, tagFeed } from "@/lib/seo/metadata";

export const dynamicParams = false;

export function generateStaticParams() {
  return tagParams();
}

type Props = { params: Promise<{ tag: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = getTag((await params).tag);
  if (!tag) return {};
  return pageMetadata({
    title: `Posts on ${tag.name}`,
    description: `${tag.count} ${tag.count === 1 ? "essay" : "essays"} on ${tag.name}.`,
    path: tagPath(tag.slug),
    feeds: [tagFeed(tag)],
  });
}

export default async function TagPage({ params }: Props) {
  const slug = (await params).tag;
  const tag = getTag(slug);
  const page = getTagPage(slug, 1);
  if (!tag || !page) notFound();
  return (
    <PostListPage
      title={`Posts on ${tag.name}`}
      intro={
        <p className="page-head__lede">
          {tag.count} {tag.count === 1 ? "essay" : "essays"} · <Link href={tagsPath}>all topics</Link> ·{" "}
          <a href={tagFeedPath(tag.slug)}>RSS feed for {tag.name}</a>
        </p>
      }
      page={page}
      hrefFor={(n) => tagPath(tag.slug, n)}
    />
  );
}
