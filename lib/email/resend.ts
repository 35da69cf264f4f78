import { Resend } from "resend";

import type { Mailer } from "./types";

/**
 * The one Resend client of the site: made from the API key and the base URL (RESEND_BASE_URL through lib/env.ts;
 * tests and drills point it at a local fake), every call with a timeout and every failure (HTTP, network, timeout,
 * throw) turned into a value. The enquiry, digest and newsletter emails all leave through `send`.
 */

export const RESEND_API = "https://api.resend.com";

type SdkResponse<T> = { data: T | null; error: { statusCode?: number | null; name: string; message: string } | null };

export type CallResult<T> =
  { ok: true; data: T | null } | { ok: false; error: string; rateLimited: boolean; status: number | null };

export type ResendConnection = Mailer & {
  readonly sdk: Resend;
  /** The base URL in use, for logs. */
  readonly where: string;
  /**
   * Runs one SDK call with the timeout's signal; `what` names it in errors ("Resend contacts.update: 404 …").
   * The SDK resolves with { data, error } instead of throwing: the error is checked here.
   */
  call<T>(what: string | undefined, run: (signal: AbortSignal) => Promise<SdkResponse<T>>): Promise<CallResult<T>>;
};

export function connectResend({
  apiKey,
  baseUrl = RESEND_API,
  timeoutMs,
}: {
  apiKey: string;
  baseUrl?: string;
  timeoutMs: number;
}): ResendConnection {
  // Always passed, so the SDK never falls back to reading the environment itself.
  const sdk = new Resend(apiKey, { baseUrl });

  async function call<T>(
    what: string | undefined,
    run: (signal: AbortSignal) => Promise<SdkResponse<T>>,
  ): Promise<CallResult<T>> {
    const named = what ? ` ${what}` : "";
    const timedOut = {
      ok: false as const,
      error: `Resend${named}: timed out after ${timeoutMs} ms`,
      rateLimited: false,
      status: null,
    };
    const signal = AbortSignal.timeout(timeoutMs);
    let response: SdkResponse<T>;
    try {
      response = await run(signal);
    } catch (error) {
      // The SDK reports HTTP and network failures as values; this is for anything else (e.g. an abort it rethrew).
      if (signal.aborted) return timedOut;
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, error: `Resend${named}: ${reason}`, rateLimited: false, status: null };
    }
    if (!response.error) return { ok: true, data: response.data };
    if (signal.aborted) return timedOut;
    const { statusCode, name, message } = response.error;
    return {
      ok: false,
      error: `Resend${what ? ` ${what}:` : ""} ${statusCode ?? "network"} ${name}: ${message}`,
      rateLimited: statusCode === 429 || name === "rate_limit_exceeded",
      status: statusCode ?? null,
    };
  }

  return {
    sdk,
    where: baseUrl,
    description: `Resend (${baseUrl})`,
    call,
    async send(email) {
      const result = await call(undefined, (signal) =>
        sdk.emails.send(
          {
            from: email.from,
            to: [email.to],
            replyTo: email.replyTo,
            subject: email.subject,
            html: email.html,
            text: email.text,
            headers: email.headers,
          },
          { idempotencyKey: email.idempotencyKey, signal },
        ),
      );
      if (!result.ok) return { ok: false, error: result.error, rateLimited: result.rateLimited };
      const id = result.data?.id ?? null;
      return { ok: true, id, where: `Resend id ${id ?? "unknown"}` };
    },
  };
}
