/**
 * Where the search index is served from. `npm run build` writes it into the build's own static folder,
 * `<dist>/static/pagefind/<version>/` (lib/search/serve.ts), which every host serves as static files under
 * `/_next/static/`: `next start` and a standalone server from `.next/static`, Vercel from its CDN. The version
 * is computed before `next build` from everything the index depends on (lib/search/version.ts, next.config.ts)
 * and inlined into server and client code, so every file of the folder can be cached for a year: a build whose
 * index may differ writes it under a new name.
 */
export const SEARCH_INDEX_FOLDER = "pagefind";

/** The version this code was built with (next.config.ts `env`); "unbuilt" outside a build (unit tests). */
export const searchIndexVersion: string = process.env.SEARCH_INDEX_VERSION || "unbuilt";

export function searchIndexUrlPath(version: string): string {
  return `/_next/static/${SEARCH_INDEX_FOLDER}/${version}`;
}

export const searchIndexPath = searchIndexUrlPath(searchIndexVersion);
/** Pagefind's loader; the search dialog imports it from here on first open, never before. */
export const pagefindScriptPath = `${searchIndexPath}/pagefind.js`;
