import type { Mailer, SendResult } from "@/lib/email/mailer";

import { ACKNOWLEDGEMENT_SUBJECT, renderAcknowledgementEmail } from "./acknowledgement-email";
import { renderEnquiryEmail, type SourcePost } from "./enquiry-email";
import type { EnquiryRecord } from "./store";

/**
 * Sending the enquiry emails through the site's mailer (lib/email): the owner's notification and the optional
 * acknowledgement to the prospect. The templates are one per file (enquiry-email.tsx, acknowledgement-email.tsx,
 * digest-email.tsx for the held digest, with the styles of email-style.tsx).
 */

export type { SourcePost } from "./enquiry-email";
/** Finds a published post by slug: the app passes the content layer's lookup, scripts the generated JSON's. */
export type FindPost = (slug: string) => SourcePost | undefined;

export type EmailSettings = { from: string; to: string; mailer: Mailer; findPost: FindPost };

/** Sends the owner's notification; the enquiry id is the idempotency key, so retries never send twice. */
export async function sendEnquiryEmail(
  enquiry: EnquiryRecord,
  { from, to, mailer, findPost }: EmailSettings,
): Promise<SendResult> {
  let rendered: { subject: string; html: string; text: string };
  try {
    const source = enquiry.sourceSlug ? findPost(enquiry.sourceSlug) : undefined;
    rendered = await renderEnquiryEmail({ enquiry, source });
  } catch (error) {
    return {
      ok: false,
      error: `Rendering the email failed: ${error instanceof Error ? error.message : String(error)}`,
      rateLimited: false,
    };
  }
  return mailer.send({ idempotencyKey: enquiry.id, from, to, replyTo: enquiry.email, ...rendered });
}

/** Sends the fixed acknowledgement to the prospect; replies go to the owner. */
export async function sendAcknowledgementEmail(
  enquiry: Pick<EnquiryRecord, "id" | "email">,
  { from, to, mailer }: Omit<EmailSettings, "findPost">,
): Promise<SendResult> {
  let rendered: { html: string; text: string };
  try {
    rendered = await renderAcknowledgementEmail();
  } catch (error) {
    return {
      ok: false,
      error: `Rendering the acknowledgement failed: ${error instanceof Error ? error.message : String(error)}`,
      rateLimited: false,
    };
  }
  return mailer.send({
    idempotencyKey: `ack-${enquiry.id}`,
    from,
    to: enquiry.email,
    replyTo: to,
    subject: ACKNOWLEDGEMENT_SUBJECT,
    ...rendered,
  });
}
