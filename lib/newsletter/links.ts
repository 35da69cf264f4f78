import { absoluteUrl } from "@/lib/site";

import type { NewsletterDeps } from "./deps";
import type { ConfirmOutcome, UnsubscribeOutcome } from "./store";
import { hashToken, isWellFormedConfirmationToken, unsubscribeToken, verifyUnsubscribeToken } from "./tokens";

/** The confirmation and unsubscribe links: building them, and what following one does. */

export function confirmUrl(token: string): string {
  return absoluteUrl(`/newsletter/confirm?token=${encodeURIComponent(token)}`);
}

export function unsubscribeUrl(subscriberId: string, secret: string): string {
  return absoluteUrl(`/newsletter/unsubscribe?token=${encodeURIComponent(unsubscribeToken(subscriberId, secret))}`);
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
