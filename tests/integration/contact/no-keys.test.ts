import { readFile, stat, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { createContactRuntime } from "@/lib/contact/runtime";
import { getPostBySlug } from "@/lib/content/posts";
import { resolveFormSecret, resolveIpHashKey } from "@/lib/contact/secret";
import { createEnquiryStore } from "@/lib/contact/store";
import { signFormToken } from "@/lib/contact/spam";
import { reportConfiguration } from "@/lib/contact/startup";
import { handleEnquiry } from "@/lib/contact/submit";
import { parseEnv } from "@/lib/env";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "enquiries-nokeys-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function capture() {
  const lines: Record<"info" | "warn" | "error", string[]> = { info: [], warn: [], error: [] };
  return {
    lines,
    log: {
      info: (m: string) => lines.info.push(m),
      warn: (m: string) => lines.warn.push(m),
      error: (m: string) => lines.error.push(String(m)),
    },
  };
}

describe("with no RESEND_API_KEY (a fresh clone)", () => {
  it("stores the enquiry and writes the email to the local outbox, logging where", async () => {
    const { lines, log } = capture();
    const env = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: `file:${path.join(dir, ".data", "enquiries.db")}`,
      CONTACT_OUTBOX_DIR: path.join(dir, ".data", "outbox"),
      CONTACT_FORM_SECRET: "no-keys-secret-0123456789abcdef0123456789",
    });
    const runtime = createContactRuntime(env, { findPost: getPostBySlug, log });
    expect(runtime.mailer.description).toBe(`local outbox (${path.join(dir, ".data", "outbox")})`);

    const tasks: Array<() => Promise<unknown>> = [];
    const state = await handleEnquiry(
      {
        name: "Ada Lovelace",
        email: "ada@example.com",
        company: "",
        topic: "team-trust-culture",
        message: "Trust between product and engineering has worn thin.",
        source: "blameless-post-mortems-that-change-things",
        formToken: signFormToken(Date.now() - 10_000, env.CONTACT_FORM_SECRET!),
      },
      { client: null, userAgent: null },
      await runtime.submitDeps((task) => void tasks.push(task)),
    );
    for (const task of tasks) await task();
    expect(state.status).toBe("success");

    const [row] = await runtime.store.recent(1);
    expect(row).toMatchObject({ status: "sent", sourceSlug: "blameless-post-mortems-that-change-things" });
    const file = path.join(dir, ".data", "outbox", `${row!.id}.json`);
    const email = JSON.parse(await readFile(file, "utf8")) as Record<string, string>;
    expect(email).toMatchObject({
      idempotencyKey: row!.id,
      to: "hello@steadystate.example",
      replyTo: "ada@example.com",
      subject: "New enquiry: Team trust and culture — Ada Lovelace",
    });
    expect(email.html).toContain("Blameless Post-Mortems That Actually Change Things");
    expect(email.text).toContain("Trust between product and engineering has worn thin.");
    expect((await stat(path.join(dir, ".data", "outbox", `${row!.id}.html`))).isFile()).toBe(true);
    expect(lines.info).toContain(`[contact] No RESEND_API_KEY: email written to ${file}`);
    runtime.store.close();
  });

  it("logs one clear warning at start in production, and none in development", () => {
    const { lines, log } = capture();
    const base = {
      DATABASE_URL: `file:${path.join(dir, "e.db")}`,
      CONTACT_OUTBOX_DIR: path.join(dir, "outbox"),
      CONTACT_FORM_SECRET: "x".repeat(32),
    };
    reportConfiguration(
      {
        ...createContactRuntime(parseEnv({ ...base, NODE_ENV: "production" }), { findPost: getPostBySlug, log }),
        secretSource: "env",
      },
      log,
    );
    expect(lines.warn).toHaveLength(1);
    expect(lines.warn[0]).toMatch(
      /^⚠ \[contact\] RESEND_API_KEY is not set: enquiries are stored in file:.*e\.db but NOT emailed/,
    );

    reportConfiguration(
      {
        ...createContactRuntime(parseEnv({ ...base, NODE_ENV: "development" }), { findPost: getPostBySlug, log }),
        secretSource: "env",
      },
      log,
    );
    reportConfiguration(
      {
        ...createContactRuntime(
          parseEnv({ ...base, NODE_ENV: "production", RESEND_API_KEY: "re_x", CONTACT_FROM_EMAIL: "a@example.com" }),
          { findPost: getPostBySlug, log },
        ),
        secretSource: "database",
      },
      log,
    );
    expect(lines.warn).toHaveLength(1);
  });

  it("without CONTACT_FORM_SECRET, generates one secret once and keeps it in the enquiry database for every instance", async () => {
    const url = `file:${path.join(dir, "shared.db")}`;
    const [one, two] = [createEnquiryStore({ url }), createEnquiryStore({ url })];
    const [first, second] = await Promise.all([resolveFormSecret(undefined, one), resolveFormSecret(undefined, two)]);
    expect(first).toMatchObject({ source: "database" });
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(second.secret).toBe(first.secret);
    one.close();
    two.close();
    expect(await resolveFormSecret("configured-secret-0123456789abcdef0123", one)).toEqual({
      secret: "configured-secret-0123456789abcdef0123",
      source: "env",
    });
    // The key of the IP hashes is never kept beside the database: from the environment, or per process.
    expect(resolveIpHashKey(undefined).source).toBe("process");
    expect(resolveIpHashKey(undefined).key.equals(resolveIpHashKey(undefined).key)).toBe(false);
    expect(
      resolveIpHashKey("configured-secret-0123456789abcdef0123").key.equals(
        resolveIpHashKey("configured-secret-0123456789abcdef0123").key,
      ),
    ).toBe(true);
  });
});
