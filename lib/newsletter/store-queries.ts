import type { Client, InValue, Row } from "@libsql/client";

import { NEWSLETTER_POLICY } from "./policy";
import type {
  ConfirmationCheck,
  ConfirmOutcome,
  SourceCount,
  Subscriber,
  SubscriberStatus,
  UnsubscribeOutcome,
} from "./store-types";

/**
 * The subscriber store's SQL (all but admitting and queueing, store-admit.ts and store-queue.ts), one function per
 * operation, each taking an open connection: store.ts runs them through the connection's lock retry. Every decision
 * that must hold across instances is one atomic statement.
 */

function text(row: Row, column: string): string | null {
  const value = row[column];
  return value === null || value === undefined ? null : String(value);
}

export function toSubscriber(row: Row): Subscriber {
  return {
    id: String(row.id),
    email: String(row.email),
    emailKey: String(row.email_key),
    addressKey: text(row, "address_key"),
    status: String(row.status) as SubscriberStatus,
    createdAt: String(row.created_at),
    confirmedAt: text(row, "confirmed_at"),
    unsubscribedAt: text(row, "unsubscribed_at"),
    sourceSlug: text(row, "source_slug"),
    ipHash: text(row, "ip_hash"),
    tokenNonce: text(row, "token_nonce"),
    tokenExpiresAt: text(row, "token_expires_at"),
    tokenUsedAt: text(row, "token_used_at"),
    confirmationState: String(row.confirmation_state) as Subscriber["confirmationState"],
    confirmationSentAt: text(row, "confirmation_sent_at"),
    attempts: Number(row.attempts),
    lastError: text(row, "last_error"),
    heldReason: text(row, "held_reason"),
    queuedAt: text(row, "queued_at"),
    networkKey: text(row, "network_key"),
    syncState: String(row.sync_state) as Subscriber["syncState"],
    syncError: text(row, "sync_error"),
    providerContactId: text(row, "provider_contact_id"),
  };
}

async function one(db: Client, sql: string, args: InValue[]): Promise<Subscriber | undefined> {
  const row = (await db.execute({ sql, args })).rows[0];
  return row ? toSubscriber(row) : undefined;
}

/** Unsent (due or failed), its link still valid, not locked, and due (or the schedule is ignored). */
const CONFIRMATION_DUE = `status = 'pending' AND confirmation_state IN ('due', 'failed') AND token_expires_at > :now
  AND (locked_until IS NULL OR locked_until <= :now)
  AND (:ignore = 1 OR next_attempt_at IS NULL OR next_attempt_at <= :now)`;

export function getSubscriber(db: Client, id: string): Promise<Subscriber | undefined> {
  return one(db, "SELECT * FROM newsletter_subscribers WHERE id = ?", [id]);
}

/** Takes a due confirmation email for one attempt (counts it, locks the row); undefined when not due, expired or taken. */
export async function claimConfirmation(
  db: Client,
  id: string,
  { now, lockedUntil, ignoreSchedule = false }: { now: Date; lockedUntil: Date; ignoreSchedule?: boolean },
): Promise<Subscriber | undefined> {
  const row = (
    await db.execute({
      sql: `UPDATE newsletter_subscribers SET attempts = attempts + 1, locked_until = :locked_until
            WHERE id = :id AND ${CONFIRMATION_DUE}
            RETURNING *`,
      args: { id, now: now.toISOString(), locked_until: lockedUntil.toISOString(), ignore: ignoreSchedule ? 1 : 0 },
    })
  ).rows[0];
  return row ? toSubscriber(row) : undefined;
}

export async function markConfirmationSent(db: Client, id: string, now: Date): Promise<void> {
  await db.execute({
    sql: "UPDATE newsletter_subscribers SET confirmation_state = 'sent', confirmation_sent_at = ?, locked_until = NULL, next_attempt_at = NULL, last_error = NULL WHERE id = ?",
    args: [now.toISOString(), id],
  });
}

export async function markConfirmationFailed(
  db: Client,
  id: string,
  { error, nextAttemptAt }: { error: string; nextAttemptAt: Date },
): Promise<void> {
  await db.execute({
    sql: "UPDATE newsletter_subscribers SET confirmation_state = 'failed', last_error = ?, next_attempt_at = ?, locked_until = NULL WHERE id = ? AND confirmation_state != 'sent'",
    args: [error.slice(0, 1_000), nextAttemptAt.toISOString(), id],
  });
}

/** Unsent confirmation emails whose link is still valid, oldest first. */
export async function listDueConfirmations(
  db: Client,
  { now, ignoreSchedule = false, limit = 100 }: { now: Date; ignoreSchedule?: boolean; limit?: number },
): Promise<string[]> {
  const result = await db.execute({
    sql: `SELECT id FROM newsletter_subscribers WHERE ${CONFIRMATION_DUE} ORDER BY created_at LIMIT :limit`,
    args: { now: now.toISOString(), ignore: ignoreSchedule ? 1 : 0, limit },
  });
  return result.rows.map((row) => String(row.id));
}

/** What pressing the button of this link would do, without changing anything (the page shown for a GET). */
export async function peekConfirmation(db: Client, tokenHash: string, now: Date): Promise<ConfirmationCheck> {
  const subscriber = await one(db, "SELECT * FROM newsletter_subscribers WHERE token_hash = ?", [tokenHash]);
  if (!subscriber) return "forged";
  if (subscriber.tokenUsedAt || subscriber.status !== "pending") return "used";
  if (!subscriber.tokenExpiresAt || subscriber.tokenExpiresAt <= now.toISOString()) return "expired";
  return "ready";
}

