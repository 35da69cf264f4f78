import type { Logger } from "@/lib/contact/delivery";
import { hashBucket } from "@/lib/contact/ip";
import { normaliseAddress, policyFor, type ClientBuckets, type SignupPolicy } from "@/lib/contact/policy";
import { checkSpam, FORM_TOKEN_FIELD, formTokenId, HONEYPOT_FIELD } from "@/lib/contact/spam";
import { StoreUnavailableError } from "@/lib/contact/store";
import { absoluteUrl } from "@/lib/site";

import { answerFor, type SubscribeSubmission } from "./answers";
import { listUnsubscribeHeaders, renderConfirmationEmail } from "./email";
import { INVALID_EMAIL, UNAVAILABLE } from "./messages";
import { NEWSLETTER_POLICY } from "./policy";
import type { NewsletterProvider } from "./provider";
import { sendQueuedConfirmations, type QueueSummary } from "./queue";
import { emailKey, SubscribeSchema } from "./schema";
import type { SubscribeState } from "./state";
import type { ConfirmOutcome, SubscriberStore, UnsubscribeOutcome } from "./store";
import {
  confirmationToken,
  hashToken,
  isWellFormedConfirmationToken,
  newNonce,
  unsubscribeToken,
  verifyUnsubscribeToken,
} from "./tokens";

/**
 * The newsletter, independent of Next: sign-up (validate → spam checks → rate
 * limit → store pending → "check your inbox" → confirmation email after the
 * answer), confirmation and unsubscribe links, the sync to Resend's list, and
 * the retry of whatever the provider refused. Routes and scripts only wire it.
 */

export type NewsletterDeps = {
  store: SubscriberStore;
  provider: NewsletterProvider;
  from: string;
  /** Signs the links and the form tokens (the contact form's secret, lib/contact/secret.ts). */
  secret: string;
  /** Keys the client-address hashes, as the contact form's (never stored beside the database). */
  ipHashKey: Buffer;
  /** The shared abuse policy of the public forms; `policyFor("signup")` unless a test tunes it. */
  policy?: SignupPolicy;
  now: () => Date;
  log: Logger;
  newId: () => string;
  /** Whether a slug is a post this build publishes (only those are recorded as a source). */
  isPublishedSlug: (slug: string) => boolean;
};

export type { SubscribeSubmission } from "./answers";
export { malformedSubscribeState, readSubscription, unavailableSubscribeState } from "./answers";

export function confirmUrl(token: string): string {
  return absoluteUrl(`/newsletter/confirm?token=${encodeURIComponent(token)}`);
}

export function unsubscribeUrl(subscriberId: string, secret: string): string {
  return absoluteUrl(`/newsletter/unsubscribe?token=${encodeURIComponent(unsubscribeToken(subscriberId, secret))}`);
}

/**
 * Handles one sign-up. The answer never says whether the address was new, pending, confirmed or unsubscribed, and
 * never promises an email that will not come (answers.ts): on its way, queued for when the email budget returns, or
 * not saved (a limit on sign-ups from one network). Returns the state for the form and, when a confirmation email is
 * now due, the subscriber id to deliver to.
 */
