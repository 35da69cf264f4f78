import { describe, expect, it } from "vitest";

import { clientAddress, clientIp, hashBucket } from "@/lib/contact/ip";

const headers = (values: Record<string, string>) => new Headers(values);
const SOCKET = "x-socket-address-test";

describe("clientAddress", () => {
  it("without a proxy, uses the socket address the server entry stamped, and ignores X-Forwarded-For", () => {
    expect(clientAddress(headers({ [SOCKET]: "203.0.113.7", "x-forwarded-for": "1.1.1.1" }), { hops: 0 }, SOCKET)).toBe(
      "203.0.113.7",
    );
  });

  it("under a plain next start (no server entry), nothing a client sends passes for the socket address", () => {
    expect(
      clientAddress(headers({ [SOCKET]: "203.0.113.7", "x-forwarded-for": "1.1.1.1" }), { hops: 0 }, undefined),
    ).toBeNull();
  });

  it("with n trusted proxies, takes the entry n places from the right of [X-Forwarded-For…, socket]", () => {
    const forged = "6.6.6.6, 203.0.113.7";
    expect(clientAddress(headers({ [SOCKET]: "10.0.0.2", "x-forwarded-for": forged }), { hops: 1 }, SOCKET)).toBe(
      "203.0.113.7",
    );
    expect(
      clientAddress(headers({ [SOCKET]: "10.0.0.2", "x-forwarded-for": `${forged}, 172.16.0.9` }), { hops: 2 }, SOCKET),
    ).toBe("203.0.113.7");
    // Without the socket (plain next start behind nginx) the proxy's own entry is the right-most one.
    expect(clientAddress(headers({ "x-forwarded-for": forged }), { hops: 1 }, undefined)).toBe("203.0.113.7");
    // Fewer entries than hops: the furthest known one, never an index outside the list.
    expect(clientAddress(headers({ [SOCKET]: "10.0.0.2" }), { hops: 3 }, SOCKET)).toBe("10.0.0.2");
  });

  it("with a platform header, reads only that header", () => {
    expect(
      clientAddress(
        headers({ "cf-connecting-ip": "198.51.100.4", "x-forwarded-for": "1.1.1.1" }),
        { header: "cf-connecting-ip" },
        SOCKET,
      ),
    ).toBe("198.51.100.4");
    expect(clientAddress(headers({}), { header: "fly-client-ip" }, SOCKET)).toBeNull();
  });
});

describe("clientIp", () => {
  it("gives the buckets of the address (IPv4 and its /24; IPv6 /64 and /48), or null for garbage", () => {
    expect(clientIp(headers({ [SOCKET]: "::ffff:203.0.113.7" }), { hops: 0 }, SOCKET)).toEqual({
      client: "203.0.113.7",
      network: "203.0.113.0/24",
    });
    expect(clientIp(headers({ [SOCKET]: "2001:db8:85a3:1234::1" }), { hops: 0 }, SOCKET)).toEqual({
      client: "2001:db8:85a3:1234::/64",
      network: "2001:db8:85a3::/48",
    });
    expect(clientIp(headers({ [SOCKET]: "not-an-ip" }), { hops: 0 }, SOCKET)).toBeNull();
  });
});

describe("hashBucket", () => {
  const key = Buffer.from("a-test-key-that-is-at-least-32-characters");

  it("is a keyed SHA-256: stable, hex, never the address itself", () => {
    const hash = hashBucket("203.0.113.7", key);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashBucket("203.0.113.7", key));
    expect(hash).not.toContain("203");
    expect(hashBucket("203.0.113.8", key)).not.toBe(hash);
    expect(hashBucket("203.0.113.7", Buffer.concat([key, Buffer.from("x")]))).not.toBe(hash);
  });
});
