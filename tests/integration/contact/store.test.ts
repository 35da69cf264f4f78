import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { createClient, type Client } from "@libsql/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { migrate, MIGRATIONS, type Migration } from "@/lib/contact/migrations";
import { policyFor } from "@/lib/contact/policy";
import { createEnquiryStore, type NewEnquiry } from "@/lib/contact/store";

let dir: string;
const clients: Client[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "enquiries-store-"));
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await rm(dir, { recursive: true, force: true });
});

function open(name = "enquiries.db"): Client {
  const client = createClient({ url: `file:${path.join(dir, name)}` });
  clients.push(client);
  return client;
}

const now = new Date("2025-11-03T09:00:00.000Z");

function enquiry(overrides: Partial<NewEnquiry> = {}): NewEnquiry {
  return {
    id: randomUUID(),
    createdAt: now,
    name: "Ada Lovelace",
    email: `${randomUUID()}@example.com`,
    company: null,
    topic: "delivery-process",
    message: `A message long enough to be an enquiry ${randomUUID()}`,
    sourceSlug: null,
    ipHash: "a".repeat(64),
    userAgent: null,
    status: "pending",
    ...overrides,
  };
}

describe("migrations", () => {
  it("create the enquiries table with the agreed columns, once, and record the version", async () => {
    const client = open();
    expect(await migrate(client)).toEqual([1, 2, 3, 4, 5]);
    expect(await migrate(client)).toEqual([]);

    const columns = await client.execute("SELECT name FROM pragma_table_info('enquiries') ORDER BY cid");
    expect(columns.rows.map((row) => row.name)).toEqual([
      "id",
      "created_at",
      "name",
      "email",
      "company",
      "topic",
      "message",
      "source_slug",
      "ip_hash",
      "user_agent",
      "status",
      "attempts",
      "last_error",
      "sent_at",
      "next_attempt_at",
      "locked_until",
      "ack_sent_at",
      "provider_message_id",
      "network_hash",
      "address_key",
      "token_id",
      "held_reason",
      "digested_at",
      "team_size",
      "timeline",
      "help_kind",
      "booking_link",
      "booking_status",
      "booking_uid",
      "booking_changed_at",
      "network_key",
      "signals",
      "form_age_ms",
    ]);
    const ledger = await client.execute("SELECT version, name FROM schema_migrations");
    expect(ledger.rows.map((row) => [row.version, row.name])).toEqual([
      [1, "create enquiries"],
      [2, "held enquiries, policy buckets, single-use tokens, spam counts, shared settings"],
      [3, "qualifying answers: team size, timeline, kind of help"],
      [4, "bookings: the link offered, the booked call, and the webhook events seen"],
      [
        5,
        "flood: the network each enquiry came from, its signs of a person, and held enquiries counted instead of stored",
      ],
    ]);
  });

  it("keep the rows of a version-1 database when they add `held` (the table is rebuilt)", async () => {
    const client = open();
    await migrate(client, MIGRATIONS.slice(0, 1));
    await client.execute(
      "INSERT INTO enquiries (id, created_at, name, email, topic, message, status) VALUES ('old', '2025-01-01T00:00:00.000Z', 'n', 'Ada@Example.com', 't', 'm', 'sent')",
    );
    expect(await migrate(client)).toEqual([2, 3, 4, 5]);
    const row = (await client.execute("SELECT id, status, address_key, team_size, signals FROM enquiries")).rows[0]!;
    expect([row.id, row.status, row.address_key, row.team_size, row.signals]).toEqual([
      "old",
      "sent",
      "ada@example.com",
      null,
      null,
    ]);
  });

  it("reject a status outside pending|sent|failed|spam|held", async () => {
    const client = open();
    await migrate(client);
    await expect(
      client.execute(
        "INSERT INTO enquiries (id, created_at, name, email, topic, message, status, address_key) VALUES ('x', 'now', 'n', 'e', 't', 'm', 'lost', 'e')",
      ),
    ).rejects.toThrow(/CHECK constraint failed/);
  });

  it("apply a later migration exactly once, even from two connections at the same time", async () => {
    const later: Migration[] = [
      ...MIGRATIONS,
      { version: 99, name: "add notes", statements: ["ALTER TABLE enquiries ADD COLUMN notes TEXT"] },
    ];
    const [first, second] = [open(), open()];
    await migrate(first);
    const applied = await Promise.allSettled([migrate(first, later), migrate(second, later)]);
    const versions = applied.flatMap((result) => (result.status === "fulfilled" ? result.value : []));
    expect(versions).toEqual([99]);
    const ledger = await first.execute("SELECT version FROM schema_migrations ORDER BY version");
    expect(ledger.rows.map((row) => row.version)).toEqual([...MIGRATIONS.map((migration) => migration.version), 99]);
  });

  it("refuse to run against a database newer than the code", async () => {
    const client = open();
    await migrate(client, [...MIGRATIONS, { version: 100, name: "future", statements: ["SELECT 1"] }]);
    await expect(migrate(client)).rejects.toThrow(
      "The enquiry database is at schema version 100, newer than this code knows (5)",
    );
  });
});

