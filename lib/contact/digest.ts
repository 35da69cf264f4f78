import type { DeliveryDeps } from "./delivery";
import { renderHeldDigest } from "./digest-email";
import { loadHeldReview } from "./held-review";
import { policyFor, type Policy } from "./policy";

/**
 * The held digest: one email to the author, at most once per `policy.heldDigestEveryMs` across all instances
 * (sent when something new is held, and by the scheduled run once the hour has passed), listing the held
 * enquiries likely-real first (held-rank.ts), newest first within a rank, with why each was held, what was counted
 * instead of stored, and the commands that release one or mark it as spam. `npm run enquiries -- --send-digest`
 * sends it at once (`force`), whatever the hour.
 */

/** The most enquiries listed in one digest; the rest are counted and listed by `npm run enquiries -- --held`. */
export const DIGEST_MAX_LISTED = 20;

export { describeHeldReason } from "./held-review";

export type DigestOutcome =
  | { status: "sent"; listed: number; held: number }
  | { status: "skipped"; why: "nothing-held" | "sent-recently" }
  | { status: "failed"; error: string };

export async function sendHeldDigest(
  deps: DeliveryDeps & { policy?: Policy },
  { force = false }: { force?: boolean } = {},
): Promise<DigestOutcome> {
  const policy = deps.policy ?? policyFor("enquiry");
  const totals = await deps.store.heldTotals();
  // On its own the digest goes out when something new is held; asked for, it lists whatever is held.
  if (totals.held === 0 || (!force && totals.notDigested === 0)) return { status: "skipped", why: "nothing-held" };
  const previous = await deps.store.lastDigestAt();
  const now = deps.now();
  if (!(await deps.store.claimDigest({ now, everyMs: force ? 0 : policy.heldDigestEveryMs })))
    return { status: "skipped", why: "sent-recently" };
  const review = await loadHeldReview(deps.store, { limit: DIGEST_MAX_LISTED, now });
  try {
    const email = await renderHeldDigest(review);
    const result = await deps.mailer.send({
      // One key per digest: an automatic one and one asked for at the same moment are two emails.
      idempotencyKey: `held-digest-${now.toISOString()}${force ? "-asked" : ""}`,
      from: deps.from,
      to: deps.to,
      ...email,
    });
    if (!result.ok) throw new Error(result.error);
  } catch (error) {
    // Give the slot back, so the next held enquiry or scheduled run tries again instead of waiting an hour.
    await deps.store.releaseDigest({ previous });
    const message = error instanceof Error ? error.message : String(error);
    deps.log.warn(`[contact] The held digest was not sent: ${message}`);
    return { status: "failed", error: message };
  }
  await deps.store.markDigested(
    review.entries.map((entry) => entry.id),
    now,
  );
  deps.log.info(
    `[contact] Held digest sent: ${review.entries.length} of ${review.held} held enquiries listed, likely-real first.`,
  );
  return { status: "sent", listed: review.entries.length, held: review.held };
}
