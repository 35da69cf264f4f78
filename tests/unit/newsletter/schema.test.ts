import { describe, expect, it } from "vitest";

import { emailKey, SubscribeSchema } from "@/lib/newsletter/schema";

function emailError(email: unknown): string | undefined {
  const result = SubscribeSchema.safeParse({ email });
  return result.success ? undefined : result.error.issues[0]?.message;
}

describe("the subscribe schema", () => {
  it("accepts ordinary addresses, trimmed", () => {
    for (const email of ["ada@example.com", "  grace.hopper+news@navy.example.org ", "o'brien@example.ie"]) {
      const result = SubscribeSchema.safeParse({ email });
      expect(result.success, email).toBe(true);
      expect(result.data?.email).toBe(email.trim());
    }
  });

  it("gives a specific message for each kind of bad address", () => {
    expect(emailError("")).toBe("Please enter your email address");
    expect(emailError("   ")).toBe("Please enter your email address");
    expect(emailError(undefined)).toBe("Please enter your email address");
    expect(emailError("not-an-email")).toMatch(/valid email address/);
    expect(emailError("ada@")).toMatch(/valid email address/);
    expect(emailError(`${"a".repeat(250)}@example.com`)).toMatch(/at most 254/);
    expect(emailError("ada@example.com\r\nBcc: victim@example.com")).toMatch(/invisible or unreadable/);
    expect(emailError("ada\u0000@example.com")).toMatch(/invisible or unreadable/);
    expect(emailError("ad\uFFFDa@example.com")).toMatch(/invisible or unreadable/);
    expect(emailError("<script>alert(1)</script>@example.com")).toMatch(/valid email address/);
    expect(emailError("ada@example.com, bob@example.com")).toMatch(/valid email address/);
  });

  it("keeps a published-looking source slug and drops anything else without an error", () => {
    expect(SubscribeSchema.parse({ email: "a@example.com", source: "on-call-rotation" }).source).toBe(
      "on-call-rotation",
    );
    for (const source of ["../etc/passwd", "Bad Slug", "x".repeat(201), 42]) {
      expect(SubscribeSchema.parse({ email: "a@example.com", source }).source, String(source)).toBeUndefined();
    }
  });

  it("knows one address in any case as one subscriber", () => {
    expect(emailKey(" Ada@Example.COM ")).toBe("ada@example.com");
  });
});
