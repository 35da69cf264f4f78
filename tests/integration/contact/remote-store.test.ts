import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { createClient } from "@libsql/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { createContactRuntime } from "@/lib/contact/runtime";
import { signFormToken } from "@/lib/contact/spam";
import { createEnquiryStore, StoreUnavailableError, type NewEnquiry } from "@/lib/contact/store";
import { handleEnquiry } from "@/lib/contact/submit";
import { getPostBySlug } from "@/lib/content/posts";
import { parseEnv } from "@/lib/env";
import { checkHealth } from "@/lib/health/health";
import { createRunLease } from "@/lib/scheduled/lease";

import { startFakeLibsql, type FakeLibsql } from "../../../tooling/shared/fake-libsql";

/**
 * The stores against a remote libSQL database, as on Vercel with Turso: `@libsql/client` speaks Hrana over HTTP to
 * a fake server (tooling/shared/fake-libsql.ts) that runs each statement on a local SQLite file. No sqld here; this
 * runs the real client and the stores' real remote code paths (custom fetch with a timeout, transactions over a
 * stream, batches, close), not a mock.
 */

const TOKEN = "remote-test-token-0123456789";
let dir: string;
let fake: FakeLibsql;
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "remote-store-"));
  fake = await startFakeLibsql({ file: path.join(dir, "turso.db"), authToken: TOKEN });
});

afterEach(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

function enquiry(overrides: Partial<NewEnquiry> = {}): NewEnquiry {
  return {
    id: randomUUID(),
    createdAt: new Date(Date.now() - 60_000),
    name: "Ada Lovelace",
    email: `${randomUUID()}@example.com`,
    company: null,
    topic: "delivery-process",
    message: `A message long enough to be an enquiry ${randomUUID()}`,
    sourceSlug: null,
    ipHash: "a".repeat(64),
    userAgent: null,
    status: "pending",
    ...overrides,
  };
}

/** What landed in the file behind the fake server, read directly. */
async function rowsOnDisk(sql: string) {
  const db = createClient({ url: `file:${path.join(dir, "turso.db")}` });
  try {
    return (await db.execute(sql)).rows.map((row) => ({ ...row }));
  } finally {
    db.close();
  }
}

describe("the enquiry store over a remote libSQL URL", () => {
  it("migrates, stores, counts and limits through transactions over HTTP, and closes its streams", async () => {
    let counted = 0;
    for (const url of [fake.url, `${fake.url.replace(/^http:/, "libsql:")}?tls=0`]) {
      const store = createEnquiryStore({ url, authToken: TOKEN });
      const outcomes = await Promise.all(Array.from({ length: 8 }, () => store.create(enquiry())));
      expect(outcomes.every((outcome) => outcome.kind === "created" || outcome.kind === "counted")).toBe(true);
      counted += outcomes.filter((outcome) => outcome.kind === "counted").length;
      store.close();
    }
    // 16 enquiries from one client: the per-client limit (5 an hour) and the network's cap on held rows (10 a day)
    // held within and across the two connections; past the cap an enquiry is counted, not stored.
    const store = createEnquiryStore({ url: fake.url, authToken: TOKEN });
    const counts = await store.countsByStatus();
    expect(counts.pending + counts.held + counted).toBe(16);
    expect(counts.pending).toBeGreaterThanOrEqual(5);
    expect(counts.pending).toBeLessThanOrEqual(6);
    expect(counts.held).toBeLessThanOrEqual(10);
    const versions = await rowsOnDisk("SELECT version FROM schema_migrations ORDER BY version");
    expect(versions.length).toBeGreaterThanOrEqual(4);

    // Delivery: claim, fail, list due, send; the shared secret; retention.
    const [due] = await store.listDue({ now: new Date(), ignoreSchedule: true, limit: 1 });
    const claimed = await store.claimForDelivery(due!, {
      now: new Date(),
      lockedUntil: new Date(Date.now() + 60_000),
      ignoreSchedule: true,
    });
    expect(claimed?.attempts).toBe(1);
    await store.markFailed(due!, { error: "Resend 503", nextAttemptAt: new Date(Date.now() - 1) });
    expect(await store.listDue({ now: new Date(), ignoreSchedule: false, limit: 100 })).toContain(due);
    await store.markSent(due!, { now: new Date(), providerMessageId: "re_1" });
    expect((await store.get(due!))?.status).toBe("sent");
    const secret = await store.sharedSetting("form_secret", () => "first");
    expect(await store.sharedSetting("form_secret", () => "second")).toBe(secret);
    expect(await store.purge({ now: new Date(), realDays: 365, spamDays: 30 })).toEqual({
      real: 0,
      spam: 0,
      spamCounts: 0,
    });
    store.close();
    // Every stream the client opened was closed (the turso CLI's sync server fails exactly this request).
    expect(fake.openStreams()).toBe(0);
    expect(fake.requests).toBeGreaterThan(10);
  });

  it("reports a wrong token or an outage as StoreUnavailableError, without the token, and recovers", async () => {
    const wrong = createEnquiryStore({ url: fake.url, authToken: "not-the-token" });
    const refused = await wrong.countsByStatus().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StoreUnavailableError);
    expect(String((refused as Error).message)).toContain(
      `Could not count enquiries in the enquiry database (${fake.url})`,
    );
    expect(String((refused as Error).message)).not.toContain("not-the-token");
    wrong.close();

    const store = createEnquiryStore({ url: fake.url, authToken: TOKEN, timeoutMs: 2_000 });
    await store.countsByStatus();
    fake.outage(true);
    await expect(store.create(enquiry())).rejects.toBeInstanceOf(StoreUnavailableError);
    fake.outage(false);
    expect((await store.create(enquiry())).kind).toBe("created");
    store.close();
  });
});

