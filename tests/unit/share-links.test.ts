import { describe, expect, it } from "vitest";

import { shareLinks } from "@/lib/share/links";

const url = "https://steadystate.co.uk/blog/q-and-a?ref=x#part-2";
const title = `Q&A: "Why?" — 1:1s & on-call #1 / Привет`;

const byTarget = (links: ReturnType<typeof shareLinks>) =>
  Object.fromEntries(links.map((l) => [l.target, new URL(l.href)]));

describe("share links", () => {
  const links = byTarget(shareLinks({ url, title, description: "A short summary.", via: "@noracastell" }));

  it("offers LinkedIn, X, Bluesky, Hacker News and email", () => {
    expect(Object.keys(links)).toEqual(["linkedin", "x", "bluesky", "hackernews", "email"]);
  });

  it("encodes the URL and title so they survive &, #, ?, quotes and non-Latin letters", () => {
    expect(links.linkedin!.origin + links.linkedin!.pathname).toBe("https://www.linkedin.com/sharing/share-offsite/");
    expect(links.linkedin!.searchParams.get("url")).toBe(url);

    expect(links.x!.origin + links.x!.pathname).toBe("https://x.com/intent/tweet");
    expect(links.x!.searchParams.get("url")).toBe(url);
    expect(links.x!.searchParams.get("text")).toBe(title);
    expect(links.x!.searchParams.get("via")).toBe("noracastell");

    expect(links.bluesky!.origin + links.bluesky!.pathname).toBe("https://bsky.app/intent/compose");
    expect(links.bluesky!.searchParams.get("text")).toBe(`${title} ${url}`);

    expect(links.hackernews!.origin + links.hackernews!.pathname).toBe("https://news.ycombinator.com/submitlink");
    expect(links.hackernews!.searchParams.get("u")).toBe(url);
    expect(links.hackernews!.searchParams.get("t")).toBe(title);
  });

  it("writes an email with the title as subject and the summary and URL as body", () => {
    const email = shareLinks({ url, title, description: "A short summary." }).find((l) => l.target === "email")!;
    expect(email.href.startsWith("mailto:?subject=")).toBe(true);
    // mailto wants %20, not +, for spaces.
    expect(email.href).not.toContain("+");
    const params = new URLSearchParams(email.href.slice("mailto:?".length));
    expect(params.get("subject")).toBe(title);
    expect(params.get("body")).toBe(`A short summary.\n\n${url}`);
  });

  it("leaves `via` out when there is no handle", () => {
    const x = byTarget(shareLinks({ url, title })).x!;
    expect(x.searchParams.has("via")).toBe(false);
  });
});
