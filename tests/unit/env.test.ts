import { describe, expect, it } from "vitest";

import { readFileSync } from "node:fs";

import { ConfigError, parseEnv, serverVariableNames, siteUrlOrDefault } from "@/lib/env";

function problems(env: Record<string, string>) {
  try {
    parseEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return { problems: (error as ConfigError).problems, message: (error as ConfigError).message };
  }
  throw new Error("expected a ConfigError");
}

describe("parseEnv", () => {
  it("runs with no keys at all: every variable has a working default", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      DATABASE_URL: "file:.data/enquiries.db",
      CONTACT_TO_EMAIL: "hello@steadystate.example",
      CONTACT_FROM_EMAIL: "Steady State website <hello@steadystate.example>",
      CONTACT_SEND_ACK: false,
      CONTACT_MIN_SUBMIT_SECONDS: 3,
      CONTACT_EMAIL_TIMEOUT_MS: 10_000,
      CONTACT_OUTBOX_DIR: ".data/outbox",
      TRUST_PROXY: { hops: 0 },
      CONTACT_RETENTION_DAYS: 365,
    });
    expect(env.RESEND_API_KEY).toBeUndefined();
    expect(env.CRON_SECRET).toBeUndefined();
  });

  it("treats empty values (KEY= in a .env file) as unset", () => {
    expect(parseEnv({ RESEND_API_KEY: "", CONTACT_TO_EMAIL: "  ", TRUST_PROXY: "" }).CONTACT_TO_EMAIL).toBe(
      "hello@steadystate.example",
    );
  });

  it("names the variable and the problem for a bad value", () => {
    const { problems: list, message } = problems({ CONTACT_TO_EMAIL: "not-an-email" });
    expect(list).toEqual([
      { variable: "CONTACT_TO_EMAIL", problem: 'must be an email address, e.g. you@example.com (got "not-an-email")' },
    ]);
    expect(message).toContain("CONTACT_TO_EMAIL: must be an email address");
  });

  it("lists every bad variable at once", () => {
    const { problems: list } = problems({
      CONTACT_TO_EMAIL: "x",
      TRUST_PROXY: "maybe so",
      CONTACT_MIN_SUBMIT_SECONDS: "three",
      DATABASE_URL: "postgres://db/x",
    });
    expect(list.map((problem) => problem.variable).sort()).toEqual([
      "CONTACT_MIN_SUBMIT_SECONDS",
      "CONTACT_TO_EMAIL",
      "DATABASE_URL",
      "TRUST_PROXY",
    ]);
  });

  it("never echoes a secret's value", () => {
    const { message } = problems({
      RESEND_API_KEY: "sk_live_supersecret",
      CONTACT_FORM_SECRET: "short-secret",
      DATABASE_URL: "mysql://user:pw@host/db",
    });
    expect(message).toContain('RESEND_API_KEY: must be a Resend API key (it starts with "re_")');
    expect(message).toContain("CONTACT_FORM_SECRET: must be at least 32 characters");
    expect(message).not.toContain("supersecret");
    expect(message).not.toContain("short-secret");
    expect(message).not.toContain("pw@host");
  });

  it("checks the booking and admin settings, without echoing the secrets", () => {
    expect(parseEnv({}).BOOKING_URL).toBeUndefined();
    expect(parseEnv({ BOOKING_URL: "https://cal.com/nora/30min" }).BOOKING_URL).toBe("https://cal.com/nora/30min");
    const { problems: list, message } = problems({
      BOOKING_URL: "http://cal.com/nora/30min",
      BOOKING_WEBHOOK_SECRET: "tooshort",
      ADMIN_TOKEN: "hunter2hunter2",
    });
    expect(list.map((problem) => problem.variable).sort()).toEqual([
      "ADMIN_TOKEN",
      "BOOKING_URL",
      "BOOKING_WEBHOOK_SECRET",
    ]);
    expect(message).toContain("BOOKING_URL: must be an https:// scheduling link");
    expect(message).not.toContain("tooshort");
    expect(message).not.toContain("hunter2");
  });

  it("requires a verified sender once a Resend key is set", () => {
    expect(problems({ RESEND_API_KEY: "re_123" }).problems[0]?.variable).toBe("CONTACT_FROM_EMAIL");
    expect(
      parseEnv({ RESEND_API_KEY: "re_123", CONTACT_FROM_EMAIL: "Steady State <enquiries@steadystate.example>" })
        .CONTACT_FROM_EMAIL,
    ).toBe("Steady State <enquiries@steadystate.example>");
  });

  it("accepts a bare address or a mailbox as sender, nothing else", () => {
    expect(parseEnv({ CONTACT_FROM_EMAIL: "hello@example.com" }).CONTACT_FROM_EMAIL).toBe("hello@example.com");
    expect(problems({ CONTACT_FROM_EMAIL: "Site <not an email>" }).problems[0]?.variable).toBe("CONTACT_FROM_EMAIL");
    expect(problems({ CONTACT_FROM_EMAIL: "Site\r\nBcc: x@example.com <a@example.com>" }).problems[0]?.variable).toBe(
      "CONTACT_FROM_EMAIL",
    );
  });

  it("parses booleans and numbers", () => {
    const env = parseEnv({
      TRUST_PROXY: "true",
      CONTACT_SEND_ACK: "1",
      CONTACT_MIN_SUBMIT_SECONDS: "0",
      CONTACT_EMAIL_TIMEOUT_MS: "2500",
    });
    expect(env).toMatchObject({
      TRUST_PROXY: { hops: 1 },
      CONTACT_SEND_ACK: true,
      CONTACT_MIN_SUBMIT_SECONDS: 0,
      CONTACT_EMAIL_TIMEOUT_MS: 2_500,
    });
    // TRUST_PROXY: a hop count (true = 1, false = 0) or a platform's client-IP header.
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toEqual({ hops: 2 });
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toEqual({ hops: 0 });
    expect(parseEnv({ TRUST_PROXY: "CF-Connecting-IP" }).TRUST_PROXY).toEqual({ header: "cf-connecting-ip" });
    expect(problems({ TRUST_PROXY: "11" }).problems[0]?.variable).toBe("TRUST_PROXY");
    expect(problems({ CONTACT_RETENTION_DAYS: "0" }).problems[0]?.variable).toBe("CONTACT_RETENTION_DAYS");
    expect(problems({ CONTACT_MIN_SUBMIT_SECONDS: "-1" }).problems[0]?.problem).toMatch(/at least 0/);
  });

  it("accepts every libSQL URL form", () => {
    for (const url of [
      "file:/var/lib/site/enquiries.db",
      "libsql://blog-nora.turso.io",
      "https://db.example.com",
      "ws://127.0.0.1:8080",
    ]) {
      expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
  });

  it("takes TRUST_PROXY only as a hop count or a platform client-IP header from a closed list", () => {
    for (const header of [
      "cf-connecting-ip",
      "true-client-ip",
      "fly-client-ip",
      "x-real-ip",
      "x-vercel-forwarded-for",
    ]) {
      expect(parseEnv({ TRUST_PROXY: header.toUpperCase() }).TRUST_PROXY).toEqual({ header });
    }
    // A header clients write or append to would let anyone pick the address the limits count: refused, with the way out.
    for (const header of ["x-forwarded-for", "X-Forwarded-For", "forwarded", "x-client-ip"]) {
      const { problems: list, message } = problems({ TRUST_PROXY: header });
      expect(list).toHaveLength(1);
      expect(list[0]!.problem).toContain("clients can write or append to");
      expect(list[0]!.problem).toContain("number of proxies in front instead (1 for nginx)");
      expect(message).toContain("TRUST_PROXY:");
    }
    // Anything else is refused too, naming what is accepted.
    const { problems: banana } = problems({ TRUST_PROXY: "banana" });
    expect(banana[0]!.problem).toBe(
      'must be the number of proxies in front (0–10, e.g. 1 for nginx) or one of the platform client-IP headers cf-connecting-ip, true-client-ip, fly-client-ip, x-real-ip, x-vercel-forwarded-for, x-nf-client-connection-ip, do-connecting-ip, fastly-client-ip (got "banana")',
    );
  });

  it("on Vercel, reads the client address from the platform's x-real-ip without any setting", () => {
    expect(parseEnv({ VERCEL: "1" }).TRUST_PROXY).toEqual({ header: "x-real-ip" });
    expect(parseEnv({}).TRUST_PROXY).toEqual({ hops: 0 });
    // An explicit setting still wins (e.g. Cloudflare in front of Vercel).
    expect(parseEnv({ VERCEL: "1", TRUST_PROXY: "cf-connecting-ip" }).TRUST_PROXY).toEqual({
      header: "cf-connecting-ip",
    });
  });

  it("reports a bad SITE_URL, SITE_INDEXING or PORT with the rest, never as an exception while a page loads", () => {
    const { problems: list } = problems({ SITE_URL: "steadystate.co.uk", SITE_INDEXING: "yes", PORT: "http" });
    expect(list).toEqual([
      { variable: "SITE_URL", problem: 'must be an absolute URL, e.g. https://example.com (got "steadystate.co.uk")' },
      { variable: "SITE_INDEXING", problem: 'must be "allow" or "block" (got "yes")' },
      { variable: "PORT", problem: 'must be a whole number (got "http")' },
    ]);
    expect(problems({ SITE_URL: "ftp://steadystate.co.uk" }).problems[0]!.problem).toMatch(
      /^must start with https:\/\//,
    );
    expect(parseEnv({ SITE_URL: "https://steadystate.co.uk/" }).SITE_URL).toBe("https://steadystate.co.uk");
    // lib/site.ts reads it while pages load: an invalid value falls back there, and the check above reports it.
    expect(siteUrlOrDefault({ SITE_URL: "not a url" }).href).toBe("http://localhost:3000/");
    expect(siteUrlOrDefault({ SITE_URL: "https://steadystate.co.uk" }).href).toBe("https://steadystate.co.uk/");
  });

  it("configures the in-process scheduler: on every 5 minutes by default, settable for tests, off for an external cron", () => {
    expect(parseEnv({})).toMatchObject({ SCHEDULER_ENABLED: true, SCHEDULER_INTERVAL_SECONDS: 300 });
    expect(parseEnv({ SCHEDULER_ENABLED: "false", SCHEDULER_INTERVAL_SECONDS: "1" })).toMatchObject({
      SCHEDULER_ENABLED: false,
      SCHEDULER_INTERVAL_SECONDS: 1,
    });
    expect(problems({ SCHEDULER_INTERVAL_SECONDS: "0" }).problems[0]?.variable).toBe("SCHEDULER_INTERVAL_SECONDS");
  });

  it(".env.example lists every variable once, each on its own line, and nothing the site does not read", () => {
    const lines = readFileSync(".env.example", "utf8").split("\n");
    const listed = lines.flatMap((line) => /^# ([A-Z][A-Z0-9_]*)=/.exec(line)?.[1] ?? []);
    expect(new Set(listed).size).toBe(listed.length);
    // The build settings and HOST are read outside the server configuration (next.config.ts, server.mjs).
    const buildOnly = ["HOST", "CONTENT_DIR", "NEXT_DIST_DIR", "NEXT_OUTPUT"];
    const expected = [...serverVariableNames().filter((name) => name !== "NODE_ENV"), ...buildOnly];
    expect([...listed].sort()).toEqual([...expected].sort());
  });
});
