import { createHash } from "node:crypto";

import { themeScript } from "@/components/layout/theme-script";
import { nodeEnv } from "@/lib/env";
import { adminFunnelPath, contactPath, newsletterPath } from "@/lib/routes";

import { contentSecurityPolicy } from "./headers";

/**
 * The script policy of pages rendered per request (proxy.ts): a fresh nonce
 * per response instead of 'unsafe-inline'. Next finds the nonce in the
 * request's Content-Security-Policy header and puts it on every script it
 * renders; the theme script in the layout (the same on every page, rendered
 * without a nonce) is allowed by its hash; 'strict-dynamic' lets the nonced
 * scripts load their chunks. With a nonce or a hash present, browsers ignore
 * 'unsafe-inline', so it is not listed.
 */

/**
 * Every page rendered per request, whose policy carries a nonce: the contact form, the newsletter page (it shows the
 * address typed back), the confirm and unsubscribe answers, and the author's funnel page. Static pages cannot (see
 * headers.ts). tests/e2e/security.spec.ts checks this list against the build's dynamic pages, so a new page rendered
 * per request without a nonce fails the tests.
 */
export const NONCE_PATHS: readonly string[] = [
  contactPath(),
  newsletterPath,
  `${newsletterPath}/confirm`,
  `${newsletterPath}/unsubscribe`,
  adminFunnelPath,
];

/** The CSP source of an inline script: its SHA-256, computed from the source itself so an edit never leaves a stale hash. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash("sha256").update(source, "utf8").digest("base64")}'`;
}

/** A fresh nonce for one response (128 random bits, base64). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function noncePolicy(nonce: string, isDev = nodeEnv() === "development"): string {
  return contentSecurityPolicy(isDev, {
    perRequestScripts: ["'self'", `'nonce-${nonce}'`, scriptHash(themeScript), "'strict-dynamic'"],
  });
}
