import { afterEach, describe, expect, it } from "vitest";

import { sendHeldDigest } from "@/lib/contact/digest";
import { FORM_SCRIPT_FIELD } from "@/lib/contact/fields";
import { loadHeldReview } from "@/lib/contact/held-review";
import { HELD_REASONS, policyFor } from "@/lib/contact/policy";
import { HONEYPOT_FIELD } from "@/lib/contact/spam";

import { createHarness, type Harness } from "./harness";

/**
 * A flood from many networks against the enquiry funnel (the red-team cases of the flood issue): the held queue is
 * bounded per network and site-wide, ranks likely-real first, and nobody real is dropped as spam.
 */

const HOUR = 60 * 60_000;
let harness: Harness;

afterEach(async () => {
  await harness?.close();
});

/** Spends the owner emails with two enquiries, so everything real after it is held. */
async function tightBudget(h: Harness): Promise<void> {
  h.deps.policy = { ...policyFor("enquiry"), ownerEmails: { max: 2, windowMs: HOUR } };
  for (const index of [1, 2])
    await h.submit(h.submission({ email: `early${index}@example.com` }), { ip: `198.18.${index}.1` });
}

/** A believable flood: one network (one /24), every signal a bot can fake, each on its own form. */
async function flood(h: Harness, count: number, network = "203.0.113") {
  const answers = [];
  for (let index = 0; index < count; index += 1) {
    answers.push(
      await h.submit(
        h.submission({
          email: `lead${index}@bulk.example`,
          teamSize: "40-100",
          timeline: "now",
          helpKind: "review",
          [FORM_SCRIPT_FIELD]: "js:57",
        }),
        { ip: `${network}.${1 + (index % 20)}` },
      ),
    );
    h.advance(1_000);
  }
  return answers;
}

describe("the held queue under a flood", () => {
  it("stores a network's held enquiries up to its allowance and counts the rest, telling those senders plainly", async () => {
    harness = await createHarness();
    await tightBudget(harness);
    const policy = policyFor("enquiry");
    const answers = await flood(harness, 30);
    expect(answers.slice(0, policy.heldRowsPerNetwork.max).every((state) => state.status === "success")).toBe(true);
    const counted = answers.slice(policy.heldRowsPerNetwork.max);
    for (const state of counted) {
      expect(state.status).toBe("error");
      expect(state.message).toContain("could not be saved");
      // Nothing typed is lost: the values come back, with a mailto link that carries the message to the author.
      expect(state.values.email).toMatch(/@bulk\.example$/);
      expect(state.fallbackMailto).toMatch(/^mailto:hello@steadystate\.example\?subject=/);
    }
    expect(await harness.store.countsByStatus()).toMatchObject({ held: policy.heldRowsPerNetwork.max });
    const review = await loadHeldReview(harness.store, { limit: 50, now: harness.now() });
    expect(review.counted.reduce((sum, entry) => sum + entry.count, 0)).toBe(30 - policy.heldRowsPerNetwork.max);
    // Another network is not affected by this one's allowance.
    expect(
      (await harness.submit(harness.submission({ email: "other@example.org" }), { ip: "198.51.100.7" })).status,
    ).toBe("success");
    expect((await harness.store.countsByStatus()).held).toBe(policy.heldRowsPerNetwork.max + 1);
  });

  it("bounds held rows site-wide: past the cap a held enquiry is counted and its sender told so", async () => {
    harness = await createHarness();
    await tightBudget(harness);
    harness.deps.policy = { ...harness.deps.policy!, heldRows: { max: 3, windowMs: 24 * HOUR } };
    const states = [];
    for (let index = 0; index < 5; index += 1)
      states.push(
        await harness.submit(harness.submission({ email: `n${index}@example.net` }), { ip: `198.19.${index}.9` }),
      );
    expect(states.map((state) => state.status)).toEqual(["success", "success", "success", "error", "error"]);
    expect((await harness.store.countsByStatus()).held).toBe(3);
  });

  it("ranks the only sender from its network above a flood that fakes every other signal; newest first within a rank", async () => {
    harness = await createHarness();
    await tightBudget(harness);
    await flood(harness, 8);
    // A real person with nothing optional: no source, no qualifying answers, no script, a quick first message.
    await harness.submit(
      harness.submission({ email: "quiet@person.example", source: "", formToken: harness.token(5_000) }),
      {
        ip: "192.0.2.44",
      },
    );
    harness.advance(60_000);
    await harness.submit(harness.submission({ email: "keen@person.example", [FORM_SCRIPT_FIELD]: "js:80" }), {
      ip: "198.51.100.200",
    });
    const review = await loadHeldReview(harness.store, { limit: 20, now: harness.now() });
    expect(review.entries.slice(0, 2).map((entry) => entry.email)).toEqual([
      "keen@person.example",
      "quiet@person.example",
    ]);
    expect(review.entries[0]!.signs).toContain("the only sender from its network");
    expect(review.entries[1]!.signs).toBe("the only sender from its network");
    // The flood follows, newest first, each showing the signals it faked but not being alone.
    const floodRows = review.entries.slice(2);
    expect(floodRows).toHaveLength(8);
    expect(floodRows.map((entry) => entry.createdAt)).toEqual(
      [...floodRows.map((entry) => entry.createdAt)].sort().reverse(),
    );
    expect(floodRows[0]!.signs).not.toContain("only sender");
    expect(floodRows[0]!.signs).toContain("typed in the page");
  });

  it("the digest lists the ranked review, and --send-digest sends it within the hour; the funnel leaves the flood out", async () => {
    harness = await createHarness();
    await tightBudget(harness);
    await flood(harness, 12);
    await harness.settle(); // the automatic digest for the flood goes out now
    const first = harness.fake.deliveries.filter((d) => d.subject.includes("held"));
    expect(first).toHaveLength(1);
    await harness.submit(harness.submission({ email: "prospect@real.example" }), { ip: "192.0.2.10" });
    await harness.settle();
    // Within the hour the automatic digest waits…
    expect(harness.fake.deliveries.filter((d) => d.subject.includes("held"))).toHaveLength(1);
    // …and the author's --send-digest sends it now, the prospect first.
    harness.advance(60_000);
    expect(await sendHeldDigest(harness.deps, { force: true })).toMatchObject({ status: "sent", held: 11 });
    const digest = harness.fake.deliveries.filter((d) => d.subject.includes("held")).at(-1)!;
    expect(digest.subject).toMatch(/^11 held enquiries waiting \(1 new\)/);
    const listed = [...(digest.text ?? "").matchAll(/<([^<>\s]+@[^<>\s]+)>/g)].map((m) => m[1]);
    expect(listed[0]).toBe("prospect@real.example");
    expect(digest.text).toContain("counted, not stored");
    // The funnel counts the two emailed and the prospect held alone in its network, not the flood.
    const [source] = await harness.store.countsBySource();
    expect(source?.enquiries).toBe(3);
  });
});

