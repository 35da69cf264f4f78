import { Resend } from "resend";

/**
 * How an email leaves the site. Two transports share this shape: Resend
 * (when RESEND_API_KEY is set) and the local outbox (outbox.ts) otherwise.
 * Failures are values, never exceptions, so the caller always records them.
 */

export type OutgoingEmail = {
  /** Stable across retries: Resend's Idempotency-Key, and the outbox file name. */
  idempotencyKey: string;
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
};

export type SendResult =
  /** `outbox`: written to the local outbox (no RESEND_API_KEY), so nobody received it. */
  | { ok: true; id: string | null; where: string; outbox?: boolean }
  /** `rateLimited`: the provider asked us to slow down (HTTP 429); a retry run stops there. */
  | { ok: false; error: string; rateLimited: boolean };

export interface Mailer {
  /** For logs: "Resend (https://api.resend.com)" or "outbox (.data/outbox)". */
  readonly description: string;
  send(email: OutgoingEmail): Promise<SendResult>;
}

const RESEND_API = "https://api.resend.com";

/**
 * `baseUrl` comes from RESEND_BASE_URL through lib/env.ts (tests and drills point it at a local fake). It is
 * always passed to the SDK, so the SDK never falls back to reading the environment itself.
 */
export function createResendMailer({
  apiKey,
  baseUrl = RESEND_API,
  timeoutMs,
}: {
  apiKey: string;
  baseUrl?: string;
  timeoutMs: number;
}): Mailer {
  const resend = new Resend(apiKey, { baseUrl });
  return {
    description: `Resend (${baseUrl})`,
    async send(email) {
      const signal = AbortSignal.timeout(timeoutMs);
      let response: Awaited<ReturnType<typeof resend.emails.send>>;
      try {
        response = await resend.emails.send(
          {
            from: email.from,
            to: [email.to],
            replyTo: email.replyTo,
            subject: email.subject,
            html: email.html,
            text: email.text,
          },
          { idempotencyKey: email.idempotencyKey, signal },
        );
      } catch (error) {
        // The SDK reports HTTP and network failures as values; this is for anything else (e.g. an abort it rethrew).
        const reason = signal.aborted
          ? `timed out after ${timeoutMs} ms`
          : error instanceof Error
            ? error.message
            : String(error);
        return { ok: false, error: `Resend: ${reason}`, rateLimited: false };
      }
      // The SDK resolves with { data, error } instead of throwing: check error.
      if (response.error) {
        const { statusCode, name, message } = response.error;
        if (signal.aborted) return { ok: false, error: `Resend: timed out after ${timeoutMs} ms`, rateLimited: false };
        const status = statusCode ?? "network";
        return {
          ok: false,
          error: `Resend ${status} ${name}: ${message}`,
          rateLimited: statusCode === 429 || name === "rate_limit_exceeded",
        };
      }
      return { ok: true, id: response.data?.id ?? null, where: `Resend id ${response.data?.id ?? "unknown"}` };
    },
  };
}

/** For logs: where an accepted email really went (a person's inbox through Resend, or a file in the local outbox). */
export function describeSent(result: { where: string; outbox?: boolean }, to: string): string {
  return result.outbox
    ? `NOT emailed (no RESEND_API_KEY): written to the local outbox, ${result.where}`
    : `emailed to ${to} through ${result.where}`;
}
