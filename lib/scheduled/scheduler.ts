import type { Logger } from "@/lib/contact/delivery";

import type { ScheduledRunner } from "./runtime";

/**
 * The in-process scheduler of a long-running server: the scheduled run every SCHEDULER_INTERVAL_SECONDS, so a
 * provider outage heals and held enquiries reach the author with no cron and no operator. Every instance ticks;
 * the lease in the database (lease.ts) lets one of them run per interval. A tick starts after the previous run
 * ended, so runs never overlap within a process.
 */

export type Scheduler = { stop(): void };

export function startScheduler({
  runner,
  log = console,
  firstDelayMs,
  random = Math.random,
}: {
  runner: Pick<ScheduledRunner, "runOnce" | "intervalMs">;
  log?: Pick<Logger, "error">;
  /** The first run after start (default: one interval, at most 30 s, so a restart catches up soon). */
  firstDelayMs?: number;
  random?: () => number;
}): Scheduler {
  const { intervalMs } = runner;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(tick, delayMs);
    // The server keeps the process alive; the scheduler alone must not.
    timer.unref();
  };

  async function tick() {
    try {
      await runner.runOnce("scheduler");
    } catch (error) {
      // runOnce reports its own failures; this is a bug, and the next tick still comes.
      log.error("[scheduled] The scheduled run threw:", error);
    }
    // ±5 % so instances started together drift apart instead of racing for the lease every time.
    schedule(intervalMs * (0.95 + 0.1 * random()));
  }

  schedule(firstDelayMs ?? Math.min(intervalMs, 30_000));
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
