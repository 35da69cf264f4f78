import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { createClient, type Client } from "@libsql/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { migrateNewsletter, NEWSLETTER_MIGRATIONS } from "@/lib/newsletter/migrations";

let dir: string;
let client: Client;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "newsletter-migrations-"));
  client = createClient({ url: `file:${path.join(dir, "enquiries.db")}` });
});

afterEach(async () => {
  client.close();
  await rm(dir, { recursive: true, force: true });
});

describe("newsletter migrations", () => {
  it("upgrade a version-2 database in place: its sign-ups held for the hourly budget join the queue, nothing else moves", async () => {
    await migrateNewsletter(client, NEWSLETTER_MIGRATIONS.slice(0, 2));
    const insert = (id: string, heldReason: string | null, state: string) =>
      client.execute({
        sql: `INSERT INTO newsletter_subscribers (id, email, email_key, address_key, status, created_at, confirmation_state, held_reason)
              VALUES (?, ?, ?, ?, 'pending', '2025-11-03T09:00:00.000Z', ?, ?)`,
        args: [id, `${id}@example.com`, `${id}@example.com`, `${id}@example.com`, state, heldReason],
      });
    await insert("budget", "address-emails", "none");
    await insert("client", "client", "none");
    await insert("sent", null, "sent");
    expect(await migrateNewsletter(client)).toEqual([3]);
    const rows = await client.execute("SELECT id, queued_at, network_key FROM newsletter_subscribers ORDER BY id");
    expect(rows.rows.map((row) => [row.id, row.queued_at])).toEqual([
      ["budget", "2025-11-03T09:00:00.000Z"],
      ["client", null],
      ["sent", null],
    ]);
    expect((await client.execute("SELECT count(*) AS n FROM newsletter_counts")).rows[0]!.n).toBe(0);
    expect(await migrateNewsletter(client)).toEqual([]);
  });

  it("keep their own ledger beside the enquiries', and refuse tables newer than the code", async () => {
    expect(await migrateNewsletter(client)).toEqual([1, 2, 3]);
    const ledger = await client.execute("SELECT version FROM newsletter_migrations ORDER BY version");
    expect(ledger.rows.map((row) => row.version)).toEqual([1, 2, 3]);
    const tables = await client.execute("SELECT name FROM sqlite_master WHERE name = 'schema_migrations'");
    expect(tables.rows).toHaveLength(0);
    await migrateNewsletter(client, [
      ...NEWSLETTER_MIGRATIONS,
      { version: 9, name: "future", statements: ["SELECT 1"] },
    ]);
    await expect(migrateNewsletter(client)).rejects.toThrow(
      "The newsletter tables are at schema version 9, newer than this code knows (3)",
    );
  });
});
