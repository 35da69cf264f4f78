import { createHmac } from "node:crypto";
import { isIP } from "node:net";

import { deriveKey } from "./spam";

/**
 * The client's address, for rate limiting only. It is never stored: the
 * store keeps a keyed SHA-256 (HMAC) of it, which cannot be reversed without
 * the server's secret.
 */

/**
 * The client IP from the request headers, or null when it cannot be trusted.
 *
 * `next start` fills `X-Forwarded-For` with the socket address only when the
 * request has none, so without a proxy in front a client can write any
 * address there. We therefore read it only when `TRUST_PROXY=true` (a proxy
 * that sets or appends the header), and then take the right-most entry: the
 * one our own proxy added, which the client cannot forge.
 */
export function clientIp(headers: Pick<Headers, "get">, { trustProxy }: { trustProxy: boolean }): string | null {
  if (!trustProxy) return null;
  const forwarded = headers.get("x-forwarded-for");
  const candidate = forwarded?.split(",").map((part) => part.trim()).filter(Boolean).at(-1) ?? headers.get("x-real-ip")?.trim();
  if (!candidate) return null;
  const normalised = normaliseIp(candidate);
  return normalised;
}

/** Strips ports/brackets and IPv4-mapped prefixes; IPv6 is reduced to its /64, which one subscriber usually owns whole. */
export function normaliseIp(raw: string): string | null {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(value)) value = value.replace(/:\d+$/, "");
  value = value.replace(/%.*$/, ""); // zone id
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(value);
  if (mapped) value = mapped[1]!;
  const version = isIP(value);
  if (version === 4) return value;
  if (version === 6) return `${expandIpv6(value).slice(0, 4).join(":")}::/64`;
  return null;
}

function expandIpv6(address: string): string[] {
  let text = address.toLowerCase();
  // An embedded IPv4 tail (::1.2.3.4) becomes two groups.
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = text.replace(v4[0], `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`);
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - headGroups.length - tailGroups.length).fill("0");
  return [...headGroups, ...zeros, ...tailGroups].map((group) => (parseInt(group, 16) || 0).toString(16));
}

/** HMAC-SHA-256 of the normalised address with a key derived from the form secret (hex). */
export function hashIp(ip: string, secret: string): string {
  return createHmac("sha256", deriveKey(secret, "ip-hash")).update(ip).digest("hex");
}
