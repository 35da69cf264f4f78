import type { DeliveryDeps } from "./delivery";
import { renderHeldDigest } from "./email";
import { HELD_REASONS, policyFor, type HeldReason, type Policy } from "./policy";

/**
 * The held digest: one email to the author, at most once per
 * `policy.heldDigestEveryMs` across all instances, listing the enquiries that
 * were stored but not emailed because a limit tripped, with the commands that
 * release one (emailed as usual) or mark it as spam. Held enquiries that
 * arrive after a digest wait for the next one (the next held enquiry or the
 * scheduled retry run sends it once the hour has passed).
 */

/** The most enquiries listed in one digest (the rest are counted, and shown in the next one). */
const DIGEST_MAX_LISTED = 50;

export type DigestOutcome =
  | { status: "sent"; listed: number }
  | { status: "skipped"; why: "nothing-held" | "sent-recently" }
  | { status: "failed"; error: string };

export function describeHeldReason(reason: string | null): string {
  return (reason && HELD_REASONS[reason as HeldReason]) ?? reason ?? "held";
}

export async function sendHeldDigest(deps: DeliveryDeps & { policy?: Policy }): Promise<DigestOutcome> {
  const policy = deps.policy ?? policyFor("enquiry");
  const waiting = await deps.store.heldNotDigested(1);
  if (waiting.length === 0) return { status: "skipped", why: "nothing-held" };
  const previous = await deps.store.lastDigestAt();
  const now = deps.now();
  if (!(await deps.store.claimDigest({ now, everyMs: policy.heldDigestEveryMs })))
    return { status: "skipped", why: "sent-recently" };
  const held = await deps.store.heldNotDigested(DIGEST_MAX_LISTED + 1);
  const listed = held.slice(0, DIGEST_MAX_LISTED);
  try {
    const email = await renderHeldDigest({
      held: listed,
      more: held.length > DIGEST_MAX_LISTED,
      describe: describeHeldReason,
    });
    const result = await deps.mailer.send({
      idempotencyKey: `held-digest-${now.toISOString()}`,
      from: deps.from,
      to: deps.to,
      ...email,
    });
    if (!result.ok) throw new Error(result.error);
  } catch (error) {
    // Give the slot back, so the next held enquiry or retry run tries again instead of waiting an hour.
    await deps.store.releaseDigest({ previous });
    const message = error instanceof Error ? error.message : String(error);
    deps.log.warn(`[contact] The held digest was not sent: ${message}`);
    return { status: "failed", error: message };
  }
  await deps.store.markDigested(
    listed.map((row) => row.id),
    now,
  );
  deps.log.info(`[contact] Held digest sent: ${listed.length} held enquiries listed.`);
  return { status: "sent", listed: listed.length };
}
