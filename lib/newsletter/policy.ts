import type { LimitRule } from "@/lib/contact/rate-limit";

/**
 * The newsletter's numbers, each with the reason for it. They sit beside the
 * contact form's (lib/contact/rate-limit.ts, lib/contact/spam.ts) and use the
 * same shapes, so they can move into one shared policy module.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const NEWSLETTER_POLICY = {
  /**
   * A confirmation link works for 48 hours: long enough for someone who signs up on a Friday
   * evening to click it after the weekend's first inbox check, short enough that a link found
   * in an old mailbox cannot add an address that stopped caring.
   */
  confirmationTtlMs: 48 * HOUR,
  /**
   * At most one confirmation email per address per 24 hours, whatever is posted: the form
   * cannot be used to flood a stranger's inbox, and a reader who asks twice gets the first
   * link (still valid for 48 h) rather than two competing ones.
   */
  confirmationIntervalMs: DAY,
  /** Unconfirmed sign-ups are deleted after 7 days: the link expired long ago and we keep no address nobody confirmed. */
  unconfirmedRetentionMs: 7 * DAY,
  /**
   * Sign-up attempts per client IP hash (spam and repeats included): a person subscribes once,
   * perhaps corrects a typo; five an hour is plenty and stops one machine cycling addresses.
   */
  perIp: { max: 5, windowMs: HOUR } satisfies LimitRule,
  /**
   * Without a trusted client IP (TRUST_PROXY off) every attempt shares one bucket. Each accepted
   * sign-up can cost one email to a stranger, so the shared bucket is small: 30 an hour is far
   * above this blog's real sign-up rate and caps what a flood can make us send.
   */
  unknownIp: { max: 30, windowMs: HOUR } satisfies LimitRule,
  /**
   * The signed form token (lib/contact/spam.ts), when the page carries one: a single email
   * field is often filled by autofill, so a person can send it a second after the page appears;
   * one second still catches scripts that post the moment they fetch the form.
   */
  minSubmitMs: 1_000,
  /** A form older than a day is a replay (the contact form's rule). */
  maxFormAgeMs: DAY,
  /** Give a confirmation email that failed this long to recover before the retry command sends it again. */
  retryBackoffMs: MINUTE,
  /** How long one delivery attempt keeps a subscriber locked to one sender (longer than a send can take). */
  deliveryLockMs: 2 * MINUTE,
} as const;
