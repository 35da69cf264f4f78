import type { HeldReason, Policy } from "./policy";

/** The enquiry store's records and operations (store.ts builds it; store-queries.ts holds the SQL). */

export type EnquiryStatus = "pending" | "sent" | "failed" | "spam" | "held";

export type EnquiryRecord = {
  id: string;
  createdAt: string;
  name: string;
  email: string;
  company: string | null;
  topic: string;
  /** The optional qualifying answers (values from lib/site.ts), null when not answered. */
  teamSize: string | null;
  timeline: string | null;
  helpKind: string | null;
  message: string;
  sourceSlug: string | null;
  ipHash: string | null;
  userAgent: string | null;
  status: EnquiryStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  nextAttemptAt: string | null;
  lockedUntil: string | null;
  ackSentAt: string | null;
  providerMessageId: string | null;
  heldReason: string | null;
  /** The scheduling provider whose link the prospect was offered (lib/bookings/link.ts), null when none was. */
  bookingLink: string | null;
  bookingStatus: BookingStatus | null;
  bookingUid: string | null;
  bookingChangedAt: string | null;
  /** The signs of a person known on arrival (held-rank.ts), a bit mask; null for rows stored before they were kept. */
  signals: number | null;
  /** How long the form was open before it was sent (from its signed render time), null when unknown. */
  formAgeMs: number | null;
};

/** A held enquiry in the author's review, with its rank (held-rank.ts: alone × 16 + signals). */
export type RankedHeld = EnquiryRecord & { rank: number; digestedAt: string | null };

/** Held enquiries counted instead of stored, per reason, and how many networks they came from. */
export type HeldCount = { reason: string; count: number; networks: number };

export type BookingStatus = "booked" | "cancelled";

export type NewEnquiry = Pick<
  EnquiryRecord,
  "id" | "name" | "email" | "company" | "topic" | "message" | "sourceSlug" | "ipHash" | "userAgent"
> &
  Partial<Pick<EnquiryRecord, "teamSize" | "timeline" | "helpKind" | "bookingLink" | "signals" | "formAgeMs">> & {
    createdAt: Date;
    /**
     * `pending`: the policy decides emailed now or held. `review`: held for the author whatever the limits say (a
     * person's form whose token expired). `spam` rows are kept for review (up to the policy's sample) but never
     * emailed; `lastError` then says why.
     */
    status: "pending" | "review" | "spam";
    /** Why a `review` enquiry is held. */
    reviewReason?: HeldReason;
    lastError?: string | null;
    /** The IPv6 /48 bucket's hash (null for IPv4 or an unknown client). */
    networkHash?: string | null;
    /** The normalised address (policy.ts), for the per-mailbox count. Defaults to the address lower-cased. */
    addressKey?: string;
    /** A digest of the form token: one token carries one real enquiry. */
    tokenId?: string | null;
  };

export type CreateOutcome =
  /** Stored: `pending` (emailed now), `held` (stored, waits for the author) or `spam` (kept for review). */
  | { kind: "created"; id: string; status: "pending" | "held" | "spam"; heldReason?: HeldReason; spamReason?: string }
  /** The same person sent the same message moments ago (double click, resubmitted page): nothing new is stored. */
  | { kind: "duplicate"; id: string }
  /**
   * Counted by reason, not stored verbatim: spam beyond the policy's stored sample, or a held enquiry beyond its
   * network's allowance or the site-wide cap.
   */
  | { kind: "counted"; spamReason?: string; heldReason?: HeldReason };

export type SourceSummary = {
  sourceSlug: string | null;
  enquiries: number;
  sent: number;
  unsent: number;
  lastAt: string;
};

export type SpamCount = { reason: string; count: number };

export type PurgeSummary = { real: number; spam: number; spamCounts: number };

