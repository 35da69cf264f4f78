/**
 * Where things are in a post's frontmatter, so a problem found in the parsed YAML names its line and column in the
 * file. The YAML parser keeps no positions; top-level keys start a line, so a line scan finds them.
 */

export type Position = { line: number; column: number };

export type FrontmatterMap = {
  /** The line of the closing `---` (0 when the file has no frontmatter). */
  closeLine: number;
  /** Where a top-level key is written (column 1), if it is. */
  key(name: string): Position | undefined;
  /** Where a top-level key's value starts (the line after the key for a block list). */
  value(name: string): Position | undefined;
  /** Where `text` (quoted or bare) first appears within a key's value, e.g. one tag of a list. */
  find(name: string, text: string): Position | undefined;
};

const KEY = /^(["']?)([^\s"'#:][^"':]*?)\1[ \t]*:(?=\s|$)[ \t]*/;

export function mapFrontmatter(raw: string): FrontmatterMap {
  const lines = raw.split(/\r?\n/);
  let closeIndex = -1;
  if (/^---[ \t]*$/.test(lines[0] ?? "")) {
    closeIndex = lines.findIndex((line, index) => index > 0 && /^---[ \t]*$/.test(line));
  }
  const end = closeIndex > 0 ? closeIndex : 0;
  // Each top-level key: its line index, and where its value starts on that line.
  const keys = new Map<string, { index: number; valueColumn: number }>();
  const keyLines: number[] = [];
  for (let index = 1; index < end; index++) {
    const match = KEY.exec(lines[index]!);
    if (!match) continue;
    keyLines.push(index);
    if (!keys.has(match[2]!)) keys.set(match[2]!, { index, valueColumn: match[0].length + 1 });
  }
  const block = (name: string): [number, number] | undefined => {
    const found = keys.get(name);
    if (!found) return undefined;
    const next = keyLines.find((index) => index > found.index) ?? end;
    return [found.index, next];
  };

  return {
    closeLine: end > 0 ? end + 1 : 0,
    key(name) {
      const found = keys.get(name);
      return found ? { line: found.index + 1, column: 1 } : undefined;
    },
    value(name) {
      const found = keys.get(name);
      if (!found) return undefined;
      if (found.valueColumn <= lines[found.index]!.trimEnd().length) {
        return { line: found.index + 1, column: found.valueColumn };
      }
      // `tags:` followed by `- item` lines: the first line of the block.
      const [, next] = block(name)!;
      for (let index = found.index + 1; index < next; index++) {
        const text = lines[index]!;
        if (text.trim()) return { line: index + 1, column: text.length - text.trimStart().length + 1 };
      }
      return { line: found.index + 1, column: found.valueColumn };
    },
    find(name, text) {
      const range = block(name);
      if (!range) return undefined;
      for (const needle of [JSON.stringify(text), `'${text}'`, text]) {
        for (let index = range[0]; index < range[1]; index++) {
          const from = index === range[0] ? keys.get(name)!.valueColumn - 1 : 0;
          const at = lines[index]!.indexOf(needle, from);
          if (at >= 0) return { line: index + 1, column: at + 1 };
        }
      }
      return undefined;
    },
  };
}
