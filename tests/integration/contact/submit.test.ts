import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { deliverEnquiry } from "@/lib/contact/delivery";
import { retryUnsent } from "@/lib/contact/retry";
import { HONEYPOT_FIELD } from "@/lib/contact/spam";
import { absoluteUrl } from "@/lib/site";

import {
  createHarness,
  DRAFT_SLUG,
  freePort,
  FROM,
  OWNER,
  PUBLISHED_SLUG,
  PUBLISHED_TITLE,
  type Harness,
} from "./harness";

const MINUTE = 60_000;

let harness: Harness;

afterEach(async () => {
  await harness?.close();
});

describe("handleEnquiry with a libSQL file and the real Resend SDK against a fake Resend", () => {
  it("stores the enquiry, answers at once, then emails the owner the right JSON", async () => {
    harness = await createHarness();
    const submission = harness.submission({
      name: "  Ada Lovelace ",
      message: `We keep shipping late. <script>alert("x")</script> <img src=x onerror=alert(1)>\r\nCan we talk?`,
    });

    const state = await harness.submit(submission);

    expect(state).toEqual({
      status: "success",
      message: "Thanks, Ada Lovelace — I’ll reply to ada@example.com within two working days.",
      fieldErrors: {},
      values: {},
    });
    // The prospect's answer does not wait for the provider: the row is stored and still pending here.
    const stored = await harness.only();
    expect(stored).toMatchObject({
      status: "pending",
      attempts: 0,
      name: "Ada Lovelace",
      sourceSlug: PUBLISHED_SLUG,
      userAgent: "Vitest/4 (integration)",
    });
    expect(stored.message).toBe(
      `We keep shipping late. <script>alert("x")</script> <img src=x onerror=alert(1)>\nCan we talk?`,
    );
    expect(stored.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain("203.0.113.10");
    expect(harness.fake.requests).toHaveLength(0);

    await harness.settle();

    const sent = await harness.only();
    expect(sent).toMatchObject({ status: "sent", attempts: 1, sentAt: harness.now().toISOString(), lastError: null });
    expect(sent.providerMessageId).toBe(harness.fake.deliveries[0]!.id);

    expect(harness.fake.requests).toHaveLength(1);
    const [request] = harness.fake.requests;
    expect(request!.headers["idempotency-key"]).toBe(sent.id);
    expect(request!.headers.authorization).toBe("Bearer re_test_integration");
    expect(request!.body).toMatchObject({
      from: FROM,
      to: [OWNER],
      reply_to: "ada@example.com",
      subject: "New enquiry: Delivery and process — Ada Lovelace",
    });
    const { html, text } = request!.body as { html: string; text: string };
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain(PUBLISHED_TITLE);
    expect(html).toContain(`href="${absoluteUrl(`/blog/${PUBLISHED_SLUG}`)}"`);
    expect(text).toContain("Can we talk?");
    expect(text).toContain(absoluteUrl(`/blog/${PUBLISHED_SLUG}`));
  });

  it("stores the qualifying answers and leads the owner's subject and body with them; a crafted value is refused", async () => {
    harness = await createHarness();
    const state = await harness.submit(
      harness.submission({ teamSize: "40-100", timeline: "this-quarter", helpKind: "review" }),
    );
    expect(state.status).toBe("success");
    expect(await harness.only()).toMatchObject({ teamSize: "40-100", timeline: "this-quarter", helpKind: "review" });
    await harness.settle();
    const body = harness.fake.requests[0]!.body as { subject: string; text: string };
    expect(body.subject).toBe(
      "Enquiry — 40–100 engineers, this quarter, a review — Delivery and process — Ada Lovelace",
    );
    expect(body.text).toMatch(/Team size\s+40–100 engineers/);
    expect(body.text).toMatch(/Timeline\s+this quarter/);

    const crafted = await harness.submit(harness.submission({ teamSize: "9000" }));
    expect(crafted).toMatchObject({ status: "invalid", values: { teamSize: "9000" } });
    expect(crafted.fieldErrors.teamSize).toContain("Team size");
    expect(await harness.store.recent(10)).toHaveLength(1);
  });

  it("with BOOKING_URL, the answer offers the prefilled scheduling link and the owner's email says it was offered", async () => {
    harness = await createHarness();
    const withoutLink = await harness.submit(harness.submission({ email: "first@example.com" }));
    expect(withoutLink.bookingUrl).toBeUndefined();

    harness.deps.bookingUrl = "https://cal.com/nora/30min";
    const state = await harness.submit(harness.submission({ timeline: "now" }));
    const stored = (await harness.store.recent(1))[0]!;
    expect(stored.bookingLink).toBe("cal");
    const link = new URL(state.bookingUrl!);
    expect(link.origin + link.pathname).toBe("https://cal.com/nora/30min");
    expect(link.searchParams.get("name")).toBe("Ada Lovelace");
    expect(link.searchParams.get("email")).toBe("ada@example.com");
    expect(link.searchParams.get("metadata[enquiryId]")).toBe(stored.id);
    expect(link.searchParams.get("notes")).toBe("Enquiry about delivery and process (now)");

    // The same enquiry sent twice (a resubmitted page) is offered the link to the same enquiry.
    const again = await harness.submit({ ...harness.submission(), message: stored.message });
    expect(new URL(again.bookingUrl!).searchParams.get("metadata[enquiryId]")).toBe(stored.id);

    await harness.settle();
    const texts = harness.fake.requests.map((request) => (request.body as { text: string }).text);
    expect(texts[0]).toMatch(/Booking link\s+Not offered/);
    expect(texts[1]).toMatch(/Booking link\s+Offered: they could book a 30-minute call on Cal\.com/);
  });

  it("a 500 from the provider leaves the enquiry failed (the prospect still sees success); the retry later sends it exactly once", async () => {
    harness = await createHarness();
    harness.fake.queue({ kind: "status", status: 500 });

    const state = await harness.submit(harness.submission());
    expect(state.status).toBe("success");
    await harness.settle();

    const failed = await harness.only();
    expect(failed).toMatchObject({ status: "failed", attempts: 1, sentAt: null });
    expect(failed.lastError).toBe("Resend 500 internal_server_error: Fake 500");
    expect(failed.nextAttemptAt).toBe(new Date(harness.now().getTime() + MINUTE).toISOString());
    expect(harness.fake.deliveries).toHaveLength(0);
    expect(harness.logs.warn.join("\n")).toContain("is stored but its email failed");

    // Not due yet: a scheduled run leaves it alone.
    expect(await retryUnsent(harness.deps, { pauseMs: 0 })).toMatchObject({ due: 0, sent: 0 });

    harness.advance(2 * MINUTE);
    const summary = await retryUnsent(harness.deps, { pauseMs: 0 });
    expect(summary).toMatchObject({ due: 1, sent: 1, failed: 0, stoppedEarly: null });
    expect(await harness.only()).toMatchObject({ status: "sent", attempts: 2 });

    // Exactly once: one delivery, both attempts under the same idempotency key, and nothing left to retry.
    expect(harness.fake.deliveries).toHaveLength(1);
    expect(harness.fake.requests.map((request) => request.headers["idempotency-key"])).toEqual([failed.id, failed.id]);
    harness.advance(60 * MINUTE);
    expect(await retryUnsent(harness.deps, { pauseMs: 0, ignoreSchedule: true })).toMatchObject({ due: 0, sent: 0 });
    expect(harness.fake.requests).toHaveLength(2);
  });

  it("a 429 likewise; a retry run that meets another 429 stops instead of hammering the provider", async () => {
    harness = await createHarness();
    harness.fake.queue({ kind: "status", status: 429 }, { kind: "status", status: 429 });
    await harness.submit(harness.submission({ email: "one@example.com" }));
    await harness.submit(harness.submission({ email: "two@example.com" }));
    await harness.settle();

    const rows = await harness.store.recent(10);
    expect(rows.map((row) => [row.status, row.lastError])).toEqual([
      ["failed", "Resend 429 rate_limit_exceeded: Fake 429"],
      ["failed", "Resend 429 rate_limit_exceeded: Fake 429"],
    ]);

    harness.advance(5 * MINUTE);
    harness.fake.queue({ kind: "status", status: 429 });
    const stopped = await retryUnsent(harness.deps, { pauseMs: 0 });
    expect(stopped).toMatchObject({ due: 2, sent: 0, failed: 1, stoppedEarly: "rate-limited" });
    expect(harness.fake.requests).toHaveLength(3);

    harness.advance(10 * MINUTE);
    const done = await retryUnsent(harness.deps, { pauseMs: 0 });
    expect(done).toMatchObject({ due: 2, sent: 2, failed: 0 });
    expect(harness.fake.deliveries.map((delivery) => delivery.reply_to).sort()).toEqual([
      "one@example.com",
      "two@example.com",
    ]);
  });

  it("a timeout likewise: recorded as failed with the reason, then sent once by the retry", async () => {
    harness = await createHarness({ emailTimeoutMs: 300 });
    harness.fake.queue({ kind: "hang" });
    const started = performance.now();
    await harness.submit(harness.submission());
    await harness.settle();
    expect(performance.now() - started).toBeLessThan(3_000);

    const failed = await harness.only();
    expect(failed).toMatchObject({ status: "failed", attempts: 1, lastError: "Resend: timed out after 300 ms" });

    harness.advance(2 * MINUTE);
    expect(await retryUnsent(harness.deps, { pauseMs: 0 })).toMatchObject({ sent: 1 });
    expect(await harness.only()).toMatchObject({ status: "sent", attempts: 2 });
    expect(harness.fake.deliveries).toHaveLength(1);
  });

  it("a dropped connection (network error) likewise", async () => {
    harness = await createHarness();
    harness.fake.queue({ kind: "reset" });
    await harness.submit(harness.submission());
    await harness.settle();
    expect(await harness.only()).toMatchObject({
      status: "failed",
      lastError: expect.stringContaining("Resend network application_error"),
    });
    harness.advance(2 * MINUTE);
    await retryUnsent(harness.deps, { pauseMs: 0 });
    expect(await harness.only()).toMatchObject({ status: "sent" });
    expect(harness.fake.deliveries).toHaveLength(1);
  });

  it("when the store is down, the prospect gets a clear error, keeps every value and a mailto: fallback; nothing is sent", async () => {
    const closedPort = await freePort();
    harness = await createHarness({ databaseUrl: `http://127.0.0.1:${closedPort}` });
    const submission = harness.submission({
      name: "Grace Hopper",
      company: "",
      teamSize: "10-40",
      message: "Our incidents repeat.\r\nHow do we stop that?",
    });

    const state = await harness.submit(submission);
    await harness.settle();

    expect(state.status).toBe("error");
    expect(state.message).toMatch(/could not be saved just now/);
    expect(state.values).toEqual({
      name: "Grace Hopper",
      email: "ada@example.com",
      company: "",
      topic: "delivery-process",
      teamSize: "10-40",
      timeline: "",
      helpKind: "",
      message: "Our incidents repeat.\r\nHow do we stop that?",
    });
    expect(state.formToken).toBe(submission.formToken);
    expect(state.fallbackMailto).toMatch(
      /^mailto:hello@steadystate\.example\?subject=Enquiry%3A%20Delivery%20and%20process&body=/,
    );
    expect(decodeURIComponent(state.fallbackMailto!.split("body=")[1]!)).toContain(
      "Our incidents repeat.\r\nHow do we stop that?",
    );
    expect(harness.fake.requests).toHaveLength(0);
    expect(harness.logs.error.join("\n")).toContain(
      `Enquiry NOT stored: Could not store the enquiry in the enquiry database (http://127.0.0.1:${closedPort})`,
    );
  });

  it("a remote database that accepts the connection but never answers gives the same answer within the timeout", async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket)).listen(0, "127.0.0.1");
    await once(silent, "listening");
    const { port } = silent.address() as AddressInfo;
    try {
      harness = await createHarness({ databaseUrl: `http://127.0.0.1:${port}` });
      const started = performance.now();
      const state = await harness.submit(harness.submission());
      expect(performance.now() - started).toBeLessThan(6_000);
      expect(state.status).toBe("error");
      expect(state.values.message).toMatch(/^Our releases keep slipping/);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it("a local database file that cannot be created is reported the same way", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "enquiries-blocked-"));
    const blocker = path.join(folder, "not-a-folder");
    await writeFile(blocker, "a file where the database folder should be");
    try {
      harness = await createHarness({ databaseUrl: `file:${blocker}/enquiries.db` });
      const state = await harness.submit(harness.submission());
      expect(state.status).toBe("error");
      expect(state.values.name).toBe("Ada Lovelace");
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("a filled honeypot gets the normal success, is stored as spam, and nothing is sent", async () => {
    harness = await createHarness();
    const state = await harness.submit(harness.submission({ [HONEYPOT_FIELD]: "https://cheap-backlinks.example" }));
    await harness.settle();
    expect(state).toMatchObject({
      status: "success",
      message: "Thanks, Ada Lovelace — I’ll reply to ada@example.com within two working days.",
    });
    expect(await harness.only()).toMatchObject({ status: "spam", lastError: "spam: honeypot", attempts: 0 });
    expect(harness.fake.requests).toHaveLength(0);
    expect(await retryUnsent(harness.deps, { pauseMs: 0, ignoreSchedule: true })).toMatchObject({ due: 0 });
  });

  it("a form sent in under 3 seconds, or without a valid token, is treated the same way (an expired one is held: flood.test.ts)", async () => {
    harness = await createHarness();
    const cases = [
      { formToken: harness.token(1_500), reason: "spam: too-fast" },
      { formToken: "v1.1700000000000.forgedforgedforgedforgedforgedforgedforgedforg", reason: "spam: invalid-token" },
      { formToken: "", reason: "spam: missing-token" },
    ];
    for (const [index, { formToken }] of cases.entries()) {
      const state = await harness.submit(harness.submission({ formToken, email: `bot${index}@example.com` }), {
        ip: `198.51.100.${index + 1}`,
      });
      expect(state.status).toBe("success");
    }
    await harness.settle();
    const rows = await harness.store.recent(10);
    expect(rows.map((row) => row.lastError).sort()).toEqual(cases.map((entry) => entry.reason).sort());
    expect(rows.every((row) => row.status === "spam")).toBe(true);
    expect(harness.fake.requests).toHaveLength(0);
  });

  it("the 6th enquiry in an hour from one client is stored and held, with the normal confirmation; the author gets one digest", async () => {
    harness = await createHarness();
    for (let index = 0; index < 5; index += 1) {
      const state = await harness.submit(harness.submission({ email: `person${index}@example.com` }), {
        ip: "203.0.113.99",
      });
      expect(state.status).toBe("success");
      harness.advance(MINUTE);
    }
    const sixth = harness.submission({
      email: "person5@example.com",
      name: "Sixth Person",
      message: "A sixth message that should be kept intact.",
    });
    const held = await harness.submit(sixth, { ip: "203.0.113.99" });
    // Nothing blames the person or reveals a limit: the same answer as any stored enquiry.
    expect(held).toEqual({
      status: "success",
      message: "Thanks, Sixth Person — I’ll reply to person5@example.com within two working days.",
      fieldErrors: {},
      values: {},
    });
    await harness.settle();
    const rows = await harness.store.recent(10);
    expect(rows).toHaveLength(6);
    expect(rows.find((row) => row.email === "person5@example.com")).toMatchObject({
      status: "held",
      heldReason: "client",
      message: "A sixth message that should be kept intact.",
    });
    const owner = harness.fake.deliveries.filter((email) => !String(email.subject).includes("held"));
    expect(owner).toHaveLength(5);
    const digests = harness.fake.deliveries.filter((email) => String(email.subject).includes("held"));
    expect(digests).toHaveLength(1);
    expect(String(digests[0]!.text)).toContain("Sixth Person");
    expect(String(digests[0]!.text)).toContain("npm run enquiries -- --release");

    // A seventh within the hour is held too, but no second digest goes out that hour.
    await harness.submit(harness.submission({ email: "person6@example.com" }), { ip: "203.0.113.99" });
    await harness.settle();
    expect(harness.fake.deliveries.filter((email) => String(email.subject).includes("held"))).toHaveLength(1);

    // Another client is not affected; once its held enquiries too have left the hour, the first one is emailed again.
    expect(
      (await harness.submit(harness.submission({ email: "other@example.com" }), { ip: "203.0.113.100" })).status,
    ).toBe("success");
    harness.advance(61 * MINUTE);
    await harness.submit(harness.submission({ email: "person7@example.com" }), { ip: "203.0.113.99" });
    await harness.settle();
    expect((await harness.store.recent(20)).find((row) => row.email === "person7@example.com")?.status).toBe("sent");
  });

  it("a released held enquiry is emailed once; one marked as spam never is", async () => {
    harness = await createHarness();
    for (let index = 0; index < 7; index += 1)
      await harness.submit(harness.submission({ email: `p${index}@example.com` }), { ip: "203.0.113.5" });
    await harness.settle();
    const [first, second] = (await harness.store.recent(10, { status: "held" })).reverse();
    const released = await harness.store.release(first!.id, harness.now());
    expect(released).toMatchObject({ status: "pending", heldReason: null });
    await deliverEnquiry(first!.id, harness.deps);
    expect(await harness.store.get(first!.id)).toMatchObject({ status: "sent" });
    expect(await harness.store.markSpam(second!.id)).toMatchObject({
      status: "spam",
      lastError: "spam: marked by the author",
    });
    expect(await harness.store.release("no-such-id", harness.now())).toBeUndefined();
    expect(harness.fake.deliveries.filter((email) => email.reply_to === first!.email)).toHaveLength(1);
    expect(harness.fake.deliveries.filter((email) => email.reply_to === second!.email)).toHaveLength(0);
  });

  it("the 4th enquiry in a day from one mailbox is held, whatever the client, plus-tag, case or Gmail dots", async () => {
    harness = await createHarness();
    const variants = ["Ada.Lovelace@gmail.com", "adalovelace+work@gmail.com", "ada.love.lace+x@googlemail.com"];
    for (const [index, email] of variants.entries()) {
      expect((await harness.submit(harness.submission({ email }), { ip: `198.51.100.${index}` })).status).toBe(
        "success",
      );
      harness.advance(60 * MINUTE);
    }
    const fourth = await harness.submit(harness.submission({ email: "ADALOVELACE+again@gmail.com" }), {
      ip: "198.51.100.50",
    });
    expect(fourth.status).toBe("success");
    expect((await harness.store.recent(1))[0]).toMatchObject({
      status: "held",
      heldReason: "address",
      email: "ADALOVELACE+again@gmail.com",
    });
  });

  it("caught spam never counts against real prospects: 40 bot posts from one client, then a person from it is emailed", async () => {
    harness = await createHarness();
    for (let index = 0; index < 40; index += 1) {
      await harness.submit(harness.submission({ email: `bot${index}@example.com`, formToken: harness.token(500) }), {
        ip: "203.0.113.77",
      });
    }
    const person = await harness.submit(harness.submission({ email: "real@example.com" }), { ip: "203.0.113.77" });
    await harness.settle();
    expect(person.status).toBe("success");
    expect((await harness.store.recent(1))[0]).toMatchObject({ email: "real@example.com", status: "sent" });
    // The bots' rows: a sample kept verbatim, the rest counted by reason.
    expect(await harness.store.spamCounts(new Date(0))).toEqual([{ reason: "too-fast", count: 40 }]);
    expect((await harness.store.countsByStatus()).spam).toBeLessThanOrEqual(40);
  });

  it("a token carries one enquiry: a different one with it is spam; the same text again is one enquiry", async () => {
    harness = await createHarness();
    const token = harness.token();
    const first = harness.submission({ formToken: token, email: "first@example.com" });
    expect((await harness.submit(first)).status).toBe("success");
    expect((await harness.submit({ ...first })).status).toBe("success"); // double click
    const replays = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        harness.submit(harness.submission({ formToken: token, email: `replay${index}@example.com` }), {
          ip: `192.0.2.${index}`,
        }),
      ),
    );
    expect(replays.every((state) => state.status === "success")).toBe(true);
    await harness.settle();
    const rows = await harness.store.recent(10);
    expect(rows.filter((row) => row.status !== "spam").map((row) => row.email)).toEqual(["first@example.com"]);
    expect(rows.filter((row) => row.status === "spam").every((row) => row.lastError === "spam: reused-token")).toBe(
      true,
    );
    expect(harness.fake.deliveries).toHaveLength(1);
  });

  it("retention: real enquiries go after the configured days, spam after 30", async () => {
    harness = await createHarness();
    await harness.submit(harness.submission({ email: "old@example.com" }));
    await harness.submit(harness.submission({ email: "oldbot@example.com", formToken: "" }));
    await harness.settle();
    harness.advance(31 * 24 * 60 * MINUTE);
    await harness.submit(harness.submission({ email: "new@example.com" }));
    expect(await harness.store.purge({ now: harness.now(), realDays: 365, spamDays: 30 })).toEqual({
      real: 0,
      spam: 1,
      spamCounts: 1,
    });
    harness.advance(335 * 24 * 60 * MINUTE);
    expect(await harness.store.purge({ now: harness.now(), realDays: 365, spamDays: 30 })).toMatchObject({
      real: 1,
      spam: 0,
    });
    expect((await harness.store.recent(10)).map((row) => row.email)).toEqual(["new@example.com"]);
  });

  it("without a known client address, submissions are still stored and emailed (the other limits apply)", async () => {
    harness = await createHarness();
    for (let index = 0; index < 6; index += 1) {
      expect((await harness.submit(harness.submission({ email: `p${index}@example.com` }), { ip: null })).status).toBe(
        "success",
      );
    }
    expect((await harness.store.recent(10)).every((row) => row.ipHash === null)).toBe(true);
  });

  it("a double submit of the same message stores and sends it once", async () => {
    harness = await createHarness();
    const submission = harness.submission();
    const [first, second] = await Promise.all([harness.submit(submission), harness.submit({ ...submission })]);
    await harness.settle();
    expect(first.status).toBe("success");
    expect(second.status).toBe("success");
    expect(await harness.store.recent(10)).toHaveLength(1);
    expect(harness.fake.deliveries).toHaveLength(1);
  });

  it("invalid input returns an error per field and every typed value; nothing is stored or sent", async () => {
    harness = await createHarness();
    const submission = harness.submission({
      name: "   ",
      email: "ada@",
      company: "Acme",
      topic: "sales",
      message: "Too short",
    });
    const state = await harness.submit(submission);
    expect(state).toMatchObject({
      status: "invalid",
      message: "Please check the 4 highlighted fields.",
      fieldErrors: {
        name: "Please tell me your name",
        email: "Please enter a valid email address, like name@company.com",
        topic: "Please choose what you would like to talk about",
        message: "Please write at least 20 characters, so I can prepare a useful reply",
      },
      values: { name: "   ", email: "ada@", company: "Acme", topic: "sales", message: "Too short" },
      formToken: submission.formToken,
    });
    expect(await harness.store.recent(10)).toHaveLength(0);
    expect(harness.fake.requests).toHaveLength(0);
  });

  it("only a published post becomes the source: a draft or unknown slug is dropped", async () => {
    harness = await createHarness();
    await harness.submit(harness.submission({ source: DRAFT_SLUG, email: "a@example.com" }));
    await harness.submit(harness.submission({ source: "no-such-post", email: "b@example.com" }));
    await harness.submit(harness.submission({ source: "", email: "c@example.com" }));
    await harness.settle();
    const rows = await harness.store.recent(10);
    expect(rows.map((row) => row.sourceSlug)).toEqual([null, null, null]);
    for (const delivery of harness.fake.deliveries) {
      expect(delivery.html).toContain("The contact page directly (no article)");
      expect(delivery.html).not.toContain("Writing an Engineering Strategy");
    }
  });

  it("two deliveries racing for one enquiry send one email", async () => {
    harness = await createHarness();
    harness.deps.defer = () => {}; // leave delivery to the racers below
    await harness.submit(harness.submission());
    const { id } = await harness.only();
    const [first, second, run] = await Promise.all([
      deliverEnquiry(id, harness.deps),
      deliverEnquiry(id, harness.deps),
      retryUnsent(harness.deps, { pauseMs: 0, ignoreSchedule: true }),
    ]);
    const sent = [first.status, second.status, ...run.results.map((result) => result.status)].filter(
      (status) => status === "sent",
    );
    expect(sent).toHaveLength(1);
    expect(harness.fake.requests).toHaveLength(1);
    expect(await harness.only()).toMatchObject({ status: "sent", attempts: 1 });
  });

  describe("acknowledgement (CONTACT_SEND_ACK=true)", () => {
    it("sends a fixed note to the prospect, at most once per address per 24 hours", async () => {
      harness = await createHarness({ sendAcknowledgement: true });
      await harness.submit(
        harness.submission({ email: "ada@example.com", message: "First message, with details only Nora should read." }),
      );
      await harness.settle();
      harness.advance(2 * 60 * MINUTE);
      await harness.submit(harness.submission({ email: "ADA@example.com" }), { ip: "203.0.113.77" });
      await harness.settle();

      const acks = harness.fake.deliveries.filter((delivery) => delivery.to[0]?.toLowerCase() === "ada@example.com");
      expect(acks).toHaveLength(1);
      expect(acks[0]).toMatchObject({
        from: FROM,
        reply_to: OWNER,
        subject: "Thanks for getting in touch — Nora Castell",
      });
      expect(acks[0]!.idempotencyKey).toMatch(/^ack-/);
      expect(acks[0]!.html).not.toContain("details only Nora should read");
      expect(acks[0]!.html).not.toContain("Ada Lovelace");
      expect(harness.fake.deliveries.filter((delivery) => delivery.to[0] === OWNER)).toHaveLength(2);

      harness.advance(23 * 60 * MINUTE);
      await harness.submit(harness.submission({ email: "ada@example.com" }), { ip: "203.0.113.78" });
      await harness.settle();
      expect(harness.fake.deliveries.filter((delivery) => delivery.to[0] === "ada@example.com")).toHaveLength(2);
    });

    it("is never sent for spam", async () => {
      harness = await createHarness({ sendAcknowledgement: true });
      await harness.submit(harness.submission({ email: "victim@example.com", [HONEYPOT_FIELD]: "x" }));
      await harness.settle();
      expect(harness.fake.requests).toHaveLength(0);
    });
  });
});
