import path from "node:path";

import { SEARCH_INDEX_FOLDER } from "./paths";

/** The folder of one build's index. */
export function searchIndexDir(dist: string): string {
  return path.join(dist, SEARCH_INDEX_FOLDER);
}

/**
 * Which file of a build's search index a request names, or null. Pagefind's files are flat names and
 * folders of hashed names (`fragment/en_3f2a….pf_fragment`): each segment must look like one, so no
 * request can leave the index folder (no `..`, no separators inside a segment, no hidden files).
 */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}$/;

export function indexFilePath(indexDir: string, segments: readonly string[]): string | null {
  if (segments.length === 0 || segments.length > 3) return null;
  if (!segments.every((segment) => SEGMENT.test(segment) && !segment.includes(".."))) return null;
  const root = path.resolve(indexDir);
  const file = path.resolve(root, ...segments);
  return file.startsWith(`${root}${path.sep}`) ? file : null;
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

export function indexFileType(file: string): string {
  return TYPES[path.extname(file)] ?? "application/octet-stream";
}

/**
 * Pagefind names its index, fragment and filter files by content hash, so they can be kept for a year;
 * the loader, the entry file and the WebAssembly keep their names across builds, so they are revalidated.
 */
export function indexFileCaching(file: string): string {
  return /\.pf_(?:index|fragment|filter)$/.test(file)
    ? "public, max-age=31536000, immutable"
    : "public, max-age=0, must-revalidate";
}