describe("nobody real is dropped as spam", () => {
  it("a person's form left open more than a day is held for the author with why, even after the spam sample is full", async () => {
    harness = await createHarness();
    const policy = policyFor("enquiry");
    for (let index = 0; index < policy.spamRows.max + 5; index += 1)
      await harness.submit(harness.submission({ email: `bot${index}@spam.example`, [HONEYPOT_FIELD]: "x" }), {
        ip: `198.18.${index}.3`,
      });
    const state = await harness.submit(
      harness.submission({ email: "sleepy@example.com", formToken: harness.token(25 * HOUR) }),
      {
        ip: "192.0.2.77",
      },
    );
    await harness.settle();
    expect(state.status).toBe("success");
    const [held] = await harness.store.heldRanked(5);
    expect(held).toMatchObject({ email: "sleepy@example.com", status: "held", heldReason: "expired-token" });
    expect(HELD_REASONS["expired-token"]).toMatch(/left open/);
    // Held, not emailed unseen: the owner gets the digest, not the enquiry.
    expect(harness.fake.deliveries.filter((d) => d.reply_to === "sleepy@example.com")).toHaveLength(0);
  });

  it("a second message with one form from the same network (back, correct, send) is held; from elsewhere it is spam", async () => {
    harness = await createHarness();
    const token = harness.token();
    await harness.submit(harness.submission({ formToken: token, email: "ada@example.com" }), { ip: "203.0.113.5" });
    const correction = await harness.submit(
      harness.submission({
        formToken: token,
        email: "ada@example.com",
        message: "Sorry, I meant next quarter, not next week.",
      }),
      { ip: "203.0.113.5" },
    );
    const replay = await harness.submit(harness.submission({ formToken: token, email: "bot@example.net" }), {
      ip: "198.51.100.66",
    });
    expect([correction.status, replay.status]).toEqual(["success", "success"]);
    const rows = await harness.store.recent(10);
    expect(rows.find((row) => row.message.startsWith("Sorry, I meant"))).toMatchObject({
      status: "held",
      heldReason: "reused-token",
    });
    expect(rows.find((row) => row.email === "bot@example.net")).toMatchObject({
      status: "spam",
      lastError: "spam: reused-token",
    });
  });

  it("plus-tagged spellings of a known mailbox sent from another network do not hold that person's own enquiry", async () => {
    harness = await createHarness();
    for (let index = 0; index < 3; index += 1)
      await harness.submit(harness.submission({ email: `prospect+${index}@company.example` }), {
        ip: `198.51.100.${index + 1}`,
      });
    const own = await harness.submit(harness.submission({ email: "prospect@company.example" }), { ip: "192.0.2.1" });
    await harness.settle();
    expect(own.status).toBe("success");
    expect(harness.fake.deliveries.filter((d) => d.reply_to === "prospect@company.example")).toHaveLength(1);
  });
});