describe("enquiry store", () => {
  it("creates the database folder on first use (a fresh clone has no .data/)", async () => {
    const url = `file:${path.join(dir, "nested", ".data", "enquiries.db")}`;
    const store = createEnquiryStore({ url });
    const created = await store.create(enquiry());
    expect(created.kind).toBe("created");
    expect(existsSync(path.join(dir, "nested", ".data", "enquiries.db"))).toBe(true);
    store.close();
  });

  it("holds the per-client limit under concurrency: of 20 simultaneous enquiries from one client, exactly 5 are emailed now, 10 held, the rest counted", async () => {
    const store = createEnquiryStore({ url: `file:${path.join(dir, "enquiries.db")}` });
    const policy = policyFor("enquiry");
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => store.create(enquiry())));
    expect(outcomes.filter((outcome) => outcome.kind === "created" && outcome.status === "pending")).toHaveLength(5);
    expect(
      outcomes.filter(
        (outcome) => outcome.kind === "created" && outcome.status === "held" && outcome.heldReason === "client",
      ),
    ).toHaveLength(policy.heldRowsPerNetwork.max);
    // Beyond the network's allowance of held rows, a held enquiry is counted, not stored.
    expect(outcomes.filter((outcome) => outcome.kind === "counted" && outcome.heldReason === "client")).toHaveLength(
      20 - 5 - policy.heldRowsPerNetwork.max,
    );
    expect(await store.countsByStatus()).toMatchObject({ pending: 5, held: policy.heldRowsPerNetwork.max });
    expect(await store.heldCounts(new Date(now.getTime() - 60_000))).toEqual([
      { reason: "client", count: 20 - 5 - policy.heldRowsPerNetwork.max, networks: 1 },
    ]);
    store.close();
  });

  it("holds it across server instances sharing the database (two stores, one file)", async () => {
    const url = `file:${path.join(dir, "shared.db")}`;
    const [a, b] = [createEnquiryStore({ url }), createEnquiryStore({ url })];
    // Each instance migrates when it starts (one process each in production), then both take submissions at once.
    await a.countsByStatus();
    await b.countsByStatus();
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        (index % 2 ? a : b).create(enquiry({ createdAt: new Date(now.getTime() + index) })),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.kind === "created")).toHaveLength(10);
    // Each instance serialises its own count-then-insert; across two, the count may overshoot by one.
    const { pending, held } = await a.countsByStatus();
    expect(pending + held).toBe(10);
    expect(pending).toBeGreaterThanOrEqual(5);
    expect(pending).toBeLessThanOrEqual(6);
    a.close();
    b.close();
  });

  it("keeps spam rows out of every count and the funnel", async () => {
    const store = createEnquiryStore({ url: `file:${path.join(dir, "enquiries.db")}` });
    const email = "ada@example.com";
    for (let index = 0; index < 3; index += 1) {
      expect(
        (
          await store.create(
            enquiry({ email, status: "spam", lastError: "spam: honeypot", ipHash: `${index}`.repeat(64) }),
          )
        ).kind,
      ).toBe("created");
    }
    // Three real ones from three clients of one network: the mailbox's limit (counted within the network) is reached.
    const network = "n".repeat(64);
    for (let index = 0; index < 3; index += 1) {
      expect(
        (await store.create(enquiry({ email, ipHash: `${index + 3}`.repeat(64), networkHash: network }))).kind,
      ).toBe("created");
    }
    expect(await store.create(enquiry({ email, ipHash: "9".repeat(64), networkHash: network }))).toMatchObject({
      kind: "created",
      status: "held",
      heldReason: "address",
    });
    // Spellings of a mailbox sent from one network never hold the same mailbox's enquiry from another.
    expect(await store.create(enquiry({ email, ipHash: "8".repeat(64), networkHash: "m".repeat(64) }))).toMatchObject({
      kind: "created",
      status: "pending",
    });
    // The held one is the only mailbox from its network: a likely-real prospect, counted in the funnel.
    expect(await store.countsBySource()).toEqual([
      { sourceSlug: null, enquiries: 5, sent: 0, unsent: 5, lastAt: now.toISOString() },
    ]);
    store.close();
  });
});

describe("a locked database file (another process holds the write lock)", () => {
  it("waits without blocking the event loop, then reports the store unavailable; a lock released in time is waited out", async () => {
    const url = `file:${path.join(dir, "locked.db")}`;
    const store = createEnquiryStore({ url, lockWaitMs: 600 });
    await store.countsByStatus(); // migrated
    const holder = open("locked.db");
    const lock = await holder.transaction("write");
    await lock.execute("UPDATE enquiries SET attempts = attempts WHERE 0");

    // While the insert waits, timers keep firing: the server would keep serving pages.
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 20);
    const started = performance.now();
    await expect(store.create(enquiry())).rejects.toMatchObject({
      name: "StoreUnavailableError",
      message: expect.stringMatching(/locked/),
    });
    const waited = performance.now() - started;
    clearInterval(ticker);
    expect(waited).toBeGreaterThanOrEqual(550);
    expect(waited).toBeLessThan(2_000);
    expect(ticks).toBeGreaterThan(10);

    // Released while a submission waits: it goes through.
    const pending = store.create(enquiry());
    setTimeout(() => void lock.rollback(), 150);
    expect((await pending).kind).toBe("created");
    expect(await store.countsByStatus()).toMatchObject({ pending: 1 });
    store.close();
  });
});

describe("after a failed write (regression: the store-faults drill)", () => {
  it("the next enquiries are committed, visible to other processes, not left in a dangling transaction", async () => {
    const url = `file:${path.join(dir, "recover.db")}`;
    const store = createEnquiryStore({ url, lockWaitMs: 100 });
    await store.countsByStatus();
    const holder = open("recover.db");
    const lock = await holder.transaction("write");
    await lock.execute("UPDATE enquiries SET attempts = attempts WHERE 0");
    await expect(store.create(enquiry())).rejects.toMatchObject({ name: "StoreUnavailableError" });
    await lock.rollback();

    const created = await store.create(enquiry());
    expect(created.kind).toBe("created");
    // Another connection (another instance, the retry script, a backup) sees it; so does a restart.
    const other = open("recover.db");
    expect((await other.execute("SELECT count(*) AS n FROM enquiries")).rows[0]!.n).toBe(1);
    expect(existsSync(path.join(dir, "recover.db-journal"))).toBe(false);
    store.close();
  });
});
