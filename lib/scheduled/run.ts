import type { DigestOutcome } from "@/lib/contact/digest";
import type { RetryOptions, RetrySummary } from "@/lib/contact/retry";
import type { PurgeSummary } from "@/lib/contact/store";
import type { NewsletterRetrySummary } from "@/lib/newsletter/service";

/**
 * The scheduled run: everything the site does on a clock rather than on a request. One function, called by
 * the route a cron calls (`/api/enquiries/retry`: Vercel Cron's GET, or a POST), by the in-process scheduler of
 * a long-running server (scheduler.ts) and by `npm run scheduled`:
 *
 * 1. enquiries whose email failed and are due again (runtime.retry);
 * 2. the retention periods (runtime.purge);
 * 3. the digest of held enquiries, when one is due (runtime.sendHeldDigest);
 * 4. the newsletter's unsent confirmations and list sync (its retry entry point).
 *
 * Each step runs even when an earlier one failed (a newsletter outage must not stop enquiry emails), and the
 * summary says which failed. A step fails when it cannot run at all (the database is down); an email the
 * provider refused is part of its result and is tried again by a later run.
 */

export type ScheduledWork = {
  contact: {
    retry(options?: RetryOptions): Promise<RetrySummary>;
    purge(now?: Date): Promise<PurgeSummary>;
    sendHeldDigest(): Promise<DigestOutcome>;
  };
  /** The newsletter's retry, made on demand (its runtime needs the database, which may be down). */
  newsletterRetry(): Promise<NewsletterRetrySummary>;
  now?: () => Date;
};

export type StepResult<T> = { ok: true; result: T } | { ok: false; error: string };

export type ScheduledRunSummary = {
  ok: boolean;
  startedAt: string;
  finishedAt: string;
  enquiries: StepResult<RetrySummary>;
  purged: StepResult<PurgeSummary>;
  digest: StepResult<DigestOutcome>;
  newsletter: StepResult<NewsletterRetrySummary>;
};

async function step<T>(work: () => Promise<T>): Promise<StepResult<T>> {
  try {
    return { ok: true, result: await work() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** `budgetMs`: no new enquiry email starts after this long (a function's time limit, or the scheduler's lease). */
export async function runScheduledWork(
  work: ScheduledWork,
  { budgetMs = 45_000 }: { budgetMs?: number } = {},
): Promise<ScheduledRunSummary> {
  const now = work.now ?? (() => new Date());
  const started = now();
  const enquiries = await step(() => work.contact.retry({ deadline: new Date(started.getTime() + budgetMs) }));
  const purged = await step(() => work.contact.purge());
  // A digest the provider refused is an outcome (it is tried again next run), not a failed step.
  const digest = await step(() => work.contact.sendHeldDigest());
  const newsletter = await step(() => work.newsletterRetry());
  return {
    ok: enquiries.ok && purged.ok && digest.ok && newsletter.ok,
    startedAt: started.toISOString(),
    finishedAt: now().toISOString(),
    enquiries,
    purged,
    digest,
    newsletter,
  };
}

/** One line for a log: what the run did and what failed. */
export function describeRun(summary: ScheduledRunSummary): string {
  const parts: string[] = [];
  const { enquiries, purged, digest, newsletter } = summary;
  parts.push(
    enquiries.ok
      ? `enquiries ${enquiries.result.due} due, ${enquiries.result.sent} sent, ${enquiries.result.failed} failed${enquiries.result.stoppedEarly ? ` (stopped early: ${enquiries.result.stoppedEarly})` : ""}`
      : `enquiries FAILED: ${enquiries.error}`,
  );
  parts.push(
    purged.ok ? `purged ${purged.result.real} old and ${purged.result.spam} spam` : `retention FAILED: ${purged.error}`,
  );
  parts.push(digest.ok ? `held digest ${describeDigest(digest.result)}` : `held digest FAILED: ${digest.error}`);
  parts.push(
    newsletter.ok
      ? `newsletter confirmations ${newsletter.result.confirmations.sent}/${newsletter.result.confirmations.due} sent, list sync ${newsletter.result.syncs.synced}/${newsletter.result.syncs.due}`
      : `newsletter FAILED: ${newsletter.error}`,
  );
  return parts.join("; ");
}

function describeDigest(outcome: DigestOutcome): string {
  if (outcome.status === "sent") return `sent (${outcome.listed} listed)`;
  if (outcome.status === "skipped") return `skipped (${outcome.why})`;
  return `not sent (${outcome.error})`;
}
