import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { policyFor } from "@/lib/contact/policy";
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD } from "@/lib/contact/spam";
import { buildDigest } from "@/lib/newsletter/digest";
import { createLocalProvider } from "@/lib/newsletter/provider";
import { CHECK_INBOX, NOT_SAVED, QUEUED } from "@/lib/newsletter/messages";
import {
  checkConfirmationLink,
  confirmSubscription,
  retryNewsletter,
  syncSubscriber,
  unsubscribe,
} from "@/lib/newsletter/service";

import { createNewsletterHarness, PUBLISHED_SLUG, SEGMENT } from "./harness";

type Harness = Awaited<ReturnType<typeof createNewsletterHarness>>;
let h: Harness;

beforeEach(async () => {
  h = await createNewsletterHarness();
});
afterEach(async () => {
  await h.close();
});

const HOUR = 3_600_000;
const policy = policyFor("signup");

describe("subscribe → confirm → unsubscribe, with the real Resend SDK against the fake", () => {
  it("stores pending, emails one confirmation with List-Unsubscribe, confirms into the segment, then unsubscribes in both places", async () => {
    const { state, delivery } = await h.subscribe({ email: " Ada@Example.com " });
    expect(state).toEqual({ status: "success", message: CHECK_INBOX, fieldErrors: {}, values: {}, delivery: "now" });
    expect(delivery?.status).toBe("sent");

    const stored = await h.store.findByEmail("ada@example.com");
    expect(stored).toMatchObject({
      status: "pending",
      email: "Ada@Example.com",
      sourceSlug: PUBLISHED_SLUG,
      confirmationState: "sent",
    });
    expect(stored!.ipHash).toMatch(/^[0-9a-f]{64}$/);

    expect(h.fake.deliveries).toHaveLength(1);
    const email = h.fake.deliveries[0]!;
    const request = h.fake.requests[0]!;
    expect(email.to).toEqual(["Ada@Example.com"]);
    expect(email.subject).toBe("Confirm your subscription to Steady State");
    expect(email.idempotencyKey).toBe(`newsletter-confirm-${stored!.tokenNonce}`);
    const headers = (request.body as { headers: Record<string, string> }).headers;
    expect(headers["List-Unsubscribe"]).toMatch(/^<http[^>]+\/newsletter\/unsubscribe\?token=[^>]+>, <mailto:/);
    expect(email.text).toContain("/newsletter/confirm?token=");
    expect(email.html).toContain("Yes, subscribe me");
    // Only a hash of the link is stored.
    const confirmToken = h.linkToken(email, "confirm");
    expect(JSON.stringify(stored)).not.toContain(confirmToken);

    // Fetching the link (all a mail scanner does) only reads it: the page offers the button, nothing changes.
    const before = JSON.stringify(await h.store.all());
    expect(await checkConfirmationLink(confirmToken, h.deps)).toBe("ready");
    expect(JSON.stringify(await h.store.all())).toBe(before);
    const confirmed = await confirmSubscription(confirmToken, h.deps);
    expect(confirmed.result).toBe("confirmed");
    expect(await syncSubscriber(confirmed.sync!, h.deps)).toBe("synced");
    const contact = h.fake.contacts.get("ada@example.com");
    expect(contact).toMatchObject({ email: "Ada@Example.com", unsubscribed: false, segments: [SEGMENT] });
    expect(h.fake.calls.map((call) => `${call.method} ${call.path}`)).toEqual(["POST /contacts"]);
    expect(await h.store.findByEmail("ada@example.com")).toMatchObject({
      status: "confirmed",
      syncState: "synced",
      providerContactId: contact!.id,
    });

    const left = await unsubscribe(h.linkToken(email, "unsubscribe"), h.deps);
    expect(left.result).toBe("unsubscribed");
    expect(await syncSubscriber(left.sync!, h.deps)).toBe("synced");
    expect(h.fake.contacts.get("ada@example.com")?.unsubscribed).toBe(true);
    expect(h.fake.calls.at(-1)).toMatchObject({
      method: "PATCH",
      path: "/contacts/Ada@Example.com",
      body: { unsubscribed: true },
    });
    expect(await h.store.findByEmail("ada@example.com")).toMatchObject({ status: "unsubscribed", syncState: "synced" });

    expect((await unsubscribe(h.linkToken(email, "unsubscribe"), h.deps)).result).toBe("already");
    expect(
      (await unsubscribe("0f8fad5b-d9cb-469f-a165-70867728950e.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", h.deps))
        .result,
    ).toBe("forged");
  });

  it("a replayed confirmation link does nothing new", async () => {
    await h.subscribe();
    const token = h.linkToken(h.fake.deliveries[0]!, "confirm");
    const first = await confirmSubscription(token, h.deps);
    await syncSubscriber(first.sync!, h.deps);
    const before = await h.store.findByEmail("ada@example.com");
    const callsBefore = h.fake.calls.length;
    h.advance(HOUR);
    for (let i = 0; i < 3; i += 1)
      expect(await confirmSubscription(token, h.deps)).toEqual({ result: "used", sync: null });
    expect(await h.store.findByEmail("ada@example.com")).toEqual(before);
    expect(h.fake.calls).toHaveLength(callsBefore);
  });

  it("a second subscribe of a confirmed address answers the same and sends nothing", async () => {
    await h.subscribe();
    await confirmSubscription(h.linkToken(h.fake.deliveries[0]!, "confirm"), h.deps);
    h.advance(30 * HOUR);
    const again = await h.subscribe({ email: "ADA@example.com" });
    expect(again.state.message).toBe(CHECK_INBOX);
    expect(again.deliver).toBeNull();
    expect(h.fake.deliveries).toHaveLength(1);
    expect((await h.store.findByEmail("ada@example.com"))?.status).toBe("confirmed");
  });

  it("sends at most one confirmation per address per 24 hours; a later one replaces the link", async () => {
    await h.subscribe();
    const firstToken = h.linkToken(h.fake.deliveries[0]!, "confirm");
    h.advance(23 * HOUR);
    expect((await h.subscribe()).deliver).toBeNull();
    expect(h.fake.deliveries).toHaveLength(1);
    h.advance(2 * HOUR);
    expect((await h.subscribe()).delivery?.status).toBe("sent");
    expect(h.fake.deliveries).toHaveLength(2);
    const secondToken = h.linkToken(h.fake.deliveries[1]!, "confirm");
    expect(secondToken).not.toBe(firstToken);
    expect((await confirmSubscription(firstToken, h.deps)).result).toBe("forged");
    expect((await confirmSubscription(secondToken, h.deps)).result).toBe("confirmed");
  });

  it("an expired link explains itself; forged and mangled links are refused", async () => {
    await h.subscribe();
    const token = h.linkToken(h.fake.deliveries[0]!, "confirm");
    h.advance(48 * HOUR + 1_000);
    expect((await confirmSubscription(token, h.deps)).result).toBe("expired");
    for (const bad of [
      undefined,
      "",
      token.slice(0, 20),
      `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`,
      ["a", "b"],
    ]) {
      expect((await confirmSubscription(bad, h.deps)).result, String(bad)).toBe("forged");
    }
    expect((await h.store.findByEmail("ada@example.com"))?.status).toBe("pending");
  });
});

