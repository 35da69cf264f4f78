/**
 * Response headers for every route (next.config.ts `headers()`), kept apart
 * so tests can check the policy without starting a server.
 */

/**
 * The site-wide policy, or with `perRequest` (lib/security/nonce-policy.ts) the script sources of a page
 * rendered per request, which replace 'unsafe-inline'.
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
