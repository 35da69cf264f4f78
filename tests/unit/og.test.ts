import { afterEach, describe, expect, it, vi } from "vitest";

import { getPosts } from "@/lib/content/posts";
import { prepareCard, TEXT_WIDTH } from "@/lib/og/card";
import { fontFiles } from "@/lib/og/fonts";
import { defaultCard, postCard, renderCard } from "@/lib/og/render";
import { fitTitle, stripEmoji, wrapLines } from "@/lib/og/text";

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect([...bytes.subarray(0, 8)]).toEqual(signature);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(new TextDecoder().decode(bytes.subarray(12, 16))).toBe("IHDR");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe("stripEmoji", () => {
  it("removes emoji, including sequences, skin tones, flags and keycaps", () => {
    expect(stripEmoji("Ship it 🚀🔥")).toBe("Ship it");
    expect(stripEmoji("Team 👩🏽‍💻 of 👨‍👩‍👧‍👦 people")).toBe("Team of people");
    expect(stripEmoji("Made in 🇬🇧, ok ✅")).toBe("Made in, ok");
    expect(stripEmoji("Step 1️⃣ then #️⃣")).toBe("Step 1 then #");
    expect(stripEmoji("Love ❤️ it")).toBe("Love it");
  });

  it("keeps letters, digits, punctuation and the text symbols the font has", () => {
    const text = `Q&A: "Quotes", <b>bold</b> — Привет, Γειά, Tiếng Việt, 1:1s © ™ → 100%`;
    expect(stripEmoji(text)).toBe(text);
  });
});

describe("fitTitle", () => {
  it("sets a short title at the largest size", () => {
    expect(fitTitle("Short title", { width: TEXT_WIDTH })).toMatchObject({ fontSize: 84, lines: 1, truncated: false });
  });

  it("shrinks a longer title until it fits in three lines, and never grows as the title grows", () => {
    let previous = Infinity;
    for (let words = 2; words <= 30; words += 2) {
      const title = Array.from({ length: words }, (_, i) =>
        i % 3 === 0 ? "Engineering" : i % 3 === 1 ? "leadership" : "on-call",
      ).join(" ");
      const fitted = fitTitle(title, { width: TEXT_WIDTH });
      expect(fitted.lines).toBeLessThanOrEqual(3);
      expect(fitted.fontSize).toBeLessThanOrEqual(previous);
      expect(wrapLines(fitted.text, TEXT_WIDTH / fitted.fontSize).length).toBe(fitted.lines);
      previous = fitted.fontSize;
    }
  });

  it("cuts an overlong title at a word with an ellipsis", () => {
    const fitted = fitTitle("word ".repeat(80), { width: TEXT_WIDTH, minSize: 52 });
    expect(fitted.truncated).toBe(true);
    expect(fitted.text.endsWith("word…")).toBe(true);
    expect(fitted.lines).toBeLessThanOrEqual(3);
  });

  it("gives real titles a title and a description or reading time", () => {
    for (const post of getPosts()) {
      const card = prepareCard(postCard(post));
      expect(card.title.lines).toBeLessThanOrEqual(3);
      expect(card.sub.length).toBeGreaterThan(0);
      expect(card.labels.length).toBeGreaterThan(0);
    }
  });
});

describe("rendering", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("reads .woff (never .woff2) files from the font package", () => {
    for (const { file } of fontFiles()) expect(file).toMatch(/^inter-[a-z-]+-(400|700)-normal\.woff$/);
  });

  it("renders a 1200×630 PNG for a hostile title without touching the network", async () => {
    // next/og fetches its own WebAssembly from `data:` URLs; anything else would be the network.
    const realFetch = globalThis.fetch;
    const network: string[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.startsWith("data:")) return realFetch(input, init);
      network.push(url);
      return Promise.reject(new Error("network is off"));
    });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await renderCard(
      postCard({
        title: `Q&A: "Quotes", <b>bold</b> & Ünïcödé — Привет, Γειά σου, Tiếng Việt 🚀 👩🏽‍💻 🇬🇧`,
        description: "Emoji 😀 and <script>alert(1)</script> in text.",
        readingTime: "3 min read",
        tags: [{ name: "C++ & <Rust> 🦀", slug: "c" }],
      }),
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
    // Emoji would be fetched from a CDN and missing glyphs from Google Fonts: neither happens.
    expect(network).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
  });

  it("renders the default card at 1200×630", async () => {
    const response = await renderCard(defaultCard());
    expect(pngSize(new Uint8Array(await response.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
  });
});
