import { migrator, type Migration } from "@/lib/db/migrate";

/**
 * The enquiry store's schema migrations, recorded in `schema_migrations` and run by lib/db/migrate.ts (each once,
 * in its own write transaction with its ledger row). Append new migrations; never edit one that has shipped.
 */

export type { Migration } from "@/lib/db/migrate";

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "create enquiries",
    statements: [
      `CREATE TABLE enquiries (
        id                  TEXT PRIMARY KEY,
        created_at          TEXT NOT NULL,
        name                TEXT NOT NULL,
        email               TEXT NOT NULL,
        company             TEXT,
        topic               TEXT NOT NULL,
        message             TEXT NOT NULL,
        source_slug         TEXT,
        ip_hash             TEXT,
        user_agent          TEXT,
        status              TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'spam')),
        attempts            INTEGER NOT NULL DEFAULT 0,
        last_error          TEXT,
        sent_at             TEXT,
        next_attempt_at     TEXT,
        locked_until        TEXT,
        ack_sent_at         TEXT,
        provider_message_id TEXT
      )`,
      "CREATE INDEX enquiries_created_at ON enquiries (created_at)",
      "CREATE INDEX enquiries_ip_hash ON enquiries (ip_hash, created_at)",
      "CREATE INDEX enquiries_email ON enquiries (lower(email), created_at)",
      "CREATE INDEX enquiries_unsent ON enquiries (status, next_attempt_at) WHERE status IN ('pending', 'failed')",
    ],
  },
  {
    version: 2,
    name: "held enquiries, policy buckets, single-use tokens, spam counts, shared settings",
    statements: [
      // SQLite cannot change a CHECK constraint in place: the table is rebuilt with the new status `held`.
      `CREATE TABLE enquiries_v2 (
        id                  TEXT PRIMARY KEY,
        created_at          TEXT NOT NULL,
        name                TEXT NOT NULL,
        email               TEXT NOT NULL,
        company             TEXT,
        topic               TEXT NOT NULL,
        message             TEXT NOT NULL,
        source_slug         TEXT,
        ip_hash             TEXT,
        user_agent          TEXT,
        status              TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'spam', 'held')),
        attempts            INTEGER NOT NULL DEFAULT 0,
        last_error          TEXT,
        sent_at             TEXT,
        next_attempt_at     TEXT,
        locked_until        TEXT,
        ack_sent_at         TEXT,
        provider_message_id TEXT,
        network_hash        TEXT,
        address_key         TEXT NOT NULL,
        token_id            TEXT,
        held_reason         TEXT,
        digested_at         TEXT
      )`,
      `INSERT INTO enquiries_v2 (id, created_at, name, email, company, topic, message, source_slug, ip_hash, user_agent, status, attempts,
                                 last_error, sent_at, next_attempt_at, locked_until, ack_sent_at, provider_message_id, address_key)
       SELECT id, created_at, name, email, company, topic, message, source_slug, ip_hash, user_agent, status, attempts,
              last_error, sent_at, next_attempt_at, locked_until, ack_sent_at, provider_message_id, lower(trim(email))
       FROM enquiries`,
      "DROP TABLE enquiries",
      "ALTER TABLE enquiries_v2 RENAME TO enquiries",
      "CREATE INDEX enquiries_created_at ON enquiries (created_at)",
      "CREATE INDEX enquiries_ip_hash ON enquiries (ip_hash, created_at)",
      "CREATE INDEX enquiries_network_hash ON enquiries (network_hash, created_at)",
      "CREATE INDEX enquiries_address_key ON enquiries (address_key, created_at)",
      "CREATE INDEX enquiries_status ON enquiries (status, created_at)",
      "CREATE INDEX enquiries_unsent ON enquiries (status, next_attempt_at) WHERE status IN ('pending', 'failed')",
      // A form token carries one real enquiry: a second, different one with it is refused by this index (and kept as spam).
      "CREATE UNIQUE INDEX enquiries_token_once ON enquiries (token_id) WHERE token_id IS NOT NULL AND status != 'spam'",
      // Spam beyond the stored sample is only counted, per hour and reason.
      `CREATE TABLE spam_counts (
        hour   TEXT NOT NULL,
        reason TEXT NOT NULL,
        count  INTEGER NOT NULL,
        PRIMARY KEY (hour, reason)
      )`,
      // Values every instance shares: the generated form secret, the time of the last held digest.
      `CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      )`,
    ],
  },
  {
    version: 3,
    name: "qualifying answers: team size, timeline, kind of help",
    // Nullable columns added in place: old rows read as "not answered", and older code ignores them.
    statements: [
      "ALTER TABLE enquiries ADD COLUMN team_size TEXT",
      "ALTER TABLE enquiries ADD COLUMN timeline TEXT",
      "ALTER TABLE enquiries ADD COLUMN help_kind TEXT",
    ],
  },
  {
    version: 4,
    name: "bookings: the link offered, the booked call, and the webhook events seen",
    statements: [
      // The provider whose link the success page offered (cal, calendly, other), null when none was.
      "ALTER TABLE enquiries ADD COLUMN booking_link TEXT",
      // booked | cancelled, null before any booking; the booking's uid and when it last changed.
      "ALTER TABLE enquiries ADD COLUMN booking_status TEXT CHECK (booking_status IN ('booked', 'cancelled'))",
      "ALTER TABLE enquiries ADD COLUMN booking_uid TEXT",
      "ALTER TABLE enquiries ADD COLUMN booking_changed_at TEXT",
      // One row per webhook event applied (or seen without a match): a replay finds its key and changes nothing.
      `CREATE TABLE booking_events (
        event_key    TEXT PRIMARY KEY,
        trigger      TEXT NOT NULL,
        booking_uid  TEXT NOT NULL,
        enquiry_id   TEXT,
        received_at  TEXT NOT NULL
      )`,
    ],
  },
  {
    version: 5,
    name: "flood: the network each enquiry came from, its signs of a person, and held enquiries counted instead of stored",
    statements: [
      // The network the limits and the held review group by: the IPv4 /24 or IPv6 /48 bucket's hash, or the client's
      // own hash for rows stored before IPv4 networks were tracked. Null when the client address was unknown.
      "ALTER TABLE enquiries ADD COLUMN network_key TEXT",
      "UPDATE enquiries SET network_key = coalesce(network_hash, ip_hash)",
      "CREATE INDEX enquiries_network_key ON enquiries (network_key, created_at)",
      // lib/contact/held-rank.ts: a bit mask of the signs of a person known on arrival; how long the form was open.
      "ALTER TABLE enquiries ADD COLUMN signals INTEGER",
      "ALTER TABLE enquiries ADD COLUMN form_age_ms INTEGER",
      // Held enquiries beyond the per-network (or site-wide) allowance: counted per hour, network and reason, not stored.
      `CREATE TABLE held_counts (
        hour        TEXT NOT NULL,
        network_key TEXT NOT NULL,
        reason      TEXT NOT NULL,
        count       INTEGER NOT NULL,
        PRIMARY KEY (hour, network_key, reason)
      )`,
    ],
  },
];

/** Applies every migration the database has not seen yet; returns the versions applied now. */
export const migrate = migrator({ table: "schema_migrations", subject: "The enquiry database is" }, MIGRATIONS);
