/** What every email transport takes and answers (Resend in resend.ts, the local outbox in outbox.ts). */

export type OutgoingEmail = {
  /** Stable across retries: Resend's Idempotency-Key, and the outbox file name. */
  idempotencyKey: string;
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers (the newsletter's List-Unsubscribe); the outbox writes them with the rest. */
  headers?: Record<string, string>;
};

/** Failures are values, never exceptions, so the caller always records them. */
export type SendResult =
  /** `outbox`: written to the local outbox (no RESEND_API_KEY), so nobody received it. */
  | { ok: true; id: string | null; where: string; outbox?: boolean }
  /** `rateLimited`: the provider asked us to slow down (HTTP 429); a retry run stops there. */
  | { ok: false; error: string; rateLimited: boolean };

export interface Mailer {
  /** For logs: "Resend (https://api.resend.com)" or "local outbox (.data/outbox)". */
  readonly description: string;
  send(email: OutgoingEmail): Promise<SendResult>;
}
