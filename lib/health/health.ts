import type { EnquiryStore } from "@/lib/contact/store";
import type { LastRun, RunLease } from "@/lib/scheduled/lease";
import type { SchedulerMode } from "@/lib/scheduled/runtime";

/**
 * GET /api/health, for uptime checks and load balancers: 200 when the site can take an enquiry (the database
 * accepts a write), 503 when it cannot. States only: no URL, address, key or error text that could carry one.
 */

export type HealthReport = {
  status: "ok" | "unavailable";
  database: { state: "writable" | "unwritable"; kind: "local-file" | "remote" };
  email: {
    state: "resend" | "local-outbox";
    /** Enquiries stored but not emailed yet (failed or waiting for a retry), when the database can be read. */
    unsent: number | null;
    /** Enquiries a limit held for the author's digest. */
    held: number | null;
  };
  scheduler: {
    mode: SchedulerMode;
    intervalSeconds: number | null;
    lastRun: { startedAt: string | null; finishedAt: string | null; ok: boolean | null; running: boolean } | null;
  };
  checkedAt: string;
};

export type HealthDeps = {
  lease: Pick<RunLease, "probeWrite" | "lastRun">;
  store: Pick<EnquiryStore, "countsByStatus">;
  databaseUrl: string;
  emailing: boolean;
  mode: SchedulerMode;
  intervalSeconds: number;
  now?: () => Date;
};

async function orNull<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch {
    return null;
  }
}

function describeRun(run: LastRun | null): HealthReport["scheduler"]["lastRun"] {
  if (!run || (!run.startedAt && !run.finishedAt)) return null;
  return {
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    ok: run.ok,
    running: run.running,
  };
}

export async function checkHealth(deps: HealthDeps): Promise<HealthReport> {
  const now = (deps.now ?? (() => new Date()))();
  const writable = (await orNull(() => deps.lease.probeWrite(now).then(() => true))) ?? false;
  const counts = writable ? await orNull(() => deps.store.countsByStatus()) : null;
  const lastRun = writable ? await orNull(() => deps.lease.lastRun(now)) : null;
  return {
    status: writable ? "ok" : "unavailable",
    database: {
      state: writable ? "writable" : "unwritable",
      kind: deps.databaseUrl.startsWith("file:") ? "local-file" : "remote",
    },
    email: {
      state: deps.emailing ? "resend" : "local-outbox",
      unsent: counts ? counts.pending + counts.failed : null,
      held: counts ? counts.held : null,
    },
    scheduler: {
      mode: deps.mode,
      intervalSeconds: deps.mode === "in-process" ? deps.intervalSeconds : null,
      lastRun: describeRun(lastRun),
    },
    checkedAt: now.toISOString(),
  };
}

/**
 * The route's answer. A check writes to the database, so answers are shared for a second or two: a burst of
 * probes (or someone hammering the URL) costs one write.
 */
export function createHealthEndpoint(deps: () => HealthDeps, { reuseMs = 2_000 }: { reuseMs?: number } = {}) {
  let last: { at: number; report: Promise<HealthReport> } | undefined;
  return async function GET(): Promise<Response> {
    const at = Date.now();
    if (!last || at - last.at > reuseMs) last = { at, report: checkHealth(deps()) };
    const report = await last.report;
    return Response.json(report, {
      status: report.status === "ok" ? 200 : 503,
      headers: { "Cache-Control": "no-store" },
    });
  };
}
