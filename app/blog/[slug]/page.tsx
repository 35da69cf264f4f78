import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { subscribeToNewsletter } from "@/app/newsletter/actions";
import { PostBody } from "@/components/mdx/post-body";
import { PostNewsletter } from "@/components/newsletter/newsletter-signup";
import { PostCta } from "@/components/post/post-cta";
import { PostMeta } from "@/components/post/post-meta";
import { PostNeighbours } from "@/components/post/post-neighbours";
import { RelatedPosts } from "@/components/post/related-posts";
import { SeriesNav, SeriesNext } from "@/components/post/series-nav";
import { TableOfContents } from "@/components/post/table-of-contents";
import { TagList } from "@/components/post/tag-list";
import { JsonLdScript } from "@/components/seo/json-ld";
import { QuoteLinks } from "@/components/share/quote-links";
import { SectionLinks } from "@/components/share/section-links";
import { ShareBar } from "@/components/share/share-bar";
import { formatDate } from "@/lib/content/dates";
import { getPostBySlug, getPosts, getSeriesPosition } from "@/lib/content/posts";
import { adjacentPosts, relatedPosts } from "@/lib/content/related";
import { postJsonLd } from "@/lib/seo/json-ld";
import { postMetadata } from "@/lib/seo/metadata";
import { absoluteUrl } from "@/lib/site";
import "@/components/share/share.css";

export const dynamicParams = false;

export function generateStaticParams() {
  return getPosts().map((post) => ({ slug: post.slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const post = getPostBySlug((await params).slug);
  return post ? postMetadata(post) : {};
}

export default async function PostPage({ params }: Props) {
  const post = getPostBySlug((await params).slug);
  if (!post) notFound();
  const posts = getPosts();
  const { newer, older } = adjacentPosts(post, posts);
  const related = relatedPosts(post, posts, 3);
  const url = absoluteUrl(post.url);
  const position = getSeriesPosition(post);

  return (
    <div className="container container--post">
      <JsonLdScript data={postJsonLd(post, position?.series)} />
      {/* Search indexes the article only (scripts/build-search-index.ts), with its date, sort key and topics. */}
      <article
        className="post"
        id="post"
        aria-labelledby="post-title"
        data-pagefind-body=""
        data-pagefind-meta={`date:${formatDate(post.publishDate)}`}
        data-pagefind-sort={`date:${post.publishDate}`}
      >
        <header className="post__header">
          <h1 id="post-title">{post.title}</h1>
          <p className="post__dek">{post.description}</p>
          <PostMeta post={post} showUpdated />
          <TagList tags={post.tags} searchFilter />
          <ShareBar url={url} title={post.title} description={post.description} variant="compact" />
          {position ? <SeriesNav position={position} /> : null}
        </header>
        <div className="post__layout">
          <TableOfContents headings={post.headings} />
          <div className="post__body">
            <PostBody source={post.body} />
            {position ? <SeriesNext position={position} /> : null}
            <ShareBar url={url} title={post.title} description={post.description} />
            <PostCta post={post} />
            <PostNewsletter action={subscribeToNewsletter} slug={post.slug} />
          </div>
        </div>
        <SectionLinks url={url} containerId="post" />
        <QuoteLinks url={url} title={post.title} />
      </article>
      <RelatedPosts posts={related} />
      <PostNeighbours newer={newer} older={older} />
    </div>
  );
}
