import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { Resend } from "resend";

import type { OutgoingEmail, SendResult } from "@/lib/contact/mailer";
import { createOutboxMailer } from "@/lib/contact/outbox";

/**
 * Where the newsletter's emails and list live. With RESEND_API_KEY: Resend's
 * Emails, Contacts (global, grouped into the Segment RESEND_SEGMENT_ID) and
 * Broadcasts APIs. Without it: the local outbox for emails and digests, and
 * the local database as the only list. Failures are values, never exceptions.
 */

export type NewsletterEmail = OutgoingEmail & { headers?: Record<string, string> };

export type CallResult<T = null> =
  { ok: true; value: T; where: string } | { ok: false; error: string; rateLimited: boolean };

export type Digest = { name: string; subject: string; previewText: string; html: string; text: string };

export interface NewsletterProvider {
  readonly description: string;
  /** True when the list lives in Resend (contacts and broadcasts); false for the local outbox. */
  readonly remote: boolean;
  sendEmail(email: NewsletterEmail): Promise<SendResult>;
  /** Creates the contact in the segment, or, when it exists, marks it subscribed and adds it to the segment. */
  subscribeContact(email: string): Promise<CallResult<string | null>>;
  /** Marks the contact unsubscribed (it then receives no broadcast); a contact Resend does not know is fine. */
  unsubscribeContact(email: string): Promise<CallResult>;
  /** Deletes the contact (a data deletion request). */
  removeContact(email: string): Promise<CallResult>;
  createDraftBroadcast(digest: Digest, from: string): Promise<CallResult<string>>;
  sendBroadcast(id: string): Promise<CallResult<string>>;
}

type SdkResponse<T> = { data: T | null; error: { statusCode?: number | null; name: string; message: string } | null };

/** Runs one SDK call with a timeout and turns every failure (HTTP, network, timeout, throw) into a value. */
async function call<T>(
  what: string,
  timeoutMs: number,
  run: (signal: AbortSignal) => Promise<SdkResponse<T>>,
): Promise<{ ok: true; data: T | null } | { ok: false; error: string; rateLimited: boolean; status: number | null }> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await run(signal);
    if (response.error) {
      if (signal.aborted)
        return {
          ok: false,
          error: `Resend ${what}: timed out after ${timeoutMs} ms`,
          rateLimited: false,
          status: null,
        };
      const { statusCode, name, message } = response.error;
      return {
        ok: false,
        error: `Resend ${what}: ${statusCode ?? "network"} ${name}: ${message}`,
        rateLimited: statusCode === 429 || name === "rate_limit_exceeded",
        status: statusCode ?? null,
      };
    }
    return { ok: true, data: response.data };
  } catch (error) {
    const reason = signal.aborted
      ? `timed out after ${timeoutMs} ms`
      : error instanceof Error
        ? error.message
        : String(error);
    return { ok: false, error: `Resend ${what}: ${reason}`, rateLimited: false, status: null };
  }
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
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  const where = baseUrl ?? process.env.RESEND_BASE_URL ?? "https://api.resend.com";
  const fail = (result: { error: string; rateLimited: boolean }) => ({
    ok: false as const,
    error: result.error,
    rateLimited: result.rateLimited,
  });
  const requestOptions = (signal: AbortSignal) => ({ signal }) as never;

  return {
    description: `Resend (${where})`,
    remote: true,

    async sendEmail(email) {
      const result = await call("emails.send", timeoutMs, (signal) =>
        resend.emails.send(
          {
            from: email.from,
            to: [email.to],
            replyTo: email.replyTo,
            subject: email.subject,
            html: email.html,
            text: email.text,
            headers: email.headers,
          },
          { idempotencyKey: email.idempotencyKey, signal } as never,
        ),
      );
      if (!result.ok) return fail(result);
      return { ok: true, id: result.data?.id ?? null, where: `Resend id ${result.data?.id ?? "unknown"}` };
    },

    async subscribeContact(email) {
      const created = await call("contacts.create", timeoutMs, (signal) =>
        resend.contacts.create(
          { email, unsubscribed: false, ...(segmentId ? { segments: [{ id: segmentId }] } : {}) },
          requestOptions(signal),
        ),
      );
      if (created.ok) return { ok: true, value: created.data?.id ?? null, where };
      // Contacts are global in Resend: someone who unsubscribed, or is on another segment, already exists.
      if (created.status !== 409 && !/exist/i.test(created.error)) return fail(created);
      const updated = await call("contacts.update", timeoutMs, (signal) =>
        resend.contacts.update({ email, unsubscribed: false }, requestOptions(signal)),
      );
      if (!updated.ok) return fail(updated);
      if (segmentId) {
        const added = await call("contacts.segments.add", timeoutMs, (signal) =>
          resend.contacts.segments.add({ email, segmentId }, requestOptions(signal)),
        );
        if (!added.ok && added.status !== 409) return fail(added);
      }
      return { ok: true, value: updated.data?.id ?? null, where };
    },

    async unsubscribeContact(email) {
      const updated = await call("contacts.update", timeoutMs, (signal) =>
        resend.contacts.update({ email, unsubscribed: true }, requestOptions(signal)),
      );
      if (!updated.ok && updated.status !== 404) return fail(updated);
      return { ok: true, value: null, where };
    },

    async removeContact(email) {
      const removed = await call("contacts.remove", timeoutMs, (signal) =>
        resend.contacts.remove({ email }, requestOptions(signal)),
      );
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
      const created = await call("broadcasts.create", timeoutMs, (signal) =>
        resend.broadcasts.create(
          {
            segmentId,
            from,
            name: digest.name,
            subject: digest.subject,
            previewText: digest.previewText,
            html: digest.html,
            text: digest.text,
          },
          requestOptions(signal),
        ),
      );
      if (!created.ok) return fail(created);
      if (!created.data?.id)
        return { ok: false, error: "Resend broadcasts.create answered without an id", rateLimited: false };
      return { ok: true, value: created.data.id, where: `Resend broadcast ${created.data.id} (draft)` };
    },

    async sendBroadcast(id) {
      const sent = await call("broadcasts.send", timeoutMs, (signal) =>
        resend.broadcasts.send(id, undefined, requestOptions(signal)),
      );
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
  const mailer = createOutboxMailer({ dir: outboxDir, log });
  const local = (value: null = null) => ({
    ok: true as const,
    value,
    where: "local database only (no RESEND_API_KEY)",
  });
  const digestFile = (name: string) => path.join(path.resolve(outboxDir), `${name.replace(/[^A-Za-z0-9_-]/g, "_")}`);
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
      try {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(
          `${file}.json`,
          `${JSON.stringify({ status: "draft", from, ...digest, writtenAt: new Date().toISOString() }, null, 2)}\n`,
          "utf8",
        );
        await writeFile(`${file}.html`, digest.html, "utf8");
      } catch (error) {
        return {
          ok: false,
          error: `Outbox: could not write ${file}.json: ${error instanceof Error ? error.message : String(error)}`,
          rateLimited: false,
        };
      }
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
