import type { Client, Row } from "@libsql/client";

import type { SignupPolicy } from "@/lib/contact/policy";
import { openConnection, type ConnectionOptions } from "@/lib/contact/store-connection";

import { migrateNewsletter } from "./migrations";
import { NEWSLETTER_POLICY } from "./policy";
import { admitSubscription, type SubscriptionRequest } from "./store-admit";
import { listQueued, releaseQueued } from "./store-queue";

export type { QueueReason, RefusalReason, SubscriptionOutcome, SubscriptionRequest } from "./store-admit";
export type { ReleaseOutcome } from "./store-queue";

/**
 * Subscribers, in the same libSQL database as the enquiries (DATABASE_URL).
 * Every decision that must hold across instances — the 24-hour cap on
 * confirmation emails, single use of a link, the shared policy's limits — is
 * one atomic SQL statement or one write transaction, like the enquiry store's.
 */

export type SubscriberStatus = "pending" | "confirmed" | "unsubscribed";

export type Subscriber = {
  id: string;
  email: string;
  emailKey: string;
  addressKey: string | null;
  status: SubscriberStatus;
  createdAt: string;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
  sourceSlug: string | null;
  ipHash: string | null;
  tokenNonce: string | null;
  tokenExpiresAt: string | null;
  tokenUsedAt: string | null;
  confirmationState: "none" | "due" | "sent" | "failed";
  confirmationSentAt: string | null;
  attempts: number;
  lastError: string | null;
  /** Why a stored sign-up got no confirmation email yet (an email budget of the policy), null otherwise. */
  heldReason: string | null;
  /** When the sign-up joined the queue of confirmations sent later (queue.ts), null when it is not queued. */
  queuedAt: string | null;
  /** The network it signed up from (keyed hash), null when unknown. */
  networkKey: string | null;
  syncState: "none" | "due" | "synced" | "failed";
  syncError: string | null;
  providerContactId: string | null;
};

export type ConfirmOutcome =
  | { kind: "confirmed"; subscriber: Subscriber }
  /** The link was used before (a replay): nothing changes. */
  | { kind: "used" }
  | { kind: "expired" }
  /** Not a link we issued (or one replaced by a newer one, or for an address since deleted). */
  | { kind: "forged" };

export type UnsubscribeOutcome = { kind: "unsubscribed"; subscriber: Subscriber } | { kind: "already" };

export type SourceCount = { sourceSlug: string | null; confirmed: number; pending: number };

function text(row: Row, column: string): string | null {
  const value = row[column];
  return value === null || value === undefined ? null : String(value);
}

