import type { EnquiryField, FieldErrors } from "./schema";

/**
 * What the server action returns to the form (and, without JavaScript, what
 * the page renders after a plain POST). Client-safe.
 */

/** No "limited" state: a limit only decides whether a stored enquiry is emailed now or held (policy.ts). */
export type EnquiryFormStatus = "idle" | "invalid" | "success" | "error";

export type EnquiryFormValues = Partial<Record<EnquiryField, string>>;

export type EnquiryState = {
  status: EnquiryFormStatus;
  /** One sentence for the person: the success note, or what went wrong and what to do. */
  message: string;
  fieldErrors: FieldErrors;
  /** Everything the person typed, exactly as typed, so nothing is lost when the form is shown again. */
  values: EnquiryFormValues;
  /** The signed render time to send with the next attempt (see lib/contact/spam.ts). */
  formToken?: string;
  /** With `success` and BOOKING_URL set: the prefilled scheduling link for a 30-minute call. */
  bookingUrl?: string;
  /** With `error`: a mailto: link to the owner carrying the message, for when the store is down. */
  fallbackMailto?: string;
};

export const initialEnquiryState: EnquiryState = { status: "idle", message: "", fieldErrors: {}, values: {} };

/** The sentence above a form with errors: the same whether the browser or the server found them. */
export function invalidSummary(errors: FieldErrors): string {
  const count = Object.keys(errors).length;
  return count === 1 ? "Please check the highlighted field." : `Please check the ${count} highlighted fields.`;
}
