import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The secret that signs form timestamps and keys the IP hashes. Set
 * CONTACT_FORM_SECRET in production; without it (a fresh clone) one is
 * generated once and kept in `.data/form-secret`, so forms rendered before a
 * restart still verify. Several instances must share CONTACT_FORM_SECRET.
 */

export type FormSecret = { secret: string; source: "env" | "file" | "memory"; file?: string };

export function resolveFormSecret(configured: string | undefined, { dir = ".data" }: { dir?: string } = {}): FormSecret {
  if (configured) return { secret: configured, source: "env" };
  const file = path.resolve(dir, "form-secret");
  const read = () => {
    const value = readFileSync(file, "utf8").trim();
    return value.length >= 32 ? value : undefined;
  };
  try {
    const existing = read();
    if (existing) return { secret: existing, source: "file", file };
  } catch {
    // not there yet
  }
  const generated = randomBytes(32).toString("base64url");
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${generated}\n`, { mode: 0o600, flag: "wx" });
    return { secret: generated, source: "file", file };
  } catch {
    // Another process may have written it first; otherwise the disk is read-only.
    try {
      const existing = read();
      if (existing) return { secret: existing, source: "file", file };
    } catch {
      // fall through
    }
    return { secret: generated, source: "memory" };
  }
}
