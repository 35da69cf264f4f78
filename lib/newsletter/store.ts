import type { SignupPolicy } from "@/lib/contact/policy";
import { openConnection, type ConnectionOptions } from "@/lib/contact/store-connection";

import { migrateNewsletter } from "./migrations";
import { admitSubscription, type SubscriptionRequest } from "./store-admit";
import * as sql from "./store-queries";
import { listQueued, releaseQueued } from "./store-queue";
import type { SubscriberStatus } from "./store-types";

/**
 * Subscribers, in the same libSQL database as the enquiries (DATABASE_URL).
 * Every decision that must hold across instances — the 24-hour cap on
 * confirmation emails, single use of a link, the shared policy's limits — is
 * one atomic SQL statement or one write transaction, like the enquiry store's.
 *
 * store-types.ts holds what it stores, store-admit.ts how a sign-up is admitted
 * (or counted), store-queue.ts the queue of confirmations sent later, and
 * store-queries.ts the rest of the SQL.
 */

export type * from "./store-types";
export type { QueueReason, RefusalReason, SubscriptionOutcome, SubscriptionRequest } from "./store-admit";
export type { ReleaseOutcome } from "./store-queue";

export type SubscriberStore = ReturnType<typeof createSubscriberStore>;

export function createSubscriberStore(options: ConnectionOptions) {
  const { withDb, close } = openConnection(options, { name: "the subscriber database", migrate: migrateNewsletter });
  return {
    /** One real-looking sign-up: refused and counted, unchanged, queued or due (store-admit.ts). */
    admitSubscription: (request: SubscriptionRequest) =>
      withDb("store a sign-up", (db) => admitSubscription(db, request)),
    /** Queued sign-ups, the only one from its network first, then newest first (store-queue.ts). */
    listQueued: (limit = 100) => withDb("list queued sign-ups", (db) => listQueued(db, { limit })),
    /** Takes one sign-up out of the queue when the budgets allow (store-queue.ts). */
    releaseQueued: (id: string, options: { now: Date; policy: SignupPolicy; expiresAt: Date }) =>
      withDb("release a queued sign-up", (db) => releaseQueued(db, id, options)),
    /** Takes a due confirmation email for one attempt (counts it, locks the row); undefined when not due, expired or taken. */
    claimConfirmation: (id: string, options: { now: Date; lockedUntil: Date; ignoreSchedule?: boolean }) =>
      withDb("claim a confirmation email", (db) => sql.claimConfirmation(db, id, options)),
    markConfirmationSent: (id: string, now: Date) =>
      withDb("record a sent confirmation", (db) => sql.markConfirmationSent(db, id, now)),
    markConfirmationFailed: (id: string, outcome: { error: string; nextAttemptAt: Date }) =>
      withDb("record a failed confirmation", (db) => sql.markConfirmationFailed(db, id, outcome)),
    /** Unsent confirmation emails whose link is still valid, oldest first. */
    listDueConfirmations: (options: { now: Date; ignoreSchedule?: boolean; limit?: number }) =>
      withDb("list unsent confirmations", (db) => sql.listDueConfirmations(db, options)),
    /** What pressing the button of this link would do, without changing anything (the page shown for a GET). */
    peekConfirmation: (tokenHash: string, now: Date) =>
      withDb("read a confirmation link", (db) => sql.peekConfirmation(db, tokenHash, now)),
    /** Confirms the subscriber whose unused, unexpired link this is; one statement, so a link works once. */
    confirm: (tokenHash: string, now: Date) =>
      withDb("confirm a subscription", (db) => sql.confirm(db, tokenHash, now)),
    unsubscribe: (id: string, now: Date) => withDb("unsubscribe", (db) => sql.unsubscribe(db, id, now)),
    /** Subscribers whose state in the provider's list is behind ours (confirmed or unsubscribed, not yet synced). */
    listDueSyncs: (limit = 100) => withDb("list subscribers to sync", (db) => sql.listDueSyncs(db, limit)),
    markSynced: (id: string, state: { status: SubscriberStatus; providerContactId: string | null }) =>
      withDb("record a synced subscriber", (db) => sql.markSynced(db, id, state)),
    markSyncFailed: (id: string, error: string) =>
      withDb("record a failed sync", (db) => sql.markSyncFailed(db, id, error)),
    get: (id: string) => withDb("read a subscriber", (db) => sql.getSubscriber(db, id)),
    findByEmail: (email: string) => withDb("find a subscriber", (db) => sql.findByEmail(db, email)),
    all: () => withDb("list subscribers", (db) => sql.allSubscribers(db)),
    /** Deletes the address for good (a data request); returns what was deleted. */
    deleteByEmail: (email: string) => withDb("delete a subscriber", (db) => sql.deleteByEmail(db, email)),
    /** Removes sign-ups never confirmed within the retention period, and attempt counters (and counts) older than a day. */
    purgeUnconfirmed: (options: { now: Date; retentionMs: number }) =>
      withDb("purge unconfirmed sign-ups", (db) => sql.purgeUnconfirmed(db, options)),
    countsBySource: () => withDb("count subscribers per source", (db) => sql.countsBySource(db)),
    countsByStatus: () => withDb("count subscribers", (db) => sql.countsByStatus(db)),
    close,
  };
}
