/**
 * Response headers for every route (next.config.ts `headers()`), kept apart
 * so tests can check the policy without starting a server.
 */
import { createHash } from "node:crypto";

// Relative, not `@/`: next.config.ts loads this file.
import { pageCount, POSTS_PER_PAGE } from "../content/pagination";
import { islandsScript, themeScript } from "../islands/scripts";

/** The CSP source of an inline script: its SHA-256, computed from the source itself so an edit never leaves a stale hash. */
export function inlineScriptHash(source: string): string {
  return `'sha256-${createHash("sha256").update(source, "utf8").digest("base64")}'`;
}

/**
 * Pages served as static HTML without the framework's runtime (the posts, the home page, the blog's and the
 * topics' lists: pages/) run only the two inline scripts every page has (the theme, the islands): a strict policy allows exactly
 * those by hash, with no 'unsafe-inline'. 'self' lets them load their modules on first use (search, quote
 * popover, sign-up) and Pagefind; nothing else can run.
 *
 * Only pages that exist get it: an unknown /blog/<slug>, /tags/<slug> or page number is answered by the App Router's 404
 * page, whose framework scripts are inline (Next renders app/not-found.tsx for every 404 when the App Router is
 * present). Only kebab-case slugs and page numbers go into the routes' patterns.
 */
export type StaticPages = {
  /** The published posts' slugs. */
  posts: readonly string[];
  /** How many posts each topic holds, by the topic's slug. */
  tags?: Readonly<Record<string, number>>;
};

const SAFE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const later = (pages: number) => Array.from({ length: Math.max(0, pages - 1) }, (_, i) => String(i + 2));

export function staticPageSources({ posts, tags = {} }: StaticPages): string[] {
  const slugs = posts.filter((slug) => SAFE_SLUG.test(slug));
  // A topic whose slug is not plain ASCII (a tag in another script) keeps the site-wide policy: its page works the same.
  const topics = Object.entries(tags).filter(([slug]) => SAFE_SLUG.test(slug));
  const blogPages = later(pageCount(posts.length, POSTS_PER_PAGE));
  return [
    "/",
    "/blog",
    ...(blogPages.length ? [`/blog/page/:page(${blogPages.join("|")})`] : []),
    ...(slugs.length ? [`/blog/:slug(${slugs.join("|")})`] : []),
    ...(topics.length ? [`/tags/:tag(${topics.map(([slug]) => slug).join("|")})`] : []),
    ...topics.flatMap(([slug, count]) => {
      const pages = later(pageCount(count, POSTS_PER_PAGE));
      return pages.length ? [`/tags/${slug}/page/:page(${pages.join("|")})`] : [];
    }),
  ];
}

export function staticPageScripts(): string[] {
  return ["'self'", inlineScriptHash(themeScript), inlineScriptHash(islandsScript)];
}

/**
 * The site-wide policy, or with `perRequestScripts` the script sources that replace 'unsafe-inline': a page
 * rendered per request (lib/security/nonce-policy.ts) or a static page without the framework's runtime.
 */
export function contentSecurityPolicy(
  isDev: boolean,
  { perRequestScripts }: { perRequestScripts?: string[] } = {},
): string {
  const scriptSrc = perRequestScripts
    ? perRequestScripts
    : // Prerendered pages carry the React Server Components payload in inline
      // <script> tags (self.__next_f.push) whose content differs per page and is
      // fixed at build time. A nonce needs a render per request; hashes would have
      // to list every payload chunk of every page; and adding even the theme
      // script's hash would switch 'unsafe-inline' off and block those payloads.
      // So inline scripts are allowed there; no third-party origin is, and nothing
      // renders unescaped user input (JSON-LD is escaped, MDX compiled at build).
      ["'self'", "'unsafe-inline'"];
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // `next dev` additionally needs eval for its error overlay and React's dev tools.
    // 'wasm-unsafe-eval' lets the search (Pagefind, loaded on first use) compile its WebAssembly; it allows no JS eval.
    "script-src": [...scriptSrc, "'wasm-unsafe-eval'", ...(isDev ? ["'unsafe-eval'"] : [])],
    // Shiki colours code through style attributes (CSS variables), and next/font injects a style tag.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(isDev ? ["ws:"] : [])],
    "manifest-src": ["'self'"],
    "media-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "frame-src": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** Features this site never uses are switched off; clipboard and share stay on for the share bar. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "encrypted-media=()",
  "fullscreen=(self)",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "picture-in-picture=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
  "clipboard-write=(self)",
  "web-share=(self)",
  "browsing-topics=()",
].join(", ");

/**
 * The header entries of next.config.ts: the site-wide headers, then the strict script policy of the static pages
 * (a later entry's header replaces an earlier one's of the same name).
 */
export function headerRules(pages: StaticPages, isDev = process.env.NODE_ENV === "development") {
  return [
    { source: "/:path*", headers: securityHeaders(isDev) },
    // `next dev` hydrates these pages with the framework's scripts: the strict policy applies to the build only.
    ...(isDev
      ? []
      : staticPageSources(pages).map((source) => ({
          source,
          headers: [
            {
              key: "Content-Security-Policy",
              value: contentSecurityPolicy(false, { perRequestScripts: staticPageScripts() }),
            },
          ],
        }))),
  ];
}

export function securityHeaders(isDev = process.env.NODE_ENV === "development"): { key: string; value: string }[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(isDev) },
    // Browsers ignore HSTS over plain HTTP (local runs); behind HTTPS it pins the site to HTTPS for two years.
    { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
}
