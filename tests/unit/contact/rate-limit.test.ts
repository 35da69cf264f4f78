import { describe, expect, it } from "vitest";

import { checkLimit, describeWait, RATE_LIMITS, windowStart } from "@/lib/contact/rate-limit";

const now = new Date("2025-11-03T12:00:00.000Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const hoursAgo = (hours: number) => minutesAgo(hours * 60);

describe("rate limits", () => {
  it("are 5 an hour per IP and 3 a day per email", () => {
    expect(RATE_LIMITS.perIp).toEqual({ max: 5, windowMs: 60 * 60_000 });
    expect(RATE_LIMITS.perEmail).toEqual({ max: 3, windowMs: 24 * 60 * 60_000 });
  });

  it("per IP: allows the 5th submission in an hour and refuses the 6th until the oldest leaves the window", () => {
    const four = [minutesAgo(50), minutesAgo(40), minutesAgo(30), minutesAgo(1)];
    expect(checkLimit(four, now, RATE_LIMITS.perIp)).toEqual({ allowed: true });
    const five = [...four, minutesAgo(0)];
    expect(checkLimit(five, now, RATE_LIMITS.perIp)).toEqual({ allowed: false, retryAt: new Date(minutesAgo(50).getTime() + 60 * 60_000) });
  });

  it("only counts entries inside the sliding window (the boundary itself is outside)", () => {
    const old = [hoursAgo(1), minutesAgo(61), minutesAgo(90), minutesAgo(59), minutesAgo(2)];
    expect(checkLimit(old, now, RATE_LIMITS.perIp)).toEqual({ allowed: true });
    expect(windowStart(now, RATE_LIMITS.perIp)).toEqual(hoursAgo(1));
  });

  it("per email: 3 a day, a 4th waits until the first is 24 hours old", () => {
    const three = [hoursAgo(23), hoursAgo(5), hoursAgo(1)];
    expect(checkLimit(three.slice(0, 2), now, RATE_LIMITS.perEmail)).toEqual({ allowed: true });
    expect(checkLimit(three, now, RATE_LIMITS.perEmail)).toEqual({ allowed: false, retryAt: new Date(hoursAgo(23).getTime() + 24 * 3_600_000) });
    expect(checkLimit([hoursAgo(25), hoursAgo(5), hoursAgo(1)], now, RATE_LIMITS.perEmail)).toEqual({ allowed: true });
  });

  it("with more entries than the limit, waits until enough of them have left (unsorted input)", () => {
    const seven = [minutesAgo(10), minutesAgo(55), minutesAgo(5), minutesAgo(45), minutesAgo(50), minutesAgo(20), minutesAgo(1)];
    // Sorted: 55, 50, 45, 20, 10, 5, 1 minutes ago; below 5 again once the 45-minutes-ago entry expires.
    expect(checkLimit(seven, now, RATE_LIMITS.perIp)).toEqual({ allowed: false, retryAt: new Date(minutesAgo(45).getTime() + 3_600_000) });
  });

  it("describes the wait without a time zone", () => {
    expect(describeWait(new Date(now.getTime() + 30_000), now)).toBe("in a minute");
    expect(describeWait(new Date(now.getTime() + 10 * 60_000), now)).toBe("in about 10 minutes");
    expect(describeWait(new Date(now.getTime() + 59 * 60_000 + 1), now)).toBe("in about an hour");
    expect(describeWait(new Date(now.getTime() + 5 * 3_600_000), now)).toBe("in about 5 hours");
    expect(describeWait(new Date(now.getTime() + 23 * 3_600_000), now)).toBe("in about 23 hours");
  });
});
