import type { GetStaticProps, PageConfig } from "next";
import Head from "next/head";

import { HomeContent } from "@/components/home/home-content";
import { headElements } from "@/components/seo/head-elements";
import { homeData } from "@/lib/content/list-pages";
import type { Post } from "@/lib/content/posts";
import { homePath } from "@/lib/routes";
import { headTags, type HeadTag } from "@/lib/seo/head-tags";
import { homeJsonLd, serializeJsonLd } from "@/lib/seo/json-ld";
import { pageMetadata } from "@/lib/seo/metadata";

/** The home page: static HTML without the framework's runtime, as the posts (docs/post-pages.md). */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { featured: Post[]; latest: Post[]; head: HeadTag[]; jsonLd: string };

export const getStaticProps: GetStaticProps<Props> = () => ({
  props: {
    ...homeData(),
    head: headTags(pageMetadata({ path: homePath })),
    jsonLd: serializeJsonLd(homeJsonLd()),
  },
});

export default function HomePage({ featured, latest, head, jsonLd }: Props) {
  return (
    <>
      <Head>{headElements(head, "page")}</Head>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <HomeContent featured={featured} latest={latest} />
    </>
  );
}
