/**
 * Share URLs for each platform, built from the post's canonical URL and
 * title. Every value goes through `encodeURIComponent`, so titles with `&`,
 * `#`, quotes or non-Latin letters arrive intact.
 */

export type ShareTarget = "linkedin" | "x" | "bluesky" | "hackernews" | "email";

export type ShareLink = { target: ShareTarget; label: string; href: string; external: boolean };

export type ShareInput = {
  url: string;
  title: string;
  /** A sentence for the email body. */
  description?: string;
  /** The site's X handle, credited as "via @handle". */
  via?: string;
};

const enc = encodeURIComponent;

function query(params: Record<string, string | undefined>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([key, value]) => `${key}=${enc(value)}`)
    .join("&");
}

export function shareLinks({ url, title, description, via }: ShareInput): ShareLink[] {
  const handle = via?.replace(/^@/, "");
  return [
    {
      target: "linkedin",
      label: "LinkedIn",
      href: `https://www.linkedin.com/sharing/share-offsite/?${query({ url })}`,
      external: true,
    },
    {
      target: "x",
      label: "X",
      href: `https://x.com/intent/tweet?${query({ text: title, url, via: handle })}`,
      external: true,
    },
    // Bluesky's compose intent takes one text; the URL in it becomes the link card.
    {
      target: "bluesky",
      label: "Bluesky",
      href: `https://bsky.app/intent/compose?${query({ text: `${title} ${url}` })}`,
      external: true,
    },
    {
      target: "hackernews",
      label: "Hacker News",
      href: `https://news.ycombinator.com/submitlink?${query({ u: url, t: title })}`,
      external: true,
    },
    {
      target: "email",
      label: "Email",
      href: `mailto:?${query({ subject: title, body: description ? `${description}\n\n${url}` : url })}`,
      external: false,
    },
  ];
}
