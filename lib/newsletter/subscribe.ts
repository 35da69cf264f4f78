import { hashBucket } from "@/lib/contact/ip";
import { normaliseAddress, policyFor, type ClientBuckets } from "@/lib/contact/policy";
import { checkSpam, FORM_TOKEN_FIELD, formTokenId, HONEYPOT_FIELD } from "@/lib/contact/spam";
import { StoreUnavailableError } from "@/lib/contact/store";

import { answerFor, type SubscribeSubmission } from "./answers";
import type { NewsletterDeps } from "./deps";
import { INVALID_EMAIL, UNAVAILABLE } from "./messages";
import { NEWSLETTER_POLICY } from "./policy";
import { emailKey, SubscribeSchema } from "./schema";
import type { SubscribeState } from "./state";
import { confirmationToken, hashToken, newNonce } from "./tokens";

/** One sign-up: validate → spam checks → the shared policy's limits → store pending → the answer for the form. */

/**
 * Handles one sign-up. The answer never says whether the address was new, pending, confirmed or unsubscribed, and
 * never promises an email that will not come (answers.ts): on its way, queued for when the email budget returns, or
 * not saved (a limit on sign-ups from one network). Returns the state for the form and, when a confirmation email is
 * now due, the subscriber id to deliver to.
 */
export async function handleSubscribe(
  submission: SubscribeSubmission,
  context: { client: ClientBuckets | null },
  deps: NewsletterDeps,
): Promise<{ state: SubscribeState; deliver: string | null }> {
  const now = deps.now();
  const policy = deps.policy ?? policyFor("signup");
  const values = { email: submission.email };
  const parsed = SubscribeSchema.safeParse({ email: submission.email, source: submission.source });
  if (!parsed.success) {
    const message = parsed.error.issues.find((issue) => issue.path[0] === "email")?.message ?? INVALID_EMAIL;
    return { state: { status: "invalid", message, fieldErrors: { email: message }, values }, deliver: null };
  }

  // A prerendered page (a post, the footer) cannot sign the moment it was shown, so its form's token field is empty:
  // the honeypot always applies, and a token, when the page sent one (/newsletter), must be genuine, not sent the
  // instant the page appeared, and unused. An expired one is a page left open for a day: a reader, not a bot.
  const token = submission[FORM_TOKEN_FIELD];
  const verdict = checkSpam(
    { honeypot: submission[HONEYPOT_FIELD], formToken: token === "" ? undefined : token },
    { secret: deps.secret, now: now.getTime(), minAgeMs: policy.minSubmitMs },
  );
  if (verdict.spam && !(verdict.reason === "missing-token" && token === "") && verdict.reason !== "expired") {
    // Caught spam is neither stored nor counted: it must never fill a real reader's buckets.
    deps.log.info(`[newsletter] Sign-up dropped as spam (${verdict.reason})`);
    return { state: answerFor("spam", submission.email), deliver: null };
  }

  try {
    const nonce = newNonce();
    const source = parsed.data.source && deps.isPublishedSlug(parsed.data.source) ? parsed.data.source : null;
    const outcome = await deps.store.admitSubscription({
      id: deps.newId(),
      email: parsed.data.email,
      emailKey: emailKey(parsed.data.email),
      addressKey: normaliseAddress(parsed.data.email),
      sourceSlug: source,
      ipHash: context.client ? hashBucket(context.client.client, deps.ipHashKey) : null,
      networkHash: context.client?.network ? hashBucket(context.client.network, deps.ipHashKey) : null,
      tokenId: token ? formTokenId(token) : null,
      now,
      nonce,
      tokenHash: hashToken(confirmationToken(nonce, deps.secret)),
      expiresAt: new Date(now.getTime() + NEWSLETTER_POLICY.confirmationTtlMs),
      policy,
    });
    if (outcome.kind === "reused-token") deps.log.info("[newsletter] Sign-up dropped as spam (reused-token)");
    if (outcome.kind === "queued")
      deps.log.info(
        `[newsletter] Sign-up queued (${outcome.reason}); npm run newsletter:retry sends it when budget returns.`,
      );
    if (outcome.kind === "refused") deps.log.info(`[newsletter] Sign-up counted, not stored (${outcome.reason})`);
    return { state: answerFor(outcome, submission.email), deliver: outcome.kind === "due" ? outcome.id : null };
  } catch (error) {
    deps.log.error(`[newsletter] Sign-up NOT stored: ${error instanceof Error ? error.message : String(error)}`);
    if (!(error instanceof StoreUnavailableError)) deps.log.error(error);
    return {
      state: { status: "error", message: UNAVAILABLE, fieldErrors: {}, values },
      deliver: null,
    };
  }
}
