import { readdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";

import { createIndex, close } from "pagefind";

import { postPath } from "@/lib/routes";

import { builtSearchIndexVersion, searchIndexDir, searchIndexRoot } from "./serve";

/**
 * Builds the Pagefind index from the post pages `next build` prerendered (`<dist>/server/app/blog/<slug>.html`),
 * so search sees exactly the HTML readers get. Only the article's `data-pagefind-body` part is indexed (header,
 * navigation, share bars and the call to action carry `data-pagefind-ignore` or sit outside it). The index is
 * written into the build's static folder (`<dist>/static/pagefind/<version>`, see lib/search/paths.ts), served as
 * static files on every host: each build (the site and the e2e fixture) keeps its own index, and nothing is
 * written into `public/` after a build.
 */

/** Parts of the article that are not the essay: sharing, contents, the call to action, the sign-up, anchors. */
export const NOT_INDEXED = [
  ".post-meta",
  ".share-bar",
  ".toc",
  ".post-cta",
  ".post-newsletter",
  ".heading-anchor",
  ".section-link-toast",
  ".series-nav",
];

export type IndexedPost = { slug: string; draft: boolean; sourceFile: string };

export type SearchIndexReport = {
  pages: number;
  files: number;
  bytes: number;
  outputPath: string;
  version: string;
};

/** Posts are Pages Router pages (pages/blog/[slug].tsx): prerendered to `<dist>/server/pages/blog/<slug>.html`. */
function prerenderedPostFile(dist: string, slug: string): string {
  return path.join(dist, "server", "pages", "blog", `${slug}.html`);
}

/**
 * Indexes the prerendered page of every post given (the build's visible posts: drafts are never built in
 * production, and a draft given here is refused, so an index can never hold one). A post without its page
 * means the build and the content disagree: an error, not a smaller index.
 */
export async function buildSearchIndex(dist: string, posts: readonly IndexedPost[]): Promise<SearchIndexReport> {
  const drafts = posts.filter((post) => post.draft);
  if (drafts.length > 0) {
    throw new Error(`Drafts are never indexed: ${drafts.map((post) => post.sourceFile).join(", ")}`);
  }
  const version = builtSearchIndexVersion(dist);
  const outputPath = searchIndexDir(dist, version);
  // Only this build's version is kept (an earlier build's folder would be served, but nothing asks for it).
  await rm(searchIndexRoot(dist), { recursive: true, force: true });

  const { index, errors } = await createIndex({ forceLanguage: "en", excludeSelectors: NOT_INDEXED });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    for (const post of posts) {
      const file = prerenderedPostFile(dist, post.slug);
      let content: string;
      try {
        content = await readFile(file, "utf8");
      } catch {
        throw new Error(`${post.sourceFile}: no prerendered page at ${file}; run next build first`);
      }
      if (!content.includes("data-pagefind-body")) {
        throw new Error(`${file}: the article has no data-pagefind-body; the post template changed`);
      }
      const added = await index.addHTMLFile({ url: postPath(post.slug), content });
      if (added.errors.length > 0) throw new Error(`${file}: ${added.errors.join("; ")}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0)
      throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join("; ")}`);
    await removeBundledUi(outputPath);
    const { files, bytes } = await folderSize(outputPath);
    return { pages: posts.length, files, bytes, outputPath, version };
  } finally {
    await close();
  }
}

/** Pagefind also writes its ready-made UIs; the site has its own dialog, so they are not served. */
const BUNDLED_UI = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

async function removeBundledUi(dir: string): Promise<void> {
  for (const name of await readdir(dir)) if (BUNDLED_UI.test(name)) await rm(path.join(dir, name));
}

async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let files = 0;
  let bytes = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}
