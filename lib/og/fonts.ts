import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * Inter for Open Graph cards, read from the npm font package (no network at
 * build time). next/og accepts `.woff`, `.ttf` and `.otf` but not `.woff2`.
 * Each Unicode subset is its own file, registered under its own family name
 * and listed in `OG_FONT_FAMILY`, so Satori falls back from one to the next
 * per character: Latin with diacritics, Cyrillic, Greek and Vietnamese titles
 * render as text (same-named faces would shadow each other).
 */

const SUBSETS = ["latin", "latin-ext", "cyrillic", "greek", "vietnamese"] as const;

const familyOf = (subset: (typeof SUBSETS)[number]) => (subset === "latin" ? "Inter" : `Inter ${subset}`);

/** The CSS `font-family` for cards: every subset, Latin first. */
export const OG_FONT_FAMILY = SUBSETS.map((subset) => `"${familyOf(subset)}"`).join(", ");
const WEIGHTS = [400, 700] as const;

type OgFont = { name: string; data: ArrayBuffer; weight: (typeof WEIGHTS)[number]; style: "normal" };

function fontDir(cwd = process.cwd()): string {
  return path.join(cwd, "node_modules", "@fontsource", "inter", "files");
}

export function fontFiles(): { family: string; file: string; weight: (typeof WEIGHTS)[number] }[] {
  return SUBSETS.flatMap((subset) =>
    WEIGHTS.map((weight) => ({ family: familyOf(subset), file: `inter-${subset}-${weight}-normal.woff`, weight })),
  );
}

async function load(): Promise<OgFont[]> {
  const dir = fontDir();
  return Promise.all(
    fontFiles().map(async ({ family, file, weight }) => {
      const buffer = await readFile(path.join(dir, file));
      const data = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
      return { name: family, data, weight, style: "normal" as const };
    }),
  );
}

let fonts: Promise<OgFont[]> | undefined;

/** Read once per process; the same array each time lets Satori reuse its parsed fonts. */
export function loadOgFonts(): Promise<OgFont[]> {
  fonts ??= load().catch((error: unknown) => {
    fonts = undefined;
    throw error;
  });
  return fonts;
}
