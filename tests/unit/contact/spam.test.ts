import { createHmac } from "node:crypto";

import { describe, expect, it } from "vitest";

import {
  checkSpam,
  deriveKey,
  formTokenId,
  isHoneypotFilled,
  MAX_FORM_AGE_MS,
  refreshFormToken,
  signFormToken,
  tokenToCarry,
  verifyFormToken,
} from "@/lib/contact/spam";

const secret = "a-test-secret-that-is-at-least-32-characters";
const issuedAt = Date.UTC(2025, 10, 3, 9, 0, 0);

describe("signed form timestamp", () => {
  it("signs as v2.<ms>.<nonce>.<HMAC>, unique per render, and verifies with the same secret", () => {
    const token = signFormToken(issuedAt, secret);
    expect(token).toMatch(/^v2\.\d+\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43}$/);
    expect(verifyFormToken(token, { secret, now: issuedAt + 10_000 })).toEqual({ ok: true, issuedAt });
    // Two forms rendered in the same millisecond still get different tokens (each carries one enquiry).
    expect(signFormToken(issuedAt, secret)).not.toBe(token);
    expect(formTokenId(token)).toBe(formTokenId(token));
    expect(formTokenId(token)).not.toBe(formTokenId(signFormToken(issuedAt, secret)));
    // A nonce swapped from another token breaks the signature.
    const other = signFormToken(issuedAt, secret).split(".")[2]!;
    const [v, ms, , sig] = token.split(".");
    expect(verifyFormToken(`${v}.${ms}.${other}.${sig}`, { secret, now: issuedAt + 10_000 })).toEqual({
      ok: false,
      reason: "invalid-token",
    });
  });

  it("rejects a submission in under 3 seconds and accepts one at 3 seconds", () => {
    const token = signFormToken(issuedAt, secret);
    expect(verifyFormToken(token, { secret, now: issuedAt })).toEqual({ ok: false, reason: "too-fast", issuedAt });
    expect(verifyFormToken(token, { secret, now: issuedAt + 2_999 })).toEqual({
      ok: false,
      reason: "too-fast",
      issuedAt,
    });
    expect(verifyFormToken(token, { secret, now: issuedAt + 3_000 }).ok).toBe(true);
  });

  it("honours a configured minimum", () => {
    const token = signFormToken(issuedAt, secret);
    expect(verifyFormToken(token, { secret, now: issuedAt + 1_000, minAgeMs: 1_000 }).ok).toBe(true);
    expect(verifyFormToken(token, { secret, now: issuedAt + 999, minAgeMs: 1_000 })).toEqual({
      ok: false,
      reason: "too-fast",
      issuedAt,
    });
  });

  it("rejects a form older than 24 hours (a replay) and accepts one just inside", () => {
    const token = signFormToken(issuedAt, secret);
    expect(verifyFormToken(token, { secret, now: issuedAt + MAX_FORM_AGE_MS }).ok).toBe(true);
    // The render time of a genuine expired token is known: the page was left open (submit.ts holds it for review).
    expect(verifyFormToken(token, { secret, now: issuedAt + MAX_FORM_AGE_MS + 1 })).toEqual({
      ok: false,
      reason: "expired",
      issuedAt,
    });
  });

  it("rejects a token signed with another secret, or with its time or signature changed", () => {
    const token = signFormToken(issuedAt, secret);
    const now = issuedAt + 60_000;
    expect(verifyFormToken(signFormToken(issuedAt, `${secret}-other`), { secret, now })).toEqual({
      ok: false,
      reason: "invalid-token",
    });
    // Backdating the timestamp to skip the 3-second wait breaks the signature.
    expect(verifyFormToken(token.replace(`.${issuedAt}.`, `.${issuedAt - 10_000}.`), { secret, now })).toEqual({
      ok: false,
      reason: "invalid-token",
    });
    const flipped = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(verifyFormToken(flipped, { secret, now })).toEqual({ ok: false, reason: "invalid-token" });
  });

  it("rejects missing, malformed and far-future tokens", () => {
    const now = issuedAt;
    expect(verifyFormToken(undefined, { secret, now })).toEqual({ ok: false, reason: "missing-token" });
    expect(verifyFormToken("", { secret, now })).toEqual({ ok: false, reason: "missing-token" });
    expect(verifyFormToken("v1.abc.def", { secret, now })).toEqual({ ok: false, reason: "invalid-token" });
    // A v1 token (before single use) still verifies with its own signature until it expires; a forged one does not.
    const v1 = `v1.${issuedAt}.${createHmac("sha256", deriveKey(secret, "form-token")).update(`v1.${issuedAt}`).digest("base64url")}`;
    expect(verifyFormToken(v1, { secret, now: issuedAt + 10_000 })).toEqual({ ok: true, issuedAt });
    expect(verifyFormToken(`${v1.slice(0, -2)}AA`, { secret, now: issuedAt + 10_000 })).toEqual({
      ok: false,
      reason: "invalid-token",
    });
    expect(verifyFormToken(["v1"], { secret, now })).toEqual({ ok: false, reason: "missing-token" });
    expect(verifyFormToken(signFormToken(now + 5 * 60_000, secret), { secret, now })).toEqual({
      ok: false,
      reason: "invalid-token",
    });
  });

  it("carries a still-valid token through a round trip, and replaces an expired or forged one", () => {
    const token = signFormToken(issuedAt, secret);
    expect(tokenToCarry(token, { secret, now: issuedAt + 1_000 })).toBe(token);
    const later = issuedAt + MAX_FORM_AGE_MS + 60_000;
    const fresh = tokenToCarry(token, { secret, now: later });
    expect(fresh).not.toBe(token);
    expect(verifyFormToken(fresh, { secret, now: later + 5_000 }).ok).toBe(true);
    const replaced = tokenToCarry("forged", { secret, now: later });
    expect(verifyFormToken(replaced, { secret, now: later, minAgeMs: 0 })).toEqual({ ok: true, issuedAt: later });
  });
});

