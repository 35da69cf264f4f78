import { contentDir, nodeEnv } from "@/lib/env";
import { postPath } from "@/lib/routes";
import { site } from "@/lib/site";

import { analyzeBody, type Heading } from "./analyze";
import { parseFrontmatter } from "./schema";
import { readingMinutes, readingTimeLabel } from "./reading";
import { tagSlug, toTags, withTagLabels, type Tag } from "./tags";

/**
 * A post and the rules every list of posts follows, apart from where the documents come from: posts.ts
 * reads them through `contentlayer/generated` (Next and vitest), generated-posts.ts from the generated JSON
 * (the operator's scripts, which Node runs without the bundler's path mapping).
 */

export type SeriesMembership = { name: string; slug: string; order: number };

export type Post = {
  slug: string;
  url: string;
  title: string;
  description: string;
  /** `YYYY-MM-DD` */
  publishDate: string;
  updatedDate?: string;
  tags: Tag[];
  draft: boolean;
  cta: string;
  hasCustomCta: boolean;
  /** The series this post is a part of, and which part. */
  series?: SeriesMembership;
  /** Shown first on the home page ("Start here") and on /start. */
  featured: boolean;
  /** The MDX source without frontmatter. */
  body: string;
  words: number;
  readingMinutes: number;
  readingTime: string;
  headings: Heading[];
  sourceFile: string;
};

/**
 * The single rule for drafts: they are shown only by `next dev`. Every list,
 * page, feed and sitemap goes through `visiblePosts`, so none can forget it.
 */
export function draftsAreVisible(mode: string | undefined = nodeEnv()): boolean {
  return mode === "development";
}

export function visiblePosts<T extends { draft: boolean }>(posts: readonly T[], includeDrafts = draftsAreVisible()): T[] {
  return includeDrafts ? [...posts] : posts.filter((post) => !post.draft);
}

export function byNewest(a: Pick<Post, "publishDate" | "title">, b: Pick<Post, "publishDate" | "title">): number {
  return b.publishDate.localeCompare(a.publishDate) || a.title.localeCompare(b.title);
}

/** What contentlayer generates for a post (`.contentlayer/generated/Post/_index.json`), as far as `toPost` reads it. */
export type PostDocument = { _raw: { sourceFilePath: string; sourceFileName: string }; body: { raw: string } } & Record<string, unknown>;

/** One post from its generated document, its frontmatter checked again with the schema the content check uses. */
export function toPost(doc: PostDocument): Post {
  const sourceFile = `${contentDir()}/${doc._raw.sourceFilePath}`;
  const { title, description, publishDate, updatedDate, tags, draft, cta, series, seriesOrder, featured } = doc;
  const parsed = parseFrontmatter(sourceFile, {
    title,
    description,
    publishDate,
    updatedDate,
    tags,
    draft,
    cta,
    series,
    seriesOrder,
    featured,
  });
  if (!parsed.ok) throw new Error(`Invalid post:\n  ${parsed.problems.join("\n  ")}`);
  const slug = doc._raw.sourceFileName.replace(/\.mdx$/, "");
  const { words, headings } = analyzeBody(doc.body.raw);
  const minutes = readingMinutes(words);
  return {
    slug,
    url: postPath(slug),
    title: parsed.data.title,
    description: parsed.data.description,
    publishDate: parsed.data.publishDate,
    ...(parsed.data.updatedDate ? { updatedDate: parsed.data.updatedDate } : {}),
    tags: toTags(parsed.data.tags),
    draft: parsed.data.draft,
    cta: parsed.data.cta ?? site.defaultCta,
    hasCustomCta: parsed.data.cta !== undefined,
    ...(parsed.data.series && parsed.data.seriesOrder
      ? { series: { name: parsed.data.series, slug: tagSlug(parsed.data.series), order: parsed.data.seriesOrder } }
      : {}),
    featured: parsed.data.featured,
    body: doc.body.raw,
    words,
    readingMinutes: minutes,
    readingTime: readingTimeLabel(minutes),
    headings,
    sourceFile,
  };
}

/**
 * Every post of the documents, drafts included, newest first, each tag under its one label (chosen across all
 * the post files, drafts included, as the content check does, so development and production show the same).
 */
export function postsFromDocuments(docs: readonly PostDocument[]): Post[] {
  return withTagLabels(docs.map(toPost)).sort(byNewest);
}

export function findBySlug(posts: readonly Post[], slug: string): Post | undefined {
  return posts.find((post) => post.slug === slug);
}
