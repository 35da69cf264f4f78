import { describe, expect, it } from "vitest";

import { readBodyWithin, signWebhookBody, verifyWebhookSignature } from "@/lib/bookings/webhook";

const secret = "whsec-unit-0123456789abcdef";
const body = new TextEncoder().encode('{"triggerEvent":"BOOKING_CREATED"}');

describe("verifyWebhookSignature", () => {
  it("accepts the hex HMAC-SHA256 of the exact bytes, in either case", () => {
    const signature = signWebhookBody(secret, body);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, body, signature)).toBe(true);
    expect(verifyWebhookSignature(secret, body, signature.toUpperCase())).toBe(true);
  });

  it("refuses a missing, truncated, non-hex, other-secret or other-body signature", () => {
    const signature = signWebhookBody(secret, body);
    expect(verifyWebhookSignature(secret, body, null)).toBe(false);
    expect(verifyWebhookSignature(secret, body, "")).toBe(false);
    expect(verifyWebhookSignature(secret, body, signature.slice(0, 63))).toBe(false);
    expect(verifyWebhookSignature(secret, body, `${signature}00`)).toBe(false);
    expect(verifyWebhookSignature(secret, body, "z".repeat(64))).toBe(false);
    expect(verifyWebhookSignature(secret, body, "no-secret-provided")).toBe(false);
    expect(verifyWebhookSignature(secret, body, signWebhookBody("another-secret-0123456789", body))).toBe(false);
    const changed = new TextEncoder().encode('{"triggerEvent":"BOOKING_CREATED" }');
    expect(verifyWebhookSignature(secret, changed, signature)).toBe(false);
  });
});

describe("readBodyWithin", () => {
  it("returns the bytes under the limit and stops past it, declared or streamed", async () => {
    const post = (payload: BodyInit, headers: Record<string, string> = {}) =>
      new Request("http://127.0.0.1/api/bookings/webhook", { method: "POST", body: payload, headers });
    expect(await readBodyWithin(post("abc"), 3)).toEqual(new TextEncoder().encode("abc"));
    expect(await readBodyWithin(post("abcd"), 3)).toBe("too-large");
    expect(await readBodyWithin(post("a", { "content-length": "999999" }), 3)).toBe("too-large");
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const streamed = new Request("http://127.0.0.1/x", {
      method: "POST",
      body: endless,
      duplex: "half",
    } as RequestInit);
    expect(await readBodyWithin(streamed, 10_000)).toBe("too-large");
    expect(pulled).toBeLessThan(20);
  });
});
