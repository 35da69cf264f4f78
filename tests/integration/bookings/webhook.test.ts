import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { handleBookingWebhook, signWebhookBody, WEBHOOK_BODY_LIMIT_BYTES } from "@/lib/bookings/webhook";
import { normaliseAddress } from "@/lib/contact/policy";
import { createEnquiryStore, type EnquiryStore, type NewEnquiry } from "@/lib/contact/store";

import { calWebhookBody, calWebhookHeaders } from "../../../tooling/shared/cal-webhook";

const SECRET = "whsec-integration-0123456789abcdef";
let dir: string;
let store: EnquiryStore;
const logs: string[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "bookings-it-"));
  store = createEnquiryStore({ url: `file:${path.join(dir, "enquiries.db")}`, timeoutMs: 2_000 });
  logs.length = 0;
});

afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

async function enquiry(overrides: Partial<NewEnquiry> = {}): Promise<string> {
  const id = randomUUID();
  const outcome = await store.create({
    id,
    createdAt: new Date("2026-12-02T09:00:00.000Z"),
    name: "Ada Lovelace",
    email: "ada@example.com",
    company: null,
    topic: "delivery-process",
    message: `Our releases keep slipping ${id}`,
    sourceSlug: "on-call",
    ipHash: null,
    userAgent: null,
    status: "pending",
    bookingLink: "cal",
    ...overrides,
    // As handleEnquiry stores it (lib/contact/policy.ts): the address with tags and case folded.
    addressKey: normaliseAddress(overrides.email ?? "ada@example.com"),
  });
  expect(outcome.kind).toBe("created");
  return id;
}

function post(body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string>) {
  const request = new Request("http://127.0.0.1/api/bookings/webhook", {
    method: "POST",
    body: typeof body === "string" ? body : new Blob([body]),
    headers,
  });
  return handleBookingWebhook(request, {
    secret: SECRET,
    applyBookingEvent: (event) => store.applyBookingEvent(event),
    now: () => new Date("2026-12-03T10:00:00.000Z"),
    log: { info: (line) => logs.push(line), warn: (line) => logs.push(line), error: (line) => logs.push(line) },
  });
}

function signed(body: string) {
  return post(body, calWebhookHeaders(SECRET, body));
}

async function snapshot() {
  const rows = await store.recent(100);
  return JSON.stringify(rows.map((row) => [row.id, row.bookingStatus, row.bookingUid, row.bookingChangedAt]));
}

