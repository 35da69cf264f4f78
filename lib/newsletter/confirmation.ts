import { listUnsubscribeHeaders, renderConfirmationEmail } from "./confirmation-email";
import type { NewsletterDeps } from "./deps";
import { confirmUrl, unsubscribeUrl } from "./links";
import { NEWSLETTER_POLICY } from "./policy";
import { confirmationToken } from "./tokens";

/** Sending one subscriber's confirmation email (right after sign-up, from the queue, and on retry). */

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
