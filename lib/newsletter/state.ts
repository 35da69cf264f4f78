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
  /**
   * With `success`: whether a confirmation email is on its way (`now`) or waits in the queue (`queued`); with
   * `error`: `not-saved` when nothing was stored (a limit), absent when the database was down. The message says it.
   */
  delivery?: "now" | "queued" | "not-saved";
};

export const initialSubscribeState: SubscribeState = { status: "idle", message: "", fieldErrors: {}, values: {} };

// The sentences of the answers live in messages.ts: not re-exported here, so the footer's form (on every page) does
// not carry the confirm page's words and the site settings into every page's JavaScript.
