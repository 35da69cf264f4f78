/**
 * Sharing a quote: the text a post carries ("quote" — title, link to the quote) and each platform's URL
 * for it, and the Mastodon server a reader names. Every value goes through `encodeURIComponent`.
 */

const enc = encodeURIComponent;
/** X counts a link as 23 characters and allows 280; the quote is shortened to leave room for the title. */
const QUOTE_MAX = 200;

export function shortenQuote(quote: string, max = QUOTE_MAX): string {
  if (quote.length <= max) return quote;
  const cut = quote.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

export function quoteText(quote: string, title: string): string {
  return `“${shortenQuote(quote)}” — ${title}`;
}

export type QuoteShareTarget = "linkedin" | "x" | "bluesky";

export function quoteShareLinks(input: { quote: string; title: string; url: string }) {
  const text = quoteText(input.quote, input.title);
  return [
    // LinkedIn's share dialog takes only a URL; the text fragment in it still leads to the quote.
    {
      target: "linkedin",
      label: "LinkedIn",
      href: `https://www.linkedin.com/sharing/share-offsite/?url=${enc(input.url)}`,
    },
    { target: "x", label: "X", href: `https://x.com/intent/tweet?text=${enc(text)}&url=${enc(input.url)}` },
    {
      target: "bluesky",
      label: "Bluesky",
      href: `https://bsky.app/intent/compose?text=${enc(`${text} ${input.url}`)}`,
    },
  ] as const satisfies readonly { target: QuoteShareTarget; label: string; href: string }[];
}

/** Where the Mastodon server a reader names is remembered (this browser only). */
export const MASTODON_INSTANCE_KEY = "steady-state.mastodon-instance";

const HOST_NAME = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export type InstanceResult = { ok: true; host: string } | { ok: false; message: string };

/**
 * A Mastodon server as a reader types it (`mastodon.social`, `https://hachyderm.io/`, `@me@fosstodon.org`)
 * to its host name, or a message saying what to type. Only a plain public host name passes: no port, path,
 * credentials, IP address or `localhost`, so the share link can only open `https://<server>/share`.
 */
export function parseMastodonInstance(input: string): InstanceResult {
  let value = input.trim().toLowerCase();
  const account = /^@?[a-z0-9_]+@([^@\s]+)$/.exec(value);
  if (account) value = account[1]!;
  value = value.replace(/^https?:\/\//, "").replace(/\/+$/, "");
  const message = "Type your Mastodon server's name, like mastodon.social";
  if (!value) return { ok: false, message };
  if (/[\s/?#@:\\]/.test(value)) return { ok: false, message: `${message} (no spaces, paths or ports)` };
  let host: string;
  try {
    host = new URL(`https://${value}`).hostname;
  } catch {
    return { ok: false, message };
  }
  if (!HOST_NAME.test(host)) return { ok: false, message };
  return { ok: true, host };
}

export function mastodonShareUrl(host: string, text: string): string {
  return `https://${host}/share?text=${enc(text)}`;
}
