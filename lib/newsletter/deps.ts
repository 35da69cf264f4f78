import type { Logger } from "@/lib/contact/delivery";
import type { SignupPolicy } from "@/lib/contact/policy";

import type { NewsletterProvider } from "./provider";
import type { SubscriberStore } from "./store";

/** What the newsletter's operations run on: built by runtime.ts from the environment, by tests explicitly. */

export type NewsletterDeps = {
  store: SubscriberStore;
  provider: NewsletterProvider;
  from: string;
  /** Signs the links and the form tokens (the contact form's secret, lib/contact/secret.ts). */
  secret: string;
  /** Keys the client-address hashes, as the contact form's (never stored beside the database). */
  ipHashKey: Buffer;
  /** The shared abuse policy of the public forms; `policyFor("signup")` unless a test tunes it. */
  policy?: SignupPolicy;
  now: () => Date;
  log: Logger;
  newId: () => string;
  /** Whether a slug is a post this build publishes (only those are recorded as a source). */
  isPublishedSlug: (slug: string) => boolean;
};