describe("POST /api/bookings/webhook with real signed Cal.com payloads", () => {
  it("BOOKING_CREATED with the enquiry id in metadata marks that enquiry booked, once; a replay changes nothing", async () => {
    const older = await enquiry({ email: "ada@example.com" });
    const id = await enquiry({ email: "someone-else@example.com", createdAt: new Date("2026-12-01T09:00:00.000Z") });
    const body = calWebhookBody({ uid: "bk_1", name: "Ada Lovelace", email: "ada@example.com", enquiryId: id });

    const first = await signed(body);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ result: "applied", enquiryId: id });
    expect(await store.get(id)).toMatchObject({
      bookingStatus: "booked",
      bookingUid: "bk_1",
      bookingChangedAt: "2026-12-03T10:00:00.000Z",
    });
    // The metadata id wins over the address, which matches another enquiry.
    expect((await store.get(older))!.bookingStatus).toBeNull();

    const before = await snapshot();
    const replay = await signed(body);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ result: "replay" });
    expect(await snapshot()).toBe(before);
  });

  it("without metadata it matches the latest real enquiry from the attendee's address (normalised); spam never matches", async () => {
    await enquiry({ email: "grace@example.com", createdAt: new Date("2026-11-01T09:00:00.000Z") });
    const latest = await enquiry({ email: "Grace+work@Example.com" });
    await enquiry({ email: "grace@example.com", status: "spam", lastError: "spam: honeypot" });

    const response = await signed(calWebhookBody({ uid: "bk_2", name: "Grace", email: "grace@example.com" }));
    expect(await response.json()).toEqual({ result: "applied", enquiryId: latest });
  });

  it("by address only for the person who booked, never a guest they added, and only an enquiry of the last 30 days", async () => {
    const victim = await enquiry({ email: "victim@example.com" });
    // Anyone can book and add guests: a guest's enquiry is never marked booked.
    const guestOnly = await signed(
      calWebhookBody({
        uid: "bk_g",
        name: "Mallory",
        email: "mallory@example.net",
        guests: [{ name: "Victim", email: "victim@example.com" }],
      }),
    );
    expect(await guestOnly.json()).toEqual({ result: "unmatched" });
    expect((await store.get(victim))!.bookingStatus).toBeNull();
    // An enquiry older than 30 days is not what a booking today follows.
    await enquiry({ email: "old@example.com", createdAt: new Date("2026-10-01T09:00:00.000Z") });
    expect(await (await signed(calWebhookBody({ uid: "bk_o", name: "Old", email: "old@example.com" }))).json()).toEqual(
      {
        result: "unmatched",
      },
    );
    // The booker themself matches.
    expect(
      await (await signed(calWebhookBody({ uid: "bk_v", name: "Victim", email: "victim@example.com" }))).json(),
    ).toEqual({ result: "applied", enquiryId: victim });
  });

  it("BOOKING_RESCHEDULED moves the booking to its new uid, so cancelling the new booking undoes it", async () => {
    const id = await enquiry();
    await signed(calWebhookBody({ uid: "bk_first", name: "Ada", email: "ada@example.com", enquiryId: id }));
    // Cal.com's reschedule: a new booking (new uid) naming the one it replaces, without the metadata.
    const moved = await signed(
      calWebhookBody({
        trigger: "BOOKING_RESCHEDULED",
        uid: "bk_second",
        name: "Ada",
        email: "ada-new@example.org",
        rescheduleUid: "bk_first",
      }),
    );
    expect(await moved.json()).toEqual({ result: "applied", enquiryId: id });
    expect(await store.get(id)).toMatchObject({ bookingStatus: "booked", bookingUid: "bk_second" });
    // Cancelling the old uid changes nothing now; cancelling the new one puts the enquiry back.
    const stale = await signed(
      calWebhookBody({ trigger: "BOOKING_CANCELLED", uid: "bk_first", name: "Ada", email: "ada@example.com" }),
    );
    expect((await stale.json()).result).not.toBe("applied");
    const cancel = await signed(
      calWebhookBody({ trigger: "BOOKING_CANCELLED", uid: "bk_second", name: "Ada", email: "ada-new@example.org" }),
    );
    expect(await cancel.json()).toEqual({ result: "applied", enquiryId: id });
    expect((await store.get(id))!.bookingStatus).toBe("cancelled");
  });

  it("BOOKING_CANCELLED puts the enquiry back; a cancellation of another booking leaves it booked", async () => {
    const id = await enquiry();
    await signed(calWebhookBody({ uid: "bk_a", name: "Ada", email: "ada@example.com", enquiryId: id }));
    // Rebooked: the newer booking is the enquiry's booking now.
    await signed(calWebhookBody({ uid: "bk_b", name: "Ada", email: "ada@example.com", enquiryId: id }));
    const stale = await signed(
      calWebhookBody({
        trigger: "BOOKING_CANCELLED",
        uid: "bk_a",
        name: "Ada",
        email: "ada@example.com",
        enquiryId: id,
      }),
    );
    expect(await stale.json()).toEqual({ result: "unchanged", enquiryId: id });
    expect((await store.get(id))!.bookingStatus).toBe("booked");

    const cancel = await signed(
      calWebhookBody({ trigger: "BOOKING_CANCELLED", uid: "bk_b", name: "Ada", email: "changed@example.com" }),
    );
    expect(await cancel.json()).toEqual({ result: "applied", enquiryId: id });
    expect((await store.get(id))!.bookingStatus).toBe("cancelled");
  });

  it("an event for an unknown address or id is acknowledged, changes nothing, and is logged", async () => {
    const id = await enquiry();
    const before = await snapshot();
    const response = await signed(
      calWebhookBody({ uid: "bk_3", name: "Eve", email: "eve@example.com", enquiryId: randomUUID() }),
    );
    expect(await response.json()).toEqual({ result: "unmatched" });
    expect(await snapshot()).toBe(before);
    expect((await store.get(id))!.bookingStatus).toBeNull();
    expect(logs.join("\n")).toContain("bk_3 matched no enquiry");
  });

  it("other triggers (PING, MEETING_ENDED) are acknowledged and ignored", async () => {
    await enquiry();
    const before = await snapshot();
    const response = await signed(
      calWebhookBody({ trigger: "MEETING_ENDED", uid: "bk_4", name: "A", email: "ada@example.com" }),
    );
    expect(await response.json()).toEqual({ result: "ignored", triggerEvent: "MEETING_ENDED" });
    expect(await snapshot()).toBe(before);
  });

  it("refuses unsigned (401), badly signed (401), not JSON (415), malformed (400) and oversized (413), changing nothing", async () => {
    const id = await enquiry();
    const body = calWebhookBody({ uid: "bk_5", name: "Ada", email: "ada@example.com", enquiryId: id });
    const before = await snapshot();
    const headers = calWebhookHeaders(SECRET, body);

    expect((await post(body, { "content-type": "application/json" })).status).toBe(401);
    expect((await post(body, { ...headers, "x-cal-signature-256": "no-secret-provided" })).status).toBe(401);
    expect((await post(body.replace("bk_5", "bk_6"), headers)).status).toBe(401);
    const wrongType = "triggerEvent=BOOKING_CREATED";
    expect(
      (await post(wrongType, { ...calWebhookHeaders(SECRET, wrongType), "content-type": "text/plain" })).status,
    ).toBe(415);
    for (const malformed of [
      "{",
      "[]",
      '{"triggerEvent":"BOOKING_CREATED"}',
      '{"triggerEvent":"BOOKING_CREATED","payload":{"uid":""}}',
      '{"triggerEvent":"BOOKING_CREATED","payload":{"uid":"x","attendees":"ada@example.com"}}',
    ]) {
      const response = await signed(malformed);
      expect(response.status, malformed).toBe(400);
      expect((await response.json()).error).toMatch(/\w/);
    }
    const invalidUtf8 = new Uint8Array([0x7b, 0xff, 0x7d]);
    const invalidSigned = {
      "content-type": "application/json",
      "x-cal-signature-256": signWebhookBody(SECRET, invalidUtf8),
    };
    expect((await post(invalidUtf8, invalidSigned)).status).toBe(400);
    const huge = JSON.stringify({
      triggerEvent: "BOOKING_CREATED",
      payload: { uid: "x", pad: "x".repeat(WEBHOOK_BODY_LIMIT_BYTES) },
    });
    expect((await signed(huge)).status).toBe(413);

    expect(await snapshot()).toBe(before);
    expect((await store.get(id))!.bookingStatus).toBeNull();
  });
});
