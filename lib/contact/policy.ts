import { isIP } from "node:net";

/**
 * The abuse policy of every public form on the site (the enquiry form and
 * the newsletter sign-up): every number and window in one place, each
 * with the reason it is what it is, and the pure decision that applies them.
 *
 * The one rule above all the numbers: a submission that passes validation and
 * is not caught as spam is ALWAYS stored. Limits only decide whether it is
 * acted on now (the owner emailed, the address mailed) or `held` for the
 * author, who sees held ones in an hourly digest and in `npm run enquiries`.
 * Spam never counts against anyone's limits: only real-looking submissions
 * fill the buckets, so a bot cannot lock real people out.
 *
 * Server-only (node:net); the storage of the counts is the caller's (store.ts).
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type Rule = { max: number; windowMs: number };

/** The kinds of submission the policy knows; each can tune its own numbers. */
export type SubmissionKind = "enquiry" | "signup";

export type Policy = {
  /**
   * Per client: one IPv4 address, or one IPv6 /64 (what one subscriber line
   * usually owns whole). Counting real-looking submissions, not spam.
   */
  perClient: Rule;
  /**
   * Per network (IPv4 /24, IPv6 /48: what one site or small provider customer is given): catches a bot rotating
   * through the addresses of its block.
   */
  perNetwork: Rule;
  /**
   * Per normalised address (address.ts: plus-tags, provider aliases), counted within the sender's network: spellings
   * of a known person's address sent from elsewhere never hold that person's own enquiry.
   */
  perAddress: Rule;
  /** Site-wide: emails to the owner acted on now. Beyond it, held for the hourly digest. */
  ownerEmails: Rule;
  /** Site-wide: emails to the address someone typed (acknowledgement, confirmation): the ones a bot can aim at a stranger. */
  addressEmails: Rule;
  /** Site-wide rows stored per window; once reached, spam is only counted, never stored verbatim. */
  storedRows: Rule;
  /** Spam rows stored verbatim per window (a sample the author can rescue a false positive from); the rest are counted. */
  spamRows: Rule;
  /** Of that sample, at most this many from one network, so one bot cannot fill the whole sample. */
  spamRowsPerNetwork: Rule;
  /**
   * Held enquiries stored verbatim per network and window; beyond it they are counted (per hour, network and
   * reason), not stored: a flood from one network cannot grow the database, and the author reads its size.
   */
  heldRowsPerNetwork: Rule;
  /**
   * Held enquiries stored verbatim site-wide per window: a flood from many networks is bounded too. Beyond either
   * allowance a held enquiry is counted, not stored, and its sender is told so plainly, with a mailto: link that
   * carries their text to the author (submit.ts): nothing a person typed is lost without them knowing.
   */
  heldRows: Rule;
  /** The same address and text again within this window is the same submission (double click, re-posted page). */
  duplicateWindowMs: number;
  /** At most one email per window tells the author what was held. */
  heldDigestEveryMs: number;
  /** How long spam is kept for review before it is deleted. */
  spamRetentionDays: number;
};

const ENQUIRY_POLICY: Policy = {
  // A person sends one enquiry, sometimes a correction: 5 an hour from one line is already unusual,
  // while an office behind one address still gets several colleagues through.
  perClient: { max: 5, windowMs: HOUR },
  // Twenty /64s inside one /48 in an hour is a script walking its allocation, not twenty people.
  perNetwork: { max: 20, windowMs: HOUR },
  // Three enquiries a day from one mailbox covers a follow-up or two; more is someone using that address.
  perAddress: { max: 3, windowMs: DAY },
  // The author's busiest real hour has been a handful of enquiries; 30 leaves ample headroom while a
  // flood of believable fakes cannot turn the inbox (or the provider's quota) into noise.
  ownerEmails: { max: 30, windowMs: HOUR },
  // Mail to typed addresses is what spammers want from a contact form, and bounces hurt the sending
  // domain: 10 an hour is more than real acknowledgements have ever needed.
  addressEmails: { max: 10, windowMs: HOUR },
  // 300 rows an hour is ~1.5 MB at the 5,000-character maximum: harmless for SQLite or Turso's free tier.
  storedRows: { max: 300, windowMs: HOUR },
  // 50 spam rows an hour are plenty to spot a false positive; the rest are counted by reason only.
  spamRows: { max: 50, windowMs: HOUR },
  // Ten from one network show what that bot sends; more would crowd out the other networks' sample.
  spamRowsPerNetwork: { max: 10, windowMs: HOUR },
  // A real office rarely sends more than a couple of enquiries a day; ten held ones from one network are enough for the
  // author to judge it (and release the real ones), the rest of a flood is a count. About 150 KB at the maximum size.
  heldRowsPerNetwork: { max: 10, windowMs: DAY },
  // 200 held a day is more than an author can read; at the 5,000-character maximum about 1 MB a day of a sustained
  // flood from many networks.
  heldRows: { max: 200, windowMs: DAY },
  // Long enough for a slow re-post after a flaky connection, short enough that a real follow-up is new.
  duplicateWindowMs: 10 * MINUTE,
  // One email an hour at most: the author hears about held enquiries the same hour, never a mail storm.
  heldDigestEveryMs: HOUR,
  // A month is enough to notice and rescue a real message caught as spam.
  spamRetentionDays: 30,
};

