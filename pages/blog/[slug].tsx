import type { GetStaticPaths, GetStaticProps, PageConfig } from "next";
import Head from "next/head";

import { PostArticle } from "@/components/post/post-article";
import { headElements } from "@/components/seo/head-elements";
import { getPostPageData, type PostPageData } from "@/lib/content/post-page";
import { getPosts } from "@/lib/content/posts";
import { headTags, type HeadTag } from "@/lib/seo/head-tags";
import { postJsonLd, serializeJsonLd } from "@/lib/seo/json-ld";
import { postMetadata } from "@/lib/seo/metadata";

/**
 * A post: static HTML with no framework runtime. The Pages Router prerenders it at build time and, with
 * `unstable_runtimeJS: false`, sends no React, router, chunks, preloads or `__NEXT_DATA__` (production only;
 * `next dev` still hydrates). What a post does in the browser is the islands' one inline script
 * (components/islands/main.ts), allowed by hash (lib/security/headers.ts). Guarded by tests: next is pinned, and
 * the e2e suite fails if a built post carries a script file, `__NEXT_DATA__` or a module preload. See
 * docs/post-pages.md for what this costs.
 */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { view: PostPageData; head: HeadTag[]; jsonLd: string };

export const getStaticPaths: GetStaticPaths = () => ({
  paths: getPosts().map((post) => ({ params: { slug: post.slug } })),
  fallback: false,
});

export const getStaticProps: GetStaticProps<Props, { slug: string }> = async ({ params }) => {
  const view = params ? await getPostPageData(params.slug) : null;
  if (!view) return { notFound: true };
  return {
    props: {
      view,
      head: headTags(postMetadata(view.post)),
      jsonLd: serializeJsonLd(postJsonLd(view.post, view.position?.series)),
    },
  };
};

export default function PostPage({ view, head, jsonLd }: Props) {
  return (
    <>
      <Head>{headElements(head, "page")}</Head>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <PostArticle {...view} />
    </>
  );
}
