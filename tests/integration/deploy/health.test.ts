import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createEnquiryStore, type EnquiryStore } from "@/lib/contact/store";
import { createHealthEndpoint, type HealthDeps } from "@/lib/health/health";
import { createRunLease, type RunLease } from "@/lib/scheduled/lease";

let dir: string;
const opened: Array<EnquiryStore | RunLease> = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "health-"));
});

afterAll(async () => {
  for (const thing of opened) thing.close();
  await rm(dir, { recursive: true, force: true });
});

function deps(url: string, overrides: Partial<Omit<HealthDeps, "lease">> = {}): HealthDeps & { lease: RunLease } {
  const lease = createRunLease({ url, authToken: "secret-token-that-must-not-show" });
  const store = createEnquiryStore({ url });
  opened.push(lease, store);
  return {
    lease,
    store,
    databaseUrl: url,
    emailing: true,
    mode: "in-process",
    intervalSeconds: 300,
    ...overrides,
  };
}

describe("GET /api/health", () => {
  it("answers 200 with the database, email and scheduler states, no-store, and nothing secret", async () => {
    const url = `file:${path.join(dir, "ok.db")}`;
    const health = deps(url);
    await health.lease.acquire({ holder: "a", now: new Date(), leaseMs: 60_000, respectSchedule: false });
    await health.lease.finish({ holder: "a", now: new Date(), ok: true, summary: "enquiries 0 due" });
    const response = await createHealthEndpoint(() => health)();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({
      status: "ok",
      database: { state: "writable", kind: "local-file" },
      email: { state: "resend", unsent: 0, held: 0 },
      scheduler: { mode: "in-process", intervalSeconds: 300, lastRun: { ok: true, running: false } },
    });
    const text = JSON.stringify(body);
    expect(text).not.toContain(dir);
    expect(text).not.toContain("secret-token");
    expect(text).not.toContain("enquiries 0 due");
  });

  it("answers 503 when the database cannot be written", async () => {
    const blocker = path.join(dir, "blocker");
    await writeFile(blocker, "a file where the database's folder should be");
    const response = await createHealthEndpoint(() =>
      deps(`file:${path.join(blocker, "enquiries.db")}`, { emailing: false, mode: "vercel-cron" }),
    )();
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({
      status: "unavailable",
      database: { state: "unwritable", kind: "local-file" },
      email: { state: "local-outbox", unsent: null, held: null },
      scheduler: { mode: "vercel-cron", intervalSeconds: null, lastRun: null },
    });
    expect(JSON.stringify(body)).not.toContain(blocker);
  });

  it("shares one check between probes that arrive together (each check writes to the database)", async () => {
    let made = 0;
    const health = deps(`file:${path.join(dir, "burst.db")}`);
    const endpoint = createHealthEndpoint(() => (made++, health), { reuseMs: 60_000 });
    const answers = await Promise.all(Array.from({ length: 10 }, () => endpoint()));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(made).toBe(1);
  });
});
