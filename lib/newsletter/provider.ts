import { createOutboxMailer, outboxFile, writeToOutbox } from "@/lib/email/outbox";
import { connectResend } from "@/lib/email/resend";
import type { OutgoingEmail, SendResult } from "@/lib/email/types";

/**
 * Where the newsletter's emails and list live. With RESEND_API_KEY: Resend's
 * Emails, Contacts (global, grouped into the Segment RESEND_SEGMENT_ID) and
 * Broadcasts APIs, through the site's one Resend connection (lib/email). Without
 * it: the local outbox for emails and digests, and the local database as the
 * only list. Failures are values, never exceptions.
 */

export type CallResult<T = null> =
  { ok: true; value: T; where: string } | { ok: false; error: string; rateLimited: boolean };

export type Digest = { name: string; subject: string; previewText: string; html: string; text: string };

export interface NewsletterProvider {
  readonly description: string;
  /** True when the list lives in Resend (contacts and broadcasts); false for the local outbox. */
  readonly remote: boolean;
  sendEmail(email: OutgoingEmail): Promise<SendResult>;
  /** Creates the contact in the segment, or, when it exists, marks it subscribed and adds it to the segment. */
  subscribeContact(email: string): Promise<CallResult<string | null>>;
  /** Marks the contact unsubscribed (it then receives no broadcast); a contact Resend does not know is fine. */
  unsubscribeContact(email: string): Promise<CallResult>;
  /** Deletes the contact (a data deletion request). */
  removeContact(email: string): Promise<CallResult>;
  createDraftBroadcast(digest: Digest, from: string): Promise<CallResult<string>>;
  sendBroadcast(id: string): Promise<CallResult<string>>;
}

export function createResendProvider({
  apiKey,
  baseUrl,
  timeoutMs,
  segmentId,
}: {
  apiKey: string;
  baseUrl?: string;
  timeoutMs: number;
  segmentId?: string;
}): NewsletterProvider {
  const resend = connectResend({ apiKey, baseUrl, timeoutMs });
  const { sdk, where } = resend;
  const fail = (result: { error: string; rateLimited: boolean }) => ({
    ok: false as const,
    error: result.error,
    rateLimited: result.rateLimited,
  });

  return {
    description: resend.description,
    remote: true,
    sendEmail: (email) => resend.send(email),

    async subscribeContact(email) {
      const created = await resend.call("contacts.create", (signal) =>
        sdk.contacts.create(
          { email, unsubscribed: false, ...(segmentId ? { segments: [{ id: segmentId }] } : {}) },
          { signal },
        ),
      );
      if (created.ok) return { ok: true, value: created.data?.id ?? null, where };
      // Contacts are global in Resend: someone who unsubscribed, or is on another segment, already exists.
      if (created.status !== 409 && !/exist/i.test(created.error)) return fail(created);
      const updated = await resend.call("contacts.update", (signal) =>
        sdk.contacts.update({ email, unsubscribed: false }, { signal }),
      );
      if (!updated.ok) return fail(updated);
      if (segmentId) {
        const added = await resend.call("contacts.segments.add", (signal) =>
          sdk.contacts.segments.add({ email, segmentId }, { signal }),
        );
        if (!added.ok && added.status !== 409) return fail(added);
      }
      return { ok: true, value: updated.data?.id ?? null, where };
    },

    async unsubscribeContact(email) {
      const updated = await resend.call("contacts.update", (signal) =>
        sdk.contacts.update({ email, unsubscribed: true }, { signal }),
      );
      if (!updated.ok && updated.status !== 404) return fail(updated);
      return { ok: true, value: null, where };
    },

    async removeContact(email) {
      const removed = await resend.call("contacts.remove", (signal) => sdk.contacts.remove({ email }, { signal }));
      if (!removed.ok && removed.status !== 404) return fail(removed);
      return { ok: true, value: null, where };
    },

    async createDraftBroadcast(digest, from) {
      if (!segmentId)
        return {
          ok: false,
          error: "RESEND_SEGMENT_ID is not set: a broadcast needs the segment of subscribers to go to",
          rateLimited: false,
        };
      const created = await resend.call("broadcasts.create", (signal) =>
        sdk.broadcasts.create(
          {
            segmentId,
            from,
            name: digest.name,
            subject: digest.subject,
            previewText: digest.previewText,
            html: digest.html,
            text: digest.text,
          },
          { signal },
        ),
      );
      if (!created.ok) return fail(created);
      if (!created.data?.id)
        return { ok: false, error: "Resend broadcasts.create answered without an id", rateLimited: false };
      return { ok: true, value: created.data.id, where: `Resend broadcast ${created.data.id} (draft)` };
    },

    async sendBroadcast(id) {
      const sent = await resend.call("broadcasts.send", (signal) => sdk.broadcasts.send(id, undefined, { signal }));
      if (!sent.ok) return fail(sent);
      return { ok: true, value: id, where: `Resend broadcast ${id} (sending)` };
    },
  };
}

export function createLocalProvider({
  outboxDir,
  log = console,
}: {
  outboxDir: string;
  log?: Pick<Console, "info">;
}): NewsletterProvider {
  const mailer = createOutboxMailer({ dir: outboxDir, log, tag: "newsletter" });
  const local = (value: null = null) => ({
    ok: true as const,
    value,
    where: "local database only (no RESEND_API_KEY)",
  });
  const digestFile = (name: string) => outboxFile(outboxDir, name);
  return {
    description: mailer.description,
    remote: false,
    // The outbox writes every field it is given, headers included.
    sendEmail: (email) => mailer.send(email),
    subscribeContact: async () => local(),
    unsubscribeContact: async () => local(),
    removeContact: async () => local(),
    async createDraftBroadcast(digest, from) {
      const file = digestFile(digest.name);
      const written = await writeToOutbox(file, { status: "draft", from, ...digest }, digest.html);
      if (!written.ok) return written;
      return { ok: true, value: digest.name, where: `${file}.json (draft, no RESEND_API_KEY)` };
    },
    async sendBroadcast(id) {
      return {
        ok: true,
        value: id,
        where: `${digestFile(id)}.json (no RESEND_API_KEY: the outbox is the only recipient)`,
      };
    },
  };
}
