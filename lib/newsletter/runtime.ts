import { randomUUID } from "node:crypto";

import { policyFor } from "@/lib/contact/policy";
import {
  createContactRuntime,
  getContactRuntime,
  type ContactRuntime,
  type RuntimeOptions,
} from "@/lib/contact/runtime";
import { resolveIpHashKey } from "@/lib/contact/secret";
import { signFormToken } from "@/lib/contact/spam";
import { getEnv, type Env } from "@/lib/env";

import { createLocalProvider, createResendProvider, type NewsletterProvider } from "./provider";
import type { NewsletterDeps } from "./service";
import { createSubscriberStore, type SubscriberStore } from "./store";

/**
 * The process-wide wiring of the newsletter from the validated environment:
 * one subscriber store (the enquiries' database), one provider (Resend or the
 * local outbox), the contact form's secret (from the environment or the shared
 * database, so every instance signs and checks with the same one) and its
 * policy. Server-only; tests build their own.
 */

export type NewsletterRuntime = {
  env: Env;
  store: SubscriberStore;
  provider: NewsletterProvider;
  deps: NewsletterDeps;
  issueFormToken(now?: number): string;
  /** Closes the databases this runtime opened (scripts call it before they exit). */
  close(): void;
};

/** `contact` supplies the form secret: the server's own contact runtime, or (scripts) one made for this call and closed with it. */
export async function createNewsletterRuntime(
  env: Env,
  { findPost, log = console }: RuntimeOptions,
  contact?: Pick<ContactRuntime, "formSecret" | "store">,
): Promise<NewsletterRuntime> {
  const owned = contact ? undefined : createContactRuntime(env, { findPost, log });
  const secretSource = contact ?? owned!;
  const store = createSubscriberStore({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
  const close = () => {
    store.close();
    owned?.store.close();
  };
  let secret: string;
  try {
    secret = (await secretSource.formSecret()).secret;
  } catch (error) {
    close();
    throw error;
  }
  const provider = env.RESEND_API_KEY
    ? createResendProvider({
        apiKey: env.RESEND_API_KEY,
        baseUrl: env.RESEND_BASE_URL,
        timeoutMs: env.CONTACT_EMAIL_TIMEOUT_MS,
        segmentId: env.RESEND_SEGMENT_ID,
      })
    : createLocalProvider({ outboxDir: env.CONTACT_OUTBOX_DIR, log });
  const deps: NewsletterDeps = {
    store,
    provider,
    from: env.NEWSLETTER_FROM_EMAIL ?? env.CONTACT_FROM_EMAIL,
    secret,
    // Derived from CONTACT_FORM_SECRET as the contact form's is; without it, per process (the buckets only get looser).
    ipHashKey: resolveIpHashKey(env.CONTACT_FORM_SECRET).key,
    policy: policyFor("signup"),
    now: () => new Date(),
    log,
    newId: randomUUID,
    isPublishedSlug: (slug) => findPost(slug) !== undefined,
  };
  return { env, store, provider, deps, issueFormToken: (now = Date.now()) => signFormToken(now, secret), close };
}

let runtime: Promise<NewsletterRuntime> | undefined;

/** The server's runtime, made on first use; the app passes the content layer's `getPostBySlug`, as for the contact runtime. */
export function getNewsletterRuntime(findPost: RuntimeOptions["findPost"]): Promise<NewsletterRuntime> {
  runtime ??= createNewsletterRuntime(getEnv(), { findPost }, getContactRuntime(findPost)).catch((error: unknown) => {
    runtime = undefined; // the database (which holds the form secret) may be back next time
    throw error;
  });
  return runtime;
}
