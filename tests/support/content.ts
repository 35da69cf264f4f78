import matter from "gray-matter";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { tagLabels, tagSlug, toTags } from "../../lib/content/tags";

/** The sample posts as the author wrote them, read straight from disk, so tests compare the site with its source. */
export type SourcePost = {
  slug: string;
  title: string;
  draft: boolean;
  featured: boolean;
  /** As written in the file. */
  tags: string[];
  /** As every page shows them: one label per tag across all the posts (lib/content/tags.ts; its rule is unit-tested). */
  labels: string[];
  cta?: string;
  publishDate: string;
};

export function readSourcePosts(contentDir = process.env.CONTENT_DIR ?? "content"): SourcePost[] {
  const posts = readWrittenPosts(contentDir);
  const labels = tagLabels(posts.map((post) => ({ tags: toTags(post.tags) })));
  return posts.map((post) => ({ ...post, labels: toTags(post.tags).map((tag) => labels.get(tagSlug(tag.name))!) }));
}

function readWrittenPosts(contentDir: string): Omit<SourcePost, "labels">[] {
  const dir = path.resolve(contentDir, "posts");
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".mdx"))
    .map((file) => {
      const { data } = matter(readFileSync(path.join(dir, file), "utf8"));
      const date =
        data.publishDate instanceof Date ? data.publishDate.toISOString().slice(0, 10) : String(data.publishDate);
      return {
        slug: path.basename(file, ".mdx"),
        title: String(data.title),
        draft: data.draft === true,
        featured: data.featured === true,
        tags: Array.isArray(data.tags) ? data.tags.map(String) : [],
        ...(typeof data.cta === "string" ? { cta: data.cta } : {}),
        publishDate: date,
      };
    })
    .sort((a, b) => b.publishDate.localeCompare(a.publishDate));
}

export const publishedPosts = () => readSourcePosts().filter((p) => !p.draft);
export const draftPosts = () => readSourcePosts().filter((p) => p.draft);
