import { createHash, timingSafeEqual } from "node:crypto";

/**
 * HTTP Basic authentication for the author's pages under /admin: user `admin`, password ADMIN_TOKEN. No cookie,
 * no session: the browser resends the header with every request, and closing it forgets the login.
 *
 * The proxy (proxy.ts) answers here, before anything renders: only a response can carry the 401 and its
 * `WWW-Authenticate` challenge, which a page cannot set. The page checks again (`isAuthorised`), so a
 * misconfigured proxy matcher can never expose it.
 */

export const ADMIN_USER = "admin";
export const ADMIN_REALM = "Steady State admin";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** Compares digests of equal length, so neither the content nor the length of the token leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** Whether an `Authorization` header carries `admin:<token>`. False for anything malformed. */
export function isAuthorised(header: string | null | undefined, token: string): boolean {
  const match = /^Basic +([A-Za-z0-9+/]+=*) *$/i.exec(header ?? "");
  if (!match) return false;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return false;
  const userMatches = sameSecret(decoded.slice(0, colon), ADMIN_USER);
  const passwordMatches = sameSecret(decoded.slice(colon + 1), token);
  return userMatches && passwordMatches;
}

/** Headers on every /admin answer: never cached, never indexed. */
export const ADMIN_HEADERS = { "cache-control": "no-store", "x-robots-tag": "noindex, nofollow" } as const;

/**
 * The gate for a request under /admin: "absent" (no ADMIN_TOKEN: the pages do not exist), a 401 challenge,
 * or "pass".
 */
export function adminGate(authorization: string | null, token: string | undefined): "absent" | "pass" | Response {
  if (!token) return "absent";
  if (isAuthorised(authorization, token)) return "pass";
  return new Response("Authentication required.\n", {
    status: 401,
    headers: {
      ...ADMIN_HEADERS,
      "content-type": "text/plain; charset=utf-8",
      "www-authenticate": `Basic realm="${ADMIN_REALM}", charset="UTF-8"`,
    },
  });
}