describe("the scheduled run's lease and the health check over a remote libSQL URL", () => {
  it("takes and records the lease, and proves the database takes writes", async () => {
    const [one, two] = [
      createRunLease({ url: fake.url, authToken: TOKEN }),
      createRunLease({ url: fake.url, authToken: TOKEN }),
    ];
    const now = new Date();
    const taken = await Promise.all([
      one.acquire({ holder: "one", now, leaseMs: 60_000, respectSchedule: true }),
      two.acquire({ holder: "two", now, leaseMs: 60_000, respectSchedule: true }),
    ]);
    expect(taken.filter(Boolean)).toHaveLength(1);
    const holder = taken[0] ? one : two;
    await holder.finish({
      holder: taken[0] ? "one" : "two",
      now,
      ok: true,
      summary: "ok",
      nextRunAt: new Date(now.getTime() + 60_000),
    });
    expect(await one.lastRun(now)).toMatchObject({ ok: true, running: false });

    const store = createEnquiryStore({ url: fake.url, authToken: TOKEN });
    const health = {
      lease: one,
      store,
      databaseUrl: fake.url,
      emailing: false,
      mode: "vercel-cron" as const,
      intervalSeconds: 300,
    };
    const report = await checkHealth(health);
    expect(report).toMatchObject({ status: "ok", database: { state: "writable", kind: "remote" } });
    fake.outage(true);
    const down = await checkHealth(health);
    expect(down).toMatchObject({ status: "unavailable", database: { state: "unwritable" } });
    fake.outage(false);
    for (const closable of [one, two, store]) closable.close();
  });
});

describe("the contact funnel on a remote database (DATABASE_URL + DATABASE_AUTH_TOKEN, no CONTACT_FORM_SECRET)", () => {
  it("keeps the form secret in the remote database and stores and emails an enquiry", async () => {
    const env = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: fake.url,
      DATABASE_AUTH_TOKEN: TOKEN,
      CONTACT_OUTBOX_DIR: path.join(dir, "outbox"),
      CONTACT_MIN_SUBMIT_SECONDS: "0",
    });
    const runtime = createContactRuntime(env, { findPost: getPostBySlug, log: quiet });
    const secret = await runtime.formSecret();
    expect(secret.source).toBe("database");
    expect(await rowsOnDisk("SELECT key FROM settings")).toEqual([{ key: "form_secret" }]);

    const tasks: Array<() => Promise<unknown>> = [];
    const token = signFormToken(Date.now() - 5_000, secret.secret);
    const state = await handleEnquiry(
      {
        name: "Ada Lovelace",
        email: "ada@example.com",
        company: "",
        topic: "team-trust-culture",
        message: "Trust between product and engineering has worn thin.",
        formToken: token,
      },
      { client: null, userAgent: null },
      await runtime.submitDeps((task) => void tasks.push(task), token),
    );
    for (const task of tasks) await task();
    expect(state.status).toBe("success");
    expect(await rowsOnDisk("SELECT status FROM enquiries")).toEqual([{ status: "sent" }]);
    runtime.store.close();
  });
});
