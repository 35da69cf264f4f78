import { createHmac } from "node:crypto";

import { clientBuckets, type ClientBuckets } from "./policy";
import type { TrustProxy } from "./trust-proxy";

export type { TrustProxy } from "./trust-proxy";

/**
 * The client's address, for the per-client limits only. It is never stored:
 * the store keeps a keyed hash (HMAC) of each bucket (secret.ts).
 *
 * Where the address comes from (TRUST_PROXY, lib/env.ts):
 * - no proxy (the default): the TCP peer of the request, which the server
 *   entry (server.mjs) writes into a private request header after removing
 *   any copy the client sent. A server action cannot see the socket itself.
 * - `TRUST_PROXY=<n>`: n proxies in front, each appending to X-Forwarded-For;
 *   the client is the entry n places from the right of [X-Forwarded-For…, peer]
 *   (1 for nginx or Fly; 2 for Cloudflare in front of nginx).
 * - `TRUST_PROXY=<header>`: a platform header that holds only the client
 *   address and that the platform overwrites (Cloudflare `cf-connecting-ip`,
 *   Fly `fly-client-ip`, Vercel `x-real-ip`), from the closed list in
 *   trust-proxy.ts. On Vercel it is `x-real-ip` without any setting.
 */

/**
 * The name of the private header the server entry sets, per process, random:
 * a client cannot guess it, and under a plain `next start` (no server entry)
 * it is absent, so nothing a client sends can pass for the socket address.
 */
export const SOCKET_ADDRESS_HEADER_KEY = Symbol.for("steady-state.socket-address-header");

export function socketAddressHeader(): string | undefined {
  const name = (globalThis as Record<symbol, unknown>)[SOCKET_ADDRESS_HEADER_KEY];
  return typeof name === "string" ? name : undefined;
}

/** The raw client address, or null when it cannot be known. */
export function clientAddress(
  headers: Pick<Headers, "get">,
  trust: TrustProxy,
  socketHeader = socketAddressHeader(),
): string | null {
  const peer = socketHeader ? headers.get(socketHeader)?.trim() || null : null;
  if ("header" in trust) return headers.get(trust.header)?.split(",")[0]?.trim() || null;
  if (trust.hops === 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  // Without the server entry the peer is unknown; the proxies' own entries are then the list's right end.
  const chain = peer ? [...forwarded, peer] : forwarded;
  const index = chain.length - 1 - (peer ? trust.hops : trust.hops - 1);
  return chain[Math.max(0, index)] ?? null;
}

/** The buckets of the client, from the request headers. */
export function clientIp(
  headers: Pick<Headers, "get">,
  trust: TrustProxy,
  socketHeader = socketAddressHeader(),
): ClientBuckets | null {
  return clientBuckets(clientAddress(headers, trust, socketHeader));
}

/** HMAC-SHA-256 of a bucket with the IP hash key (hex). */
export function hashBucket(bucket: string, key: Buffer): string {
  return createHmac("sha256", key).update(bucket).digest("hex");
}
