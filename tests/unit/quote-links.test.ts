import { describe, expect, it } from "vitest";

import { mastodonShareUrl, parseMastodonInstance, quoteShareLinks, shortenQuote } from "@/lib/share/quote";
import { encodeTextPart, quoteUrl, textDirective, widenEnd, widenToWords } from "@/lib/share/text-fragment";

/** Decodes a directive back into its parts, to check what a browser would read. */
function parts(directive: string) {
  const list = directive.replace(/^:~:text=/, "").split(",");
  const prefix = list[0]!.endsWith("-") ? decodeURIComponent(list.shift()!.slice(0, -1)) : undefined;
  const suffix = list.at(-1)!.startsWith("-") ? decodeURIComponent(list.pop()!.slice(1)) : undefined;
  return {
    prefix,
    start: decodeURIComponent(list[0]!),
    end: list[1] ? decodeURIComponent(list[1]) : undefined,
    suffix,
  };
}

describe("encodeTextPart", () => {
  it("encodes the directive's delimiters - & , and everything encodeURIComponent does", () => {
    expect(encodeTextPart("on-call, pages & sleep")).toBe("on%2Dcall%2C%20pages%20%26%20sleep");
    expect(encodeTextPart("“quotes” #1")).toBe("%E2%80%9Cquotes%E2%80%9D%20%231");
  });
});

describe("widenToWords", () => {
  it("widens a selection that cuts words to whole words and drops edge spaces", () => {
    const text = "Handover on a Tuesday morning, never on a Monday.";
    const [from, to] = widenToWords(text, text.indexOf("dover"), text.indexOf("Tues") + 3);
    expect(text.slice(from, to)).toBe("Handover on a Tuesday");
    const [a, b] = widenToWords(text, text.indexOf(" on a T"), text.indexOf(" on a T") + 5);
    expect(text.slice(a, b)).toBe("on a");
  });
});

describe("textDirective", () => {
  const block = "Weekly rotations rather than daily ones, because context carries over from one page to the next.";
  const page = `Designing an On-Call Rotation ${block} Other text here.`;

  it("quotes a unique sentence exactly, without context", () => {
    const selected = "because context carries over";
    const result = textDirective({
      pageText: page,
      blockText: block,
      offsetInBlock: block.indexOf(selected),
      selected,
    });
    expect(result).toEqual({ quote: selected, directive: `:~:text=${encodeTextPart(selected)}` });
  });

  it("adds the words around a quote that occurs more than once, until it is unique", () => {
    const repeated = "Fix the alert. Then fix the alert that woke you. Never fix the alert twice.";
    const at = repeated.indexOf("fix the alert that");
    const result = textDirective({
      pageText: repeated,
      blockText: repeated,
      offsetInBlock: at,
      selected: "fix the alert",
    })!;
    const decoded = parts(result.directive);
    expect(decoded.start).toBe("fix the alert");
    expect(decoded.prefix).toBe("Then");
    expect(decoded.suffix).toBe("that");
    expect(result.directive).toBe(`:~:text=Then-,fix%20the%20alert,-that`);
  });

  it("encodes hyphens and commas inside the quote so they cannot be read as delimiters", () => {
    const text = "On-call, done well, is boring.";
    const result = textDirective({
      pageText: text,
      blockText: text,
      offsetInBlock: 0,
      selected: "On-call, done well",
    })!;
    expect(result.directive).toBe(":~:text=On%2Dcall%2C%20done%20well");
    expect(parts(result.directive).start).toBe("On-call, done well");
  });

  it("links a long quote by its first and last words", () => {
    const selected = block.slice(0, -1);
    const result = textDirective({ pageText: page, blockText: block, offsetInBlock: 0, selected })!;
    expect(result.quote).toBe(selected);
    expect(parts(result.directive)).toEqual({
      prefix: undefined,
      start: "Weekly rotations rather than",
      end: "page to the next",
      suffix: undefined,
    });
  });

  it("links a selection across blocks as a range from the first block to the last", () => {
    const first = "The first paragraph ends here.";
    const result = textDirective({
      pageText: `${first} And the second one starts here.`,
      blockText: first,
      offsetInBlock: first.indexOf("paragraph"),
      selected: "paragraph ends here.\n\nAnd the second",
    })!;
    expect(parts(result.directive)).toMatchObject({ start: "paragraph ends here.", end: "And the second" });
  });

  it("gives nothing for an empty selection", () => {
    expect(textDirective({ pageText: page, blockText: block, offsetInBlock: 0, selected: "  \n " })).toBeNull();
  });

  it("puts the directive after the page URL in place of its own fragment", () => {
    expect(quoteUrl("https://x.test/blog/a#section", ":~:text=a")).toBe("https://x.test/blog/a#:~:text=a");
  });
});

