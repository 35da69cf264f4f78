import { readFileSync } from "node:fs";
import path from "node:path";

import { findBySlug, postsFromDocuments, visiblePosts, type Post, type PostDocument } from "./post-model";

/**
 * The posts for the operator's scripts (`npm run enquiries` and the like), read from the JSON contentlayer
 * generates. Node resolves `contentlayer/generated` only through a loader hook (it is a tsconfig path to a
 * folder), so the scripts read the same file the bundler imports, with the same rules (post-model.ts).
 */

const GENERATED_POSTS = path.join(".contentlayer", "generated", "Post", "_index.json");

/** The posts this build shows (drafts only under NODE_ENV=development), newest first. */
export function readGeneratedPosts(root = process.cwd()): Post[] {
  const file = path.join(root, GENERATED_POSTS);
  let documents: PostDocument[];
  try {
    documents = JSON.parse(readFileSync(file, "utf8")) as PostDocument[];
  } catch (error) {
    const reason = (error as { code?: unknown }).code === "ENOENT" ? "it does not exist" : error instanceof Error ? error.message : String(error);
    throw new Error(`Could not read the posts from ${file} (${reason}). Run npm run content first.`, { cause: error });
  }
  return visiblePosts(postsFromDocuments(documents));
}

/** Finds a published post by slug; the posts are read on the first call, so a script that needs none never reads them. */
export function generatedPostFinder(root?: string): (slug: string) => Post | undefined {
  let posts: Post[] | undefined;
  return (slug) => findBySlug((posts ??= readGeneratedPosts(root)), slug);
}
