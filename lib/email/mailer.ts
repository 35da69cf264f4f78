import { createOutboxMailer } from "./outbox";
import { connectResend } from "./resend";
import type { Mailer } from "./types";

/**
 * The one way in for email: Resend when RESEND_API_KEY is set, the local outbox otherwise. The enquiry runtime
 * (owner emails, acknowledgements, the held digest) makes its mailer here; the newsletter's provider sends its
 * confirmations through the same Resend connection (resend.ts) or outbox (outbox.ts).
 */

export type { Mailer, OutgoingEmail, SendResult } from "./types";

export type MailerSettings = {
  /** RESEND_API_KEY; without it every email goes to the outbox. */
  apiKey?: string;
  /** RESEND_BASE_URL (the SDK's default when unset). */
  baseUrl?: string;
  timeoutMs: number;
  /** CONTACT_OUTBOX_DIR. */
  outboxDir: string;
  log?: Pick<Console, "info">;
  /** The feature named in the outbox's log line. */
  tag?: string;
};

export function createMailer({ apiKey, baseUrl, timeoutMs, outboxDir, log, tag }: MailerSettings): Mailer {
  return apiKey ? connectResend({ apiKey, baseUrl, timeoutMs }) : createOutboxMailer({ dir: outboxDir, log, tag });
}

/** For logs: where an accepted email really went (a person's inbox through Resend, or a file in the local outbox). */
export function describeSent(result: { where: string; outbox?: boolean }, to: string): string {
  return result.outbox
    ? `NOT emailed (no RESEND_API_KEY): written to the local outbox, ${result.where}`
    : `emailed to ${to} through ${result.where}`;
}
