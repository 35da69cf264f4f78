import { policyFor } from "@/lib/contact/policy";

import { deliverConfirmation } from "./confirmation";
import type { NewsletterDeps } from "./deps";
import { NEWSLETTER_POLICY } from "./policy";

/**
 * Sign-ups queued for email budget (store-admit.ts) get their confirmation later, here: called by the newsletter's
 * retry (`npm run newsletter:retry`, the scheduled run). The only sign-up from its network goes first, then the
 * newest; each is released only if the site-wide budget (in full: the share kept from sign-ups as they arrive is the
 * queue's), its network's and its domain's budgets allow an email now, with a fresh 48-hour link. The run stops when
 * the site-wide budget is spent; a spent network or domain budget only skips that sign-up.
 */

export type QueueSummary = { queued: number; released: number; sent: number; failed: number; waiting: number };

export async function sendQueuedConfirmations(
  deps: NewsletterDeps,
  {
    pauseMs = 600,
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    limit = 200,
  }: { pauseMs?: number; sleep?: (ms: number) => Promise<void>; limit?: number } = {},
): Promise<QueueSummary & { rateLimited: boolean }> {
  const policy = deps.policy ?? policyFor("signup");
  const queued = await deps.store.listQueued(limit);
  const summary = { queued: queued.length, released: 0, sent: 0, failed: 0, waiting: 0, rateLimited: false };
  for (const [index, id] of queued.entries()) {
    const now = deps.now();
    const outcome = await deps.store.releaseQueued(id, {
      now,
      policy,
      expiresAt: new Date(now.getTime() + NEWSLETTER_POLICY.confirmationTtlMs),
    });
    if (outcome === "address-emails") {
      summary.waiting = queued.length - index;
      break;
    }
    if (outcome !== "released") {
      if (outcome !== "gone") summary.waiting += 1;
      continue;
    }
    summary.released += 1;
    if (summary.released > 1 && pauseMs > 0) await sleep(pauseMs);
    const delivery = await deliverConfirmation(id, deps);
    if (delivery.status === "sent") summary.sent += 1;
    if (delivery.status === "failed") {
      // Now `due` like any failed confirmation: the next retry sends it with the same link.
      summary.failed += 1;
      if (delivery.rateLimited) {
        summary.rateLimited = true;
        break;
      }
    }
  }
  if (summary.released > 0 || summary.waiting > 0)
    deps.log.info(
      `[newsletter] Queue: ${summary.released} of ${summary.queued} queued confirmations released (${summary.sent} sent), ${summary.waiting} still waiting for budget.`,
    );
  return summary;
}
