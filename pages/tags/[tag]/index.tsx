import type { GetStaticPaths, GetStaticProps, PageConfig } from "next";
import Head from "next/head";

import { TagListPage } from "@/components/post/tag-list-page";
import { headElements } from "@/components/seo/head-elements";
import { tagListData } from "@/lib/content/list-pages";
import type { Page } from "@/lib/content/pagination";
import { tagParams, type Post } from "@/lib/content/posts";
import type { TagWithCount } from "@/lib/content/tags";
import { tagPath } from "@/lib/routes";
import { headTags, type HeadTag } from "@/lib/seo/head-tags";
import { pageMetadata, tagFeed } from "@/lib/seo/metadata";

/** A topic's posts (page 1): static HTML without the framework's runtime (docs/post-pages.md). */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { tag: TagWithCount; page: Page<Post>; head: HeadTag[] };

export const getStaticPaths: GetStaticPaths = () => ({
  paths: tagParams().map((params) => ({ params })),
  fallback: false,
});

export const getStaticProps: GetStaticProps<Props, { tag: string }> = ({ params }) => {
  const data = params ? tagListData(params.tag, 1) : null;
  if (!data) return { notFound: true };
  const { tag } = data;
  return {
    props: {
      ...data,
      head: headTags(
        pageMetadata({
          title: `Posts on ${tag.name}`,
          description: `${tag.count} ${tag.count === 1 ? "essay" : "essays"} on ${tag.name}.`,
          path: tagPath(tag.slug),
          feeds: [tagFeed(tag)],
        }),
      ),
    },
  };
};

export default function TagPage({ tag, page, head }: Props) {
  return (
    <>
      <Head>{headElements(head, "page")}</Head>
      <TagListPage tag={tag} page={page} />
    </>
  );
}
