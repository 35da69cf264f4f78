/**
 * What the subscribe action returns to the form (and, without JavaScript,
 * what /newsletter renders after a plain POST). Client-safe and free of zod,
 * so the form's island stays a few hundred bytes.
 */

/** No "limited" state: a limit only decides whether a confirmation email goes out now (lib/contact/policy.ts). */
export type SubscribeStatus = "idle" | "invalid" | "success" | "error";

/** What the action returns to the form (and, without JavaScript, what /newsletter renders). */
export type SubscribeState = {
  status: SubscribeStatus;
  message: string;
  fieldErrors: { email?: string };
  /** What was typed, so nothing is lost when the form is shown again. */
  values: { email?: string };
};

export const initialSubscribeState: SubscribeState = { status: "idle", message: "", fieldErrors: {}, values: {} };

/** The one answer to every accepted sign-up: it never says whether the address was already on the list. */
export const CHECK_INBOX = "Check your inbox: if this address isn’t subscribed yet, a confirmation link is on its way.";
