import { describeSent } from "@/lib/email/mailer";

import { sendAcknowledgementEmail, sendEnquiryEmail, type EmailSettings } from "./email";
import type { EnquiryStore } from "./store";

/**
 * One delivery attempt of a stored enquiry: claim it (so no other process
 * sends it at the same time), send the owner email, record the outcome.
 * Used right after the enquiry is stored and by every retry.
 */

export type Logger = Pick<Console, "info" | "warn" | "error">;

export type DeliveryDeps = EmailSettings & {
  store: EnquiryStore;
  now: () => Date;
  log: Logger;
  /** How long a claimed enquiry stays locked to one sender (longer than a send can take). */
  lockMs?: number;
};

export type DeliveryOutcome =
  | { status: "sent"; where: string }
  | { status: "failed"; error: string; rateLimited: boolean; nextAttemptAt: Date }
  /** Already sent, spam, being sent by someone else, or not due yet. */
  | { status: "skipped" };

const DEFAULT_LOCK_MS = 2 * 60_000;
const BACKOFF_BASE_MS = 60_000;
const BACKOFF_MAX_MS = 6 * 60 * 60_000;

/** Wait before the next automatic attempt after `attempts` failures: 1, 2, 4 … minutes, at most 6 hours. */
export function backoffDelay(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

export async function deliverEnquiry(
  id: string,
  deps: DeliveryDeps,
  { ignoreSchedule = false } = {},
): Promise<DeliveryOutcome> {
  const started = deps.now();
  const enquiry = await deps.store.claimForDelivery(id, {
    now: started,
    lockedUntil: new Date(started.getTime() + (deps.lockMs ?? DEFAULT_LOCK_MS)),
    ignoreSchedule,
  });
  if (!enquiry) return { status: "skipped" };

  const result = await sendEnquiryEmail(enquiry, deps);
  if (result.ok) {
    await deps.store.markSent(id, { now: deps.now(), providerMessageId: result.id });
    deps.log.info(`[contact] Enquiry ${id} ${describeSent(result, deps.to)} (attempt ${enquiry.attempts})`);
    return { status: "sent", where: result.where };
  }
  const nextAttemptAt = new Date(deps.now().getTime() + backoffDelay(enquiry.attempts));
  await deps.store.markFailed(id, { error: result.error, nextAttemptAt });
  deps.log.warn(
    `[contact] Enquiry ${id} is stored but its email failed (attempt ${enquiry.attempts}): ${result.error}. Next automatic attempt after ${nextAttemptAt.toISOString()} (npm run enquiries:retry).`,
  );
  return { status: "failed", error: result.error, rateLimited: result.rateLimited, nextAttemptAt };
}

/** The optional acknowledgement to the prospect, at most one per address per window. Best effort: never retried. */
export async function acknowledgeEnquiry(
  enquiry: { id: string; email: string },
  deps: DeliveryDeps & { windowMs?: number },
): Promise<"sent" | "skipped" | "failed"> {
  const claimed = await deps.store.claimAcknowledgement(enquiry.id, {
    now: deps.now(),
    windowMs: deps.windowMs ?? 24 * 60 * 60_000,
  });
  if (!claimed) return "skipped";
  const result = await sendAcknowledgementEmail(enquiry, deps);
  if (result.ok) return "sent";
  await deps.store.releaseAcknowledgement(enquiry.id);
  deps.log.warn(`[contact] Acknowledgement for enquiry ${enquiry.id} was not sent: ${result.error}`);
  return "failed";
}
