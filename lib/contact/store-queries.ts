import type { Client, Row } from "@libsql/client";

import { countedInFunnelSql } from "./held-rank";
import { since, type Policy } from "./policy";
import type { EnquiryRecord, EnquiryStatus, PurgeSummary, SourceSummary, SpamCount } from "./store-types";

/**
 * The enquiry store's SQL, one function per operation, each taking an open connection (store.ts runs them
 * through the connection's lock retry). Every condition that more than one statement needs is written once
 * below, so the per-client count, the duplicate check and the retry schedule cannot drift apart.
 */

/** Real enquiries (everything but spam) count against the per-client and per-address limits and the duplicate rule. */
export const REAL = "status != 'spam'";

/** Unsent, not locked by another attempt, and due (or the schedule is ignored). Params: `:now`, `:ignore_schedule`. */
const DUE = `status IN ('pending', 'failed')
  AND (locked_until IS NULL OR locked_until <= :now)
  AND (:ignore_schedule = 1 OR next_attempt_at IS NULL OR next_attempt_at <= :now)`;

export const hourOf = (date: Date) => `${date.toISOString().slice(0, 13)}:00`;

function text(row: Row, column: string): string | null {
  const value = row[column];
  return value === null || value === undefined ? null : String(value);
}

export function toRecord(row: Row): EnquiryRecord {
  return {
    id: String(row.id),
    createdAt: String(row.created_at),
    name: String(row.name),
    email: String(row.email),
    company: text(row, "company"),
    topic: String(row.topic),
    teamSize: text(row, "team_size"),
    timeline: text(row, "timeline"),
    helpKind: text(row, "help_kind"),
    message: String(row.message),
    sourceSlug: text(row, "source_slug"),
    ipHash: text(row, "ip_hash"),
    userAgent: text(row, "user_agent"),
    status: String(row.status) as EnquiryStatus,
    attempts: Number(row.attempts),
    lastError: text(row, "last_error"),
    sentAt: text(row, "sent_at"),
    nextAttemptAt: text(row, "next_attempt_at"),
    lockedUntil: text(row, "locked_until"),
    ackSentAt: text(row, "ack_sent_at"),
    providerMessageId: text(row, "provider_message_id"),
    heldReason: text(row, "held_reason"),
    bookingLink: text(row, "booking_link"),
    bookingStatus: text(row, "booking_status") as EnquiryRecord["bookingStatus"],
    bookingUid: text(row, "booking_uid"),
    bookingChangedAt: text(row, "booking_changed_at"),
    signals: row.signals === null || row.signals === undefined ? null : Number(row.signals),
    formAgeMs: row.form_age_ms === null || row.form_age_ms === undefined ? null : Number(row.form_age_ms),
  };
}

const firstRecord = (rows: Row[]) => (rows[0] ? toRecord(rows[0]) : undefined);

export async function getEnquiry(db: Client, id: string): Promise<EnquiryRecord | undefined> {
  const result = await db.execute({ sql: "SELECT * FROM enquiries WHERE id = ?", args: [id] });
  return firstRecord(result.rows);
}

export async function claimForDelivery(
  db: Client,
  id: string,
  { now, lockedUntil, ignoreSchedule = false }: { now: Date; lockedUntil: Date; ignoreSchedule?: boolean },
): Promise<EnquiryRecord | undefined> {
  const result = await db.execute({
    sql: `UPDATE enquiries SET attempts = attempts + 1, locked_until = :locked_until WHERE id = :id AND ${DUE} RETURNING *`,
    args: {
      id,
      now: now.toISOString(),
      locked_until: lockedUntil.toISOString(),
      ignore_schedule: ignoreSchedule ? 1 : 0,
    },
  });
  return firstRecord(result.rows);
}

export async function markSent(
  db: Client,
  id: string,
  { now, providerMessageId }: { now: Date; providerMessageId: string | null },
): Promise<void> {
  await db.execute({
    sql: `UPDATE enquiries SET status = 'sent', sent_at = ?, provider_message_id = ?, locked_until = NULL, next_attempt_at = NULL
          WHERE id = ?`,
    args: [now.toISOString(), providerMessageId, id],
  });
}

