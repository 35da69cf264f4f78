import { FORM_TOKEN_FIELD, HONEYPOT_FIELD } from "@/lib/contact/fields";

import { CHECK_INBOX, MALFORMED, NOT_SAVED, QUEUED, UNAVAILABLE } from "./messages";
import type { SubscribeState } from "./state";
import type { SubscriptionOutcome } from "./store";

/**
 * From a posted form to the sign-up's fields, and from what happened to the answer the reader sees (the words are
 * messages.ts'). Whatever carries the form (a server action, a route handler) reads and answers through these.
 */

export type SubscribeSubmission = {
  email: string;
  source: string;
  [HONEYPOT_FIELD]: string;
  [FORM_TOKEN_FIELD]: string;
};

export function readSubscription(form: Pick<FormData, "get">): SubscribeSubmission {
  const read = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    email: read("email"),
    source: read("source"),
    [HONEYPOT_FIELD]: read(HONEYPOT_FIELD),
    [FORM_TOKEN_FIELD]: read(FORM_TOKEN_FIELD),
  };
}

export function malformedSubscribeState(): SubscribeState {
  return { status: "invalid", message: MALFORMED, fieldErrors: {}, values: {} };
}

/** The answer when the sign-up cannot be stored at all (the database is unreachable): the address typed is kept. */
export function unavailableSubscribeState(form: Pick<FormData, "get">): SubscribeState {
  return { status: "error", message: UNAVAILABLE, fieldErrors: {}, values: { email: readSubscription(form).email } };
}

/**
 * The answer to a sign-up the store decided on. Never says whether the address is on the list; never promises an
 * email that will not come: on its way, queued (the queue will send it), or not saved (the address is kept to retry).
 */
export function answerFor(outcome: SubscriptionOutcome | "spam", typed: string): SubscribeState {
  switch (typeof outcome === "string" ? outcome : outcome.kind) {
    case "queued":
      return { status: "success", message: QUEUED, fieldErrors: {}, values: {}, delivery: "queued" };
    case "refused":
      return { status: "error", message: NOT_SAVED, fieldErrors: {}, values: { email: typed }, delivery: "not-saved" };
    default:
      // due, unchanged, and caught bots (spam, a replayed token): the answer a bot gets must not differ from a person's.
      return { status: "success", message: CHECK_INBOX, fieldErrors: {}, values: {}, delivery: "now" };
  }
}
