/** The newsletter store's records and outcomes (store.ts builds the store; store-queries.ts holds the SQL). */

export type SubscriberStatus = "pending" | "confirmed" | "unsubscribed";

export type Subscriber = {
  id: string;
  email: string;
  emailKey: string;
  addressKey: string | null;
  status: SubscriberStatus;
  createdAt: string;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
  sourceSlug: string | null;
  ipHash: string | null;
  tokenNonce: string | null;
  tokenExpiresAt: string | null;
  tokenUsedAt: string | null;
  confirmationState: "none" | "due" | "sent" | "failed";
  confirmationSentAt: string | null;
  attempts: number;
  lastError: string | null;
  /** Why a stored sign-up got no confirmation email yet (an email budget of the policy), null otherwise. */
  heldReason: string | null;
  /** When the sign-up joined the queue of confirmations sent later (queue.ts), null when it is not queued. */
  queuedAt: string | null;
  /** The network it signed up from (keyed hash), null when unknown. */
  networkKey: string | null;
  syncState: "none" | "due" | "synced" | "failed";
  syncError: string | null;
  providerContactId: string | null;
};

export type ConfirmOutcome =
  | { kind: "confirmed"; subscriber: Subscriber }
  /** The link was used before (a replay): nothing changes. */
  | { kind: "used" }
  | { kind: "expired" }
  /** Not a link we issued (or one replaced by a newer one, or for an address since deleted). */
  | { kind: "forged" };

export type UnsubscribeOutcome = { kind: "unsubscribed"; subscriber: Subscriber } | { kind: "already" };

export type SourceCount = { sourceSlug: string | null; confirmed: number; pending: number };

export type ConfirmationCheck = "ready" | Exclude<ConfirmOutcome["kind"], "confirmed">;