export async function markFailed(
  db: Client,
  id: string,
  { error, nextAttemptAt }: { error: string; nextAttemptAt: Date },
): Promise<void> {
  await db.execute({
    sql: "UPDATE enquiries SET status = 'failed', last_error = ?, next_attempt_at = ?, locked_until = NULL WHERE id = ? AND status != 'sent'",
    args: [error.slice(0, 1_000), nextAttemptAt.toISOString(), id],
  });
}

export async function listDue(
  db: Client,
  { now, ignoreSchedule = false, limit = 100 }: { now: Date; ignoreSchedule?: boolean; limit?: number },
): Promise<string[]> {
  const result = await db.execute({
    sql: `SELECT id FROM enquiries WHERE ${DUE} ORDER BY created_at LIMIT :limit`,
    args: { now: now.toISOString(), ignore_schedule: ignoreSchedule ? 1 : 0, limit },
  });
  return result.rows.map((row) => String(row.id));
}

export async function claimAcknowledgement(
  db: Client,
  id: string,
  { now, windowMs, policy }: { now: Date; windowMs: number; policy: Policy },
): Promise<boolean> {
  const result = await db.execute({
    sql: `UPDATE enquiries SET ack_sent_at = :now
          WHERE id = :id AND ack_sent_at IS NULL AND status NOT IN ('spam', 'held')
            AND NOT EXISTS (
              SELECT 1 FROM enquiries AS earlier
              WHERE earlier.address_key = enquiries.address_key AND earlier.ack_sent_at > :since
            )
            AND (SELECT count(*) FROM enquiries AS sent WHERE sent.ack_sent_at > :budget_since) < :budget_max`,
    args: {
      id,
      now: now.toISOString(),
      since: since(now, windowMs).toISOString(),
      budget_since: since(now, policy.addressEmails.windowMs).toISOString(),
      budget_max: policy.addressEmails.max,
    },
  });
  return result.rowsAffected === 1;
}

export async function releaseAcknowledgement(db: Client, id: string): Promise<void> {
  await db.execute({ sql: "UPDATE enquiries SET ack_sent_at = NULL WHERE id = ?", args: [id] });
}

export async function recent(db: Client, limit: number, status?: EnquiryStatus): Promise<EnquiryRecord[]> {
  const result = await db.execute(
    status
      ? { sql: "SELECT * FROM enquiries WHERE status = ? ORDER BY created_at DESC LIMIT ?", args: [status, limit] }
      : { sql: "SELECT * FROM enquiries ORDER BY created_at DESC LIMIT ?", args: [limit] },
  );
  return result.rows.map(toRecord);
}

export async function spamCounts(db: Client, from: Date): Promise<SpamCount[]> {
  const result = await db.execute({
    sql: "SELECT reason, sum(count) AS n FROM spam_counts WHERE hour >= ? GROUP BY reason ORDER BY n DESC",
    args: [hourOf(from)],
  });
  return result.rows.map((row) => ({ reason: String(row.reason), count: Number(row.n) }));
}

export async function claimDigest(db: Client, { now, everyMs }: { now: Date; everyMs: number }): Promise<boolean> {
  const result = await db.execute({
    sql: `INSERT INTO settings (key, value) VALUES ('held_digest_at', :now)
          ON CONFLICT (key) DO UPDATE SET value = :now WHERE value <= :since`,
    args: { now: now.toISOString(), since: since(now, everyMs).toISOString() },
  });
  return result.rowsAffected === 1;
}

export async function releaseDigest(db: Client, previous: string | null): Promise<void> {
  await db.execute(
    previous === null
      ? "DELETE FROM settings WHERE key = 'held_digest_at'"
      : { sql: "UPDATE settings SET value = ? WHERE key = 'held_digest_at'", args: [previous] },
  );
}