describe("honeypot", () => {
  it("is filled when it holds any text", () => {
    expect(isHoneypotFilled("")).toBe(false);
    expect(isHoneypotFilled("   ")).toBe(false);
    expect(isHoneypotFilled(undefined)).toBe(false);
    expect(isHoneypotFilled("https://cheap-seo.example")).toBe(true);
  });
});

describe("checkSpam", () => {
  const now = issuedAt + 30_000;
  const good = signFormToken(issuedAt, secret);

  it("passes a person: empty honeypot, valid token", () => {
    expect(checkSpam({ honeypot: "", formToken: good }, { secret, now })).toEqual({ spam: false, issuedAt });
  });

  it("names the reason, the honeypot first", () => {
    expect(checkSpam({ honeypot: "x", formToken: good }, { secret, now })).toEqual({ spam: true, reason: "honeypot" });
    expect(checkSpam({ honeypot: "", formToken: signFormToken(now - 500, secret) }, { secret, now })).toEqual({
      spam: true,
      reason: "too-fast",
      issuedAt: now - 500,
    });
    expect(checkSpam({ honeypot: "", formToken: undefined }, { secret, now })).toEqual({
      spam: true,
      reason: "missing-token",
    });
  });
});

describe("refreshFormToken (a tab that comes back after hours)", () => {
  const now = issuedAt + 30 * 60 * 60_000;

  it("keeps a genuine token's render time, moved just inside the day, usable at once, as a new single-use token", () => {
    const old = signFormToken(issuedAt, secret);
    const fresh = refreshFormToken(old, { secret, now, minAgeMs: 3_000 });
    expect(fresh).not.toBe(old);
    const check = verifyFormToken(fresh, { secret, now });
    expect(check.ok).toBe(true);
    // 30 hours open: moved forward to 23 hours old, so it stays valid for another hour and still reads as a person's.
    expect(check.ok && now - check.issuedAt).toBe(MAX_FORM_AGE_MS - 60 * 60_000);
    expect(formTokenId(fresh)).not.toBe(formTokenId(old));
  });

  it("a recent token keeps its render time; a fresh page's is made usable at once", () => {
    const recent = signFormToken(now - 2 * 60 * 60_000, secret);
    const fresh = refreshFormToken(recent, { secret, now, minAgeMs: 3_000 });
    expect(verifyFormToken(fresh, { secret, now })).toEqual({ ok: true, issuedAt: now - 2 * 60 * 60_000 });
    const justRendered = refreshFormToken(signFormToken(now, secret), { secret, now, minAgeMs: 3_000 });
    expect(verifyFormToken(justRendered, { secret, now })).toEqual({ ok: true, issuedAt: now - 3_000 });
  });

  it("anything else (forged, missing, another secret) gets a token rendered now, as a page load would", () => {
    for (const previous of ["", "nonsense", signFormToken(issuedAt, `${secret}-other`), undefined]) {
      const fresh = refreshFormToken(previous, { secret, now, minAgeMs: 3_000 });
      expect(verifyFormToken(fresh, { secret, now, minAgeMs: 0 })).toEqual({ ok: true, issuedAt: now });
    }
  });
});