export interface EnquiryStore {
  /**
   * Stores the enquiry (unless it repeats one just stored). A real-looking one is always stored: the policy
   * only decides whether it is `pending` (emailed now) or `held`. Spam is stored up to the policy's sample,
   * then counted. A token that already carried a stored enquiry turns a different one into spam.
   */
  create(enquiry: NewEnquiry, policy?: Policy): Promise<CreateOutcome>;
  get(id: string): Promise<EnquiryRecord | undefined>;
  /**
   * Takes the enquiry for one delivery attempt: counts the attempt and locks it
   * until `lockedUntil`, so a retry job and the request that stored it never
   * send at the same time. Undefined when it is sent, spam, held, locked or not due.
   */
  claimForDelivery(
    id: string,
    options: { now: Date; lockedUntil: Date; ignoreSchedule?: boolean },
  ): Promise<EnquiryRecord | undefined>;
  markSent(id: string, options: { now: Date; providerMessageId: string | null }): Promise<void>;
  markFailed(id: string, options: { error: string; nextAttemptAt: Date }): Promise<void>;
  /** Ids of unsent (pending or failed) enquiries that are due, oldest first. */
  listDue(options: { now: Date; ignoreSchedule?: boolean; limit?: number }): Promise<string[]>;
  /**
   * Claims the single acknowledgement a mailbox may receive per window, within the site-wide budget of
   * emails to typed addresses; false when either says no.
   */
  claimAcknowledgement(id: string, options: { now: Date; windowMs: number; policy?: Policy }): Promise<boolean>;
  releaseAcknowledgement(id: string): Promise<void>;
  recent(limit: number, options?: { status?: EnquiryStatus }): Promise<EnquiryRecord[]>;
  countsBySource(): Promise<SourceSummary[]>;
  countsByStatus(): Promise<Record<EnquiryStatus, number>>;
  /** Spam per reason since `since`: the stored sample and the counted rest together. */
  spamCounts(since: Date): Promise<SpamCount[]>;
  /** Held enquiries, likely-real first, newest first within a rank (held-rank.ts). */
  heldRanked(limit: number): Promise<RankedHeld[]>;
  /** How many held enquiries are stored, and how many of them no digest has listed yet. */
  heldTotals(): Promise<{ held: number; notDigested: number }>;
  /** Held enquiries counted instead of stored since `since`, per reason. */
  heldCounts(since: Date): Promise<HeldCount[]>;
  /** Claims the right to send the held digest now: true at most once per `everyMs`, across instances. */
  claimDigest(options: { now: Date; everyMs: number }): Promise<boolean>;
  /** Gives the slot back after a digest that could not be sent. */
  releaseDigest(options: { previous: string | null }): Promise<void>;
  lastDigestAt(): Promise<string | null>;
  markDigested(ids: string[], now: Date): Promise<void>;
  /** Held or spam → pending, due now (the author decided it is real). Undefined when there is no such row. */
  release(id: string, now: Date): Promise<EnquiryRecord | undefined>;
  /** Held, pending or failed → spam (the author decided it is not real). */
  markSpam(id: string): Promise<EnquiryRecord | undefined>;
  /** Deletes real enquiries older than `realDays` and spam (rows and counts, held counts too) older than `spamDays`. */
  purge(options: { now: Date; realDays: number; spamDays: number }): Promise<PurgeSummary>;
  /** A value every instance shares: the stored one, or `create()` stored now if there was none. */
  sharedSetting(key: string, create: () => string): Promise<string>;
  /** Marks the matching enquiry booked (or back) for a scheduling provider's event, once per event. */
  applyBookingEvent(event: BookingEvent): Promise<BookingOutcome>;
  /** Real enquiries and booked calls per source article and month. */
  funnelCounts(): Promise<FunnelCount[]>;
  close(): void;
}

/** A scheduling provider's event (lib/bookings/webhook.ts), applied by lib/contact/store-bookings.ts. */
export type BookingEvent = {
  trigger: "BOOKING_CREATED" | "BOOKING_RESCHEDULED" | "BOOKING_CANCELLED";
  bookingUid: string;
  /** BOOKING_RESCHEDULED: the uid of the booking it replaces (Cal.com's `rescheduleUid`); the new uid inherits it. */
  previousUid?: string;
  /** The id the booking link carried (Cal.com metadata), if any; tried before the address. */
  enquiryId?: string;
  /**
   * The address of the person who booked (the first attendee): an enquiry is matched by address only for them,
   * never for guests they added, since anyone can book and add anyone's address.
   */
  primaryEmail?: string;
  at: Date;
};

export type BookingOutcome =
  /** The enquiry's booking changed (`status` is the new state). */
  | { kind: "applied"; enquiryId: string; status: BookingStatus }
  /** Matched, but nothing to change (a cancellation of a booking that is not the enquiry's current one). */
  | { kind: "unchanged"; enquiryId: string }
  /** No real enquiry has that id or address: recorded, so a retry is not looked up again. */
  | { kind: "unmatched" }
  /** This event was seen before (a provider's retry or a replay): nothing changes twice. */
  | { kind: "replay" };

/** The funnel per source article and month (UTC): real enquiries, and those with a call booked now. */
export type FunnelCount = { sourceSlug: string | null; month: string; enquiries: number; booked: number };
