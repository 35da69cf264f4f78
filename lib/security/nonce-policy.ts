import { createHash } from "node:crypto";

import { nodeEnv } from "@/lib/env";
import { islandsScript, themeScript } from "@/lib/islands/scripts";
import { adminFunnelPath, contactPath, newsletterPath } from "@/lib/routes";

import { contentSecurityPolicy } from "./headers";

/**
 * The script policy of pages rendered per request (proxy.ts): a fresh nonce
 * per response instead of 'unsafe-inline'. Next finds the nonce in the
 * request's Content-Security-Policy header and puts it on every script it
 * renders; the layout's two inline scripts (the theme and the islands, the
 * same on every page, rendered without a nonce) are allowed by their hashes; 'strict-dynamic' lets the nonced
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
    perRequestScripts: [
      "'self'",
      `'nonce-${nonce}'`,
      scriptHash(themeScript),
      scriptHash(islandsScript),
      "'strict-dynamic'",
    ],
  });
}
