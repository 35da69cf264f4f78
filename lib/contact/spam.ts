import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Two quiet spam defences. Neither tells a bot it was caught: the action
 * answers with the normal success and stores the row as `spam`.
 *
 * - A honeypot field people never see (not displayed, out of the tab order,
 *   hidden from screen readers, no label) that form-filling bots happily
 *   complete. Its name means nothing, so browser autofill, which guesses from
 *   names and labels, never fills it for a real person.
 * - A signed, single-use token issued when the page renders: a form sent less
 *   than a few seconds after it was shown was not typed by a person, one older
 *   than a day is stale, and a token that already carried a stored enquiry
 *   cannot carry a different one (store.ts enforces that by its digest).
 */

export { FORM_TOKEN_FIELD, HONEYPOT_FIELD } from "./fields";

export const DEFAULT_MIN_AGE_MS = 3_000;
export const MAX_FORM_AGE_MS = 24 * 60 * 60 * 1000;
/** Tolerated clock difference between the instance that rendered the form and the one that receives it. */
const CLOCK_SKEW_MS = 60_000;
const TOKEN_VERSION = "v2";

export type SpamReason = "honeypot" | "missing-token" | "invalid-token" | "too-fast" | "expired" | "reused-token";

/** A genuine token's render time is known even when it is too fresh or too old (`issuedAt`). */
export type TokenCheck =
  | { ok: true; issuedAt: number }
  | { ok: false; reason: Exclude<SpamReason, "honeypot" | "reused-token">; issuedAt?: number };

/** A key for one purpose derived from the form secret, so one secret never signs two kinds of thing. */
export function deriveKey(secret: string, purpose: string): Buffer {
  return createHmac("sha256", secret).update(`steady-state:${purpose}`).digest();
}

function signature(issuedAt: number, nonce: string, secret: string): string {
  return createHmac("sha256", deriveKey(secret, "form-token"))
    .update(`${TOKEN_VERSION}.${issuedAt}.${nonce}`)
    .digest("base64url");
}

/** `v2.<issued-at ms>.<random nonce>.<HMAC-SHA256>`: issued server-side when the form is rendered, unique per render. */
export function signFormToken(issuedAt: number, secret: string, nonce = randomBytes(12).toString("base64url")): string {
  return `${TOKEN_VERSION}.${issuedAt}.${nonce}.${signature(issuedAt, nonce, secret)}`;
}

function legacySignature(issuedAt: number, secret: string): string {
  return createHmac("sha256", deriveKey(secret, "form-token")).update(`v1.${issuedAt}`).digest("base64url");
}

/** What the store keeps of a token to enforce single use: a digest, not the token. */
export function formTokenId(token: string): string {
  return createHash("sha256").update(token).digest("base64url").slice(0, 32);
}

export function verifyFormToken(
  token: unknown,
  {
    secret,
    now,
    minAgeMs = DEFAULT_MIN_AGE_MS,
    maxAgeMs = MAX_FORM_AGE_MS,
  }: { secret: string; now: number; minAgeMs?: number; maxAgeMs?: number },
): TokenCheck {
  if (typeof token !== "string" || token === "") return { ok: false, reason: "missing-token" };
  const match = /^v2\.(\d{1,15})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  // v1 (no nonce) was issued before single-use tokens; still accepted until the last of them expires (24 h),
  // so a tab opened before a deploy is not taken for a bot. Single use applies to it too (by its digest).
  const legacy = match ? null : /^v1\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match && !legacy) return { ok: false, reason: "invalid-token" };
  const issuedAt = Number((match ?? legacy)![1]);
  const expected = Buffer.from(match ? signature(issuedAt, match[2]!, secret) : legacySignature(issuedAt, secret));
  const given = Buffer.from(match ? match[3]! : legacy![2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: "invalid-token" };
  const age = now - issuedAt;
  if (age < -CLOCK_SKEW_MS) return { ok: false, reason: "invalid-token" };
  if (age < minAgeMs) return { ok: false, reason: "too-fast", issuedAt };
  if (age > maxAgeMs) return { ok: false, reason: "expired", issuedAt };
  return { ok: true, issuedAt };
}

/** Anything typed into the honeypot (bots fill every field they find). */
export function isHoneypotFilled(value: unknown): boolean {
  return typeof value === "string" ? value.trim() !== "" : value !== undefined && value !== null;
}

/** `issuedAt`: the genuine token's render time, when there is one (how long the form was open). */
export type SpamVerdict = { spam: false; issuedAt?: number } | { spam: true; reason: SpamReason; issuedAt?: number };

export function checkSpam(
  { honeypot, formToken }: { honeypot: unknown; formToken: unknown },
  options: { secret: string; now: number; minAgeMs?: number; maxAgeMs?: number },
): SpamVerdict {
  if (isHoneypotFilled(honeypot)) return { spam: true, reason: "honeypot" };
  const token = verifyFormToken(formToken, options);
  return token.ok
    ? { spam: false, issuedAt: token.issuedAt }
    : { spam: true, reason: token.reason, ...(token.issuedAt === undefined ? {} : { issuedAt: token.issuedAt }) };
}

/** How long before expiry a refreshed token is set back to, so it stays valid for at least this long. */
const REFRESH_HEADROOM_MS = 60 * 60 * 1000;

/**
 * A fresh token for a form whose page has been open a long time (the enquiry form asks for one when its tab comes
 * back after hours). A genuine earlier token keeps its render time, so the hours the page was open still read as a
 * person's timing, but moved forward enough to stay valid for an hour and back enough to be usable at once; the new
 * nonce makes it a new single-use token. Anything else gets a token rendered now, as a page load would.
 */
export function refreshFormToken(
  previous: unknown,
  { secret, now, minAgeMs = DEFAULT_MIN_AGE_MS }: { secret: string; now: number; minAgeMs?: number },
): string {
  const check = verifyFormToken(previous, { secret, now, minAgeMs: 0, maxAgeMs: Number.MAX_SAFE_INTEGER });
  if (!check.ok || check.issuedAt === undefined) return signFormToken(now, secret);
  const oldest = now - (MAX_FORM_AGE_MS - REFRESH_HEADROOM_MS);
  return signFormToken(Math.min(Math.max(check.issuedAt, oldest), now - minAgeMs), secret);
}

/**
 * The token to render back after a round trip that did not store the enquiry
 * (invalid input, rate limit, store down): the one submitted if it is still
 * valid, so a person who fixes a typo within three seconds of the page
 * reloading (no JavaScript) is not mistaken for a bot; otherwise a fresh one.
 */
export function tokenToCarry(submitted: unknown, { secret, now }: { secret: string; now: number }): string {
  const check = verifyFormToken(submitted, { secret, now, minAgeMs: 0 });
  return check.ok ? (submitted as string) : signFormToken(now, secret);
}
