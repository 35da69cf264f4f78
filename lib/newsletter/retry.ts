import { deliverConfirmation } from "./confirmation";
import type { NewsletterDeps } from "./deps";
import { NEWSLETTER_POLICY } from "./policy";
import { sendQueuedConfirmations, type QueueSummary } from "./queue";
import { syncSubscriber } from "./sync";

/** The newsletter's retry (`npm run newsletter:retry`, the scheduled run): unsent confirmations, the queue, list syncs. */

export type NewsletterRetrySummary = {
  confirmations: { due: number; sent: number; failed: number };
  /** Sign-ups whose confirmation waited for email budget (queue.ts): sent now when it allows. */
  queue: QueueSummary;
  syncs: { due: number; synced: number; failed: number };
  purged: number;
  stoppedEarly: "rate-limited" | null;
};

/**
 * Sends every unsent confirmation whose link is still valid, then the queued ones the email budgets allow now (the
 * only sign-up from its network first), syncs every subscriber Resend is behind on, and purges stale sign-ups.
 */
export async function retryNewsletter(
  deps: NewsletterDeps,
  {
    ignoreSchedule = false,
    pauseMs = 600,
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  } = {},
): Promise<NewsletterRetrySummary> {
  const summary: NewsletterRetrySummary = {
    confirmations: { due: 0, sent: 0, failed: 0 },
    queue: { queued: 0, released: 0, sent: 0, failed: 0, waiting: 0 },
    syncs: { due: 0, synced: 0, failed: 0 },
    purged: 0,
    stoppedEarly: null,
  };
  summary.purged = await deps.store.purgeUnconfirmed({
    now: deps.now(),
    retentionMs: NEWSLETTER_POLICY.unconfirmedRetentionMs,
  });
  const due = await deps.store.listDueConfirmations({ now: deps.now(), ignoreSchedule });
  summary.confirmations.due = due.length;
  let calls = 0;
  for (const id of due) {
    if (calls++ > 0 && pauseMs > 0) await sleep(pauseMs);
    const outcome = await deliverConfirmation(id, deps, { ignoreSchedule });
    if (outcome.status === "sent") summary.confirmations.sent += 1;
    if (outcome.status === "failed") {
      summary.confirmations.failed += 1;
      if (outcome.rateLimited) {
        summary.stoppedEarly = "rate-limited";
        return summary;
      }
    }
  }
  const { rateLimited, ...queue } = await sendQueuedConfirmations(deps, { pauseMs, sleep });
  summary.queue = queue;
  calls += queue.released;
  if (rateLimited) {
    summary.stoppedEarly = "rate-limited";
    return summary;
  }
  const syncs = await deps.store.listDueSyncs();
  summary.syncs.due = syncs.length;
  for (const id of syncs) {
    if (calls++ > 0 && pauseMs > 0) await sleep(pauseMs);
    const outcome = await syncSubscriber(id, deps);
    if (outcome === "synced") summary.syncs.synced += 1;
    if (outcome === "failed") summary.syncs.failed += 1;
  }
  return summary;
}