describe("faults", () => {
  it("provider down at subscribe: stays pending, the retry sends the confirmation once, never twice", async () => {
    h.fake.outage({ kind: "status", status: 500 }, { kind: "lost-answer" }, { kind: "reset" });
    const { state, delivery } = await h.subscribe();
    expect(state.message).toBe(CHECK_INBOX);
    expect(delivery?.status).toBe("failed");
    expect(await h.store.findByEmail("ada@example.com")).toMatchObject({
      status: "pending",
      confirmationState: "failed",
    });

    // Still down: the retry fails again (the provider accepted it this time, but the answer was lost).
    h.advance(HOUR);
    const second = await retryNewsletter(h.deps, { pauseMs: 0 });
    expect(second.confirmations).toEqual({ due: 1, sent: 0, failed: 1 });
    expect(h.fake.deliveries).toHaveLength(1);

    h.fake.recover();
    h.advance(HOUR);
    const third = await retryNewsletter(h.deps, { pauseMs: 0 });
    expect(third.confirmations).toEqual({ due: 1, sent: 1, failed: 0 });
    expect(h.fake.deliveries).toHaveLength(1); // the idempotency key absorbed the resend
    expect([...h.fake.acceptedPerKey().values()]).toEqual([2]);
    const fourth = await retryNewsletter(h.deps, { pauseMs: 0 });
    expect(fourth.confirmations.due).toBe(0);
    expect(await h.store.findByEmail("ada@example.com")).toMatchObject({
      status: "pending",
      confirmationState: "sent",
    });
  });

  it("provider down at confirmation: confirmed here, synced to Resend by the retry", async () => {
    await h.subscribe();
    h.fake.outage({ kind: "status", status: 503 });
    const confirmed = await confirmSubscription(h.linkToken(h.fake.deliveries[0]!, "confirm"), h.deps);
    expect(await syncSubscriber(confirmed.sync!, h.deps)).toBe("failed");
    expect(await h.store.findByEmail("ada@example.com")).toMatchObject({ status: "confirmed", syncState: "failed" });
    h.fake.recover();
    expect((await retryNewsletter(h.deps, { pauseMs: 0 })).syncs).toEqual({ due: 1, synced: 1, failed: 0 });
    expect(h.fake.contacts.get("ada@example.com")?.segments).toEqual([SEGMENT]);
  });

  it("a contact Resend already has (unsubscribed earlier, or in another segment) is resubscribed and added to the segment", async () => {
    h.fake.contacts.set("ada@example.com", {
      id: "c-1",
      email: "ada@example.com",
      unsubscribed: true,
      segments: ["other"],
      created_at: "2025-01-01T00:00:00Z",
    });
    await h.subscribe();
    const confirmed = await confirmSubscription(h.linkToken(h.fake.deliveries[0]!, "confirm"), h.deps);
    expect(await syncSubscriber(confirmed.sync!, h.deps)).toBe("synced");
    expect(h.fake.calls.map((call) => `${call.method} ${call.path} ${call.answer}`)).toEqual([
      "POST /contacts 409",
      "PATCH /contacts/ada@example.com 200",
      `POST /contacts/ada@example.com/segments/${SEGMENT} 200`,
    ]);
    expect(h.fake.contacts.get("ada@example.com")).toMatchObject({ unsubscribed: false, segments: ["other", SEGMENT] });
  });
});

