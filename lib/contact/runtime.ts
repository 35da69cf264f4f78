import { randomUUID } from "node:crypto";

import { getPostBySlug } from "@/lib/content/posts";
import { getEnv, type Env } from "@/lib/env";
import { site } from "@/lib/site";

import type { DeliveryDeps, Logger } from "./delivery";
import type { FindPost } from "./email";
import { createResendMailer, type Mailer } from "./mailer";
import { createOutboxMailer } from "./outbox";
import { retryUnsent, type RetryOptions, type RetrySummary } from "./retry";
import { resolveFormSecret, type FormSecret } from "./secret";
import { signFormToken } from "./spam";
import { createEnquiryStore, type EnquiryStore } from "./store";
import type { SubmitDeps } from "./submit";

/**
 * The process-wide wiring of the contact funnel from the validated
 * environment: one store, one mail transport, one secret. Server-only.
 * Tests do not use this: they build their dependencies explicitly.
 */

export type ContactRuntime = {
  env: Env;
  store: EnquiryStore;
  mailer: Mailer;
  formSecret: FormSecret;
  delivery: DeliveryDeps;
  submitDeps(defer: SubmitDeps["defer"]): SubmitDeps;
  issueFormToken(now?: number): string;
  retry(options?: RetryOptions): Promise<RetrySummary>;
};

/** Published posts only: an unknown or draft slug is never a source. */
export const findPublishedPost: FindPost = (slug) => {
  const post = getPostBySlug(slug);
  return post ? { title: post.title, url: post.url } : undefined;
};

export function createContactRuntime(env: Env, log: Logger = console): ContactRuntime {
  const store = createEnquiryStore({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
  const mailer = env.RESEND_API_KEY
    ? createResendMailer({ apiKey: env.RESEND_API_KEY, baseUrl: env.RESEND_BASE_URL, timeoutMs: env.CONTACT_EMAIL_TIMEOUT_MS })
    : createOutboxMailer({ dir: env.CONTACT_OUTBOX_DIR, log });
  const formSecret = resolveFormSecret(env.CONTACT_FORM_SECRET);
  const delivery: DeliveryDeps = {
    store,
    mailer,
    from: env.CONTACT_FROM_EMAIL,
    to: env.CONTACT_TO_EMAIL,
    findPost: findPublishedPost,
    now: () => new Date(),
    log,
  };
  return {
    env,
    store,
    mailer,
    formSecret,
    delivery,
    submitDeps: (defer) => ({
      ...delivery,
      formSecret: formSecret.secret,
      minSubmitMs: env.CONTACT_MIN_SUBMIT_SECONDS * 1000,
      sendAcknowledgement: env.CONTACT_SEND_ACK,
      fallbackEmail: site.author.email,
      newId: randomUUID,
      defer,
    }),
    issueFormToken: (now = Date.now()) => signFormToken(now, formSecret.secret),
    retry: (options) => retryUnsent(delivery, options),
  };
}

let runtime: ContactRuntime | undefined;

export function getContactRuntime(): ContactRuntime {
  runtime ??= createContactRuntime(getEnv());
  return runtime;
}