/** Confirms the subscriber whose unused, unexpired link this is; one statement, so a link works once. */
export async function confirm(db: Client, tokenHash: string, now: Date): Promise<ConfirmOutcome> {
  const row = (
    await db.execute({
      sql: `UPDATE newsletter_subscribers
            SET status = 'confirmed', confirmed_at = :now, token_used_at = :now, sync_state = 'due', sync_error = NULL,
                confirmation_state = CASE WHEN confirmation_state = 'sent' THEN 'sent' ELSE 'none' END, locked_until = NULL
            WHERE token_hash = :hash AND status = 'pending' AND token_used_at IS NULL AND token_expires_at > :now
            RETURNING *`,
      args: { hash: tokenHash, now: now.toISOString() },
    })
  ).rows[0];
  if (row) return { kind: "confirmed", subscriber: toSubscriber(row) };
  const known = await one(db, "SELECT * FROM newsletter_subscribers WHERE token_hash = ?", [tokenHash]);
  if (!known) return { kind: "forged" };
  if (known.tokenUsedAt || known.status === "confirmed") return { kind: "used" };
  if (known.status === "pending") return { kind: "expired" };
  return { kind: "used" };
}

export async function unsubscribe(db: Client, id: string, now: Date): Promise<UnsubscribeOutcome> {
  const row = (
    await db.execute({
      sql: `UPDATE newsletter_subscribers
            SET status = 'unsubscribed', unsubscribed_at = :now, confirmation_state = 'none', locked_until = NULL,
                sync_state = CASE WHEN confirmed_at IS NULL THEN 'none' ELSE 'due' END, sync_error = NULL
            WHERE id = :id AND status != 'unsubscribed'
            RETURNING *`,
      args: { id, now: now.toISOString() },
    })
  ).rows[0];
  return row ? { kind: "unsubscribed", subscriber: toSubscriber(row) } : { kind: "already" };
}

/** Subscribers whose state in the provider's list is behind ours (confirmed or unsubscribed, not yet synced). */
export async function listDueSyncs(db: Client, limit: number): Promise<string[]> {
  const result = await db.execute({
    sql: "SELECT id FROM newsletter_subscribers WHERE sync_state IN ('due', 'failed') ORDER BY created_at LIMIT ?",
    args: [limit],
  });
  return result.rows.map((row) => String(row.id));
}

export async function markSynced(
  db: Client,
  id: string,
  { status, providerContactId }: { status: SubscriberStatus; providerContactId: string | null },
): Promise<void> {
  // Only if the subscriber did not change meanwhile (an unsubscribe racing a confirmation sync stays due).
  await db.execute({
    sql: "UPDATE newsletter_subscribers SET sync_state = 'synced', sync_error = NULL, provider_contact_id = coalesce(?, provider_contact_id) WHERE id = ? AND status = ?",
    args: [providerContactId, id, status],
  });
}

export async function markSyncFailed(db: Client, id: string, error: string): Promise<void> {
  await db.execute({
    sql: "UPDATE newsletter_subscribers SET sync_state = 'failed', sync_error = ? WHERE id = ?",
    args: [error.slice(0, 1_000), id],
  });
}

export function findByEmail(db: Client, email: string): Promise<Subscriber | undefined> {
  return one(db, "SELECT * FROM newsletter_subscribers WHERE email_key = ?", [email.trim().toLowerCase()]);
}

export async function allSubscribers(db: Client): Promise<Subscriber[]> {
  return (await db.execute("SELECT * FROM newsletter_subscribers ORDER BY created_at, id")).rows.map(toSubscriber);
}

/** Deletes the address for good (a data request); returns what was deleted. */
export function deleteByEmail(db: Client, email: string): Promise<Subscriber | undefined> {
  return one(db, "DELETE FROM newsletter_subscribers WHERE email_key = ? RETURNING *", [email.trim().toLowerCase()]);
}

/** Removes sign-ups never confirmed within the retention period, and attempt counters (and counts) older than a day. */
export async function purgeUnconfirmed(
  db: Client,
  { now, retentionMs }: { now: Date; retentionMs: number },
): Promise<number> {
  const result = await db.execute({
    sql: "DELETE FROM newsletter_subscribers WHERE status = 'pending' AND created_at <= ?",
    args: [new Date(now.getTime() - retentionMs).toISOString()],
  });
  const countersBefore = new Date(now.getTime() - NEWSLETTER_POLICY.attemptRetentionMs);
  await db.execute({ sql: "DELETE FROM newsletter_attempts WHERE at <= ?", args: [countersBefore.toISOString()] });
  await db.execute({
    sql: "DELETE FROM newsletter_counts WHERE hour < ?",
    args: [`${countersBefore.toISOString().slice(0, 13)}:00`],
  });
  return result.rowsAffected;
}

export async function countsBySource(db: Client): Promise<SourceCount[]> {
  const result = await db.execute(`
    SELECT source_slug, sum(status = 'confirmed') AS confirmed, sum(status = 'pending') AS pending
    FROM newsletter_subscribers GROUP BY source_slug ORDER BY confirmed DESC, pending DESC`);
  return result.rows.map((row) => ({
    sourceSlug: text(row, "source_slug"),
    confirmed: Number(row.confirmed),
    pending: Number(row.pending),
  }));
}

export async function countsByStatus(db: Client): Promise<Record<SubscriberStatus, number>> {
  const counts: Record<SubscriberStatus, number> = { pending: 0, confirmed: 0, unsubscribed: 0 };
  for (const row of (await db.execute("SELECT status, count(*) AS n FROM newsletter_subscribers GROUP BY status")).rows)
    counts[String(row.status) as SubscriberStatus] = Number(row.n);
  return counts;
}
