import { describe, expect, it } from "vitest";

import {
  arrivalSignals,
  describeRank,
  HUMAN_MIN_MS,
  MIN_INPUT_EVENTS,
  scriptRan,
  SIGNAL,
  signalsOf,
} from "@/lib/contact/held-rank";

describe("the held review's signals", () => {
  it("reads the page script's field only when it saw a person type", () => {
    expect(scriptRan(`js:${MIN_INPUT_EVENTS}`)).toBe(true);
    expect(scriptRan("js:143")).toBe(true);
    expect(scriptRan(`js:${MIN_INPUT_EVENTS - 1}`)).toBe(false);
    for (const value of ["", "js:", "js:abc", "JS:12", "js:12 ", "js:1234567", undefined, null, 12])
      expect(scriptRan(value), String(value)).toBe(false);
  });

  it("stores a person's timing, the script, qualifying answers and a source as bits", () => {
    expect(arrivalSignals({ formAgeMs: HUMAN_MIN_MS, scriptRan: true, qualifying: true, source: true })).toBe(
      SIGNAL.humanTiming | SIGNAL.scriptRan | SIGNAL.qualifying | SIGNAL.source,
    );
    expect(arrivalSignals({ formAgeMs: HUMAN_MIN_MS - 1, scriptRan: false, qualifying: false, source: false })).toBe(0);
    // A page left open for a day is a person's timing too.
    expect(arrivalSignals({ formAgeMs: 25 * 3_600_000, scriptRan: false, qualifying: false, source: false })).toBe(
      SIGNAL.humanTiming,
    );
    expect(arrivalSignals({ formAgeMs: null, scriptRan: false, qualifying: true, source: false })).toBe(
      SIGNAL.qualifying,
    );
  });

  it("weighs being alone in its network above every other signal together", () => {
    const everythingButAlone = SIGNAL.humanTiming | SIGNAL.scriptRan | SIGNAL.qualifying | SIGNAL.source;
    expect(SIGNAL.alone).toBeGreaterThan(everythingButAlone);
    expect(SIGNAL.humanTiming).toBeGreaterThan(SIGNAL.scriptRan | SIGNAL.qualifying | SIGNAL.source);
    expect(signalsOf(SIGNAL.alone | SIGNAL.source)).toEqual(["alone", "source"]);
  });

  it("says the signs in words, in order of weight", () => {
    expect(describeRank(SIGNAL.alone | SIGNAL.humanTiming)).toBe(
      "the only sender from its network · a person's timing",
    );
    expect(describeRank(0)).toBe("no sign of a person");
  });
});
