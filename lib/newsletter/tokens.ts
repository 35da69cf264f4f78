import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

import { deriveKey } from "@/lib/contact/spam";

/**
 * The two links in a subscriber's emails.
 *
 * Confirmation: the token is HMAC(secret, nonce) for a random nonce issued
 * with each confirmation email. The database keeps the nonce (so a retry can
 * rebuild the very same email, which the idempotency key requires) and a
 * SHA-256 of the token (to find the subscriber); neither is a usable link
 * without the server's secret. Single use and expiry are decided by the store.
 *
 * Unsubscribe: `<subscriber id>.<HMAC(secret, id)>`, stateless and permanent,
 * so every email we ever sent keeps a working unsubscribe link.
 */

export function newNonce(): string {
  return randomBytes(16).toString("hex");
}

export function confirmationToken(nonce: string, secret: string): string {
  return createHmac("sha256", deriveKey(secret, "newsletter-confirm")).update(nonce).digest("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** 43 base64url characters (a SHA-256 HMAC): anything else is not one of ours and is not even looked up. */
export function isWellFormedConfirmationToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}

function unsubscribeMac(id: string, secret: string): string {
  return createHmac("sha256", deriveKey(secret, "newsletter-unsubscribe")).update(id).digest("base64url");
}

export function unsubscribeToken(subscriberId: string, secret: string): string {
  return `${subscriberId}.${unsubscribeMac(subscriberId, secret)}`;
}

/** The subscriber id a genuine unsubscribe token names, or null for anything forged or mangled. */
export function verifyUnsubscribeToken(token: unknown, secret: string): string | null {
  if (typeof token !== "string") return null;
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const expected = Buffer.from(unsubscribeMac(match[1]!, secret));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1]! : null;
}
