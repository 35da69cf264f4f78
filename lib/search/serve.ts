import { readFileSync } from "node:fs";
import path from "node:path";

import { SEARCH_INDEX_FOLDER, searchIndexUrlPath } from "./paths";

/** Every file of a versioned index folder keeps its content for good: a changed index gets a new folder. */
export const SEARCH_INDEX_CACHE_CONTROL = "public, max-age=31536000, immutable";

/** The header rule for next.config.ts: immutable caching on every host, whatever its default for `/_next/static/`. */
export const searchIndexHeaders = {
  source: `${searchIndexUrlPath(":version")}/:file*`,
  headers: [{ key: "Cache-Control", value: SEARCH_INDEX_CACHE_CONTROL }],
};

/** The folder of all of a build's indexes, and of the one for `version`. */
export function searchIndexRoot(dist: string): string {
  return path.join(dist, "static", SEARCH_INDEX_FOLDER);
}

export function searchIndexDir(dist: string, version: string): string {
  return path.join(searchIndexRoot(dist), version);
}

/**
 * The index version a finished `next build` inlined into its code, read back from the build's record of its
 * configuration (`required-server-files.json`, written by every production build), so the index is written
 * exactly where that build's pages and dialog look for it.
 */
export function builtSearchIndexVersion(dist: string): string {
  const file = path.join(dist, "required-server-files.json");
  let version: unknown;
  try {
    version = (JSON.parse(readFileSync(file, "utf8")) as { config?: { env?: Record<string, unknown> } }).config?.env
      ?.SEARCH_INDEX_VERSION;
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}; run next build first`);
  }
  if (typeof version !== "string" || !/^[a-f0-9]{8,64}$/.test(version)) {
    throw new Error(`${file} records no search index version: was this build made with this next.config.ts?`);
  }
  return version;
}
