import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { cssVariableName, darkColors, lightColors, type ColorTokens } from "@/lib/design-tokens";

/** CSS cannot import TypeScript, so the stylesheet repeats the tokens: this keeps every copy equal to the source. */
const css = readFileSync(path.resolve(import.meta.dirname, "../../app/globals.css"), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");

/** The custom properties declared in each rule whose selector matches, in order of appearance. */
function declarationsOf(selector: RegExp): Record<string, string>[] {
  const blocks: Record<string, string>[] = [];
  for (const match of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!selector.test(match[1]!.trim())) continue;
    blocks.push(Object.fromEntries([...match[2]!.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((d) => [d[1]!, d[2]!.trim().toLowerCase()])));
  }
  return blocks;
}

function expectTokens(block: Record<string, string> | undefined, tokens: ColorTokens) {
  expect(block).toBeDefined();
  const names = Object.keys(tokens) as (keyof ColorTokens)[];
  // Compared as objects, so a mismatch names the variable.
  const inCss = Object.fromEntries(names.map((token) => [cssVariableName(token), block![cssVariableName(token)]]));
  const inTs = Object.fromEntries(names.map((token) => [cssVariableName(token), tokens[token]]));
  expect(inCss).toEqual(inTs);
}

describe("design tokens: app/globals.css and lib/design-tokens.ts agree", () => {
  it("light colours on :root", () => {
    const [root] = declarationsOf(/^:root$/);
    expectTokens(root, lightColors);
  });

  it("dark colours, both where the OS asks for them and where the reader chose them", () => {
    const blocks = [...declarationsOf(/^:root:not\(\[data-theme="light"\]\)$/), ...declarationsOf(/^:root\[data-theme="dark"\]$/)];
    expect(blocks).toHaveLength(2);
    for (const block of blocks) expectTokens(block, darkColors);
  });

  it("names a CSS variable for every token", () => {
    expect(cssVariableName("textMuted")).toBe("--text-muted");
    expect(cssVariableName("bg")).toBe("--bg");
  });
});
