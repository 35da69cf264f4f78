import { notFound } from "next/navigation";

import { getPostBySlug, getPosts } from "@/lib/content/posts";
import { ogImageSize, ogImageType } from "@/lib/og/config";
import { renderPostCard } from "@/lib/og/render";

// One share card per post, written to a PNG at build time; unknown slugs are 404s.
export const size = ogImageSize;
export const contentType = ogImageType;
export const dynamicParams = false;

export function generateStaticParams() {
  return getPosts().map((post) => ({ slug: post.slug }));
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const post = getPostBySlug((await params).slug);
  if (!post) notFound();
  return renderPostCard(post);
}
