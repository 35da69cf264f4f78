import { signWebhookBody } from "@/lib/bookings/webhook";

import { calWebhookBody, calWebhookHeaders } from "../../shared/cal-webhook";
import { pool, send, type RawRequest, type RawResponse } from "../../shared/form";
import { seededRandom } from "../../shared/seeded-random";
import type { DrillServer } from "./server";

/**
 * The booking webhook's share of the bad-input drill: bad signatures, wrong content types, huge bodies,
 * malformed JSON, unknown event types and events for unknown people, all posted to POST
 * /api/bookings/webhook. The target is a real enquiry (id and address known), so a defect that let a bad
 * request through would book it. Invariants: no 5xx, no enquiry's booking changed; afterwards a correctly
 * signed event books it exactly once. Without BOOKING_WEBHOOK_SECRET every case must get 404.
 */

export const WEBHOOK_PATH = "/api/bookings/webhook";

export type WebhookCase = { category: string; variant: string; request: RawRequest; expect: number[] };

export type WebhookFuzzResult = {
  cases: number;
  byStatus: Record<string, number>;
  unexpected: string[];
  bookingsChanged: string[];
  /** With a secret: a signed event afterwards books the enquiry, and its replay changes nothing. */
  bookedAfterwards: boolean | "not-configured";
  ok: boolean;
};

const hex = (random: () => number, length: number) =>
  Array.from({ length }, () => "0123456789abcdef"[Math.floor(random() * 16)]).join("");

export function webhookCases(
  secret: string,
  target: { id: string; email: string },
  { count, seed }: { count: number; seed: number },
): WebhookCase[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const booking = (overrides: Partial<Parameters<typeof calWebhookBody>[0]> = {}) =>
    calWebhookBody({
      uid: `fuzz_${hex(random, 12)}`,
      name: "Fuzz",
      email: target.email,
      enquiryId: target.id,
      ...overrides,
    });
  const post = (body: string | Buffer, headers: Record<string, string>, chunked = false): RawRequest => ({
    path: WEBHOOK_PATH,
    body,
    headers,
    chunked,
  });
  const signedHeaders = (body: string | Buffer) => ({
    "content-type": "application/json",
    "x-cal-signature-256": signWebhookBody(secret, body),
  });

  const makers: Array<() => WebhookCase> = [
    () => {
      const body = booking();
      const signature = pick([
        "",
        "no-secret-provided",
        hex(random, 64),
        signWebhookBody(secret, body).slice(0, 63),
        `${signWebhookBody(secret, body)}00`,
        signWebhookBody(`${secret}x`, body),
        `sha256=${signWebhookBody(secret, body)}`,
        Buffer.from(signWebhookBody(secret, body), "hex").toString("base64"),
      ]);
      return {
        category: "bad signatures",
        variant: signature.slice(0, 24) || "(empty)",
        request: post(body, { "content-type": "application/json", "x-cal-signature-256": signature }),
        expect: [401],
      };
    },
    () => ({
      category: "bad signatures",
      variant: "unsigned",
      request: post(booking(), { "content-type": "application/json" }),
      expect: [401],
    }),
    () => {
      // Signed, then changed on the way: the signature is for other bytes.
      const body = booking();
      const headers = calWebhookHeaders(secret, body);
      return {
        category: "bad signatures",
        variant: "body changed after signing",
        request: post(body.replace("BOOKING_CREATED", "BOOKING_CANCELLED"), headers),
        expect: [401],
      };
    },
    () => {
      const type = pick([
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
        "application/jsonp",
        "",
      ]);
      const body = booking();
      return {
        category: "wrong content types",
        variant: type || "(none)",
        request: post(body, {
          ...(type ? { "content-type": type } : {}),
          "x-cal-signature-256": signWebhookBody(secret, body),
        }),
        expect: [415],
      };
    },
    () => {
      const size = pick([70 * 1024, 1024 * 1024, 10 * 1024 * 1024]);
      const body = Buffer.alloc(size, 0x20);
      body.write(booking());
      const chunked = random() < 0.5;
      return {
        category: "huge bodies",
        variant: `${Math.round(size / 1024)} KiB${chunked ? " chunked" : ""}`,
        request: post(body, signedHeaders(body), chunked),
        expect: [413],
      };
    },
    () => {
      const body = pick([
        "{",
        "[]",
        "null",
        '"BOOKING_CREATED"',
        '{"triggerEvent":"BOOKING_CREATED"}',
        '{"triggerEvent":"BOOKING_CREATED","payload":{}}',
        '{"triggerEvent":"BOOKING_CREATED","payload":{"uid":""}}',
        '{"triggerEvent":"BOOKING_CREATED","payload":{"uid":{"$ne":null}}}',
        `{"triggerEvent":"BOOKING_CREATED","payload":{"uid":"x","attendees":"${target.email}"}}`,
        `{"triggerEvent":${"[".repeat(5_000)}${"]".repeat(5_000)}}`,
        `{"__proto__":{"triggerEvent":"BOOKING_CREATED"},"payload":{"uid":"x"}}`,
      ]);
      return {
        category: "malformed JSON",
        variant: body.slice(0, 40),
        request: post(body, signedHeaders(body)),
        expect: [400],
      };
    },
    () => {
      const body = Buffer.concat([
        Buffer.from('{"triggerEvent":"BOOKING_CREATED","payload":{"uid":"'),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from('"}}'),
      ]);
      return {
        category: "malformed JSON",
        variant: "invalid UTF-8",
        request: post(body, signedHeaders(body)),
        expect: [400],
      };
    },
    () => {
      const trigger = pick([
        "PING",
        "MEETING_ENDED",
        "BOOKING_REQUESTED",
        "booking_created",
        "BOOKING_CREATED ",
        "FORM_SUBMITTED",
        "x".repeat(101),
      ]);
      const body = booking({ trigger });
      // Trailing space and 101 characters are not Cal.com's shape; the rest are events this site ignores
      // (BOOKING_RESCHEDULED is handled: a signed one for the target would rightly move its booking).
      const malformed = trigger.length > 100;
      return {
        category: "unknown event types",
        variant: trigger.slice(0, 24),
        request: post(body, signedHeaders(body)),
        expect: malformed ? [400] : [200],
      };
    },
    () => {
      const email = `${hex(random, 8)}@unknown.example`;
      const body = booking({
        email,
        enquiryId: pick([undefined, "00000000-0000-0000-0000-000000000000", "../../etc", "1 OR 1=1"]),
      });
      return {
        category: "events for unknown people",
        variant: email,
        request: post(body, signedHeaders(body)),
        expect: [200],
      };
    },
  ];
  return Array.from({ length: count }, () => pick(makers)());
}

