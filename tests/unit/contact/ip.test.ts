import { describe, expect, it } from "vitest";

import { clientIp, hashIp, normaliseIp } from "@/lib/contact/ip";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientIp", () => {
  it("ignores X-Forwarded-For unless TRUST_PROXY is on (a client can write anything there)", () => {
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.7" }), { trustProxy: false })).toBeNull();
  });

  it("behind a trusted proxy, takes the right-most address (the one the proxy added)", () => {
    expect(clientIp(headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.7" }), { trustProxy: true })).toBe("203.0.113.7");
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.7" }), { trustProxy: true })).toBe("203.0.113.7");
  });

  it("falls back to X-Real-IP, and returns null for garbage", () => {
    expect(clientIp(headers({ "x-real-ip": "198.51.100.4" }), { trustProxy: true })).toBe("198.51.100.4");
    expect(clientIp(headers({ "x-forwarded-for": "not-an-ip" }), { trustProxy: true })).toBeNull();
    expect(clientIp(headers({}), { trustProxy: true })).toBeNull();
  });
});

describe("normaliseIp", () => {
  it("unwraps IPv4-mapped IPv6, ports and brackets", () => {
    expect(normaliseIp("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(normaliseIp("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(normaliseIp("[2001:db8::1]:443")).toBe("2001:db8:0:0::/64");
  });

  it("reduces IPv6 to its /64, so one subscriber cannot rotate through addresses", () => {
    expect(normaliseIp("2001:db8:85a3:1234:0:8a2e:370:7334")).toBe("2001:db8:85a3:1234::/64");
    expect(normaliseIp("2001:db8:85a3:1234:ffff:ffff:ffff:1")).toBe(normaliseIp("2001:db8:85a3:1234::2"));
    expect(normaliseIp("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });
});

describe("hashIp", () => {
  const secret = "a-test-secret-that-is-at-least-32-characters";

  it("is a keyed SHA-256: stable, hex, never the address itself", () => {
    const hash = hashIp("203.0.113.7", secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashIp("203.0.113.7", secret));
    expect(hash).not.toContain("203");
    expect(hashIp("203.0.113.8", secret)).not.toBe(hash);
    expect(hashIp("203.0.113.7", `${secret}x`)).not.toBe(hash);
  });
});
