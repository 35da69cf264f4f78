/**
 * Every sentence the newsletter says to a reader, in one place: the answers to a sign-up, and the pages of the
 * confirmation and unsubscribe links. Client-safe (no imports), so the form's island and the pages use the same words.
 *
 * The rule: an answer never says whether an address is on the list, and never promises an email that will not come.
 * "A confirmation link is on its way" only when one is being sent (or was, to that mailbox, within the day); "queued"
 * when it waits for the hour's email budget and the queue will send it; "not saved" when nothing was stored.
 */

import { site } from "@/lib/site";

/** Sent now (or a link already went to this mailbox within the day, or the address is already subscribed). */
export const CHECK_INBOX = "Check your inbox: if this address isn’t subscribed yet, a confirmation link is on its way.";

/** Stored; the confirmation waits for email budget and the queue sends it (lib/newsletter/queue.ts). */
export const QUEUED =
  "Thanks — many sign-ups arrived at once, so confirmation emails are queued. If this address isn’t subscribed yet, its confirmation link will arrive within a few hours.";

/** Not stored: too many sign-ups from the reader's network (a limit of lib/contact/policy.ts). */
export const NOT_SAVED =
  "Sorry — so many sign-ups came from your network just now that this one could not be saved, and no email will come. Please try again tomorrow, or follow the feed at /feed.xml.";

/** The database could not be reached. */
export const UNAVAILABLE = `Sorry — the sign-up could not be saved just now. Please try again in a few minutes, or email ${site.author.email}.`;

/** A crafted call whose arguments are not a form. */
export const MALFORMED = "The form could not be read. Reload the page and try again.";

export const INVALID_EMAIL = "Please enter a valid email address";

export type PageText = { title: string; body: string };

/** The confirm page: before the button is pressed (`ready`), and each outcome of pressing it or of the link. */
export const CONFIRM_PAGES = {
  ready: {
    title: "Confirm your subscription",
    body: `One click and the next essay from ${site.name} will reach you by email, about twice a month. Nothing is subscribed until you press the button.`,
  },
  confirmed: {
    title: "You’re subscribed",
    body: `Thank you. The next essay from ${site.name} will reach you by email, about twice a month. Every email has a one-click unsubscribe.`,
  },
  used: {
    title: "This link has already been used",
    body: "Nothing has changed: a confirmation link works once. If you confirmed with it, you are subscribed; if you unsubscribed since, subscribe again on the newsletter page.",
  },
  expired: {
    title: "This link has expired",
    body: "Confirmation links work for 48 hours. Subscribe again on the newsletter page and you will get a fresh one.",
  },
  forged: {
    title: "This link isn’t valid",
    body: "It may have been cut short by your email app, or replaced by a newer link. Open the most recent confirmation email, or subscribe again on the newsletter page.",
  },
  unavailable: {
    title: "Your subscription could not be confirmed just now",
    body: `Nothing has changed and the link still works: please press the button again in a few minutes, or email ${site.author.email}.`,
  },
} as const satisfies Record<string, PageText>;

export const CONFIRM_BUTTON = "Confirm my subscription";
export const CONFIRM_PENDING = "Confirming…";

/** What the confirm page shows: one of CONFIRM_PAGES. */
export type ConfirmPageResult = keyof typeof CONFIRM_PAGES;

/** The confirm button's answer (and, before it is pressed, what the link would do). */
export type ConfirmState = { result: ConfirmPageResult };

export const UNSUBSCRIBE_PAGES = {
  unsubscribed: {
    title: "You’re unsubscribed",
    body: `You will get no more emails from the ${site.name} newsletter. Changed your mind? Subscribe again any time.`,
  },
  already: {
    title: "You’re already unsubscribed",
    body: "Nothing has changed: this address gets no newsletter emails.",
  },
  forged: {
    title: "This link isn’t valid",
    body: `It may have been cut short by your email app. Use the unsubscribe link of the latest email, or write to ${site.author.email} and I will remove your address by hand.`,
  },
} as const satisfies Record<string, PageText>;
