/**
 * The answer to a sign-up posted without JavaScript, carried across the redirect to /newsletter: the route
 * handler answers 303 with this short-lived cookie, and the page shows the answer when the address it was sent
 * to names the same id (so a later visit to /newsletter shows a clean form). Nothing here is trusted: the page
 * renders the values as text, and anything that is not an answer's shape reads as no answer.
 */
import type { SubscribeState, SubscribeStatus } from "@/lib/newsletter/state";

export const ANSWER_COOKIE = "newsletter-answer";
/** Long enough for a slow phone to follow the redirect; the id in the address makes it one answer per sign-up. */
export const ANSWER_MAX_AGE_SECONDS = 120;

const STATUSES: readonly SubscribeStatus[] = ["idle", "invalid", "success", "error"];

const text = (value: unknown, max: number): string | undefined =>
  typeof value === "string" && value.length <= max ? value : undefined;

export function encodeAnswer(id: string, state: SubscribeState): string {
  return Buffer.from(JSON.stringify({ id, state }), "utf8").toString("base64url");
}

/** The answer the cookie holds for `id`, or null (no cookie, another sign-up's, or not an answer at all). */
export function decodeAnswer(cookie: string | undefined, id: string | undefined): SubscribeState | null {
  if (!cookie || !id) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cookie, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const { id: answerId, state } = parsed as { id?: unknown; state?: Record<string, unknown> };
  if (answerId !== id || typeof state !== "object" || state === null) return null;
  const status = STATUSES.find((candidate) => candidate === state.status);
  const message = text(state.message, 1_000);
  const fieldErrors = (state.fieldErrors ?? {}) as Record<string, unknown>;
  const values = (state.values ?? {}) as Record<string, unknown>;
  if (!status || message === undefined) return null;
  const emailError = text(fieldErrors.email, 500);
  const email = text(values.email, 1_000);
  return {
    status,
    message,
    fieldErrors: emailError ? { email: emailError } : {},
    values: email !== undefined ? { email } : {},
  };
}

/** A fresh id for one answer (the address and the cookie both carry it). */
export function newAnswerId(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(9))).toString("base64url");
}