describe("quote sharing", () => {
  it("shortens a long quote on a word and carries the encoded fragment URL", () => {
    const long = "word ".repeat(80).trim();
    expect(shortenQuote(long).length).toBeLessThanOrEqual(200);
    expect(shortenQuote(long).endsWith("word…")).toBe(true);
    const url = "https://x.test/blog/a#:~:text=on%2Dcall";
    const links = Object.fromEntries(
      quoteShareLinks({ quote: "on-call & sleep", title: "T", url }).map((l) => [l.target, l.href]),
    );
    expect(new URL(links.x!).searchParams.get("url")).toBe(url);
    expect(new URL(links.x!).searchParams.get("text")).toBe("“on-call & sleep” — T");
    expect(new URL(links.linkedin!).searchParams.get("url")).toBe(url);
    expect(new URL(links.bluesky!).searchParams.get("text")).toBe(`“on-call & sleep” — T ${url}`);
  });

  it.each([
    ["mastodon.social", "mastodon.social"],
    ["  https://Hachyderm.io/ ", "hachyderm.io"],
    ["@nora@fosstodon.org", "fosstodon.org"],
    ["social.bücher.example", "social.xn--bcher-kva.example"],
  ])("takes %j as the server %s", (input, host) => {
    expect(parseMastodonInstance(input)).toEqual({ ok: true, host });
  });

  it.each([
    "",
    "mastodon",
    "localhost",
    "127.0.0.1",
    "evil.test/phish?x=",
    "evil.test:8080",
    "user:pw@evil.test",
    "javascript:alert(1)",
    "a b.social",
  ])("refuses %j with a message", (input) => {
    const result = parseMastodonInstance(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/like mastodon\.social/);
  });

  it("opens the server's share page with the encoded text", () => {
    expect(mastodonShareUrl("mastodon.social", "“a & b” https://x.test/#:~:text=a")).toBe(
      "https://mastodon.social/share?text=%E2%80%9Ca%20%26%20b%E2%80%9D%20https%3A%2F%2Fx.test%2F%23%3A~%3Atext%3Da",
    );
  });
});

describe("whole words at both ends", () => {
  const first = "Handover on a Tuesday morning keeps the week calm.";
  const second = "Nobody starts a rotation with any issue left open.";
  const page = `${first} ${second}`;

  it("widens a last word cut in two within one block (a selection ending in “any i”)", () => {
    const start = second.indexOf("starts");
    const end = second.indexOf("issue") + 1; // "…with any i"
    const result = textDirective({
      pageText: page,
      blockText: second,
      offsetInBlock: start,
      selected: second.slice(start, end),
      endOffsetInBlock: end,
    })!;
    expect(result.quote).toBe("starts a rotation with any issue");
    expect(parts(result.directive).start).toBe("starts a rotation with any issue");
  });

  it("widens a first word cut in two (“dover on…”) to the whole word", () => {
    const start = first.indexOf("dover");
    const result = textDirective({ pageText: page, blockText: first, offsetInBlock: start, selected: "dover on a" })!;
    expect(result.quote).toBe("Handover on a");
  });

  it("widens the last word of a selection across blocks in the block where it ends", () => {
    const start = first.indexOf("Tuesday");
    const end = second.indexOf("issue") + 2; // "…any is"
    const result = textDirective({
      pageText: page,
      blockText: first,
      offsetInBlock: start,
      selected: `${first.slice(start)}\n\n${second.slice(0, end)}`,
      endBlockText: second,
      endOffsetInBlock: end,
    })!;
    expect(result.quote.endsWith("with any issue")).toBe(true);
    expect(parts(result.directive).end).toBe("rotation with any issue");
    expect(parts(result.directive).start).toBe("Tuesday morning keeps the");
  });

  it("leaves a selection that already ends on a word boundary alone", () => {
    expect(widenEnd(second, second.indexOf(" issue"))).toBe(second.indexOf(" issue"));
    expect(widenEnd(second, second.length)).toBe(second.length);
  });
});
