import type { GetStaticPaths, GetStaticProps, PageConfig } from "next";
import Head from "next/head";

import { TagListPage } from "@/components/post/tag-list-page";
import { headElements } from "@/components/seo/head-elements";
import { tagListData } from "@/lib/content/list-pages";
import type { Page } from "@/lib/content/pagination";
import { tagPageParams, type Post } from "@/lib/content/posts";
import type { TagWithCount } from "@/lib/content/tags";
import { tagPath } from "@/lib/routes";
import { headTags, type HeadTag } from "@/lib/seo/head-tags";
import { pageMetadata, tagFeed } from "@/lib/seo/metadata";

/** A topic's later pages (`/tags/<slug>/page/2`…): static HTML without the framework's runtime. */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { tag: TagWithCount; page: Page<Post>; head: HeadTag[] };

export const getStaticPaths: GetStaticPaths = () => ({
  paths: tagPageParams().map((params) => ({ params })),
  fallback: false,
});

export const getStaticProps: GetStaticProps<Props, { tag: string; page: string }> = ({ params }) => {
  const data = params ? tagListData(params.tag, params.page) : null;
  if (!data || data.page.page === 1) return { notFound: true };
  const { tag, page } = data;
  return {
    props: {
      ...data,
      head: headTags(
        pageMetadata({
          title: `Posts on ${tag.name} — page ${page.page}`,
          description: `${tag.count} ${tag.count === 1 ? "essay" : "essays"} on ${tag.name}.`,
          path: tagPath(tag.slug, page.page),
          feeds: [tagFeed(tag)],
        }),
      ),
    },
  };
};

export default function TagListPageRoute({ tag, page, head }: Props) {
  return (
    <>
      <Head>{headElements(head, "page")}</Head>
      <TagListPage tag={tag} page={page} />
    </>
  );
}
