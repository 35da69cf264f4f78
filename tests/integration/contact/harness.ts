import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { connectResend } from "@/lib/email/resend";
import { getPostBySlug } from "@/lib/content/posts";
import { clientBuckets } from "@/lib/contact/policy";
import { HONEYPOT_FIELD, signFormToken } from "@/lib/contact/spam";
import { createEnquiryStore, type EnquiryStore } from "@/lib/contact/store";
import { handleEnquiry, type RequestContext, type Submission, type SubmitDeps } from "@/lib/contact/submit";

import { startFakeResend, type FakeResend } from "../../../tooling/shared/fake-resend";

/**
 * The funnel as the server action runs it, minus Next: a temporary libSQL
 * file, the real Resend SDK pointed at the fake Resend on 127.0.0.1, a clock
 * the test moves, and `after` tasks the test awaits with `settle()`.
 */

export const SECRET = "integration-secret-0123456789abcdef0123456789";
export const OWNER = "owner@steadystate.test";
export const FROM = "Steady State <enquiries@steadystate.test>";
export const PUBLISHED_SLUG = "code-review-is-a-conversation-not-a-gate";
export const PUBLISHED_TITLE = "Code Review Is a Conversation, Not a Gate";
export const DRAFT_SLUG = "writing-an-engineering-strategy";

export type Harness = Awaited<ReturnType<typeof createHarness>>;

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function createHarness({
  databaseUrl,
  emailTimeoutMs = 3_000,
  sendAcknowledgement = false,
}: { databaseUrl?: string; emailTimeoutMs?: number; sendAcknowledgement?: boolean } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), "enquiries-it-"));
  const url = databaseUrl ?? `file:${path.join(dir, "enquiries.db")}`;
  const store: EnquiryStore = createEnquiryStore({ url, timeoutMs: 2_000 });
  const fake: FakeResend = await startFakeResend();
  const mailer = connectResend({ apiKey: "re_test_integration", baseUrl: fake.url, timeoutMs: emailTimeoutMs });

  let clock = new Date("2025-11-03T09:00:00.000Z");
  const deferred: Array<() => Promise<unknown>> = [];
  const logs: Record<"info" | "warn" | "error", string[]> = { info: [], warn: [], error: [] };
  const record =
    (level: keyof typeof logs) =>
    (...parts: unknown[]) =>
      void logs[level].push(parts.map(String).join(" "));

  const deps: SubmitDeps = {
    store,
    mailer,
    from: FROM,
    to: OWNER,
    findPost: getPostBySlug,
    now: () => clock,
    log: { info: record("info"), warn: record("warn"), error: record("error") },
    formSecret: SECRET,
    minSubmitMs: 3_000,
    sendAcknowledgement,
    fallbackEmail: "hello@steadystate.example",
    newId: randomUUID,
    // Like Next's `after`: nothing runs until the answer is back (here: until the test calls settle()).
    defer: (task) => void deferred.push(task),
    ipHashKey: Buffer.from(`ip-hash:${SECRET}`),
  };

  let submissions = 0;

  return {
    dir,
    url,
    store,
    fake,
    deps,
    logs,
    now: () => clock,
    advance(ms: number) {
      clock = new Date(clock.getTime() + ms);
    },
    /** Awaits the work scheduled with `after` (the owner email, the acknowledgement). */
    async settle() {
      while (deferred.length > 0) await deferred.shift()!();
    },
    /** A form token as the page would have issued it `ageMs` ago. */
    token(ageMs = 20_000) {
      return signFormToken(clock.getTime() - ageMs, SECRET);
    },
    submission(overrides: Partial<Submission> = {}): Submission {
      submissions += 1;
      return {
        name: "Ada Lovelace",
        email: "ada@example.com",
        company: "Analytical Engines Ltd",
        topic: "delivery-process",
        message: `Our releases keep slipping and the team is tired (${submissions}).`,
        source: PUBLISHED_SLUG,
        [HONEYPOT_FIELD]: "",
        formToken: this.token(),
        ...overrides,
      };
    },
    /** `ip` as a client address (the server derives its buckets); null = unknown. */
    submit(
      submission: Submission,
      {
        ip = "203.0.113.10",
        userAgent = "Vitest/4 (integration)",
      }: { ip?: string | null; userAgent?: string | null } = {},
    ) {
      const context: RequestContext = { client: clientBuckets(ip), userAgent };
      return handleEnquiry(submission, context, deps);
    },
    async only() {
      const rows = await store.recent(100);
      if (rows.length !== 1) throw new Error(`expected one stored enquiry, found ${rows.length}`);
      return rows[0]!;
    },
    async close() {
      store.close();
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