export async function handleSubscribe(
  submission: SubscribeSubmission,
  context: { client: ClientBuckets | null },
  deps: NewsletterDeps,
): Promise<{ state: SubscribeState; deliver: string | null }> {
  const now = deps.now();
  const policy = deps.policy ?? policyFor("signup");
  const values = { email: submission.email };
  const parsed = SubscribeSchema.safeParse({ email: submission.email, source: submission.source });
  if (!parsed.success) {
    const message = parsed.error.issues.find((issue) => issue.path[0] === "email")?.message ?? INVALID_EMAIL;
    return { state: { status: "invalid", message, fieldErrors: { email: message }, values }, deliver: null };
  }

  // A prerendered page (a post, the footer) cannot sign the moment it was shown, so its form's token field is empty:
  // the honeypot always applies, and a token, when the page sent one (/newsletter), must be genuine, not sent the
  // instant the page appeared, and unused. An expired one is a page left open for a day: a reader, not a bot.
  const token = submission[FORM_TOKEN_FIELD];
  const verdict = checkSpam(
    { honeypot: submission[HONEYPOT_FIELD], formToken: token === "" ? undefined : token },
    { secret: deps.secret, now: now.getTime(), minAgeMs: policy.minSubmitMs },
  );
  if (verdict.spam && !(verdict.reason === "missing-token" && token === "") && verdict.reason !== "expired") {
    // Caught spam is neither stored nor counted: it must never fill a real reader's buckets.
    deps.log.info(`[newsletter] Sign-up dropped as spam (${verdict.reason})`);
    return { state: answerFor("spam", submission.email), deliver: null };
  }

  try {
    const nonce = newNonce();
    const source = parsed.data.source && deps.isPublishedSlug(parsed.data.source) ? parsed.data.source : null;
    const outcome = await deps.store.admitSubscription({
      id: deps.newId(),
      email: parsed.data.email,
      emailKey: emailKey(parsed.data.email),
      addressKey: normaliseAddress(parsed.data.email),
      sourceSlug: source,
      ipHash: context.client ? hashBucket(context.client.client, deps.ipHashKey) : null,
      networkHash: context.client?.network ? hashBucket(context.client.network, deps.ipHashKey) : null,
      tokenId: token ? formTokenId(token) : null,
      now,
      nonce,
      tokenHash: hashToken(confirmationToken(nonce, deps.secret)),
      expiresAt: new Date(now.getTime() + NEWSLETTER_POLICY.confirmationTtlMs),
      policy,
    });
    if (outcome.kind === "reused-token") deps.log.info("[newsletter] Sign-up dropped as spam (reused-token)");
    if (outcome.kind === "queued")
      deps.log.info(
        `[newsletter] Sign-up queued (${outcome.reason}); npm run newsletter:retry sends it when budget returns.`,
      );
    if (outcome.kind === "refused") deps.log.info(`[newsletter] Sign-up counted, not stored (${outcome.reason})`);
    return { state: answerFor(outcome, submission.email), deliver: outcome.kind === "due" ? outcome.id : null };
  } catch (error) {
    deps.log.error(`[newsletter] Sign-up NOT stored: ${error instanceof Error ? error.message : String(error)}`);
    if (!(error instanceof StoreUnavailableError)) deps.log.error(error);
    return {
      state: { status: "error", message: UNAVAILABLE, fieldErrors: {}, values },
      deliver: null,
    };
  }
}

export type ConfirmationDelivery =
  { status: "sent"; where: string } | { status: "failed"; error: string; rateLimited: boolean } | { status: "skipped" };

/**
 * One attempt at a subscriber's confirmation email: claim it, rebuild the same email from the stored
 * nonce, send with the idempotency key of this link, record the outcome. Right after sign-up and on retry.
 */
export async function deliverConfirmation(
  id: string,
  deps: NewsletterDeps,
  { ignoreSchedule = false } = {},
): Promise<ConfirmationDelivery> {
  const started = deps.now();
  const subscriber = await deps.store.claimConfirmation(id, {
    now: started,
    lockedUntil: new Date(started.getTime() + NEWSLETTER_POLICY.deliveryLockMs),
    ignoreSchedule,
  });
  if (!subscriber?.tokenNonce) return { status: "skipped" };
  const token = confirmationToken(subscriber.tokenNonce, deps.secret);
  const leave = unsubscribeUrl(subscriber.id, deps.secret);
  let result;
  try {
    const rendered = await renderConfirmationEmail({ confirmUrl: confirmUrl(token), unsubscribeUrl: leave });
    result = await deps.provider.sendEmail({
      // One key per link: a retry of this email is absorbed by the provider, a later link is a new email.
      idempotencyKey: `newsletter-confirm-${subscriber.tokenNonce}`,
      from: deps.from,
      to: subscriber.email,
      headers: listUnsubscribeHeaders(leave),
      ...rendered,
    });
  } catch (error) {
    result = {
      ok: false as const,
      error: `Rendering the confirmation failed: ${error instanceof Error ? error.message : String(error)}`,
      rateLimited: false,
    };
  }
  if (result.ok) {
    await deps.store.markConfirmationSent(id, deps.now());
    deps.log.info(
      `[newsletter] Confirmation for subscriber ${id} sent (attempt ${subscriber.attempts}, ${result.where})`,
    );
    return { status: "sent", where: result.where };
  }
  const nextAttemptAt = new Date(
    deps.now().getTime() + NEWSLETTER_POLICY.retryBackoffMs * 2 ** Math.max(0, subscriber.attempts - 1),
  );
  await deps.store.markConfirmationFailed(id, { error: result.error, nextAttemptAt });
  deps.log.warn(
    `[newsletter] Confirmation for subscriber ${id} is stored but not sent (attempt ${subscriber.attempts}): ${result.error}. npm run newsletter:retry sends it.`,
  );
  return { status: "failed", error: result.error, rateLimited: result.rateLimited };
}

