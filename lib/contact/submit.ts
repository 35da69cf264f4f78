import { bookingLink, bookingProvider } from "@/lib/bookings/link";

import { acknowledgeEnquiry, deliverEnquiry, type DeliveryDeps } from "./delivery";
import { sendHeldDigest } from "./digest";
import { FORM_SCRIPT_FIELD } from "./fields";
import { arrivalSignals, scriptRan } from "./held-rank";
import { hashBucket } from "./ip";
import { normaliseAddress, type ClientBuckets, type Policy } from "./policy";
import {
  ENQUIRY_FIELDS,
  EnquirySchema,
  fieldErrorsOf,
  qualifyingSummary,
  replaceControlCharacters,
  topicLabel,
  type Enquiry,
} from "./schema";
import { checkSpam, FORM_TOKEN_FIELD, formTokenId, HONEYPOT_FIELD, tokenToCarry } from "./spam";
import { invalidSummary, type EnquiryFormValues, type EnquiryState } from "./state";
import { StoreUnavailableError } from "./store";

/**
 * The enquiry funnel, independent of Next: validate → spam checks → store
 * (the policy decides emailed now or held; a valid enquiry is always kept) →
 * answer the prospect → send the owner email after the response. The server
 * action is a thin wrapper around `handleEnquiry`.
 */

/** The form as submitted: strings only (a file or a missing field becomes ""). */
export type Submission = EnquiryFormValues & {
  source?: string;
  [HONEYPOT_FIELD]?: string;
  [FORM_TOKEN_FIELD]?: string;
  [FORM_SCRIPT_FIELD]?: string;
};

const SUBMISSION_FIELDS = [...ENQUIRY_FIELDS, "source", HONEYPOT_FIELD, FORM_TOKEN_FIELD, FORM_SCRIPT_FIELD] as const;

export function readSubmission(form: Pick<FormData, "get">): Submission {
  const submission: Record<string, string> = {};
  for (const field of SUBMISSION_FIELDS) {
    const value = form.get(field);
    submission[field] = typeof value === "string" ? value : "";
  }
  return submission as Submission;
}

export type RequestContext = {
  /** The client's buckets when its address is known (see ip.ts), else null. Never stored: only their keyed hashes. */
  client: ClientBuckets | null;
  userAgent: string | null;
};

export type SubmitDeps = DeliveryDeps & {
  formSecret: string;
  minSubmitMs: number;
  sendAcknowledgement: boolean;
  /** The public address offered as a mailto: fallback when the store is down. */
  fallbackEmail: string;
  newId: () => string;
  /** Runs work after the response is sent (Next's `after`); tests await it. */
  defer: (task: () => Promise<unknown>) => void;
  /** Keys the client-address hashes (secret.ts: never stored beside the database). */
  ipHashKey: Buffer;
  policy?: Policy;
  /** BOOKING_URL: the scheduling link the success answer offers, prefilled (lib/bookings/link.ts). */
  bookingUrl?: string;
};

const USER_AGENT_MAX = 400;

function cleanUserAgent(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const cleaned = replaceControlCharacters(userAgent).trim().slice(0, USER_AGENT_MAX);
  return cleaned || null;
}

function valuesOf(submission: Submission): EnquiryFormValues {
  const values: EnquiryFormValues = {};
  for (const field of ENQUIRY_FIELDS) values[field] = submission[field] ?? "";
  return values;
}

export function successMessage(name: string, email: string): string {
  return `Thanks, ${name} — I’ll reply to ${email} within two working days.`;
}

