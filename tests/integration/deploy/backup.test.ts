import { execFile } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createEnquiryStore } from "@/lib/contact/store";

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "backup-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function backup(target: string, databaseUrl: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/db-backup.ts", target], {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
      },
      timeout: 30_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe("npm run db:backup", () => {
  it("copies the live database consistently into a file only its owner reads, and never overwrites one", async () => {
    const url = `file:${path.join(dir, "enquiries.db")}`;
    const store = createEnquiryStore({ url });
    await store.sharedSetting("form_secret", () => "kept-in-the-backup");
    const target = path.join(dir, "backups", "enquiries-2026-12-06.db");
    // The server's connection stays open while the copy is made.
    const first = await backup(target, url);
    expect(first).toMatchObject({ code: 0 });
    expect(first.output).toContain(`copied to ${target}`);
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    const copy = createClient({ url: `file:${target}` });
    expect((await copy.execute("SELECT value FROM settings")).rows[0]?.value).toBe("kept-in-the-backup");
    copy.close();
    store.close();

    const again = await backup(target, url);
    expect(again.code).toBe(1);
    expect(again.output).toContain("exists already");
  });

  it("refuses a remote database, pointing at its provider's backups", async () => {
    const result = await backup(path.join(dir, "remote.db"), "libsql://blog-nora.turso.io");
    expect(result.code).toBe(1);
    expect(result.output).toContain("back it up with its provider's tools");
  });
});
