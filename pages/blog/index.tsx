import type { GetStaticProps, PageConfig } from "next";
import Head from "next/head";

import { PostListPage } from "@/components/post/post-list-page";
import { headElements } from "@/components/seo/head-elements";
import { blogListData } from "@/lib/content/list-pages";
import type { Page } from "@/lib/content/pagination";
import type { Post } from "@/lib/content/posts";
import { blogPath } from "@/lib/routes";
import { headTags, type HeadTag } from "@/lib/seo/head-tags";
import { pageMetadata } from "@/lib/seo/metadata";

/** Every essay, newest first (page 1): static HTML without the framework's runtime (docs/post-pages.md). */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { page: Page<Post>; head: HeadTag[] };

export const getStaticProps: GetStaticProps<Props> = () => {
  const page = blogListData(1);
  if (!page) return { notFound: true };
  return {
    props: {
      page,
      head: headTags(
        pageMetadata({
          title: "Writing",
          description: "Every essay on engineering leadership, newest first.",
          path: blogPath(),
        }),
      ),
    },
  };
};

export default function BlogPage({ page, head }: Props) {
  return (
    <>
      <Head>{headElements(head, "page")}</Head>
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
    </>
  );
}