/** Brings Resend's contact in line with our record (subscribed into the segment, or unsubscribed). */
export async function syncSubscriber(
  id: string,
  deps: Pick<NewsletterDeps, "store" | "provider" | "log">,
): Promise<"synced" | "failed" | "skipped"> {
  const subscriber = await deps.store.get(id);
  if (!subscriber || (subscriber.syncState !== "due" && subscriber.syncState !== "failed")) return "skipped";
  const result =
    subscriber.status === "confirmed"
      ? await deps.provider.subscribeContact(subscriber.email)
      : subscriber.status === "unsubscribed"
        ? await deps.provider.unsubscribeContact(subscriber.email)
        : null;
  if (!result) return "skipped";
  if (result.ok) {
    await deps.store.markSynced(id, {
      status: subscriber.status,
      providerContactId: typeof result.value === "string" ? result.value : null,
    });
    return "synced";
  }
  await deps.store.markSyncFailed(id, result.error);
  deps.log.warn(
    `[newsletter] Subscriber ${id} is ${subscriber.status} here but not yet in Resend: ${result.error}. npm run newsletter:retry syncs it.`,
  );
  return "failed";
}

export type ConfirmResult = ConfirmOutcome["kind"];

/** GET /newsletter/confirm?token=…: what the link would do; nothing changes until the reader presses the button. */
export async function checkConfirmationLink(
  token: unknown,
  deps: Pick<NewsletterDeps, "store" | "now">,
): Promise<"ready" | Exclude<ConfirmResult, "confirmed">> {
  if (!isWellFormedConfirmationToken(token)) return "forged";
  return deps.store.peekConfirmation(hashToken(token), deps.now());
}

/**
 * The confirm page's button (a POST: link scanners fetch with GET and never press it): confirms once; the sync to
 * Resend is returned for the caller to run after the answer.
 */
export async function confirmSubscription(
  token: unknown,
  deps: Pick<NewsletterDeps, "store" | "now">,
): Promise<{ result: ConfirmResult; sync: string | null }> {
  if (!isWellFormedConfirmationToken(token)) return { result: "forged", sync: null };
  const outcome = await deps.store.confirm(hashToken(token), deps.now());
  return { result: outcome.kind, sync: outcome.kind === "confirmed" ? outcome.subscriber.id : null };
}

export type UnsubscribeResult = UnsubscribeOutcome["kind"] | "forged";

/** GET /newsletter/unsubscribe?token=…: marks the subscriber unsubscribed here; the caller syncs Resend after the page. */
export async function unsubscribe(
  token: unknown,
  deps: Pick<NewsletterDeps, "store" | "now" | "secret">,
): Promise<{ result: UnsubscribeResult; sync: string | null }> {
  const id = verifyUnsubscribeToken(token, deps.secret);
  if (!id) return { result: "forged", sync: null };
  const outcome = await deps.store.unsubscribe(id, deps.now());
  return {
    result: outcome.kind,
    sync: outcome.kind === "unsubscribed" && outcome.subscriber.syncState === "due" ? id : null,
  };
}

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
