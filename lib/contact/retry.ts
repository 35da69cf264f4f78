import { createHash, timingSafeEqual } from "node:crypto";

import { deliverEnquiry, type DeliveryDeps } from "./delivery";

/**
 * Resends every unsent enquiry (pending past its first attempt, or failed)
 * that is due. Backoff is persisted per enquiry (1, 2, 4 … minutes, at most
 * 6 hours between attempts), sends are spaced out, and a 429 from the
 * provider ends the run early. The idempotency key (the enquiry id) makes a
 * resend of something the provider already accepted a no-op.
 * Used by `npm run enquiries:retry` and the scheduled run (lib/scheduled).
 */

export type RetryOptions = {
  /** Ignore each enquiry's backoff schedule (the owner fixed the configuration and wants to send now). */
  ignoreSchedule?: boolean;
  /** At most this many enquiries per run. */
  limit?: number;
  /** Pause between two sends (Resend allows a few requests a second). */
  pauseMs?: number;
  /** Stop starting new sends after this moment (a scheduler's time budget). */
  deadline?: Date;
  sleep?: (ms: number) => Promise<void>;
};

export type RetrySummary = {
  due: number;
  sent: number;
  failed: number;
  skipped: number;
  /** Why the run ended before the last due enquiry, if it did. */
  stoppedEarly: "rate-limited" | "time-budget" | null;
  results: Array<{ id: string; status: "sent" | "failed" | "skipped"; error?: string }>;
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function retryUnsent(
  deps: DeliveryDeps,
  { ignoreSchedule = false, limit = 100, pauseMs = 600, deadline, sleep = defaultSleep }: RetryOptions = {},
): Promise<RetrySummary> {
  const ids = await deps.store.listDue({ now: deps.now(), ignoreSchedule, limit });
  const summary: RetrySummary = { due: ids.length, sent: 0, failed: 0, skipped: 0, stoppedEarly: null, results: [] };
  for (const [index, id] of ids.entries()) {
    if (deadline && deps.now() >= deadline) {
      summary.stoppedEarly = "time-budget";
      break;
    }
    if (index > 0 && pauseMs > 0) await sleep(pauseMs);
    const outcome = await deliverEnquiry(id, deps, { ignoreSchedule });
    if (outcome.status === "failed") {
      summary.failed += 1;
      summary.results.push({ id, status: "failed", error: outcome.error });
      if (outcome.rateLimited) {
        summary.stoppedEarly = "rate-limited";
        break;
      }
    } else {
      summary[outcome.status] += 1;
      summary.results.push({ id, status: outcome.status });
    }
  }
  return summary;
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** Constant-time check of `Authorization: Bearer <secret>`. */
export function isAuthorised(authorization: string | null, secret: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? "");
  if (!match) return false;
  return timingSafeEqual(digest(match[1]!), digest(secret));
}