/** The newsletter sign-up's own rules on top of the shared ones (lib/newsletter/service.ts applies them). */
export type SignupPolicy = Policy & {
  /** At most one confirmation email per normalised mailbox in this window, whatever is posted. */
  confirmationIntervalMs: number;
  /** The form token's minimum age, when the page carried one (/newsletter; prerendered pages cannot). */
  minSubmitMs: number;
  /**
   * Of the site-wide `addressEmails`, how many a sign-up may use the moment it arrives; the rest of the hour's budget
   * is kept for the queue (lib/newsletter/queue.ts), so a steady flood cannot starve the sign-ups waiting in it.
   */
  directEmails: Rule;
  /** Confirmation emails per network (IPv4 /24, IPv6 /48) and window: six networks cannot spend the site's budget. */
  networkEmails: Rule;
  /** Confirmation emails per destination domain and window: the form cannot be aimed at one company's staff. */
  domainEmails: Rule;
  /** Unconfirmed sign-ups stored per network and window; beyond it a sign-up is counted, not stored. */
  pendingPerNetwork: Rule;
  /** Unconfirmed sign-ups stored site-wide per window (readers whose network is unknown share this one). */
  pendingRows: Rule;
};

const SIGNUP_POLICY: SignupPolicy = {
  ...ENQUIRY_POLICY,
  // perClient and perNetwork as for enquiries: a person subscribes once, perhaps corrects a typo; five real-looking
  // sign-ups an hour from one line is an office at most, beyond that one machine is cycling addresses.
  // A sign-up is one click per address; a second within a day is a retry, a fourth is someone else's doing.
  perAddress: { max: 3, windowMs: DAY },
  // Every accepted sign-up costs one email to an address someone typed, which is what a bot wants from a sign-up
  // form: 30 an hour is far above this blog's real sign-up rate and caps what a flood can make the site send.
  addressEmails: { max: 30, windowMs: HOUR },
  // Twenty of them at once, ten kept for the queue: a flood spends at most two thirds before queued readers are served.
  directEmails: { max: 20, windowMs: HOUR },
  // A household or office signs up one or two people an hour; three keeps them served and six networks to 18 emails.
  networkEmails: { max: 3, windowMs: HOUR },
  // Ten an hour to one domain is far above what one company's staff sign up at once, and a big provider's readers
  // past it are queued, not refused.
  domainEmails: { max: 10, windowMs: HOUR },
  // Ten unconfirmed sign-ups a day from one network are more than any real one makes; a flood's rest is a count.
  pendingPerNetwork: { max: 10, windowMs: DAY },
  // 300 a day site-wide bounds the table under a flood from many networks (rows of a few hundred bytes).
  pendingRows: { max: 300, windowMs: DAY },
  // One confirmation per mailbox per day: the form cannot flood a stranger's inbox (plus-tags and Gmail dots
  // included), and a reader who asks twice gets the first link, still valid, rather than two competing ones.
  confirmationIntervalMs: DAY,
  // A single email field is often filled by autofill, so a person can send it a second after the page appears;
  // one second still catches scripts that post the moment they fetch the form.
  minSubmitMs: 1_000,
};

const POLICIES: Record<SubmissionKind, Policy> = { enquiry: ENQUIRY_POLICY, signup: SIGNUP_POLICY };

/**
 * The policy for a kind of submission. `ownerEmailsPerHour` is the one number an operator may change
 * (CONTACT_OWNER_EMAILS_PER_HOUR): a site that really receives more than 30 enquiries an hour raises it;
 * every other number is a property of one person or one mailbox, not of the site's traffic.
 */
