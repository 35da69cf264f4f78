import { randomUUID } from "node:crypto";

import { findPublishedPost } from "@/lib/contact/runtime";
import { resolveFormSecret } from "@/lib/contact/secret";
import { signFormToken } from "@/lib/contact/spam";
import { getEnv, type Env } from "@/lib/env";

import type { Logger } from "@/lib/contact/delivery";

import { createLocalProvider, createResendProvider, type NewsletterProvider } from "./provider";
import type { NewsletterDeps } from "./service";
import { createSubscriberStore, type SubscriberStore } from "./store";

/**
 * The process-wide wiring of the newsletter from the validated environment:
 * one subscriber store (the enquiries' database), one provider (Resend or the
 * local outbox), the contact form's secret. Server-only; tests build their own.
 */

export type NewsletterRuntime = { env: Env; store: SubscriberStore; provider: NewsletterProvider; deps: NewsletterDeps; issueFormToken(now?: number): string };

export function createNewsletterRuntime(env: Env, log: Logger = console): NewsletterRuntime {
  const store = createSubscriberStore({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
  const provider = env.RESEND_API_KEY
    ? createResendProvider({ apiKey: env.RESEND_API_KEY, baseUrl: env.RESEND_BASE_URL, timeoutMs: env.CONTACT_EMAIL_TIMEOUT_MS, segmentId: env.RESEND_SEGMENT_ID })
    : createLocalProvider({ outboxDir: env.CONTACT_OUTBOX_DIR, log });
  const secret = resolveFormSecret(env.CONTACT_FORM_SECRET).secret;
  const deps: NewsletterDeps = {
    store,
    provider,
    from: env.NEWSLETTER_FROM_EMAIL ?? env.CONTACT_FROM_EMAIL,
    secret,
    now: () => new Date(),
    log,
    newId: randomUUID,
    isPublishedSlug: (slug) => findPublishedPost(slug) !== undefined,
  };
  return { env, store, provider, deps, issueFormToken: (now = Date.now()) => signFormToken(now, secret) };
}

let runtime: NewsletterRuntime | undefined;

export function getNewsletterRuntime(): NewsletterRuntime {
  runtime ??= createNewsletterRuntime(getEnv());
  return runtime;
}
