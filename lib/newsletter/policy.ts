/**
 * The newsletter's own rules: how long a link lives, how long an unconfirmed
 * address is kept, how a failed email is retried. The abuse limits of the
 * sign-up form (per client, per network, per mailbox, the hourly email budget,
 * one confirmation per mailbox a day, the form token's minimum age) are the
 * contact form's, in the one shared policy: `policyFor("signup")` in
 * lib/contact/policy.ts.
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
  /** Unconfirmed sign-ups are deleted after 7 days: the link expired long ago and we keep no address nobody confirmed. */
  unconfirmedRetentionMs: 7 * DAY,
  /** Sign-up counters older than this are deleted: the longest window of the sign-up policy is a day. */
  attemptRetentionMs: DAY,
  /** Give a confirmation email that failed this long to recover before the retry command sends it again. */
  retryBackoffMs: MINUTE,
  /** How long one delivery attempt keeps a subscriber locked to one sender (longer than a send can take). */
  deliveryLockMs: 2 * MINUTE,
} as const;
