import type { GetStaticPaths, GetStaticProps, PageConfig } from "next";
import Head from "next/head";

import { PostListPage } from "@/components/post/post-list-page";
import { headElements } from "@/components/seo/head-elements";
import { blogListData } from "@/lib/content/list-pages";
import type { Page } from "@/lib/content/pagination";
import { blogPageParams, type Post } from "@/lib/content/posts";
import { blogPath } from "@/lib/routes";
import { headTags, type HeadTag } from "@/lib/seo/head-tags";
import { pageMetadata } from "@/lib/seo/metadata";

/** The blog's later pages (`/blog/page/2`…): static HTML without the framework's runtime. */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { page: Page<Post>; head: HeadTag[] };

export const getStaticPaths: GetStaticPaths = () => ({
  paths: blogPageParams().map((params) => ({ params })),
  fallback: false,
});

export const getStaticProps: GetStaticProps<Props, { page: string }> = ({ params }) => {
  const page = params ? blogListData(params.page) : null;
  if (!page || page.page === 1) return { notFound: true };
  return {
    props: {
      page,
      head: headTags(
        pageMetadata({
          title: `Writing — page ${page.page}`,
          description: "Every essay on engineering leadership, newest first.",
          path: blogPath(page.page),
        }),
      ),
    },
  };
};

export default function BlogListPage({ page, head }: Props) {
  return (
    <>
      <Head>{headElements(head, "page")}</Head>
      <PostListPage title="Writing" page={page} hrefFor={blogPath} />
    </>
  );
}