describe("bad input and spam", () => {
  it("a malformed or hostile address is a field error and stores nothing", async () => {
    for (const email of ["", "nope", "a@b.c\r\nBcc: x@y.z", "<img src=x onerror=alert(1)>@x.com"]) {
      const { state } = await h.subscribe({ email });
      expect(state.status, email).toBe("invalid");
      expect(state.fieldErrors.email, email).toBeTruthy();
      expect(state.values.email).toBe(email);
    }
    expect(await h.store.all()).toEqual([]);
  });

  it("bots get the same answer; nothing is stored, sent or counted against real readers", async () => {
    const honeypot = await h.subscribe({ [HONEYPOT_FIELD]: "https://spam.example" });
    const forged = await h.subscribe({ email: "b@example.com", [FORM_TOKEN_FIELD]: "v1.123.forged" });
    const tooFast = await h.subscribe({ email: "c@example.com", [FORM_TOKEN_FIELD]: h.token(100) });
    for (const { state } of [honeypot, forged, tooFast]) expect(state.message).toBe(CHECK_INBOX);
    expect(await h.store.all()).toEqual([]);
    expect(h.fake.requests).toEqual([]);
    // Far more spam than the per-client limit, from the reader's own address: it fills no bucket.
    for (let i = 0; i < policy.perClient.max * 3; i += 1)
      await h.subscribe({ email: `bot${i}@example.com`, [HONEYPOT_FIELD]: "x" });
    // A genuine, timely token from /newsletter passes.
    expect((await h.subscribe({ email: "d@example.com", [FORM_TOKEN_FIELD]: h.token(5_000) })).delivery?.status).toBe(
      "sent",
    );
  });

  it("a form token carries one sign-up: the same token for another mailbox from elsewhere is dropped as spam", async () => {
    const token = h.token(5_000);
    expect((await h.subscribe({ email: "first@example.com", [FORM_TOKEN_FIELD]: token })).delivery?.status).toBe(
      "sent",
    );
    const replay = await h.subscribe({ email: "second@example.com", [FORM_TOKEN_FIELD]: token }, "198.51.100.20");
    expect(replay.state.message).toBe(CHECK_INBOX);
    expect(await h.store.findByEmail("second@example.com")).toBeUndefined();
    expect(h.fake.deliveries).toHaveLength(1);
    // From the same network it is the reader fixing a typo (back, correct, send): a sign-up like any other.
    const fixed = await h.subscribe({ email: "first.fixed@example.org", [FORM_TOKEN_FIELD]: token });
    expect(fixed.delivery?.status).toBe("sent");
  });

  it("a page left open for a day still signs up (an expired token is a reader's, not a bot's)", async () => {
    const late = await h.subscribe({ email: "late@example.com", [FORM_TOKEN_FIELD]: h.token(25 * HOUR) });
    expect(late.state.message).toBe(CHECK_INBOX);
    expect(late.delivery?.status).toBe("sent");
  });

  it("past the per-client limit a sign-up is not stored, and the reader is told so; after the window it is", async () => {
    for (let i = 0; i < policy.perClient.max; i += 1) await h.subscribe({ email: `p${i}@example${i}.com` });
    const refused = await h.subscribe({ email: "p5@example.com" });
    expect(refused.state).toEqual({
      status: "error",
      message: NOT_SAVED,
      fieldErrors: {},
      values: { email: "p5@example.com" },
      delivery: "not-saved",
    });
    expect(refused.deliver).toBeNull();
    expect(await h.store.findByEmail("p5@example.com")).toBeUndefined();
    // Another network is not held back.
    expect((await h.subscribe({ email: "other@example.com" }, "198.51.100.1")).delivery?.status).toBe("sent");
    h.advance(policy.perClient.windowMs + 1_000);
    expect((await h.subscribe({ email: "p5@example.com" })).delivery?.status).toBe("sent");
  });

  it("budgets confirmation emails per network: an IPv6 client is its /64, its network the /48", async () => {
    // Different /64s in one /48: each a client of its own, all one network.
    for (let i = 0; i < policy.networkEmails.max; i += 1) {
      expect(
        (await h.subscribe({ email: `n${i}@example${i}.com` }, `2001:db8:1:${(i + 1).toString(16)}::7`)).deliver,
        `sign-up ${i}`,
      ).not.toBeNull();
    }
    const queued = await h.subscribe({ email: "n-last@example.org" }, "2001:db8:1:ffff::7");
    expect(queued.state.message).toBe(QUEUED);
    expect(await h.store.findByEmail("n-last@example.org")).toMatchObject({
      heldReason: "network-emails",
      confirmationState: "none",
    });
    expect((await h.subscribe({ email: "elsewhere@example.com" }, "2001:db8:2:1::7")).deliver).not.toBeNull();
  });

  it("budgets confirmation emails per destination domain: the form cannot be aimed at one company's staff", async () => {
    for (let i = 0; i < policy.domainEmails.max; i += 1)
      expect((await h.subscribe({ email: `staff${i}@victim.example` }, `198.18.${i}.1`)).deliver).not.toBeNull();
    const queued = await h.subscribe({ email: "ceo@victim.example" }, "198.19.0.1");
    expect(queued.state.message).toBe(QUEUED);
    expect((await h.store.findByEmail("ceo@victim.example"))?.heldReason).toBe("domain-emails");
    expect(h.fake.deliveries).toHaveLength(policy.domainEmails.max);
  });

  it("one confirmation per mailbox a day, whatever its spelling (plus-tags, Gmail dots, Proton aliases)", async () => {
    expect((await h.subscribe({ email: "victim@gmail.com" })).delivery?.status).toBe("sent");
    for (const email of ["victim+1@gmail.com", "v.i.c.t.i.m@gmail.com", "VICTIM+x@googlemail.com"]) {
      const { state, deliver } = await h.subscribe({ email }, "198.51.100.9");
      expect(state.message, email).toBe(CHECK_INBOX);
      expect(deliver, email).toBeNull();
      expect(await h.store.findByEmail(email), email).toBeUndefined();
    }
    expect((await h.subscribe({ email: "alice.jones@proton.me" }, "198.51.100.10")).delivery?.status).toBe("sent");
    for (const email of ["alicejones@pm.me", "Alice_Jones+x@protonmail.com"])
      expect((await h.subscribe({ email }, "198.51.100.11")).deliver, email).toBeNull();
    expect(h.fake.deliveries).toHaveLength(2);
  });

  it("queues sign-ups past the hour's budget and sends them later, the only one from its network first", async () => {
    const tight = {
      ...policy,
      directEmails: { max: 2, windowMs: HOUR },
      addressEmails: { max: 3, windowMs: HOUR },
    };
    h.deps.policy = tight;
    for (let i = 0; i < 2; i += 1)
      expect((await h.subscribe({ email: `s${i}@example${i}.com` }, `192.0.2.${i + 1}`)).deliver).not.toBeNull();
    // Two from one busy network, then a genuine reader from their own: all queued, told so honestly.
    const busy = [
      await h.subscribe({ email: "bulk1@bulk.example" }, "203.0.113.50"),
      await h.subscribe({ email: "bulk2@bulk.example" }, "203.0.113.51"),
    ];
    h.advance(60_000);
    const genuine = await h.subscribe({ email: "reader@readers.example" }, "198.51.100.77");
    h.advance(60_000);
    for (const { state, deliver } of [...busy, genuine]) {
      expect(state).toMatchObject({ status: "success", message: QUEUED, delivery: "queued" });
      expect(deliver).toBeNull();
    }
    // The queue may use the share kept from sign-ups as they arrive: one more this hour, the genuine reader's.
    const first = await retryNewsletter(h.deps, { pauseMs: 0 });
    expect(first.queue).toMatchObject({ queued: 3, released: 1, sent: 1, waiting: 2 });
    expect(h.fake.deliveries.at(-1)?.to).toEqual(["reader@readers.example"]);
    // When the budget returns, the rest go out with a fresh 48-hour link.
    h.advance(HOUR + 1_000);
    const later = await retryNewsletter(h.deps, { pauseMs: 0 });
    expect(later.queue).toMatchObject({ released: 2, sent: 2, waiting: 0 });
    const released = await h.store.findByEmail("bulk1@bulk.example");
    expect(released).toMatchObject({ confirmationState: "sent", queuedAt: null, heldReason: null });
    expect(new Date(released!.tokenExpiresAt!).getTime()).toBe(h.now().getTime() + 48 * HOUR);
    const link = h.linkToken(
      h.fake.deliveries.find((d) => d.to[0] === "bulk1@bulk.example")!,
      "confirm",
    );
    expect((await confirmSubscription(link, h.deps)).result).toBe("confirmed");
  });

  it("caps unconfirmed sign-ups stored per network: past it nothing is stored and the reader is told so", async () => {
    let stored = 0;
    // Spread over the day, so the per-client and per-network counts of an hour never trip first.
    for (let i = 0; i < policy.pendingPerNetwork.max + 2; i += 1) {
      const { state } = await h.subscribe({ email: `r${i}@d${i}.example` }, `203.0.113.${(i % 4) + 1}`);
      if (state.status === "success") stored += 1;
      else expect(state).toMatchObject({ message: NOT_SAVED, delivery: "not-saved" });
      h.advance(HOUR / 2);
    }
    expect(stored).toBe(policy.pendingPerNetwork.max);
    expect(await h.store.all()).toHaveLength(policy.pendingPerNetwork.max);
  });

  it("an unknown or draft source is not recorded", async () => {
    await h.subscribe({ source: "writing-an-engineering-strategy" });
    expect((await h.store.findByEmail("ada@example.com"))?.sourceSlug).toBeNull();
  });
});

