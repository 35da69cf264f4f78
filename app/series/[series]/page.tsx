import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { PostMeta } from "@/components/post/post-meta";
import { getSeries, getSeriesBySlug } from "@/lib/content/posts";
import { seriesIndexPath } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";
// The series pages share the topic index's list styles.
import "@/app/tags/tags.css";

export const dynamicParams = false;

export function generateStaticParams() {
  return getSeries().map((series) => ({ series: series.slug }));
}

type Props = { params: Promise<{ series: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const series = getSeriesBySlug((await params).series);
  if (!series) return {};
  return pageMetadata({
    title: series.name,
    description: `A series in ${series.parts.length} parts: ${series.parts.map((part) => part.title).join("; ")}.`,
    path: series.url,
  });
}

export default async function SeriesPage({ params }: Props) {
  const series = getSeriesBySlug((await params).series);
  if (!series) notFound();
  return (
    <div className="container">
      <header className="page-head">
        <p className="eyebrow">
          <Link href={seriesIndexPath}>Series</Link>
        </p>
        <h1>{series.name}</h1>
        <p className="page-head__lede">
          {series.parts.length} {series.parts.length === 1 ? "part" : "parts"}, to be read in order.
        </p>
      </header>
      <ol className="series-parts">
        {series.parts.map((post) => (
          <li key={post.slug} className="series-parts__item">
            <h2 className="series-parts__title">
              <Link href={post.url}>{post.title}</Link>
            </h2>
            <p>{post.description}</p>
            <PostMeta post={post} />
          </li>
        ))}
      </ol>
    </div>
  );
}
