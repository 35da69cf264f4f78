import type { Client } from "@libsql/client";

import { normaliseAddress } from "./address";
import { countedInFunnelSql } from "./held-rank";
import type { BookingEvent, BookingOutcome, FunnelCount } from "./store-types";

/**
 * The enquiry store's booking SQL: a scheduling provider's event (lib/bookings/webhook.ts) marks the enquiry it
 * belongs to as booked, or back, exactly once per event, and the funnel counts what came of each source article.
 */

/** An enquiry is matched by the booker's address only if it arrived within this many days of the booking. */
export const MATCH_BY_EMAIL_DAYS = 30;

const REAL = "status != 'spam'";

export async function applyBookingEvent(db: Client, event: BookingEvent): Promise<BookingOutcome> {
  const key = `${event.trigger}:${event.bookingUid}`;
  const tx = await db.transaction("write");
  try {
    const seen = await tx.execute({ sql: "SELECT 1 FROM booking_events WHERE event_key = ?", args: [key] });
    if (seen.rows.length > 0) return { kind: "replay" };

    let enquiryId: string | undefined;
    const previousUid = event.trigger === "BOOKING_RESCHEDULED" ? event.previousUid : event.bookingUid;
    if (event.trigger !== "BOOKING_CREATED" && previousUid) {
      // A cancellation names the booking, a reschedule the booking it replaces: the enquiry it booked, whatever
      // the attendee's address is now.
      const booked = await tx.execute({
        sql: `SELECT id FROM enquiries WHERE booking_uid = ? AND ${REAL} LIMIT 1`,
        args: [previousUid],
      });
      enquiryId = booked.rows[0] ? String(booked.rows[0].id) : undefined;
    }
    if (!enquiryId && event.enquiryId) {
      const byId = await tx.execute({
        sql: `SELECT id FROM enquiries WHERE id = ? AND ${REAL}`,
        args: [event.enquiryId],
      });
      enquiryId = byId.rows[0] ? String(byId.rows[0].id) : undefined;
    }
    if (!enquiryId && event.primaryEmail) {
      // The latest real enquiry from the booker within the window: the one the booking most likely follows.
      const byEmail = await tx.execute({
        sql: `SELECT id FROM enquiries WHERE address_key = ? AND ${REAL} AND created_at > ?
              ORDER BY created_at DESC LIMIT 1`,
        args: [
          normaliseAddress(event.primaryEmail),
          new Date(event.at.getTime() - MATCH_BY_EMAIL_DAYS * 24 * 60 * 60_000).toISOString(),
        ],
      });
      enquiryId = byEmail.rows[0] ? String(byEmail.rows[0].id) : undefined;
    }

    let outcome: BookingOutcome = { kind: "unmatched" };
    if (enquiryId) {
      const at = event.at.toISOString();
      const changed =
        event.trigger !== "BOOKING_CANCELLED"
          ? await tx.execute({
              sql: "UPDATE enquiries SET booking_status = 'booked', booking_uid = ?, booking_changed_at = ? WHERE id = ?",
              args: [event.bookingUid, at, enquiryId],
            })
          : await tx.execute({
              sql: `UPDATE enquiries SET booking_status = 'cancelled', booking_changed_at = ?
                    WHERE id = ? AND booking_uid = ? AND booking_status = 'booked'`,
              args: [at, enquiryId, event.bookingUid],
            });
      outcome =
        changed.rowsAffected === 1
          ? { kind: "applied", enquiryId, status: event.trigger === "BOOKING_CANCELLED" ? "cancelled" : "booked" }
          : { kind: "unchanged", enquiryId };
    }
    await tx.execute({
      sql: "INSERT INTO booking_events (event_key, trigger, booking_uid, enquiry_id, received_at) VALUES (?, ?, ?, ?, ?)",
      args: [key, event.trigger, event.bookingUid, enquiryId ?? null, event.at.toISOString()],
    });
    await tx.commit();
    return outcome;
  } finally {
    tx.close();
  }
}

export async function funnelCounts(db: Client): Promise<FunnelCount[]> {
  const result = await db.execute(`
    SELECT source_slug, substr(created_at, 1, 7) AS month, count(*) AS enquiries,
           sum(booking_status = 'booked') AS booked
    FROM enquiries AS e WHERE ${countedInFunnelSql("e")}
    GROUP BY source_slug, month
    ORDER BY month DESC, enquiries DESC`);
  return result.rows.map((row) => ({
    sourceSlug: row.source_slug === null ? null : String(row.source_slug),
    month: String(row.month),
    enquiries: Number(row.enquiries),
    booked: Number(row.booked),
  }));
}
