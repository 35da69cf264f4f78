import { createHmac, timingSafeEqual } from "node:crypto";

import { z } from "zod";

import type { Logger } from "@/lib/contact/delivery";
import type { BookingEvent, BookingOutcome } from "@/lib/contact/store";

import { ENQUIRY_METADATA_KEY } from "./link";

/**
 * Cal.com's booking webhook (POST /api/bookings/webhook), framework-free: a Request in, a Response out.
 *
 * Cal.com posts `{"triggerEvent": "BOOKING_CREATED", "createdAt": "…", "payload": {"uid": "…", "attendees":
 * [{"email": …}], "metadata": {…}, …}}` as application/json (BOOKING_RESCHEDULED adds `rescheduleUid`, the uid of
 * the booking it replaces) and signs the raw body: `X-Cal-Signature-256` is
 * the hex HMAC-SHA256 of the exact bytes with the webhook's secret. The signature is checked on those bytes,
 * before anything is parsed, and compared in constant time.
 *
 * Answers: 413 over the body limit, 401 unsigned or badly signed, 415 not JSON, 400 not Cal.com's shape, and
 * 200 otherwise, saying what happened (applied, unchanged, unmatched, replay, ignored). Only a 200 can change
 * anything, and an event changes it once (the store keeps each event's trigger and uid).
 */

export const SIGNATURE_HEADER = "x-cal-signature-256";

/** A Cal.com booking payload is a few kilobytes; 64 KiB leaves room for long notes and many attendees. */
export const WEBHOOK_BODY_LIMIT_BYTES = 64 * 1024;

/** The events that change a booking here; every other trigger (PING, MEETING_ENDED …) is acknowledged and ignored. */
const HANDLED = ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED"] as const;

export type WebhookDeps = {
  secret: string;
  applyBookingEvent: (event: BookingEvent) => Promise<BookingOutcome>;
  now: () => Date;
  log: Logger;
  bodyLimit?: number;
};

/** The hex HMAC-SHA256 Cal.com sends: also what tests and the drill sign their payloads with. */
export function signWebhookBody(secret: string, body: string | Uint8Array): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

/** Constant-time check of the header against the body's HMAC; false for a missing or malformed header. */
export function verifyWebhookSignature(secret: string, body: Uint8Array, header: string | null): boolean {
  if (!header || !/^[0-9a-f]{64}$/i.test(header.trim())) return false;
  const expected = Buffer.from(signWebhookBody(secret, body), "hex");
  const given = Buffer.from(header.trim(), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The body, read up to `limit` bytes; "too-large" as soon as it goes past (the rest is never buffered). */
export async function readBodyWithin(request: Request, limit: number): Promise<Uint8Array | "too-large"> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) return "too-large";
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return "too-large";
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

const text = (max: number) => z.string().trim().min(1).max(max);

// The trigger is matched exactly as sent: "BOOKING_CREATED " is not an event this site knows.
const Envelope = z.object({ triggerEvent: z.string().min(1).max(100), payload: z.record(z.string(), z.unknown()) });

const BookingPayload = z.object({
  uid: text(200),
  attendees: z
    .array(z.looseObject({ email: z.string().max(320).optional() }))
    .max(100)
    .default([]),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  // BOOKING_RESCHEDULED: Cal.com sends the new booking's uid as `uid` and the one it replaces as `rescheduleUid`.
  rescheduleUid: text(200).nullish(),
});

function json(status: number, body: Record<string, unknown>): Response {
  return new Response(`${JSON.stringify(body)}\n`, {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

/** A plausible enquiry id from the booking's metadata (ours are UUIDs); anything else is ignored, not trusted. */
function enquiryIdOf(metadata: Record<string, unknown> | null | undefined): string | undefined {
  const value = metadata?.[ENQUIRY_METADATA_KEY];
  return typeof value === "string" && /^[0-9a-f-]{8,64}$/i.test(value) ? value : undefined;
}

export async function handleBookingWebhook(request: Request, deps: WebhookDeps): Promise<Response> {
  const limit = deps.bodyLimit ?? WEBHOOK_BODY_LIMIT_BYTES;
  const body = await readBodyWithin(request, limit);
  if (body === "too-large") return json(413, { error: `The body is larger than ${limit} bytes.` });

  if (!verifyWebhookSignature(deps.secret, body, request.headers.get(SIGNATURE_HEADER)))
    return json(401, {
      error: `Missing or wrong ${SIGNATURE_HEADER}: expected the hex HMAC-SHA256 of the body with the webhook's secret.`,
    });

  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(?:;|$)/i.test(contentType))
    return json(415, { error: `Expected Content-Type: application/json, got ${JSON.stringify(contentType)}.` });

  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    return json(400, { error: "The body is not valid UTF-8 JSON." });
  }
  const envelope = Envelope.safeParse(parsed);
  if (!envelope.success)
    return json(400, { error: "Expected Cal.com's webhook shape: {triggerEvent, createdAt, payload}." });
  const trigger = envelope.data.triggerEvent;
  if (!(HANDLED as readonly string[]).includes(trigger)) return json(200, { result: "ignored", triggerEvent: trigger });

  const payload = BookingPayload.safeParse(envelope.data.payload);
  if (!payload.success)
    return json(400, { error: `A ${trigger} payload needs a uid and, if present, a list of attendees.` });

  let outcome: BookingOutcome;
  try {
    outcome = await deps.applyBookingEvent({
      trigger: trigger as BookingEvent["trigger"],
      bookingUid: payload.data.uid,
      previousUid: payload.data.rescheduleUid ?? undefined,
      enquiryId: enquiryIdOf(payload.data.metadata),
      // Cal.com lists the person who booked first, then the guests they added: only the booker's address may match.
      primaryEmail: payload.data.attendees[0]?.email || undefined,
      at: deps.now(),
    });
  } catch (error) {
    // Nothing was recorded (the change and the event's key commit together): Cal.com retries a failed delivery.
    deps.log.error(
      `[bookings] ${trigger} ${payload.data.uid} not recorded: ${error instanceof Error ? error.message : String(error)}`,
    );
    return json(503, { error: "The booking could not be recorded just now; send it again later." });
  }
  if (outcome.kind === "applied")
    deps.log.info(`[bookings] Enquiry ${outcome.enquiryId} ${outcome.status} (${trigger} ${payload.data.uid})`);
  else if (outcome.kind === "unmatched")
    deps.log.warn(`[bookings] ${trigger} ${payload.data.uid} matched no enquiry (no enquiry id, unknown email)`);
  return json(200, { result: outcome.kind, ...("enquiryId" in outcome ? { enquiryId: outcome.enquiryId } : {}) });
}
