import type { FindPost } from "@/lib/contact/email";
import { getContactRuntime } from "@/lib/contact/runtime";
import { getEnv } from "@/lib/env";
import { getNewsletterRuntime } from "@/lib/newsletter/runtime";
import { retryNewsletter } from "@/lib/newsletter/service";

import { createScheduledRunner, schedulerMode, type ScheduledRunner } from "./runtime";
import { startScheduler, type Scheduler } from "./scheduler";

/** The server's scheduled runner (the route, the health check, the in-process scheduler), made on first use. */

let runner: ScheduledRunner | undefined;

export function getScheduledRunner(findPost: FindPost): ScheduledRunner {
  runner ??= createScheduledRunner({
    env: getEnv(),
    contact: getContactRuntime(findPost),
    newsletterRetry: async () => retryNewsletter((await getNewsletterRuntime(findPost)).deps),
  });
  return runner;
}

let scheduler: Scheduler | undefined;

/** Called once at start (instrumentation.ts): starts the in-process scheduler where this server is the one to run it. */
export function startServerScheduler(findPost: FindPost, log: Pick<Console, "info"> = console): void {
  const env = getEnv();
  const mode = schedulerMode(env);
  if (mode !== "in-process" || scheduler) return;
  const active = getScheduledRunner(findPost);
  scheduler = startScheduler({ runner: active });
  log.info(
    `[scheduled] Retries, the held digest, retention and newsletter retries run in this server every ${env.SCHEDULER_INTERVAL_SECONDS} s (one instance at a time; SCHEDULER_ENABLED=false when an external cron calls /api/enquiries/retry).`,
  );
}
