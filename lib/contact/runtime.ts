import { randomUUID } from "node:crypto";

import { createMailer, type Mailer } from "@/lib/email/mailer";
import { getEnv, type Env } from "@/lib/env";
import { site } from "@/lib/site";

import type { DeliveryDeps, Logger } from "./delivery";
import { sendHeldDigest, type DigestOutcome } from "./digest";
import type { FindPost } from "./email";
import { policyFor } from "./policy";
import { retryUnsent, type RetryOptions, type RetrySummary } from "./retry";
import { createFormSigner, resolveFormSecret, resolveIpHashKey, type FormSecret } from "./secret";
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
  /** Read once (from the environment or the database) and then kept; rejects while the database cannot be read. */
  formSecret(): Promise<FormSecret>;
  ipHashKeySource: "env" | "process";
  delivery: DeliveryDeps;
  /**
   * What the action needs to handle one submission; `submittedToken` (the form's token field) picks the secret it
   * was signed with (secret.ts: a form signed while the database was down stays valid). Never rejects on the database.
   */
  submitDeps(defer: SubmitDeps["defer"], submittedToken?: unknown): Promise<SubmitDeps>;
  /** A form token for the page; never rejects on the database (secret.ts createFormSigner). */
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
  const mailer = createMailer({
    apiKey: env.RESEND_API_KEY,
    baseUrl: env.RESEND_BASE_URL,
    timeoutMs: env.CONTACT_EMAIL_TIMEOUT_MS,
    outboxDir: env.CONTACT_OUTBOX_DIR,
    log,
  });
  let secret: Promise<FormSecret> | undefined;
  const sharedSecret = (candidate?: string) => {
    secret ??= resolveFormSecret(env.CONTACT_FORM_SECRET, store, candidate).catch((error: unknown) => {
      secret = undefined; // the database may be back next time
      throw error;
    });
    return secret;
  };
  const formSecret = () => sharedSecret();
  const signer = createFormSigner(sharedSecret, { log });
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
    submitDeps: async (defer, submittedToken) => ({
      ...delivery,
      formSecret: (await signer.forToken(submittedToken)).secret,
      ipHashKey: ipHashKey.key,
      policy,
      minSubmitMs: env.CONTACT_MIN_SUBMIT_SECONDS * 1000,
      sendAcknowledgement: env.CONTACT_SEND_ACK,
      fallbackEmail: site.author.email,
      newId: randomUUID,
      bookingUrl: env.BOOKING_URL,
      defer,
    }),
    issueFormToken: async (now = Date.now()) => signFormToken(now, (await signer.current()).secret),
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
