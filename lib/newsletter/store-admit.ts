import type { Client, Transaction } from "@libsql/client";

import { decide, since, type Counts, type SignupPolicy } from "@/lib/contact/policy";

/**
 * Admitting one real-looking sign-up (spam never reaches here, so it never fills anyone's bucket), in one write
 * transaction so the limits hold across instances:
 *
 * - past the per-client, per-network or per-mailbox count of sign-ups, or the cap on unconfirmed sign-ups stored
 *   per network (or site-wide): `refused`, counted per hour, network and reason (`newsletter_counts`), not stored;
 * - a spelling of a mailbox that got a confirmation within the day, a confirmed address, or one whose link is on its
 *   way: `unchanged`;
 * - past an email budget (site-wide for sign-ups as they arrive, per network, per destination domain): stored and
 *   `queued`, sent later by the queue (queue.ts) when the budget returns;
 * - otherwise `due`: a confirmation email now.
 */

export type QueueReason = "address-emails" | "network-emails" | "domain-emails";
export type RefusalReason = "client" | "network" | "address" | "pending-cap";

export type SubscriptionRequest = {
  id: string;
  email: string;
  emailKey: string;
  /** The mailbox as the policy counts it (normaliseAddress): plus-tags and provider aliases are one mailbox. */
  addressKey: string;
  sourceSlug: string | null;
  /** Keyed hashes of the client's buckets (lib/contact/ip.ts), null when its address is unknown. */
  ipHash: string | null;
  networkHash: string | null;
  /** The digest of the form token the page carried (single use), null for a prerendered form. */
  tokenId: string | null;
  now: Date;
  nonce: string;
  tokenHash: string;
  expiresAt: Date;
  policy: SignupPolicy;
};

export type SubscriptionOutcome =
  /** A confirmation email is now due to this subscriber. */
  | { kind: "due"; id: string }
  /** Nothing to send now: confirmed already, a link went to this mailbox within the interval, or one is on its way. */
  | { kind: "unchanged" }
  /** Stored; its confirmation waits for email budget and is sent later (queue.ts). */
  | { kind: "queued"; id: string | null; reason: QueueReason }
  /** Not stored: a limit on sign-ups from one place, or on stored unconfirmed ones. Counted. */
  | { kind: "refused"; reason: RefusalReason }
  /** The form token already carried a sign-up for another mailbox: spam, nothing stored or counted. */
  | { kind: "reused-token" };

const hourOf = (date: Date) => `${date.toISOString().slice(0, 13)}:00`;

/** SQL: the destination domain of a row's normalised address. */
export const DOMAIN_OF = "substr(address_key, instr(address_key, '@') + 1)";

type Budgets = { site: number; network: number; domain: number };

/** Confirmation emails committed to (due or sent) in the budgets' windows: site-wide, from the network, to the domain. */
export async function emailBudgetsUsed(
  tx: Pick<Transaction, "execute">,
  { now, networkKey, domain, policy }: { now: Date; networkKey: string | null; domain: string; policy: SignupPolicy },
): Promise<Budgets> {
  const at = (windowMs: number) => since(now, windowMs).toISOString();
  const row = (
    await tx.execute({
      sql: `SELECT
              (SELECT count(*) FROM newsletter_subscribers WHERE confirmation_requested_at > :site_since) AS site,
              (SELECT count(*) FROM newsletter_subscribers WHERE network_key = :network AND confirmation_requested_at > :network_since) AS network,
              (SELECT count(*) FROM newsletter_subscribers WHERE ${DOMAIN_OF} = :domain AND confirmation_requested_at > :domain_since) AS domain`,
      args: {
        site_since: at(policy.addressEmails.windowMs),
        network: networkKey,
        network_since: at(policy.networkEmails.windowMs),
        domain,
        domain_since: at(policy.domainEmails.windowMs),
      },
    })
  ).rows[0]!;
  return { site: Number(row.site), network: Number(row.network), domain: Number(row.domain) };
}

/** The first budget a new confirmation email would exceed, or null; `siteMax` is the direct or the queue's share. */
export function exceededBudget(used: Budgets, policy: SignupPolicy, siteMax: number, hasNetwork: boolean) {
  if (used.site >= siteMax) return "address-emails" as const;
  if (hasNetwork && used.network >= policy.networkEmails.max) return "network-emails" as const;
  if (used.domain >= policy.domainEmails.max) return "domain-emails" as const;
  return null;
}

