/**
 * TRUST_PROXY: where the client address of a request comes from (lib/contact/ip.ts reads it). No Node imports:
 * lib/env.ts parses the value with this, and lib/env.ts is reachable from client code through lib/site.ts.
 *
 * - a number of proxies in front that each append to X-Forwarded-For (0 = none, the socket is the client);
 * - or the name of a header a platform sets to the client address and overwrites whatever the client sent.
 *
 * Only headers of that second kind are accepted, from a closed list: a header a client can write or append to
 * (X-Forwarded-For, Forwarded, X-Client-IP…) would let anyone pick the address every per-client limit counts.
 */

export type TrustProxy = { hops: number } | { header: string };

/** Client-IP headers a platform overwrites, with who sets them. */
export const CLIENT_IP_HEADERS: Readonly<Record<string, string>> = {
  "cf-connecting-ip": "Cloudflare",
  "true-client-ip": "Cloudflare Enterprise, Akamai",
  "fly-client-ip": "Fly.io",
  "x-real-ip": "Vercel; nginx with proxy_set_header X-Real-IP $remote_addr",
  "x-vercel-forwarded-for": "Vercel",
  "x-nf-client-connection-ip": "Netlify",
  "do-connecting-ip": "DigitalOcean App Platform",
  "fastly-client-ip": "Fastly",
};

/** Headers clients write or append to: refused with a pointer to the hop count. */
const CLIENT_WRITABLE = new Set(["x-forwarded-for", "forwarded", "x-forwarded", "x-client-ip", "x-cluster-client-ip"]);

export const MAX_PROXY_HOPS = 10;

/** On Vercel the platform sets x-real-ip to the client's address: the default there, with no setting needed. */
export const VERCEL_TRUST_PROXY: TrustProxy = { header: "x-real-ip" };

export type TrustProxyParse = { ok: true; value: TrustProxy } | { ok: false; problem: string };

const HEADER_LIST = Object.keys(CLIENT_IP_HEADERS).join(", ");

export function parseTrustProxy(raw: string): TrustProxyParse {
  const value = raw.trim().toLowerCase();
  if (value === "false") return { ok: true, value: { hops: 0 } };
  if (value === "true") return { ok: true, value: { hops: 1 } };
  if (/^\d+$/.test(value)) {
    return Number(value) <= MAX_PROXY_HOPS
      ? { ok: true, value: { hops: Number(value) } }
      : { ok: false, problem: `must be at most ${MAX_PROXY_HOPS} proxies` };
  }
  if (value in CLIENT_IP_HEADERS) return { ok: true, value: { header: value } };
  if (CLIENT_WRITABLE.has(value)) {
    return {
      ok: false,
      problem: `"${value}" is a header clients can write or append to, so anyone could pick their address: give the number of proxies in front instead (1 for nginx), or a platform's client-IP header (${HEADER_LIST})`,
    };
  }
  return {
    ok: false,
    problem: `must be the number of proxies in front (0–${MAX_PROXY_HOPS}, e.g. 1 for nginx) or one of the platform client-IP headers ${HEADER_LIST}`,
  };
}