describe("data", () => {
  it("purges sign-ups never confirmed after 7 days, keeps confirmed ones", async () => {
    await h.subscribe({ email: "stays@example.com" });
    await confirmSubscription(h.linkToken(h.fake.deliveries[0]!, "confirm"), h.deps);
    await h.subscribe({ email: "goes@example.com" });
    h.advance(7 * 24 * HOUR + 1_000);
    const summary = await retryNewsletter(h.deps, { pauseMs: 0 });
    expect(summary.purged).toBe(1);
    expect((await h.store.all()).map((s) => s.email)).toEqual(["stays@example.com"]);
  });

  it("the digest becomes a draft broadcast to the segment, and a send reaches only confirmed subscribers", async () => {
    await h.subscribe({ email: "reader@example.com" });
    const c = await confirmSubscription(h.linkToken(h.fake.deliveries[0]!, "confirm"), h.deps);
    await syncSubscriber(c.sync!, h.deps);
    h.advance(25 * 3_600_000);
    await h.subscribe({ email: "pending@example.com", source: "" }, "198.51.100.9");
    const digest = await buildDigest(
      [{ slug: "x", url: "/blog/x", title: "X", description: "D", publishDate: "2025-11-02", draft: false }],
      "2025-11-01",
    );
    const draft = await h.deps.provider.createDraftBroadcast(digest!, h.deps.from);
    expect(draft.ok).toBe(true);
    const id = draft.ok ? draft.value : "";
    expect(h.fake.broadcasts.get(id)).toMatchObject({
      status: "draft",
      segment_id: SEGMENT,
      subject: "Steady State: X",
      from: h.deps.from,
    });
    expect((await h.deps.provider.sendBroadcast(id)).ok).toBe(true);
    expect(h.fake.broadcasts.get(id)?.sentTo).toEqual(["reader@example.com"]);
  });
});

describe("with no RESEND_API_KEY", () => {
  it("works end to end locally: the confirmation goes to the outbox with its headers; confirm and unsubscribe need no provider", async () => {
    const local = await createNewsletterHarness({
      provider: () => createLocalProvider({ outboxDir: path.join(h.dir, "outbox"), log: { info: () => {} } }),
    });
    try {
      const { delivery } = await local.subscribe();
      expect(delivery?.status).toBe("sent");
      const files = (await readdir(path.join(h.dir, "outbox"))).filter((file) => file.endsWith(".json"));
      expect(files).toHaveLength(1);
      const written = JSON.parse(await readFile(path.join(h.dir, "outbox", files[0]!), "utf8")) as {
        text: string;
        headers: Record<string, string>;
      };
      expect(written.headers["List-Unsubscribe"]).toContain("/newsletter/unsubscribe?token=");
      const confirmed = await confirmSubscription(local.linkToken(written, "confirm"), local.deps);
      expect(await syncSubscriber(confirmed.sync!, local.deps)).toBe("synced");
      expect((await unsubscribe(local.linkToken(written, "unsubscribe"), local.deps)).result).toBe("unsubscribed");
      expect(local.fake.calls).toEqual([]);
    } finally {
      await local.close();
    }
  });
});
