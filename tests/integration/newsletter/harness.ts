import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { clientBuckets } from "@/lib/contact/policy";
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD, signFormToken } from "@/lib/contact/spam";
import { createResendProvider, type NewsletterProvider } from "@/lib/newsletter/provider";
import {
  deliverConfirmation,
  handleSubscribe,
  type NewsletterDeps,
  type SubscribeSubmission,
} from "@/lib/newsletter/service";
import { createSubscriberStore } from "@/lib/newsletter/store";

import { startFakeResend, type Delivery, type FakeResend } from "../../../tooling/shared/fake-resend";

/**
 * The newsletter as the server runs it, minus Next: a temporary libSQL file,
 * the real Resend SDK pointed at the fake Resend, and a clock the test moves.
 */

export const SECRET = "newsletter-secret-0123456789abcdef0123456789";
export const SEGMENT = "78261eea-8f8b-4381-83c6-79fa7120f1cf";
export const PUBLISHED_SLUG = "code-review-is-a-conversation-not-a-gate";

export async function createNewsletterHarness({
  provider: makeProvider,
}: { provider?: (fake: FakeResend) => NewsletterProvider } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), "newsletter-it-"));
  const store = createSubscriberStore({ url: `file:${path.join(dir, "enquiries.db")}` });
  const fake = await startFakeResend();
  const provider =
    makeProvider?.(fake) ??
    createResendProvider({ apiKey: "re_test_newsletter", baseUrl: fake.url, timeoutMs: 2_000, segmentId: SEGMENT });
  let clock = new Date("2025-11-03T09:00:00.000Z");
  const logs: string[] = [];
  const deps: NewsletterDeps = {
    store,
    provider,
    from: "Steady State <newsletter@steadystate.test>",
    secret: SECRET,
    ipHashKey: Buffer.from("newsletter-ip-hash-key-for-tests"),
    now: () => clock,
    log: {
      info: (m: unknown) => void logs.push(String(m)),
      warn: (m: unknown) => void logs.push(String(m)),
      error: (m: unknown) => void logs.push(String(m)),
    },
    newId: randomUUID,
    isPublishedSlug: (slug) => slug === PUBLISHED_SLUG,
  };
  return {
    dir,
    store,
    fake,
    deps,
    logs,
    now: () => clock,
    advance(ms: number) {
      clock = new Date(clock.getTime() + ms);
    },
    submission(overrides: Partial<SubscribeSubmission> = {}): SubscribeSubmission {
      return {
        email: "ada@example.com",
        source: PUBLISHED_SLUG,
        [HONEYPOT_FIELD]: "",
        [FORM_TOKEN_FIELD]: "",
        ...overrides,
      };
    },
    /** Signs the form like /newsletter, `ageMs` ago. */
    token(ageMs = 5_000) {
      return signFormToken(clock.getTime() - ageMs, SECRET);
    },
    /** Submits like the server action: the answer, then (as `after`) the confirmation email. */
    async subscribe(overrides: Partial<SubscribeSubmission> = {}, ip: string | null = "203.0.113.7") {
      const { state, deliver } = await handleSubscribe(this.submission(overrides), { client: clientBuckets(ip) }, deps);
      const delivery = deliver ? await deliverConfirmation(deliver, deps) : null;
      return { state, deliver, delivery };
    },
    /** The link of a kind (confirm/unsubscribe) in an email's plain-text part, as a token. */
    linkToken(email: Pick<Delivery, "text">, kind: "confirm" | "unsubscribe"): string {
      const match = new RegExp(`/newsletter/${kind}\\?token=([^\\s\\]>)]+)`).exec(email.text ?? "");
      if (!match) throw new Error(`no ${kind} link in: ${email.text}`);
      return decodeURIComponent(match[1]!);
    },
    async close() {
      store.close();
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
