import { randomBytes } from "node:crypto";

import { deriveKey } from "./spam";
import type { EnquiryStore } from "./store";

/**
 * The two keys of the funnel.
 *
 * - The form secret signs the form tokens. Every instance must use the same
 *   one, or a form rendered by one instance and posted to another would be
 *   taken for spam. CONTACT_FORM_SECRET when set; otherwise one is generated
 *   once and kept in the enquiry database (table `settings`), which every
 *   instance already shares, and read from there by each of them.
 * - The IP hash key turns client addresses into the hashes the limits count.
 *   It is never stored beside the database: a copy of the database with the
 *   key would let anyone recover every IPv4 address by trying all 2^32. It is
 *   derived from CONTACT_FORM_SECRET when set (it lives in the environment),
 *   else generated per process: client buckets then reset on restart and are
 *   per instance, which only makes the per-client limit looser, never stricter.
 */

export type FormSecret = { secret: string; source: "env" | "database" };

const SETTING = "form_secret";

export async function resolveFormSecret(
  configured: string | undefined,
  store: Pick<EnquiryStore, "sharedSetting">,
): Promise<FormSecret> {
  if (configured) return { secret: configured, source: "env" };
  const secret = await store.sharedSetting(SETTING, () => randomBytes(32).toString("base64url"));
  return { secret, source: "database" };
}

export function resolveIpHashKey(configured: string | undefined): { key: Buffer; source: "env" | "process" } {
  if (configured) return { key: deriveKey(configured, "ip-hash"), source: "env" };
  return { key: randomBytes(32), source: "process" };
}