function mailtoFallback(to: string, submission: Submission): string {
  const subject = `Enquiry: ${submission.topic ? topicLabel(submission.topic) : "a first conversation"}`;
  const lines = [
    submission.message?.trim(),
    "",
    [submission.name, submission.company].filter(Boolean).join(", "),
  ].filter((line) => line !== undefined);
  // Mail clients truncate long mailto: links; the first 1,500 characters carry the gist.
  const body = lines.join("\n").slice(0, 1_500);
  return `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/** The note a Cal.com booking carries back to the author: what the enquiry was about, never the message itself. */
function bookingNotes(enquiry: Enquiry): string {
  const qualifiers = qualifyingSummary(enquiry);
  return `Enquiry about ${topicLabel(enquiry.topic).toLowerCase()}${qualifiers ? ` (${qualifiers})` : ""}`;
}

/** The answer to a call of the action whose arguments are not a form (a crafted request): nothing is stored. */
export function malformedRequestState(): EnquiryState {
  return {
    status: "invalid",
    message: "The form could not be read. Reload the page and send it again.",
    fieldErrors: {},
    values: {},
  };
}

export async function handleEnquiry(
  submission: Submission,
  context: RequestContext,
  deps: SubmitDeps,
): Promise<EnquiryState> {
  const now = deps.now();
  const values = valuesOf(submission);
  const carry = () => tokenToCarry(submission[FORM_TOKEN_FIELD], { secret: deps.formSecret, now: now.getTime() });

  // 1. Validate: the same schema the form uses in the browser.
  const parsed = EnquirySchema.safeParse({ ...values, source: submission.source });
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return {
      status: "invalid",
      message: invalidSummary(fieldErrors),
      fieldErrors,
      values,
      formToken: carry(),
    };
  }
  const enquiry = parsed.data;

  // 2. Spam checks: a caught bot gets the normal answer; the row is kept as `spam` and nothing is sent. A genuine token
  //    that expired comes from a person who left the page open for a day: held for the author, never taken for a bot.
  const verdict = checkSpam(
    { honeypot: submission[HONEYPOT_FIELD], formToken: submission[FORM_TOKEN_FIELD] },
    { secret: deps.formSecret, now: now.getTime(), minAgeMs: deps.minSubmitMs },
  );
  const expired = verdict.spam && verdict.reason === "expired";
  const spam = verdict.spam && !expired;
  const source = enquiry.source ? deps.findPost(enquiry.source) : undefined;
  const signals = arrivalSignals({
    formAgeMs: verdict.issuedAt === undefined ? null : now.getTime() - verdict.issuedAt,
    scriptRan: scriptRan(submission[FORM_SCRIPT_FIELD]),
    qualifying: Boolean(enquiry.teamSize || enquiry.timeline || enquiry.helpKind),
    source: Boolean(source),
  });

  // 3. Store (rate limits are applied in the same write transaction).
  let outcome;
  try {
    outcome = await deps.store.create(
      {
        id: deps.newId(),
        createdAt: now,
        name: enquiry.name,
        email: enquiry.email,
        company: enquiry.company ?? null,
        topic: enquiry.topic,
        teamSize: enquiry.teamSize ?? null,
        timeline: enquiry.timeline ?? null,
        helpKind: enquiry.helpKind ?? null,
        message: enquiry.message,
        // Only a post this build publishes counts as a source; anything else is dropped.
        sourceSlug: source ? enquiry.source! : null,
        ipHash: context.client ? hashBucket(context.client.client, deps.ipHashKey) : null,
        networkHash: context.client?.network ? hashBucket(context.client.network, deps.ipHashKey) : null,
        addressKey: normaliseAddress(enquiry.email),
        tokenId: spam ? null : formTokenId(submission[FORM_TOKEN_FIELD]!),
        userAgent: cleanUserAgent(context.userAgent),
        status: spam ? "spam" : expired ? "review" : "pending",
        ...(expired ? { reviewReason: "expired-token" as const } : {}),
        lastError: verdict.spam && spam ? `spam: ${verdict.reason}` : null,
        signals,
        formAgeMs: verdict.issuedAt === undefined ? null : now.getTime() - verdict.issuedAt,
        bookingLink: deps.bookingUrl ? bookingProvider(deps.bookingUrl) : null,
      },
      deps.policy,
    );
  } catch (error) {
    deps.log.error(`[contact] Enquiry NOT stored: ${error instanceof Error ? error.message : String(error)}`);
    if (!(error instanceof StoreUnavailableError)) deps.log.error(error);
    return {
      status: "error",
      message: `Sorry — your message could not be saved just now, so it has not reached me. Everything you typed is still here: please try again in a few minutes, or email me directly at ${deps.fallbackEmail}.`,
      fieldErrors: {},
      values,
      formToken: carry(),
      fallbackMailto: mailtoFallback(deps.fallbackEmail, submission),
    };
  }

  // A held enquiry beyond its network's allowance (or the site-wide cap) is only counted: say so, keep every value and
  // offer the mailto: link, so a real person caught in a flood still reaches the author. Counted spam gets no such
  // answer (a bot learns nothing).
  if (outcome.kind === "counted" && outcome.heldReason) {
    deps.log.info(
      `[contact] Enquiry counted, not stored: its network is over the held allowance (${outcome.heldReason})`,
    );
    return {
      status: "error",
      message: `Sorry — so many messages arrived from your network just now that yours could not be saved, so it has not reached me. Everything you typed is still here: email it to me at ${deps.fallbackEmail} (the link below opens it in your email app), or send it again tomorrow.`,
      fieldErrors: {},
      values,
      formToken: carry(),
      fallbackMailto: mailtoFallback(deps.fallbackEmail, submission),
    };
  }

  // 4. Email the owner (and optionally acknowledge) after the response: the prospect never waits on the provider.
  //    A held enquiry gets the same answer: it is safe, and reaches the author in the held digest.
  if (outcome.kind === "created" && outcome.status === "pending") {
    const id = outcome.id;
    deps.defer(async () => {
      try {
        await deliverEnquiry(id, deps);
      } catch (error) {
        deps.log.error(
          `[contact] Delivery of enquiry ${id} stopped: ${error instanceof Error ? error.message : String(error)}. It stays unsent for npm run enquiries:retry.`,
        );
      }
    });
    if (deps.sendAcknowledgement) {
      deps.defer(async () => {
        try {
          await acknowledgeEnquiry({ id, email: enquiry.email }, deps);
        } catch (error) {
          deps.log.error(
            `[contact] Acknowledgement for enquiry ${id} failed: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      });
    }
  } else if (outcome.kind === "created" && outcome.status === "held") {
    deps.log.info(
      `[contact] Enquiry ${outcome.id} stored and held (${outcome.heldReason}); the author sees it in the held digest and npm run enquiries.`,
    );
    deps.defer(async () => {
      try {
        await sendHeldDigest(deps);
      } catch (error) {
        deps.log.error(`[contact] The held digest failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }

  // Every stored (or repeated) enquiry is offered the call; caught spam gets the same answer, so a bot learns nothing.
  const answer: EnquiryState = {
    status: "success",
    message: successMessage(enquiry.name, enquiry.email),
    fieldErrors: {},
    values: {},
  };
  if (deps.bookingUrl) {
    const enquiryId = outcome.kind === "counted" ? deps.newId() : outcome.id;
    answer.bookingUrl = bookingLink(deps.bookingUrl, {
      enquiryId,
      name: enquiry.name,
      email: enquiry.email,
      notes: bookingNotes(enquiry),
    }).url;
  }
  return answer;
}
