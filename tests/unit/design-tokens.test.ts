import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { lightColors, type ColorTokens } from "@/lib/design-tokens";

/** CSS cannot import TypeScript, so the stylesheet repeats the tokens: this keeps the copies equal to the source. */
const css = readFileSync(path.resolve(import.meta.dirname, "../../app/styles/tokens.css"), "utf8").replace(
  /\/\*[\s\S]*?\*\//g,
  "",
);

/** `textMuted` → `--text-muted`. */
const cssVariableName = (token: string) => `--${token.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
const names = Object.keys(lightColors) as (keyof ColorTokens)[];

/** The colour custom properties of the first rule whose selector matches. */
function colorsOf(selector: RegExp): Record<string, string | undefined> {
  for (const match of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!selector.test(match[1]!.trim())) continue;
    const declared = Object.fromEntries(
      [...match[2]!.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((d) => [d[1]!, d[2]!.trim().toLowerCase()]),
    );
    return Object.fromEntries(names.map((token) => [cssVariableName(token), declared[cssVariableName(token)]]));
  }
  throw new Error(`no rule matches ${selector} in app/styles/tokens.css`);
}

describe("design tokens: app/styles/tokens.css and lib/design-tokens.ts agree", () => {
  it("declares every light colour on :root with the value of the TypeScript token", () => {
    expect(colorsOf(/^:root$/)).toEqual(
      Object.fromEntries(names.map((token) => [cssVariableName(token), lightColors[token]])),
    );
  });

  it("gives the dark theme every colour, the same whether the OS or the reader chose it", () => {
    const followsOs = colorsOf(/^:root:not\(\[data-theme="light"\]\)$/);
    const chosen = colorsOf(/^:root\[data-theme="dark"\]$/);
    for (const value of Object.values(followsOs)) expect(value).toMatch(/^#[0-9a-f]{6}$/);
    expect(chosen).toEqual(followsOs);
  });
});
