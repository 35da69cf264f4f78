import { describe, expect, it } from "vitest";

import { buildDigest, digestPosts, newsletterLink, parseSince } from "@/lib/newsletter/digest";
import { csvCell, toCsv } from "@/lib/newsletter/export";
import type { Subscriber } from "@/lib/newsletter/store";
import { siteUrl } from "@/lib/site";

const post = (slug: string, publishDate: string, draft = false) => ({
  slug,
  url: `/blog/${slug}`,
  title: `Title of ${slug} <b>&</b>`,
  description: `Why ${slug} matters`,
  publishDate,
  draft,
});

const POSTS = [
  post("newest", "2025-11-20"),
  post("draft-one", "2025-11-15", true),
  post("middle", "2025-11-10"),
  post("old", "2025-10-01"),
];

describe("the digest", () => {
  it("takes the published posts since the day (inclusive), oldest first, never a draft", () => {
    expect(digestPosts(POSTS, "2025-11-10").map((p) => p.title)).toEqual([
      "Title of middle <b>&</b>",
      "Title of newest <b>&</b>",
    ]);
    expect(digestPosts(POSTS, "2025-11-21")).toEqual([]);
    expect(digestPosts(POSTS, "2000-01-01").some((p) => p.title.includes("draft"))).toBe(false);
  });

  it("links every post absolutely with utm_source=newsletter", () => {
    const [first] = digestPosts(POSTS, "2025-11-20");
    const url = new URL(first!.url);
    expect(url.origin).toBe(siteUrl.origin);
    expect(url.pathname).toBe("/blog/newest");
    expect(url.searchParams.get("utm_source")).toBe("newsletter");
    expect(url.searchParams.get("utm_medium")).toBe("email");
    expect(url.searchParams.get("utm_campaign")).toBe("digest-2025-11-20");
    expect(newsletterLink("/blog/x", "c")).toContain("utm_source=newsletter");
  });

  it("renders HTML and plain text with every title escaped, the unsubscribe placeholder, and a subject", async () => {
    const digest = await buildDigest(POSTS, "2025-11-01");
    expect(digest).not.toBeNull();
    expect(digest!.subject).toBe("Steady State: 2 new essays");
    expect(digest!.html).toContain("Title of newest &lt;b&gt;&amp;&lt;/b&gt;");
    expect(digest!.html).not.toContain("<b>&</b>");
    expect(digest!.html).toContain("{{{RESEND_UNSUBSCRIBE_URL}}}");
    expect(digest!.text).toContain("Title of middle <b>&</b>");
    expect(digest!.text).toContain("utm_source=newsletter");
    expect(digest!.text).not.toContain("draft-one");
    expect(await buildDigest(POSTS, "2026-01-01")).toBeNull();
  });

  it("refuses a --since that is not a real day", () => {
    expect(parseSince("2025-11-01")).toBe("2025-11-01");
    for (const bad of [undefined, "", "2025-13-01", "2025-02-30", "1 Nov 2025", "2025-11-01T00:00"])
      expect(() => parseSince(bad), String(bad)).toThrow(/--since/);
  });
});

describe("the CSV export", () => {
  it("quotes commas, quotes and line breaks, and defuses spreadsheet formulas", () => {
    expect(csvCell("plain@example.com")).toBe("plain@example.com");
    expect(csvCell('a"b,c@example.com')).toBe('"a""b,c@example.com"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("+1@example.com")).toBe("'+1@example.com");
    expect(csvCell(null)).toBe("");
  });

  it("writes a header and one CRLF-terminated record per subscriber", () => {
    const subscriber = {
      email: "ada@example.com",
      status: "confirmed",
      createdAt: "2025-11-01T09:00:00.000Z",
      confirmedAt: "2025-11-01T09:05:00.000Z",
      unsubscribedAt: null,
      sourceSlug: "on-call",
      ipHash: null,
    } as Subscriber;
    expect(toCsv([subscriber])).toBe(
      "email,status,created_at,confirmed_at,unsubscribed_at,source_slug,ip_hash\r\nada@example.com,confirmed,2025-11-01T09:00:00.000Z,2025-11-01T09:05:00.000Z,,on-call,\r\n",
    );
  });
});
