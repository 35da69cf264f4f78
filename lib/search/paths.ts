/** Where the search index is served from (app/pagefind/[...file]/route.ts), and its folder in the build. */
export const SEARCH_INDEX_FOLDER = "pagefind";
export const searchIndexPath = `/${SEARCH_INDEX_FOLDER}`;
/** Pagefind's loader; the search dialog imports it from here on first open, never before. */
export const pagefindScriptPath = `${searchIndexPath}/pagefind.js`;
