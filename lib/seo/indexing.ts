import { indexingEnv, type IndexingEnv } from "@/lib/env";

/**
 * Whether search engines may index the site at `SITE_URL`. Only a real,
 * public HTTPS origin is indexable: localhost, private addresses, reserved
 * test domains and preview deployments are not, so a preview never competes
 * with the real site in search results.
 */

const RESERVED_TLDS = ["localhost", "local", "test", "example", "invalid", "internal", "lan", "home.arpa"];

/** Hosts of preview deployments (each branch or pull request gets a subdomain). */
const PREVIEW_HOST_SUFFIXES = [
  "vercel.app",
  "netlify.app",
  "pages.dev",
  "ngrok.io",
  "ngrok-free.app",
  "ngrok.app",
  "github.dev",
  "gitpod.io",
];

function isIpAddress(hostname: string): boolean {
  return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(hostname) || hostname.startsWith("[");
}

export function isIndexableSiteUrl(url: URL | string, env: IndexingEnv = indexingEnv()): boolean {
  // An explicit choice wins: SITE_INDEXING=allow for a real site on a platform domain, =block for a staging site.
  if (env.SITE_INDEXING === "block") return false;
  if (env.SITE_INDEXING === "allow") return true;
  const { protocol, hostname } = typeof url === "string" ? new URL(url) : url;
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (protocol !== "https:") return false;
  if (!host.includes(".") || isIpAddress(host)) return false;
  if (RESERVED_TLDS.some((tld) => host === tld || host.endsWith(`.${tld}`))) return false;
  if (PREVIEW_HOST_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) return false;
  // A preview deployment served on a custom domain still says what it is.
  if (env.VERCEL_ENV && env.VERCEL_ENV !== "production") return false;
  return true;
}
