import { migrator, type Migration } from "@/lib/db/migrate";

/**
 * The newsletter's tables, in the same libSQL database as the enquiries but
 * with their own ledger (`newsletter_migrations`), so neither feature's
 * versions constrain the other's. lib/db/migrate.ts runs each migration once,
 * in one write transaction with its ledger row. Append; never edit a shipped one.
 */

export const NEWSLETTER_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "create newsletter subscribers and sign-up attempts",
    statements: [
      `CREATE TABLE newsletter_subscribers (
        id                   TEXT PRIMARY KEY,
        email                TEXT NOT NULL,
        email_key            TEXT NOT NULL UNIQUE,
        status               TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
        created_at           TEXT NOT NULL,
        confirmed_at         TEXT,
        unsubscribed_at      TEXT,
        source_slug          TEXT,
        ip_hash              TEXT,
        token_nonce          TEXT,
        token_hash           TEXT UNIQUE,
        token_expires_at     TEXT,
        token_used_at        TEXT,
        confirmation_state   TEXT NOT NULL DEFAULT 'none' CHECK (confirmation_state IN ('none', 'due', 'sent', 'failed')),
        confirmation_sent_at TEXT,
        attempts             INTEGER NOT NULL DEFAULT 0,
        last_error           TEXT,
        next_attempt_at      TEXT,
        locked_until         TEXT,
        sync_state           TEXT NOT NULL DEFAULT 'none' CHECK (sync_state IN ('none', 'due', 'synced', 'failed')),
        sync_error           TEXT,
        provider_contact_id  TEXT
      )`,
      "CREATE INDEX newsletter_subscribers_created_at ON newsletter_subscribers (status, created_at)",
      "CREATE INDEX newsletter_subscribers_source ON newsletter_subscribers (source_slug)",
      `CREATE TABLE newsletter_attempts (
        at      TEXT NOT NULL,
        ip_hash TEXT
      )`,
      "CREATE INDEX newsletter_attempts_ip ON newsletter_attempts (ip_hash, at)",
    ],
  },
  {
    version: 2,
    name: "count sign-ups with the shared contact policy: network, normalised mailbox, held sign-ups, email budget",
    statements: [
      // The mailbox as the policy counts it (normaliseAddress); rows from version 1 get their lower-cased address.
      "ALTER TABLE newsletter_subscribers ADD COLUMN address_key TEXT",
      "UPDATE newsletter_subscribers SET address_key = email_key",
      "CREATE INDEX newsletter_subscribers_address ON newsletter_subscribers (address_key, confirmation_sent_at)",
      // Why a stored sign-up got no confirmation email (a limit of the policy), for the owner.
      "ALTER TABLE newsletter_subscribers ADD COLUMN held_reason TEXT",
      // When a confirmation email was last committed to (due), for the site-wide hourly budget.
      "ALTER TABLE newsletter_subscribers ADD COLUMN confirmation_requested_at TEXT",
      "UPDATE newsletter_subscribers SET confirmation_requested_at = coalesce(confirmation_sent_at, created_at) WHERE confirmation_state != 'none'",
      "CREATE INDEX newsletter_subscribers_requested ON newsletter_subscribers (confirmation_requested_at)",
      // Attempts now hold only real-looking sign-ups (spam never counts), with the policy's other buckets.
      "ALTER TABLE newsletter_attempts ADD COLUMN network_hash TEXT",
      "ALTER TABLE newsletter_attempts ADD COLUMN address_key TEXT",
      "ALTER TABLE newsletter_attempts ADD COLUMN token_id TEXT",
      "CREATE INDEX newsletter_attempts_network ON newsletter_attempts (network_hash, at)",
      "CREATE INDEX newsletter_attempts_address ON newsletter_attempts (address_key, at)",
      "CREATE INDEX newsletter_attempts_token ON newsletter_attempts (token_id)",
    ],
  },
  {
    version: 3,
    name: "flood: the sign-up's network, the queue of confirmations sent later, sign-ups counted instead of stored",
    statements: [
      // The network of the sign-up (the IPv4 /24 or IPv6 /48 bucket's hash, else the client's): budgets and caps per network.
      "ALTER TABLE newsletter_subscribers ADD COLUMN network_key TEXT",
      "UPDATE newsletter_subscribers SET network_key = ip_hash",
      "CREATE INDEX newsletter_subscribers_network ON newsletter_subscribers (network_key, created_at)",
      // Set while a sign-up waits for email budget (lib/newsletter/queue.ts sends it later); held_reason says which.
      "ALTER TABLE newsletter_subscribers ADD COLUMN queued_at TEXT",
      "CREATE INDEX newsletter_subscribers_queued ON newsletter_subscribers (queued_at) WHERE queued_at IS NOT NULL",
      // Sign-ups held by version 2 for the hourly email budget were told a link was on its way: queue them now.
      `UPDATE newsletter_subscribers SET queued_at = created_at
       WHERE status = 'pending' AND confirmation_state = 'none' AND held_reason = 'address-emails'`,
      // Sign-ups past a per-client, per-network or storage limit: counted per hour, network and reason, not stored.
      `CREATE TABLE newsletter_counts (
        hour        TEXT NOT NULL,
        network_key TEXT NOT NULL,
        reason      TEXT NOT NULL,
        count       INTEGER NOT NULL,
        PRIMARY KEY (hour, network_key, reason)
      )`,
    ],
  },
];

export const migrateNewsletter = migrator(
  { table: "newsletter_migrations", subject: "The newsletter tables are" },
  NEWSLETTER_MIGRATIONS,
);
