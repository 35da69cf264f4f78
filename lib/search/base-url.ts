/**
 * Pass to `pagefind.options()`: Pagefind derives its results' URLs from where its loader lives unless told the
 * site's root, and under /_next/static/pagefind/<version>/ (lib/search/paths.ts) it would link to
 * /_next/static/blog/<slug>. A module of its own, free of build settings, so the browser's search island can import it.
 */
export const pagefindBaseUrl = "/";
