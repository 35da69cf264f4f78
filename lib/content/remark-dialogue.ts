import type { Blockquote, BlockContent, DefinitionContent, Paragraph, PhrasingContent, Root } from "mdast";
import { visit } from "unist-util-visit";

/**
 * Authors write a conversation as consecutive `> ` lines, one speaker a line.
 * CommonMark joins those lines into one paragraph; this splits such a
 * paragraph back into one paragraph a line and marks the quote as dialogue.
 * A quotation wrapped over several lines is left alone: only paragraphs whose
 * first line and at least one more line open like a speaker's line are split.
 */

const SPEAKER_OPENING = /^\s*(?:[—–―]|-\s|["“”«„‘'])/u;
const NAMED_SPEAKER = /^\s*[\p{Lu}][\p{L}\p{M} .'’-]{0,40}:\s/u;

type Line = PhrasingContent[];

function splitLines(children: PhrasingContent[]): Line[] {
  const lines: Line[] = [[]];
  for (const node of children) {
    if (node.type === "text" && node.value.includes("\n")) {
      const parts = node.value.split("\n");
      parts.forEach((part, index) => {
        if (index > 0) lines.push([]);
        if (part) lines[lines.length - 1]!.push({ type: "text", value: part });
      });
    } else if (node.type === "break") {
      lines.push([]);
    } else {
      lines[lines.length - 1]!.push(node);
    }
  }
  return lines.filter((line) => line.length > 0);
}

function isSpeakerLine(line: Line): boolean {
  const first = line[0];
  if (!first) return false;
  if (first.type === "strong" || first.type === "emphasis") return true;
  if (first.type === "text") return SPEAKER_OPENING.test(first.value) || NAMED_SPEAKER.test(first.value);
  return false;
}

function trimLine(line: Line): Line {
  const first = line[0];
  if (first?.type === "text") line[0] = { ...first, value: first.value.replace(/^\s+/, "") };
  const last = line[line.length - 1];
  if (last?.type === "text") line[line.length - 1] = { ...last, value: last.value.replace(/\s+$/, "") };
  return line;
}

export function remarkDialogue() {
  return (tree: Root) => {
    visit(tree, "blockquote", (quote: Blockquote) => {
      let isDialogue = false;
      quote.children = quote.children.flatMap((child): (BlockContent | DefinitionContent)[] => {
        if (child.type !== "paragraph") return [child];
        const lines = splitLines(child.children);
        const speakerLines = lines.filter(isSpeakerLine).length;
        if (lines.length < 2 || !isSpeakerLine(lines[0]!) || speakerLines < 2) return [child];
        isDialogue = true;
        return lines.map(
          (line): Paragraph => ({
            type: "paragraph",
            children: trimLine(line),
            data: { hProperties: { className: ["dialogue-line"] } },
          }),
        );
      });
      if (isDialogue) {
        quote.data = { ...quote.data, hProperties: { className: ["dialogue"] } };
      }
    });
  };
}
