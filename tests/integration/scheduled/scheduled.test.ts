import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { RetrySummary } from "@/lib/contact/retry";
import { createRunLease, type RunLease } from "@/lib/scheduled/lease";
import { runScheduledWork, type ScheduledWork } from "@/lib/scheduled/run";
import { createScheduledRunner } from "@/lib/scheduled/runtime";
import { startScheduler } from "@/lib/scheduled/scheduler";

/** The scheduled run, its lease shared through one database file by several "instances", and the in-process timer. */

let dir: string;
const leases: RunLease[] = [];
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "scheduled-"));
});

afterAll(async () => {
  for (const lease of leases) lease.close();
  await rm(dir, { recursive: true, force: true });
});

function lease(name: string): RunLease {
  const made = createRunLease({ url: `file:${path.join(dir, `${name}.db`)}` });
  leases.push(made);
  return made;
}

const retrySummary: RetrySummary = { due: 0, sent: 0, failed: 0, skipped: 0, stoppedEarly: null, results: [] };

/** Work that counts its runs and can be held mid-run. */
function countingWork() {
  const calls = { retry: 0, purge: 0, digest: 0, newsletter: 0 };
  let hold: Promise<void> = Promise.resolve();
  const work: Pick<ScheduledWork, "contact" | "newsletterRetry"> = {
    contact: {
      retry: async () => {
        calls.retry += 1;
        await hold;
        return retrySummary;
      },
      purge: async () => (calls.purge++, { real: 0, spam: 0, spamCounts: 0 }),
      sendHeldDigest: async () => (calls.digest++, { status: "skipped", why: "nothing-held" }),
    },
    newsletterRetry: async () => (
      calls.newsletter++,
      {
        confirmations: { due: 0, sent: 0, failed: 0 },
        syncs: { due: 0, synced: 0, failed: 0 },
        queue: { queued: 0, released: 0, sent: 0, failed: 0, waiting: 0 },
        purged: 0,
        stoppedEarly: null,
      }
    ),
  };
  return {
    calls,
    work,
    holdNext() {
      let release!: () => void;
      hold = new Promise<void>((resolve) => (release = resolve));
      return () => release();
    },
  };
}

function runner(name: string, work: ReturnType<typeof countingWork>["work"], intervalSeconds = 60) {
  return createScheduledRunner({
    env: { DATABASE_URL: `file:${path.join(dir, `${name}.db`)}`, SCHEDULER_INTERVAL_SECONDS: intervalSeconds },
    contact: work.contact,
    newsletterRetry: work.newsletterRetry,
    lease: lease(name),
    log: quiet,
  });
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("runScheduledWork", () => {
  it("runs every step even when one cannot run, and says which failed", async () => {
    const { calls, work } = countingWork();
    const summary = await runScheduledWork({
      ...work,
      contact: { ...work.contact, retry: () => Promise.reject(new Error("Could not list unsent enquiries")) },
    });
    expect(summary.ok).toBe(false);
    expect(summary.enquiries).toEqual({ ok: false, error: "Could not list unsent enquiries" });
    expect(summary.purged.ok && summary.digest.ok && summary.newsletter.ok).toBe(true);
    expect(calls).toMatchObject({ purge: 1, digest: 1, newsletter: 1 });
  });
});

describe("the lease: several instances, one run", () => {
  it("lets one of several instances ticking together run, then none until the next run is due", async () => {
    const { calls, work } = countingWork();
    const instances = [runner("shared", work, 1), runner("shared", work, 1), runner("shared", work, 1)];
    const outcomes = await Promise.all(instances.map((instance) => instance.runOnce("scheduler")));
    expect(outcomes.filter((outcome) => outcome.ran)).toHaveLength(1);
    expect(calls.retry).toBe(1);
    // Right after, nobody is due (the next run is 0.9 of an interval after the last one started).
    const again = await Promise.all(instances.map((instance) => instance.runOnce("scheduler")));
    expect(again.filter((outcome) => outcome.ran)).toHaveLength(0);
    // Once due, exactly one runs again.
    let ran = 0;
    await until(async () => {
      ran += (await Promise.all(instances.map((instance) => instance.runOnce("scheduler")))).filter(
        (outcome) => outcome.ran,
      ).length;
      return ran > 0;
    });
    expect(ran).toBe(1);
    expect(calls.retry).toBe(2);
    const last = await instances[0]!.lease.lastRun(new Date());
    expect(last).toMatchObject({ ok: true, running: false });
    expect(last!.summary).toContain("enquiries 0 due");
  });

  it("keeps a cron call from running beside a run in progress, and frees the lease when the run ends", async () => {
    const { calls, work, holdNext } = countingWork();
    const [scheduler, cron] = [runner("busy", work), runner("busy", work)];
    const release = holdNext();
    const first = scheduler.runOnce("scheduler");
    await until(() => calls.retry === 1);
    expect(await cron.runOnce("cron")).toEqual({ ran: false, reason: "another run is in progress" });
    expect((await cron.lease.lastRun(new Date()))?.running).toBe(true);
    release();
    expect((await first).ran).toBe(true);
    // A cron (or the operator's script) does not wait for the schedulers' next slot.
    expect((await cron.runOnce("cron")).ran).toBe(true);
    expect(calls.retry).toBe(2);
  });

  it("takes over from a holder that died: its lease expires", async () => {
    const one = lease("died");
    const now = new Date();
    expect(await one.acquire({ holder: "crashed", now, leaseMs: 50, respectSchedule: false })).toBe(true);
    expect(await one.acquire({ holder: "other", now, leaseMs: 50, respectSchedule: false })).toBe(false);
    expect(
      await one.acquire({ holder: "other", now: new Date(now.getTime() + 51), leaseMs: 50, respectSchedule: false }),
    ).toBe(true);
  });

  it("reports a database it cannot reach as a reason, without throwing", async () => {
    const blocker = path.join(dir, "not-a-folder");
    await writeFile(blocker, "a file where the database's folder should be");
    const { work } = countingWork();
    const broken = createScheduledRunner({
      env: { DATABASE_URL: `file:${path.join(blocker, "e.db")}`, SCHEDULER_INTERVAL_SECONDS: 60 },
      contact: work.contact,
      newsletterRetry: work.newsletterRetry,
      log: quiet,
    });
    leases.push(broken.lease);
    const outcome = await broken.runOnce("cron");
    expect(outcome.ran).toBe(false);
    expect(!outcome.ran && outcome.reason).toMatch(/^the database could not be reached: /);
  });
});

describe("startScheduler", () => {
  it("runs every interval until stopped, never two runs at once in a process", async () => {
    let running = 0;
    let overlapped = false;
    let runs = 0;
    const scheduler = startScheduler({
      runner: {
        intervalMs: 20,
        runOnce: async () => {
          running += 1;
          overlapped ||= running > 1;
          await new Promise((resolve) => setTimeout(resolve, 30)); // longer than the interval
          running -= 1;
          runs += 1;
          return { ran: false, reason: "test" };
        },
      },
      firstDelayMs: 0,
    });
    await until(() => runs >= 3);
    scheduler.stop();
    const stoppedAt = runs;
    // A run in flight when stop() came may still finish; nothing starts after it.
    await until(() => running === 0);
    const afterStop = runs;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runs).toBe(afterStop);
    expect(afterStop - stoppedAt).toBeLessThanOrEqual(1);
    expect(overlapped).toBe(false);
  });
});
