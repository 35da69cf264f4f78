import { randomUUID } from "node:crypto";

import { getEnv, type Env } from "@/lib/env";
import { site } from "@/lib/site";

import type { DeliveryDeps, Logger } from "./delivery";
import { sendHeldDigest, type DigestOutcome } from "./digest";
import type { FindPost } from "./email";
import { createResendMailer, type Mailer } from "./mailer";
import { createOutboxMailer } from "./outbox";
import { policyFor } from "./policy";
import { retryUnsent, type RetryOptions, type RetrySummary } from "./retry";
import { resolveFormSecret, resolveIpHashKey, type FormSecret } from "./secret";
import { signFormToken } from "./spam";
import { createEnquiryStore, type EnquiryStore, type PurgeSummary } from "./store";
import type { SubmitDeps } from "./submit";

/**
 * The process-wide wiring of the contact funnel from the validated
 * environment: one store, one mail transport, one secret. Server-only.
 * Tests do not use this: they build their dependencies explicitly.
 *
 * Posts come in as `findPost` instead of from the content layer: the app
 * passes the content layer's lookup, the operator's scripts one that reads
 * the generated JSON, so lib/contact runs under plain Node without Next.
 */

export type ContactRuntime = {
  env: Env;
  store: EnquiryStore;
  mailer: Mailer;
  /** Read once (from the environment or the database) and then kept. */
  formSecret(): Promise<FormSecret>;
  ipHashKeySource: "env" | "process";
  delivery: DeliveryDeps;
  submitDeps(defer: SubmitDeps["defer"]): Promise<SubmitDeps>;
  issueFormToken(now?: number): Promise<string>;
  retry(options?: RetryOptions): Promise<RetrySummary>;
  /** Applies the retention periods (CONTACT_RETENTION_DAYS for real enquiries, the policy's for spam). */
  purge(now?: Date): Promise<PurgeSummary>;
  /** The held digest if one is due (at most hourly); `force` sends it now (`npm run enquiries -- --send-digest`). */
  sendHeldDigest(options?: { force?: boolean }): Promise<DigestOutcome>;
};

export type RuntimeOptions = {
  /** Published posts only: an unknown or draft slug is never a source. */
  findPost: FindPost;
  log?: Logger;
};

export function createContactRuntime(env: Env, { findPost, log = console }: RuntimeOptions): ContactRuntime {
  const store = createEnquiryStore({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
  const mailer = env.RESEND_API_KEY
    ? createResendMailer({
        apiKey: env.RESEND_API_KEY,
        baseUrl: env.RESEND_BASE_URL,
        timeoutMs: env.CONTACT_EMAIL_TIMEOUT_MS,
      })
    : createOutboxMailer({ dir: env.CONTACT_OUTBOX_DIR, log });
  let secret: Promise<FormSecret> | undefined;
  const formSecret = () => {
    secret ??= resolveFormSecret(env.CONTACT_FORM_SECRET, store).catch((error: unknown) => {
      secret = undefined; // the database may be back next time
      throw error;
    });
    return secret;
  };
  const ipHashKey = resolveIpHashKey(env.CONTACT_FORM_SECRET);
  const policy = policyFor("enquiry", { ownerEmailsPerHour: env.CONTACT_OWNER_EMAILS_PER_HOUR });
  const delivery: DeliveryDeps = {
    store,
    mailer,
    from: env.CONTACT_FROM_EMAIL,
    to: env.CONTACT_TO_EMAIL,
    findPost,
    now: () => new Date(),
    log,
  };
  return {
    env,
    store,
    mailer,
    formSecret,
    ipHashKeySource: ipHashKey.source,
    delivery,
    submitDeps: async (defer) => ({
      ...delivery,
      formSecret: (await formSecret()).secret,
      ipHashKey: ipHashKey.key,
      policy,
      minSubmitMs: env.CONTACT_MIN_SUBMIT_SECONDS * 1000,
      sendAcknowledgement: env.CONTACT_SEND_ACK,
      fallbackEmail: site.author.email,
      newId: randomUUID,
      bookingUrl: env.BOOKING_URL,
      defer,
    }),
    issueFormToken: async (now = Date.now()) => signFormToken(now, (await formSecret()).secret),
    retry: (options) => retryUnsent(delivery, options),
    purge: (now = new Date()) =>
      store.purge({ now, realDays: env.CONTACT_RETENTION_DAYS, spamDays: policy.spamRetentionDays }),
    sendHeldDigest: (options) => sendHeldDigest({ ...delivery, policy }, options),
  };
}

let runtime: ContactRuntime | undefined;

/** The server's runtime, made on first use; every caller in the app passes the same `findPost` (the content layer's). */
export function getContactRuntime(findPost: FindPost): ContactRuntime {
  runtime ??= createContactRuntime(getEnv(), { findPost });
  return runtime;
}
