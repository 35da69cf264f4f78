import { describe, expect, it } from "vitest";

import { adminGate, isAuthorised } from "@/lib/admin/basic-auth";

const token = "t".repeat(20) + "-admin-token-0123456789";
const basic = (credentials: string) => `Basic ${Buffer.from(credentials, "utf8").toString("base64")}`;

describe("isAuthorised", () => {
  it("accepts exactly admin:<ADMIN_TOKEN>, the scheme in any case", () => {
    expect(isAuthorised(basic(`admin:${token}`), token)).toBe(true);
    expect(isAuthorised(basic(`admin:${token}`).replace("Basic", "basic"), token)).toBe(true);
  });

  it("refuses another user, another or partial password, a colon-less value, other schemes and garbage", () => {
    for (const header of [
      basic(`root:${token}`),
      basic(`Admin:${token}`),
      basic(`admin:${token.slice(0, -1)}`),
      basic(`admin:${token}x`),
      basic(`admin:`),
      basic(`admin${token}`),
      `Bearer ${token}`,
      "Basic !!!",
      "Basic",
      "",
      null,
      undefined,
    ])
      expect(isAuthorised(header, token), String(header)).toBe(false);
  });
});

describe("adminGate", () => {
  it("is absent without ADMIN_TOKEN, whatever is sent", () => {
    expect(adminGate(basic("admin:anything"), undefined)).toBe("absent");
    expect(adminGate(null, "")).toBe("absent");
  });

  it("challenges missing or wrong credentials with 401, WWW-Authenticate, no-store and noindex", async () => {
    for (const header of [null, basic("admin:wrong")]) {
      const answer = adminGate(header, token);
      expect(answer).toBeInstanceOf(Response);
      const response = answer as Response;
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Basic realm="Steady State admin", charset="UTF-8"');
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("x-robots-tag")).toBe("noindex, nofollow");
      expect(response.headers.get("set-cookie")).toBeNull();
      expect(await response.text()).toBe("Authentication required.\n");
    }
    expect(adminGate(basic(`admin:${token}`), token)).toBe("pass");
  });
});
