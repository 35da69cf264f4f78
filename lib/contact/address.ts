/**
 * One key per mailbox, for counting only: the address as typed is what is stored and replied to.
 *
 * Every provider: lower-case, a trailing dot of the domain dropped, the plus-tag removed (`name+1@` is `name@`).
 * Providers that deliver other spellings to the same mailbox are folded further, so a bot cannot count one mailbox
 * as many (or hold a known person's mailbox with spellings the policy would not recognise):
 *
 * - Gmail: dots in the local part are ignored; googlemail.com is gmail.com.
 * - Proton: proton.me, protonmail.com, protonmail.ch and pm.me are one account's addresses, and Proton ignores dots,
 *   hyphens and underscores in the name (alice.jones@pm.me reaches alicejones@proton.me).
 * - iCloud: me.com and mac.com addresses are the same account's @icloud.com address.
 * - Fastmail: subdomain addressing, `anything@alice.fastmail.com` is `alice@fastmail.com` (also fastmail.fm).
 *
 * Client-safe (no Node APIs): the newsletter and the enquiry form use it on the server only, but nothing stops a
 * client from reusing it.
 */

type Provider = {
  /** The domain every spelling folds to. */
  domain: string;
  /** Characters of the local part the provider ignores. */
  ignore?: RegExp;
};

const GMAIL: Provider = { domain: "gmail.com", ignore: /\./g };
const PROTON: Provider = { domain: "proton.me", ignore: /[._-]/g };
const ICLOUD: Provider = { domain: "icloud.com" };

const PROVIDERS: Record<string, Provider> = {
  "gmail.com": GMAIL,
  "googlemail.com": GMAIL,
  "proton.me": PROTON,
  "protonmail.com": PROTON,
  "protonmail.ch": PROTON,
  "pm.me": PROTON,
  "icloud.com": ICLOUD,
  "me.com": ICLOUD,
  "mac.com": ICLOUD,
};

/** Fastmail's subdomain addressing: the mailbox is the subdomain's label. */
const FASTMAIL_SUBDOMAIN = /^([a-z0-9][a-z0-9_-]*)\.(fastmail\.(?:com|fm))$/;

export function normaliseAddress(email: string): string {
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.lastIndexOf("@");
  if (at <= 0) return trimmed;
  let local = trimmed.slice(0, at);
  let domain = trimmed.slice(at + 1).replace(/\.$/, "");
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  const fastmail = FASTMAIL_SUBDOMAIN.exec(domain);
  if (fastmail) {
    local = fastmail[1]!;
    domain = fastmail[2]!;
  }
  const provider = PROVIDERS[domain];
  if (provider) {
    const folded = provider.ignore ? local.replace(provider.ignore, "") : local;
    // A local part made only of ignored characters is not a mailbox the provider knows: keep it as typed.
    if (folded) local = folded;
    domain = provider.domain;
  }
  return `${local}@${domain}`;
}

/** The destination domain of a normalised address (what the per-domain email budget counts). */
export function addressDomain(addressKey: string): string {
  const at = addressKey.lastIndexOf("@");
  return at < 0 ? "" : addressKey.slice(at + 1);
}