async function countRefusal(tx: Transaction, now: Date, networkKey: string | null, reason: RefusalReason) {
  await tx.execute({
    sql: `INSERT INTO newsletter_counts (hour, network_key, reason, count) VALUES (?, ?, ?, 1)
          ON CONFLICT (hour, network_key, reason) DO UPDATE SET count = count + 1`,
    args: [hourOf(now), networkKey ?? "*", reason],
  });
}

export async function admitSubscription(db: Client, request: SubscriptionRequest): Promise<SubscriptionOutcome> {
  const { now, policy } = request;
  const networkKey = request.networkHash ?? request.ipHash;
  const domain = request.addressKey.slice(request.addressKey.lastIndexOf("@") + 1);
  const at = (windowMs: number) => since(now, windowMs).toISOString();
  const tx = await db.transaction("write");
  try {
    const count = async (sql: string, args: Record<string, string | null>) =>
      Number((await tx.execute({ sql, args })).rows[0]?.n ?? 0);
    if (request.tokenId) {
      // A form token carries one sign-up; the same page posted again for the same mailbox is a repeat, and from the
      // same network a corrected address (back, fix the typo, send), not a replay.
      const replay = await count(
        `SELECT count(*) AS n FROM newsletter_attempts WHERE token_id = :token AND address_key != :address
           AND (:network IS NULL OR coalesce(network_hash, ip_hash) IS NOT :network)`,
        { token: request.tokenId, address: request.addressKey, network: networkKey },
      );
      if (replay > 0) return { kind: "reused-token" };
    }
    const counts: Counts = {
      client: request.ipHash
        ? await count("SELECT count(*) AS n FROM newsletter_attempts WHERE ip_hash = :hash AND at > :since", {
            hash: request.ipHash,
            since: at(policy.perClient.windowMs),
          })
        : null,
      network: request.networkHash
        ? await count("SELECT count(*) AS n FROM newsletter_attempts WHERE network_hash = :hash AND at > :since", {
            hash: request.networkHash,
            since: at(policy.perNetwork.windowMs),
          })
        : null,
      // A mailbox's sign-ups are counted within the sender's network: spellings sent from elsewhere never hold it.
      address: await count(
        `SELECT count(*) AS n FROM newsletter_attempts WHERE address_key = :address AND at > :since
           AND (:network IS NULL OR coalesce(network_hash, ip_hash) = :network)`,
        { address: request.addressKey, since: at(policy.perAddress.windowMs), network: networkKey },
      ),
      // Sign-ups email no owner; their emails go to typed addresses and are budgeted below.
      ownerEmails: 0,
      storedRows: 0,
    };
    const refuse = async (reason: RefusalReason): Promise<SubscriptionOutcome> => {
      await countRefusal(tx, now, networkKey, reason);
      await tx.commit();
      return { kind: "refused", reason };
    };
    const decision = decide(counts, policy);
    if (!decision.act) return await refuse(decision.held as RefusalReason);

    const existing = (
      await tx.execute({
        sql: "SELECT status, confirmation_state, confirmation_sent_at, queued_at FROM newsletter_subscribers WHERE email_key = ?",
        args: [request.emailKey],
      })
    ).rows[0];
    if (!existing || existing.status !== "pending") {
      // A new unconfirmed row: within the per-network and site-wide caps on stored sign-ups.
      const pendingFromNetwork = networkKey
        ? await count(
            "SELECT count(*) AS n FROM newsletter_subscribers WHERE status = 'pending' AND network_key = :network AND created_at > :since",
            { network: networkKey, since: at(policy.pendingPerNetwork.windowMs) },
          )
        : 0;
      const pendingSiteWide = await count(
        "SELECT count(*) AS n FROM newsletter_subscribers WHERE status = 'pending' AND created_at > :since",
        { since: at(policy.pendingRows.windowMs) },
      );
      if (
        !existing &&
        (pendingFromNetwork >= policy.pendingPerNetwork.max || pendingSiteWide >= policy.pendingRows.max)
      )
        return await refuse("pending-cap");
    }

    await tx.execute({
      sql: "INSERT INTO newsletter_attempts (at, ip_hash, network_hash, address_key, token_id) VALUES (?, ?, ?, ?, ?)",
      args: [now.toISOString(), request.ipHash, request.networkHash, request.addressKey, request.tokenId],
    });
    const finish = async (outcome: SubscriptionOutcome) => {
      await tx.commit();
      return outcome;
    };

    const interval = at(policy.confirmationIntervalMs);
    if (existing?.status === "confirmed") return await finish({ kind: "unchanged" });
    if (
      existing?.status === "pending" &&
      (existing.confirmation_state === "due" ||
        existing.confirmation_state === "failed" ||
        (existing.confirmation_sent_at !== null && String(existing.confirmation_sent_at) > interval))
    )
      return await finish({ kind: "unchanged" });
    // One confirmation per mailbox per interval, across its spellings (name+1@, n.ame@gmail.com): the earlier link stands.
    const sibling = await count(
      `SELECT count(*) AS n FROM newsletter_subscribers WHERE address_key = :address AND email_key != :email_key
         AND (confirmation_sent_at > :since OR confirmation_state IN ('due', 'failed') OR queued_at IS NOT NULL)`,
      { address: request.addressKey, email_key: request.emailKey, since: interval },
    );
    if (sibling > 0) return await finish({ kind: "unchanged" });

    const used = await emailBudgetsUsed(tx, { now, networkKey, domain, policy });
    const over = exceededBudget(used, policy, policy.directEmails.max, networkKey !== null);
    const args = {
      id: request.id,
      email: request.email,
      email_key: request.emailKey,
      address_key: request.addressKey,
      now: now.toISOString(),
      source_slug: request.sourceSlug,
      ip_hash: request.ipHash,
      network_key: networkKey,
      nonce: request.nonce,
      token_hash: request.tokenHash,
      expires_at: request.expiresAt.toISOString(),
    };
    if (over) {
      // Stored and queued: the queue sends its link once the budget returns (a new address, or an unsubscribed one
      // signing up again; a pending one already queued stays as it is).
      const row = (
        await tx.execute({
          sql: `INSERT INTO newsletter_subscribers
                  (id, email, email_key, address_key, status, created_at, source_slug, ip_hash, network_key, token_nonce, token_hash,
                   token_expires_at, confirmation_state, held_reason, queued_at)
                VALUES (:id, :email, :email_key, :address_key, 'pending', :now, :source_slug, :ip_hash, :network_key, :nonce, :token_hash,
                        :expires_at, 'none', :reason, :now)
                ON CONFLICT (email_key) DO UPDATE SET
                  status = 'pending', email = excluded.email, address_key = excluded.address_key, source_slug = excluded.source_slug,
                  ip_hash = excluded.ip_hash, network_key = excluded.network_key, created_at = excluded.created_at,
                  unsubscribed_at = NULL, token_nonce = excluded.token_nonce, token_hash = excluded.token_hash,
                  token_expires_at = excluded.token_expires_at, token_used_at = NULL, confirmation_state = 'none',
                  held_reason = excluded.held_reason, queued_at = excluded.queued_at, attempts = 0, last_error = NULL,
                  next_attempt_at = NULL, locked_until = NULL
                WHERE newsletter_subscribers.queued_at IS NULL
                RETURNING id`,
          args: { ...args, reason: over },
        })
      ).rows[0];
      return await finish({ kind: "queued", id: row ? String(row.id) : null, reason: over });
    }
    const row = (
      await tx.execute({
        sql: `INSERT INTO newsletter_subscribers
                (id, email, email_key, address_key, status, created_at, source_slug, ip_hash, network_key, token_nonce, token_hash,
                 token_expires_at, confirmation_state, confirmation_requested_at, next_attempt_at)
              VALUES (:id, :email, :email_key, :address_key, 'pending', :now, :source_slug, :ip_hash, :network_key, :nonce, :token_hash,
                      :expires_at, 'due', :now, :now)
              ON CONFLICT (email_key) DO UPDATE SET
                status = 'pending', email = excluded.email, address_key = excluded.address_key, source_slug = excluded.source_slug,
                ip_hash = excluded.ip_hash, network_key = excluded.network_key,
                created_at = CASE WHEN newsletter_subscribers.status = 'unsubscribed' THEN excluded.created_at ELSE newsletter_subscribers.created_at END,
                unsubscribed_at = NULL, token_nonce = excluded.token_nonce, token_hash = excluded.token_hash,
                token_expires_at = excluded.token_expires_at, token_used_at = NULL, confirmation_state = 'due', held_reason = NULL,
                queued_at = NULL, confirmation_requested_at = excluded.confirmation_requested_at,
                attempts = 0, last_error = NULL, next_attempt_at = excluded.next_attempt_at, locked_until = NULL
              WHERE newsletter_subscribers.status != 'confirmed'
              RETURNING id`,
        args,
      })
    ).rows[0];
    return await finish(row ? { kind: "due", id: String(row.id) } : { kind: "unchanged" });
  } finally {
    tx.close();
  }
}
