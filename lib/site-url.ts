/** SITE_URL, parsed: the site's origin and base path (lib/site.ts, lib/env.ts). Imports nothing. */

type EnvSource = Readonly<Record<string, string | undefined>>;

/**
 * SITE_URL as the origin plus any base path, without a trailing slash (canonical URLs are built by appending
 * paths); `http://localhost:3000` when unset. Throws on a value that is not an absolute http(s) URL.
 * Self-contained on purpose: lib/site.ts runs it while it loads, on the server and in the browser.
 */
export function readSiteUrl(source: EnvSource = process.env): URL {
  const value = source.SITE_URL?.trim() || "http://localhost:3000";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL: "${value}" is not an absolute URL (expected e.g. https://example.com)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`SITE_URL: "${value}" must start with http:// or https://`);
  }
  url.pathname = url.pathname.replace(/\/+$/, "");
  url.search = "";
  url.hash = "";
  return url;
}

/**
 * SITE_URL for lib/site.ts, which runs while any page loads: an invalid value gives the localhost default here
 * instead of an exception, because the configuration check reports it (with every other bad value, in one list)
 * and stops the build (scripts/check-build.ts, next.config.ts) and the server (instrumentation.ts) first.
 */
export function siteUrlOrDefault(source: EnvSource = process.env): URL {
  try {
    return readSiteUrl(source);
  } catch {
    return readSiteUrl({});
  }
}

/** Whether SITE_URL was set at all (a production build without it warns). */
export function siteUrlIsSet(source: EnvSource = process.env): boolean {
  return Boolean(source.SITE_URL?.trim());
}