async function bookingSnapshot(server: DrillServer): Promise<Map<string, string>> {
  const db = server.db();
  try {
    const rows = await db.execute("SELECT id, booking_status, booking_uid, booking_changed_at FROM enquiries");
    return new Map(
      rows.rows.map((row) => [
        String(row.id),
        JSON.stringify([row.booking_status, row.booking_uid, row.booking_changed_at]),
      ]),
    );
  } finally {
    db.close();
  }
}

export async function runWebhookFuzz(
  server: DrillServer,
  target: { id: string; email: string },
  { count, seed = 14, concurrency = 6 }: { count: number; seed?: number; concurrency?: number },
): Promise<WebhookFuzzResult> {
  const secret = server.env.BOOKING_WEBHOOK_SECRET;
  // Without the secret the cases are the same requests (signed with a guess): every one must find no endpoint.
  const cases = webhookCases(secret ?? "guessed-secret-0123456789", target, { count, seed }).map((fuzz) =>
    secret ? fuzz : { ...fuzz, expect: [404] },
  );
  const before = await bookingSnapshot(server);
  const responses: RawResponse[] = await pool(
    cases.map((fuzz) => () => send(server.url, fuzz.request, 60_000)),
    concurrency,
  );
  const byStatus: Record<string, number> = {};
  const unexpected: string[] = [];
  for (const [index, fuzz] of cases.entries()) {
    const response = responses[index]!;
    byStatus[String(response.status)] = (byStatus[String(response.status)] ?? 0) + 1;
    // A server may answer 413 and close before a huge body is all sent: the client then sees a reset.
    const resetOnHugeBody = response.status === "network-error" && fuzz.category === "huge bodies";
    if (!resetOnHugeBody && !fuzz.expect.includes(response.status as number))
      unexpected.push(`${fuzz.category}: ${fuzz.variant} → ${response.status} ${response.body.slice(0, 100)}`);
  }
  const after = await bookingSnapshot(server);
  const bookingsChanged = [...before].filter(([id, value]) => after.get(id) !== value).map(([id]) => id);

  let bookedAfterwards: WebhookFuzzResult["bookedAfterwards"] = "not-configured";
  if (secret) {
    const body = calWebhookBody({ uid: `drill_${seed}`, name: "Drill", email: target.email, enquiryId: target.id });
    const request = { path: WEBHOOK_PATH, body, headers: calWebhookHeaders(secret, body) };
    const first = await send(server.url, request);
    const replay = await send(server.url, request);
    const booked = (await bookingSnapshot(server)).get(target.id) ?? "";
    bookedAfterwards =
      first.status === 200 &&
      first.body.includes('"applied"') &&
      replay.status === 200 &&
      replay.body.includes('"replay"') &&
      booked.startsWith('["booked"');
  }
  return {
    cases: cases.length,
    byStatus,
    unexpected,
    bookingsChanged,
    bookedAfterwards,
    ok: unexpected.length === 0 && bookingsChanged.length === 0 && bookedAfterwards !== false,
  };
}
