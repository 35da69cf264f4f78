import { describeRank } from "./held-rank";
import { HELD_REASONS, type HeldReason } from "./policy";
import { qualifyingSummary, replaceControlCharacters, topicLabel } from "./schema";
import type { EnquiryStore, HeldCount, RankedHeld } from "./store";

/**
 * The author's held review, one shape for the three places that show it: `npm run enquiries -- --held`, the held
 * digest email and /admin/funnel. Likely-real first (held-rank.ts), newest first within a rank, with what was
 * counted instead of stored.
 */

export type HeldEntry = {
  id: string;
  createdAt: string;
  name: string;
  email: string;
  topic: string;
  /** "40–100 engineers, this quarter" or "". */
  qualifiers: string;
  sourceSlug: string | null;
  message: string;
  /** Why it was held, in the policy's words. */
  why: string;
  rank: number;
  /** The signs of a person it shows, in words. */
  signs: string;
  /** Not yet listed by a digest. */
  isNew: boolean;
};

export type HeldReview = {
  entries: HeldEntry[];
  /** Held enquiries stored (all of them, listed or not) and how many no digest has listed yet. */
  held: number;
  notDigested: number;
  /** Counted instead of stored within `countedSince`, per reason. */
  counted: Array<HeldCount & { why: string }>;
  countedSince: string;
};

export function describeHeldReason(reason: string | null): string {
  return (reason && HELD_REASONS[reason as HeldReason]) ?? reason ?? "held";
}

export function toHeldEntry(row: RankedHeld): HeldEntry {
  return {
    id: row.id,
    createdAt: row.createdAt,
    name: row.name,
    email: row.email,
    topic: topicLabel(row.topic),
    qualifiers: qualifyingSummary(row),
    sourceSlug: row.sourceSlug,
    message: row.message,
    why: describeHeldReason(row.heldReason),
    rank: row.rank,
    signs: describeRank(row.rank),
    isNew: row.digestedAt === null,
  };
}

/** The held review as it stands: the `limit` best-ranked entries, totals, and the last day's counted ones. */
export async function loadHeldReview(
  store: Pick<EnquiryStore, "heldRanked" | "heldTotals" | "heldCounts">,
  { limit, now }: { limit: number; now: Date },
): Promise<HeldReview> {
  const countedSince = new Date(now.getTime() - 24 * 60 * 60_000);
  const [rows, totals, counted] = await Promise.all([
    store.heldRanked(limit),
    store.heldTotals(),
    store.heldCounts(countedSince),
  ]);
  return {
    entries: rows.map(toHeldEntry),
    held: totals.held,
    notDigested: totals.notDigested,
    counted: counted.map((entry) => ({ ...entry, why: describeHeldReason(entry.reason) })),
    countedSince: countedSince.toISOString(),
  };
}

/** "190 more were counted, not stored: 190 × many enquiries from one client address within the hour (1 network)". */
export function describeCounted(counted: HeldReview["counted"]): string | null {
  const total = counted.reduce((sum, entry) => sum + entry.count, 0);
  if (total === 0) return null;
  const parts = counted.map(
    (entry) => `${entry.count} × ${entry.why} (from ${entry.networks} network${entry.networks === 1 ? "" : "s"})`,
  );
  return `${total} more in the last 24 hours were counted, not stored (beyond the per-network or site-wide allowance; each sender was told so and offered a mailto link): ${parts.join("; ")}`;
}

/** `npm run enquiries -- --held`: one block per held enquiry, likely-real first, with its id, why and its signs. */
export function formatHeldReview(review: HeldReview): string {
  const safe = (value: string) => replaceControlCharacters(value, " ");
  const lines = [
    `Held enquiries: ${review.held} stored, not emailed (a limit tripped); likely-real first, newest first within a rank (times in UTC)`,
  ];
  if (review.entries.length === 0) lines.push("", "None.");
  review.entries.forEach((entry, index) => {
    lines.push(
      "",
      `  ${index + 1}. ${entry.id}  ${entry.createdAt.slice(0, 16).replace("T", " ")}${entry.isNew ? "  (new)" : ""}  held: ${entry.why}`,
      `     ${safe(entry.name)} <${safe(entry.email)}> · ${entry.topic}${entry.qualifiers ? ` · ${entry.qualifiers}` : ""}${entry.sourceSlug ? ` · from ${entry.sourceSlug}` : ""}`,
      `     signs: ${entry.signs}`,
      `     ${safe(entry.message).slice(0, 160)}${entry.message.length > 160 ? "…" : ""}`,
    );
  });
  if (review.held > review.entries.length)
    lines.push("", `${review.held - review.entries.length} more, ranked lower: --limit ${review.held} lists them all.`);
  const counted = describeCounted(review.counted);
  if (counted) lines.push("", counted);
  lines.push("", "Release one (it is emailed to you as usual): npm run enquiries -- --release <id>");
  lines.push("Mark one as spam:                           npm run enquiries -- --mark-spam <id>");
  lines.push(`Email this list to yourself now:            npm run enquiries -- --send-digest`);
  return lines.join("\n");
}
