import { randomBytes } from "node:crypto";

import { deriveKey, verifyFormToken } from "./spam";
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
 *
 * When the database cannot be read and CONTACT_FORM_SECRET is not set, the
 * contact form is still rendered and answered (createFormSigner): it is signed
 * with a key of this process, so the prospect reaches the "could not be saved…
 * email me" answer instead of an error page.
 */

export type FormSecret = { secret: string; source: "env" | "database" };

const SETTING = "form_secret";

/** `candidate`: the value to keep when the database has none yet (default: a new random one). */
export async function resolveFormSecret(
  configured: string | undefined,
  store: Pick<EnquiryStore, "sharedSetting">,
  candidate?: string,
): Promise<FormSecret> {
  if (configured) return { secret: configured, source: "env" };
  const secret = await store.sharedSetting(SETTING, () => candidate ?? randomBytes(32).toString("base64url"));
  return { secret, source: "database" };
}

export function resolveIpHashKey(configured: string | undefined): { key: Buffer; source: "env" | "process" } {
  if (configured) return { key: deriveKey(configured, "ip-hash"), source: "env" };
  return { key: randomBytes(32), source: "process" };
}

export type FormSigningSecret = { secret: string; source: FormSecret["source"] | "fallback" };

export type FormSignerOptions = {
  /** After the database failed, how long the fallback is used before the database is asked again. */
  retryMs?: number;
  now?: () => number;
  log?: Pick<Console, "warn">;
};

/**
 * The secret the contact form is signed and checked with, which never fails: the shared one (`shared`, from the
 * environment or the database) when it can be read, else a random key of this process, with one warning per
 * outage. While the database is down nothing can be stored anyway, so the prospect gets the "could not be saved"
 * answer; once it is back, a form signed with the fallback is still accepted (`forToken`), and when the database
 * had no secret yet the fallback becomes the shared one, so those forms stay valid on every instance.
 */
export function createFormSigner(
  shared: (fallback: string) => Promise<FormSecret>,
  { retryMs = 15_000, now = Date.now, log = console }: FormSignerOptions = {},
) {
  const fallback = randomBytes(32).toString("base64url");
  let fallbackIssued = false;
  let failedAt: number | undefined;

  async function current(): Promise<FormSigningSecret> {
    if (failedAt !== undefined && now() - failedAt < retryMs) return { secret: fallback, source: "fallback" };
    try {
      const secret = await shared(fallback);
      if (failedAt !== undefined)
        log.warn("✓ [contact] The enquiry database is readable again: forms use the shared secret.");
      failedAt = undefined;
      return secret;
    } catch (error) {
      if (failedAt === undefined) {
        log.warn(
          `⚠ [contact] The form secret could not be read from the enquiry database (${error instanceof Error ? error.message : String(error)}). The contact form is signed with a key of this process until it can; enquiries cannot be stored meanwhile, and prospects are told to email instead. Set CONTACT_FORM_SECRET so the form never depends on the database.`,
        );
      }
      failedAt = now();
      fallbackIssued = true;
      return { secret: fallback, source: "fallback" };
    }
  }

  return {
    current,
    /** The secret to check a submitted token with: the fallback if this process signed it with that, else the current one. */
    async forToken(token: unknown): Promise<FormSigningSecret> {
      const secret = await current();
      if (secret.source === "fallback" || !fallbackIssued) return secret;
      const check = verifyFormToken(token, { secret: fallback, now: now(), minAgeMs: 0 });
      return check.ok || check.reason === "expired" ? { secret: fallback, source: "fallback" } : secret;
    },
  };
}