export function policyFor(kind: "signup", options?: { ownerEmailsPerHour?: number }): SignupPolicy;
export function policyFor(kind: SubmissionKind, options?: { ownerEmailsPerHour?: number }): Policy;
export function policyFor(kind: SubmissionKind, { ownerEmailsPerHour }: { ownerEmailsPerHour?: number } = {}): Policy {
  const policy = POLICIES[kind];
  return ownerEmailsPerHour === undefined
    ? policy
    : { ...policy, ownerEmails: { max: ownerEmailsPerHour, windowMs: HOUR } };
}

/** One key per mailbox (lower-case, plus-tag, provider aliases): lib/contact/address.ts. */
export { normaliseAddress } from "./address";

/**
 * The buckets a client address falls in: its own (an IPv4 address or an IPv6 /64) and its network (the IPv4 /24 or
 * the IPv6 /48: what one provider customer, office or small hosting block usually holds). Null network only for
 * buckets made before networks were tracked for IPv4.
 */
export type ClientBuckets = { client: string; network: string | null };

/** Normalises an address (ports, brackets, zone ids, IPv4-mapped IPv6); null when it is not an IP. */
export function clientBuckets(raw: string | null | undefined): ClientBuckets | null {
  if (!raw) return null;
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(value)) value = value.replace(/:\d+$/, "");
  value = value.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(value);
  if (mapped) value = mapped[1]!;
  const version = isIP(value);
  if (version === 4) return { client: value, network: `${value.split(".").slice(0, 3).join(".")}.0/24` };
  if (version !== 6) return null;
  const groups = expandIpv6(value);
  return { client: `${groups.slice(0, 4).join(":")}::/64`, network: `${groups.slice(0, 3).join(":")}::/48` };
}

function expandIpv6(address: string): string[] {
  let text = address.toLowerCase();
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = text.replace(v4[0], `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`);
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - headGroups.length - tailGroups.length).fill("0");
  return [...headGroups, ...zeros, ...tailGroups].map((group) => (parseInt(group, 16) || 0).toString(16));
}

/** Real-looking submissions (not spam) counted in each rule's window, as the store sees them now. */
export type Counts = {
  /** Null when the client address is unknown (no bucket to count). */
  client: number | null;
  network: number | null;
  address: number;
  ownerEmails: number;
  storedRows: number;
  /** Emails to typed addresses in the window, for kinds whose every acted-on submission sends one (sign-ups). */
  addressEmails?: number;
};

export type HeldReason =
  "client" | "network" | "address" | "owner-emails" | "address-emails" | "expired-token" | "reused-token";

/** Why a submission was held, in words for the author (never shown to the person who sent it). */
export const HELD_REASONS: Record<HeldReason, string> = {
  client: "many enquiries from one client address within the hour",
  network: "many enquiries from one network (IPv4 /24 or IPv6 /48) within the hour",
  address: "several enquiries from one mailbox within a day",
  "owner-emails": "the site-wide hourly email limit was reached",
  "address-emails": "the site-wide hourly limit on emails to typed addresses was reached",
  "expired-token": "sent from a page left open for more than a day (its form token had expired)",
  "reused-token": "a second message sent with the same form from the same network (a correction after going back?)",
};

export type Decision = { act: true } | { act: false; held: HeldReason };

/**
 * Whether a real-looking submission is acted on now or held. It is stored
 * either way; `counts` are the earlier real-looking submissions in each window.
 */
export function decide(counts: Counts, policy: Policy): Decision {
  if (counts.client !== null && counts.client >= policy.perClient.max) return { act: false, held: "client" };
  if (counts.network !== null && counts.network >= policy.perNetwork.max) return { act: false, held: "network" };
  if (counts.address >= policy.perAddress.max) return { act: false, held: "address" };
  if (counts.ownerEmails >= policy.ownerEmails.max) return { act: false, held: "owner-emails" };
  if (counts.addressEmails !== undefined && counts.addressEmails >= policy.addressEmails.max)
    return { act: false, held: "address-emails" };
  return { act: true };
}

/** Whether a caught spam submission is stored verbatim (for review) or only counted. */
export function keepSpamVerbatim(
  { spamRows, storedRows, spamFromNetwork = 0 }: { spamRows: number; storedRows: number; spamFromNetwork?: number },
  policy: Policy,
): boolean {
  return (
    spamRows < policy.spamRows.max &&
    storedRows < policy.storedRows.max &&
    spamFromNetwork < policy.spamRowsPerNetwork.max
  );
}

/** The start of the window that ends now: only entries after it count. */
export function since(now: Date, windowMs: number): Date {
  return new Date(now.getTime() - windowMs);
}
