import { policyFor } from "./policy";
import { migrate } from "./migrations";
import { openConnection, type ConnectionOptions } from "./store-connection";
import * as bookings from "./store-bookings";
import * as held from "./store-held";
import { insertEnquiry } from "./store-insert";
import * as sql from "./store-queries";
import type { EnquiryStore } from "./store-types";

/**
 * The enquiry store: libSQL (a local SQLite file by default, any libSQL/Turso
 * URL in production). Every enquiry is written here before any email is
 * attempted, so a failing provider never loses one.
 *
 * store-types.ts holds what it stores and offers, store-connection.ts the
 * connection and its lock retry, store-insert.ts how an enquiry is stored (or
 * counted), store-held.ts the held review, store-queries.ts the rest of the SQL.
 */

export { describeDatabaseUrl, StoreUnavailableError } from "./store-connection";
export type * from "./store-types";

export function createEnquiryStore(options: ConnectionOptions): EnquiryStore {
  const { withDb, serialised, close } = openConnection(options, { name: "the enquiry database", migrate });
  return {
    create(enquiry, policy = policyFor("enquiry")) {
      // Counting and inserting are serialised within this process, so a burst cannot slip past a limit between
      // the count and the insert. Across instances the counts may overshoot by one per instance; the token and
      // duplicate rules are enforced by the database itself and hold everywhere.
      return serialised(() => withDb("store the enquiry", (db) => insertEnquiry(db, enquiry, policy)));
    },
    get: (id) => withDb("read an enquiry", (db) => sql.getEnquiry(db, id)),
    claimForDelivery: (id, options) =>
      withDb("claim an enquiry for delivery", (db) => sql.claimForDelivery(db, id, options)),
    markSent: (id, options) => withDb("mark an enquiry as sent", (db) => sql.markSent(db, id, options)),
    markFailed: (id, options) => withDb("record a failed delivery", (db) => sql.markFailed(db, id, options)),
    listDue: (options) => withDb("list unsent enquiries", (db) => sql.listDue(db, options)),
    claimAcknowledgement: (id, { now, windowMs, policy = policyFor("enquiry") }) =>
      withDb("claim an acknowledgement", (db) => sql.claimAcknowledgement(db, id, { now, windowMs, policy })),
    releaseAcknowledgement: (id) => withDb("release an acknowledgement", (db) => sql.releaseAcknowledgement(db, id)),
    recent: (limit, { status } = {}) => withDb("list recent enquiries", (db) => sql.recent(db, limit, status)),
    countsBySource: () => withDb("count enquiries per source", (db) => sql.countsBySource(db)),
    countsByStatus: () => withDb("count enquiries", (db) => sql.countsByStatus(db)),
    spamCounts: (from) => withDb("count spam", (db) => sql.spamCounts(db, from)),
    heldRanked: (limit) => withDb("list held enquiries", (db) => held.heldRanked(db, limit)),
    heldTotals: () => withDb("count held enquiries", (db) => held.heldTotals(db)),
    heldCounts: (from) => withDb("count held enquiries not stored", (db) => held.heldCounts(db, from)),
    claimDigest: (options) => withDb("claim the held digest", (db) => sql.claimDigest(db, options)),
    releaseDigest: ({ previous }) => withDb("release the held digest", (db) => sql.releaseDigest(db, previous)),
    lastDigestAt: () => withDb("read the held digest time", (db) => sql.lastDigestAt(db)),
    markDigested: (ids, now) => withDb("mark held enquiries as reported", (db) => sql.markDigested(db, ids, now)),
    release: (id, now) => withDb("release an enquiry", (db) => sql.release(db, id, now)),
    markSpam: (id) => withDb("mark an enquiry as spam", (db) => sql.markSpam(db, id)),
    purge: (options) => withDb("delete old enquiries", (db) => sql.purge(db, options)),
    sharedSetting: (key, create) => withDb("read a shared setting", (db) => sql.sharedSetting(db, key, create)),
    applyBookingEvent: (event) =>
      serialised(() => withDb("record a booking", (db) => bookings.applyBookingEvent(db, event))),
    funnelCounts: () => withDb("count the funnel", (db) => bookings.funnelCounts(db)),
    close,
  };
}