function toSubscriber(row: Row): Subscriber {
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

export type SubscriberStore = ReturnType<typeof createSubscriberStore>;

export function createSubscriberStore(options: ConnectionOptions) {
  const { withDb, close } = openConnection(options, { name: "the subscriber database", migrate: migrateNewsletter });

  async function byId(db: Client, id: string): Promise<Subscriber | undefined> {
    const row = (await db.execute({ sql: "SELECT * FROM newsletter_subscribers WHERE id = ?", args: [id] })).rows[0];
    return row ? toSubscriber(row) : undefined;
  }

  return {
    /** One real-looking sign-up: refused and counted, unchanged, queued or due (store-admit.ts). */
    admitSubscription(request: SubscriptionRequest) {
      return withDb("store a sign-up", (db) => admitSubscription(db, request));
    },

    /** Queued sign-ups, the only one from its network first, then newest first (store-queue.ts). */
    listQueued(limit = 100) {
      return withDb("list queued sign-ups", (db) => listQueued(db, { limit }));
    },

    /** Takes one sign-up out of the queue when the budgets allow (store-queue.ts). */
    releaseQueued(id: string, options: { now: Date; policy: SignupPolicy; expiresAt: Date }) {
      return withDb("release a queued sign-up", (db) => releaseQueued(db, id, options));
    },

    /** Takes a due confirmation email for one attempt (counts it, locks the row); undefined when not due, expired or taken. */
    claimConfirmation(
      id: string,
      { now, lockedUntil, ignoreSchedule = false }: { now: Date; lockedUntil: Date; ignoreSchedule?: boolean },
    ) {
      return withDb("claim a confirmation email", async (db) => {
        const row = (
          await db.execute({
            sql: `UPDATE newsletter_subscribers SET attempts = attempts + 1, locked_until = :locked_until
                  WHERE id = :id AND status = 'pending' AND confirmation_state IN ('due', 'failed') AND token_expires_at > :now
                    AND (locked_until IS NULL OR locked_until <= :now)
                    AND (:ignore = 1 OR next_attempt_at IS NULL OR next_attempt_at <= :now)
                  RETURNING *`,
            args: {
              id,
              now: now.toISOString(),
              locked_until: lockedUntil.toISOString(),
              ignore: ignoreSchedule ? 1 : 0,
            },
          })
        ).rows[0];
        return row ? toSubscriber(row) : undefined;
      });
    },

    markConfirmationSent(id: string, now: Date) {
      return withDb("record a sent confirmation", async (db) => {
        await db.execute({
          sql: "UPDATE newsletter_subscribers SET confirmation_state = 'sent', confirmation_sent_at = ?, locked_until = NULL, next_attempt_at = NULL, last_error = NULL WHERE id = ?",
          args: [now.toISOString(), id],
        });
      });
    },

    markConfirmationFailed(id: string, { error, nextAttemptAt }: { error: string; nextAttemptAt: Date }) {
      return withDb("record a failed confirmation", async (db) => {
        await db.execute({
          sql: "UPDATE newsletter_subscribers SET confirmation_state = 'failed', last_error = ?, next_attempt_at = ?, locked_until = NULL WHERE id = ? AND confirmation_state != 'sent'",
          args: [error.slice(0, 1_000), nextAttemptAt.toISOString(), id],
        });
      });
    },

    /** Unsent confirmation emails whose link is still valid, oldest first. */
    listDueConfirmations({
      now,
      ignoreSchedule = false,
      limit = 100,
    }: {
      now: Date;
      ignoreSchedule?: boolean;
      limit?: number;
    }) {
      return withDb("list unsent confirmations", async (db) => {
        const result = await db.execute({
          sql: `SELECT id FROM newsletter_subscribers
                WHERE status = 'pending' AND confirmation_state IN ('due', 'failed') AND token_expires_at > :now
                  AND (locked_until IS NULL OR locked_until <= :now)
                  AND (:ignore = 1 OR next_attempt_at IS NULL OR next_attempt_at <= :now)
                ORDER BY created_at LIMIT :limit`,
          args: { now: now.toISOString(), ignore: ignoreSchedule ? 1 : 0, limit },
        });
        return result.rows.map((row) => String(row.id));
      });
    },

    /** What pressing the button of this link would do, without changing anything (the page shown for a GET). */
    peekConfirmation(tokenHash: string, now: Date) {
      return withDb(
        "read a confirmation link",
        async (db): Promise<"ready" | Exclude<ConfirmOutcome["kind"], "confirmed">> => {
          const row = (
            await db.execute({ sql: "SELECT * FROM newsletter_subscribers WHERE token_hash = ?", args: [tokenHash] })
          ).rows[0];
          if (!row) return "forged";
          const subscriber = toSubscriber(row);
          if (subscriber.tokenUsedAt || subscriber.status !== "pending") return "used";
          if (!subscriber.tokenExpiresAt || subscriber.tokenExpiresAt <= now.toISOString()) return "expired";
          return "ready";
        },
      );
    },

    /** Confirms the subscriber whose unused, unexpired link this is; one statement, so a link works once. */
    confirm(tokenHash: string, now: Date) {
      return withDb("confirm a subscription", async (db): Promise<ConfirmOutcome> => {
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
        const known = (
          await db.execute({ sql: "SELECT * FROM newsletter_subscribers WHERE token_hash = ?", args: [tokenHash] })
        ).rows[0];
        if (!known) return { kind: "forged" };
        const subscriber = toSubscriber(known);
        if (subscriber.tokenUsedAt || subscriber.status === "confirmed") return { kind: "used" };
        if (subscriber.status === "pending") return { kind: "expired" };
        return { kind: "used" };
      });
    },

    unsubscribe(id: string, now: Date) {
      return withDb("unsubscribe", async (db): Promise<UnsubscribeOutcome> => {
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
      });
    },

    /** Subscribers whose state in the provider's list is behind ours (confirmed or unsubscribed, not yet synced). */
    listDueSyncs(limit = 100) {
      return withDb("list subscribers to sync", async (db) => {
        const result = await db.execute({
          sql: "SELECT id FROM newsletter_subscribers WHERE sync_state IN ('due', 'failed') ORDER BY created_at LIMIT ?",
          args: [limit],
        });
        return result.rows.map((row) => String(row.id));
      });
    },

    markSynced(
      id: string,
      { status, providerContactId }: { status: SubscriberStatus; providerContactId: string | null },
    ) {
      return withDb("record a synced subscriber", async (db) => {
        // Only if the subscriber did not change meanwhile (an unsubscribe racing a confirmation sync stays due).
        await db.execute({
          sql: "UPDATE newsletter_subscribers SET sync_state = 'synced', sync_error = NULL, provider_contact_id = coalesce(?, provider_contact_id) WHERE id = ? AND status = ?",
          args: [providerContactId, id, status],
        });
      });
    },

    markSyncFailed(id: string, error: string) {
      return withDb("record a failed sync", async (db) => {
        await db.execute({
          sql: "UPDATE newsletter_subscribers SET sync_state = 'failed', sync_error = ? WHERE id = ?",
          args: [error.slice(0, 1_000), id],
        });
      });
    },

    get(id: string) {
      return withDb("read a subscriber", (db) => byId(db, id));
    },

    findByEmail(email: string) {
      return withDb("find a subscriber", async (db) => {
        const row = (
          await db.execute({
            sql: "SELECT * FROM newsletter_subscribers WHERE email_key = ?",
            args: [email.trim().toLowerCase()],
          })
        ).rows[0];
        return row ? toSubscriber(row) : undefined;
      });
    },

    all() {
      return withDb("list subscribers", async (db) =>
        (await db.execute("SELECT * FROM newsletter_subscribers ORDER BY created_at, id")).rows.map(toSubscriber),
      );
    },

    /** Deletes the address for good (a data request); returns what was deleted. */
    deleteByEmail(email: string) {
      return withDb("delete a subscriber", async (db) => {
        const row = (
          await db.execute({
            sql: "DELETE FROM newsletter_subscribers WHERE email_key = ? RETURNING *",
            args: [email.trim().toLowerCase()],
          })
        ).rows[0];
        return row ? toSubscriber(row) : undefined;
      });
    },

    /** Removes sign-ups never confirmed within the retention period, and attempt counters (and counts) older than a day. */
    purgeUnconfirmed({ now, retentionMs }: { now: Date; retentionMs: number }) {
      return withDb("purge unconfirmed sign-ups", async (db) => {
        const result = await db.execute({
          sql: "DELETE FROM newsletter_subscribers WHERE status = 'pending' AND created_at <= ?",
          args: [new Date(now.getTime() - retentionMs).toISOString()],
        });
        const countersBefore = new Date(now.getTime() - NEWSLETTER_POLICY.attemptRetentionMs);
        await db.execute({
          sql: "DELETE FROM newsletter_attempts WHERE at <= ?",
          args: [countersBefore.toISOString()],
        });
        await db.execute({
          sql: "DELETE FROM newsletter_counts WHERE hour < ?",
          args: [`${countersBefore.toISOString().slice(0, 13)}:00`],
        });
        return result.rowsAffected;
      });
    },

    countsBySource() {
      return withDb("count subscribers per source", async (db): Promise<SourceCount[]> => {
        const result = await db.execute(`
          SELECT source_slug, sum(status = 'confirmed') AS confirmed, sum(status = 'pending') AS pending
          FROM newsletter_subscribers GROUP BY source_slug ORDER BY confirmed DESC, pending DESC`);
        return result.rows.map((row) => ({
          sourceSlug: text(row, "source_slug"),
          confirmed: Number(row.confirmed),
          pending: Number(row.pending),
        }));
      });
    },

    countsByStatus() {
      return withDb("count subscribers", async (db) => {
        const counts: Record<SubscriberStatus, number> = { pending: 0, confirmed: 0, unsubscribed: 0 };
        for (const row of (await db.execute("SELECT status, count(*) AS n FROM newsletter_subscribers GROUP BY status"))
          .rows) {
          counts[String(row.status) as SubscriberStatus] = Number(row.n);
        }
        return counts;
      });
    },

    close,
  };
}
