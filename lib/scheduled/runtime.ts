import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

import type { Logger } from "@/lib/contact/delivery";
import type { ContactRuntime } from "@/lib/contact/runtime";
import { detectHost } from "@/lib/deploy/host";
import type { Env } from "@/lib/env";
import type { NewsletterRetrySummary } from "@/lib/newsletter/service";

import { createRunLease, type RunLease } from "./lease";
import { describeRun, runScheduledWork, type ScheduledRunSummary } from "./run";

/**
 * The scheduled run with its lease: what the route, the in-process scheduler and `npm run scheduled` call.
 * Whoever asks, one run happens at a time across every instance sharing the database.
 */

/**
 * Who runs it on this deployment: this server every SCHEDULER_INTERVAL_SECONDS (`npm start`, `next start`, a
 * standalone server), Vercel Cron (vercel.json), or an external cron (SCHEDULER_ENABLED=false, or a host whose
 * instances sleep between requests) calling /api/enquiries/retry. Under `next dev` nothing runs on a clock.
 */
export type SchedulerMode = "in-process" | "vercel-cron" | "external-cron" | "off-in-development";

type EnvSource = Readonly<Record<string, string | undefined>>;

export function schedulerMode(
  env: Pick<Env, "NODE_ENV" | "SCHEDULER_ENABLED">,
  source: EnvSource = process.env,
): SchedulerMode {
  const host = detectHost(source);
  if (host?.name === "Vercel") return "vercel-cron";
  if (env.NODE_ENV !== "production") return "off-in-development";
  if (!env.SCHEDULER_ENABLED || host?.serverless) return "external-cron";
  return "in-process";
}

/** A holder that died mid-run keeps the lease this long at most (longer than any run: the newsletter's pauses). */
const LEASE_MS = 10 * 60_000;

export type Trigger = "scheduler" | "cron" | "script";

export type RunOutcome = { ran: true; summary: ScheduledRunSummary } | { ran: false; reason: string };

export type ScheduledRunner = {
  lease: RunLease;
  intervalMs: number;
  /** One run if the lease is free (and, for the scheduler, if the next run is due); never throws. */
  runOnce(trigger: Trigger, options?: { budgetMs?: number }): Promise<RunOutcome>;
};

export function createScheduledRunner({
  env,
  contact,
  newsletterRetry,
  log = console,
  lease = createRunLease({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN }),
}: {
  env: Pick<Env, "DATABASE_URL" | "DATABASE_AUTH_TOKEN" | "SCHEDULER_INTERVAL_SECONDS">;
  contact: Pick<ContactRuntime, "retry" | "purge" | "sendHeldDigest">;
  newsletterRetry: () => Promise<NewsletterRetrySummary>;
  log?: Logger;
  lease?: RunLease;
}): ScheduledRunner {
  const intervalMs = env.SCHEDULER_INTERVAL_SECONDS * 1000;
  return {
    lease,
    intervalMs,
    async runOnce(trigger, { budgetMs = 45_000 } = {}) {
      const holder = `${hostname()}/${process.pid}/${trigger}/${randomUUID().slice(0, 8)}`;
      const started = new Date();
      let taken: boolean;
      try {
        taken = await lease.acquire({
          holder,
          now: started,
          leaseMs: LEASE_MS,
          respectSchedule: trigger === "scheduler",
        });
      } catch (error) {
        const reason = `the database could not be reached: ${error instanceof Error ? error.message : String(error)}`;
        log.warn(`[scheduled] Run (${trigger}) not started: ${reason}`);
        return { ran: false, reason };
      }
      if (!taken) {
        return {
          ran: false,
          reason:
            trigger === "scheduler" ? "not due yet, or running on another instance" : "another run is in progress",
        };
      }
      const summary = await runScheduledWork({ contact, newsletterRetry }, { budgetMs });
      const line = describeRun(summary);
      if (summary.ok) log.info(`[scheduled] Run (${trigger}): ${line}`);
      else log.warn(`[scheduled] Run (${trigger}) had failures: ${line}`);
      try {
        // The next scheduler run is due a little before a full interval, so a tick that comes a moment early is not skipped.
        await lease.finish({
          holder,
          now: new Date(),
          ok: summary.ok,
          summary: line,
          nextRunAt: new Date(started.getTime() + intervalMs * 0.9),
        });
      } catch (error) {
        log.warn(
          `[scheduled] The run's record could not be written (the lease expires by itself): ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      return { ran: true, summary };
    },
  };
}
