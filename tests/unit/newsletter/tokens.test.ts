import { describe, expect, it } from "vitest";

import {
  confirmationToken,
  hashToken,
  isWellFormedConfirmationToken,
  newNonce,
  unsubscribeToken,
  verifyUnsubscribeToken,
} from "@/lib/newsletter/tokens";

const SECRET = "unit-secret-0123456789abcdef0123456789abcdef";
const ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("confirmation tokens", () => {
  it("are the same for the same nonce and secret (a retry rebuilds the same email), different otherwise", () => {
    const nonce = newNonce();
    expect(confirmationToken(nonce, SECRET)).toBe(confirmationToken(nonce, SECRET));
    expect(confirmationToken(nonce, SECRET)).not.toBe(confirmationToken(newNonce(), SECRET));
    expect(confirmationToken(nonce, SECRET)).not.toBe(confirmationToken(nonce, `${SECRET}x`));
  });

  it("are 43 URL-safe characters, and only such strings are looked up", () => {
    const token = confirmationToken(newNonce(), SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(isWellFormedConfirmationToken(token)).toBe(true);
    for (const bad of [
      undefined,
      ["a"],
      "",
      token.slice(1),
      `${token}=`,
      "' OR 1=1 --".padEnd(43, "x"),
      token.replace(/./, "/"),
    ]) {
      expect(isWellFormedConfirmationToken(bad), String(bad)).toBe(false);
    }
  });

  it("are stored only as a SHA-256 that neither is the token nor reveals it", () => {
    const nonce = newNonce();
    const token = confirmationToken(nonce, SECRET);
    const hash = hashToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(hash).toBe(hashToken(token));
    // The nonce kept for retries is not a usable token without the secret.
    expect(isWellFormedConfirmationToken(nonce)).toBe(false);
  });
});

describe("unsubscribe tokens", () => {
  it("verify for the id they name and nothing else", () => {
    const token = unsubscribeToken(ID, SECRET);
    expect(verifyUnsubscribeToken(token, SECRET)).toBe(ID);
    expect(verifyUnsubscribeToken(token, `${SECRET}x`)).toBeNull();
    const otherId = "1f8fad5b-d9cb-469f-a165-70867728950e";
    expect(verifyUnsubscribeToken(`${otherId}.${token.split(".")[1]}`, SECRET)).toBeNull();
    const mac = token.split(".")[1]!;
    const flipped = `${ID}.${mac[0] === "A" ? "B" : "A"}${mac.slice(1)}`;
    expect(verifyUnsubscribeToken(flipped, SECRET)).toBeNull();
    for (const bad of [undefined, 42, "", ID, `${ID}.`, `${token}x`, `${token.toUpperCase()}`])
      expect(verifyUnsubscribeToken(bad, SECRET), String(bad)).toBeNull();
  });
});
