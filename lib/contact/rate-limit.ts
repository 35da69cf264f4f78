/**
 * Sliding-window rate limits, counted from the enquiries in the store (not in
 * memory), so they hold across restarts and across server instances. The
 * store applies them inside the write transaction that inserts the enquiry.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type LimitRule = { max: number; windowMs: number };

export const RATE_LIMITS = {
  /** Per client IP hash: any submission, spam included, counts. */
  perIp: { max: 5, windowMs: HOUR },
  /**
   * When the client IP is unknown (TRUST_PROXY is off), every submission
   * shares one bucket: generous enough for real prospects, low enough that
   * a flood cannot fill the database.
   */
  unknownIp: { max: 30, windowMs: HOUR },
  /** Per email address (case-insensitive): enquiries that were not spam. */
  perEmail: { max: 3, windowMs: DAY },
} as const satisfies Record<string, LimitRule>;

export type LimitCheck = { allowed: true } | { allowed: false; retryAt: Date };

/** The start of the window that ends now: only entries after it count. */
export function windowStart(now: Date, rule: LimitRule): Date {
  return new Date(now.getTime() - rule.windowMs);
}

/**
 * Whether one more entry fits, given the times of earlier ones. When it does
 * not, `retryAt` is the moment enough of them leave the window.
 */
export function checkLimit(times: readonly Date[], now: Date, rule: LimitRule): LimitCheck {
  const start = windowStart(now, rule).getTime();
  const inWindow = times
    .map((time) => time.getTime())
    .filter((time) => time > start)
    .sort((a, b) => a - b);
  if (inWindow.length < rule.max) return { allowed: true };
  const freesUp = inWindow[inWindow.length - rule.max]!;
  return { allowed: false, retryAt: new Date(freesUp + rule.windowMs) };
}

/** "in about 40 minutes", "in about 3 hours": wording that needs no time zone. */
export function describeWait(retryAt: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / MINUTE));
  if (minutes < 2) return "in a minute";
  if (minutes < 60) return `in about ${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return hours <= 1 ? "in about an hour" : `in about ${hours} hours`;
}