export async function lastDigestAt(db: Client): Promise<string | null> {
  const result = await db.execute("SELECT value FROM settings WHERE key = 'held_digest_at'");
  return result.rows[0] ? String(result.rows[0].value) : null;
}

export async function markDigested(db: Client, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.execute({
    sql: `UPDATE enquiries SET digested_at = ? WHERE id IN (${ids.map(() => "?").join(", ")})`,
    args: [now.toISOString(), ...ids],
  });
}

export async function release(db: Client, id: string, now: Date): Promise<EnquiryRecord | undefined> {
  // The token id is cleared: the author vouches for this one, whatever the token carried before.
  const result = await db.execute({
    sql: `UPDATE enquiries SET status = 'pending', held_reason = NULL, last_error = NULL, next_attempt_at = :now, token_id = NULL
          WHERE id = :id AND status IN ('held', 'spam') RETURNING *`,
    args: { id, now: now.toISOString() },
  });
  return firstRecord(result.rows);
}

export async function markSpam(db: Client, id: string): Promise<EnquiryRecord | undefined> {
  const result = await db.execute({
    sql: `UPDATE enquiries SET status = 'spam', last_error = 'spam: marked by the author', next_attempt_at = NULL
          WHERE id = ? AND status IN ('held', 'pending', 'failed') RETURNING *`,
    args: [id],
  });
  return firstRecord(result.rows);
}

export async function purge(
  db: Client,
  { now, realDays, spamDays }: { now: Date; realDays: number; spamDays: number },
): Promise<PurgeSummary> {
  const day = 24 * 60 * 60_000;
  const realBefore = since(now, realDays * day).toISOString();
  const spamBefore = since(now, spamDays * day);
  const [real, spam, counts, heldCounts] = await db.batch(
    [
      { sql: `DELETE FROM enquiries WHERE ${REAL} AND created_at < ?`, args: [realBefore] },
      { sql: "DELETE FROM enquiries WHERE status = 'spam' AND created_at < ?", args: [spamBefore.toISOString()] },
      { sql: "DELETE FROM spam_counts WHERE hour < ?", args: [hourOf(spamBefore)] },
      { sql: "DELETE FROM held_counts WHERE hour < ?", args: [hourOf(spamBefore)] },
    ],
    "write",
  );
  return {
    real: real!.rowsAffected,
    spam: spam!.rowsAffected,
    spamCounts: counts!.rowsAffected + heldCounts!.rowsAffected,
  };
}

export async function sharedSetting(db: Client, key: string, create: () => string): Promise<string> {
  // Whoever inserts first wins; everyone then reads the same value.
  await db.execute({
    sql: "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
    args: [key, create()],
  });
  const result = await db.execute({ sql: "SELECT value FROM settings WHERE key = ?", args: [key] });
  return String(result.rows[0]!.value);
}

export async function countsBySource(db: Client): Promise<SourceSummary[]> {
  const result = await db.execute(`
    SELECT source_slug,
           count(*) AS enquiries,
           sum(status = 'sent') AS sent,
           sum(status IN ('pending', 'failed', 'held')) AS unsent,
           max(created_at) AS last_at
    FROM enquiries AS e WHERE ${countedInFunnelSql("e")}
    GROUP BY source_slug
    ORDER BY enquiries DESC, last_at DESC`);
  return result.rows.map((row) => ({
    sourceSlug: text(row, "source_slug"),
    enquiries: Number(row.enquiries),
    sent: Number(row.sent),
    unsent: Number(row.unsent),
    lastAt: String(row.last_at),
  }));
}

export async function countsByStatus(db: Client): Promise<Record<EnquiryStatus, number>> {
  const result = await db.execute("SELECT status, count(*) AS n FROM enquiries GROUP BY status");
  const counts: Record<EnquiryStatus, number> = { pending: 0, sent: 0, failed: 0, spam: 0, held: 0 };
  for (const row of result.rows) counts[String(row.status) as EnquiryStatus] = Number(row.n);
  return counts;
}
