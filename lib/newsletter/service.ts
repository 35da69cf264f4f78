/**
 * The newsletter, independent of Next: sign-up (subscribe.ts), the confirmation email (confirmation.ts), the
 * confirmation and unsubscribe links (links.ts), the sync to Resend's list (sync.ts) and the retry of whatever the
 * provider refused (retry.ts). Routes and scripts import it from here and only wire it.
 */

export type { SubscribeSubmission } from "./answers";
export { malformedSubscribeState, readSubscription, unavailableSubscribeState } from "./answers";
export { deliverConfirmation, type ConfirmationDelivery } from "./confirmation";
export type { NewsletterDeps } from "./deps";
export {
  checkConfirmationLink,
  confirmSubscription,
  confirmUrl,
  unsubscribe,
  unsubscribeUrl,
  type ConfirmResult,
  type UnsubscribeResult,
} from "./links";
export { retryNewsletter, type NewsletterRetrySummary } from "./retry";
export { handleSubscribe } from "./subscribe";
export { syncSubscriber } from "./sync";
