import type { Element, Root as HastRoot } from "hast";
import type { Root as MdastRoot } from "mdast";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { bundledLanguages } from "shiki";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";

import { imageProblem } from "./images";
import { remarkPlugins } from "./mdx-pipeline";
import type { ContentProblem } from "./problems";
import { remarkMdxAsHtml } from "./render-post";
import { levenshtein } from "./schema";

/**
 * A post's body checked by the pipeline that renders it (render-post.ts), up to the HTML tree and without the
 * highlighting: MDX syntax, component tags, code block languages and images. The body is parsed below as many
 * empty lines as the frontmatter takes, so every position is a position in the file.
 */

const PLAIN_LANGUAGES = new Set(["plaintext", "text", "txt", "plain", "ansi"]);
const LANGUAGES = Object.keys(bundledLanguages);

function closestLanguage(lang: string): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of LANGUAGES) {
    const distance = levenshtein(lang, name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= 2 ? best.name : undefined;
}

function remarkCodeLanguages() {
  return (tree: MdastRoot, file: VFile) => {
    visit(tree, "code", (node) => {
      const lang = node.lang?.toLowerCase();
      if (!lang || PLAIN_LANGUAGES.has(lang) || lang in bundledLanguages) return;
      const hint = closestLanguage(lang);
      file.message(
        `code block language "${node.lang}" is unknown to the highlighter: ${hint ? `did you mean "${hint}"? Or use` : "use"} one it knows (ts, bash, yaml, json…) or text`,
        node,
      );
    });
  };
}

/** Expressions and imports are dropped from posts (render-post.ts): a `{word}` meant as text would vanish. */
function remarkNoJavaScript() {
  return (tree: MdastRoot, file: VFile) => {
    visit(tree, (node) => {
      const type = node.type as string;
      if (type === "mdxjsEsm") {
        file.message("posts cannot import or export (there are no components to import): remove the line", node);
      } else if (type === "mdxFlowExpression" || type === "mdxTextExpression") {
        const value = (node as { value?: string }).value ?? "";
        // {/* a comment */} is how MDX writes a comment: allowed.
        if (!value.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "").trim()) return;
        const shown = value.length > 40 ? `${value.slice(0, 37)}…` : value;
        file.message(
          `{${shown}} is a JavaScript expression, which posts leave out: write \`\\{\` for a literal "{" (or put it in \`code\`); a comment is written {/* … */}`,
          node,
        );
      }
    });
  };
}

function rehypeImageCheck(root: string) {
  return () => (tree: HastRoot, file: VFile) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "img") return;
      const { src, width, height } = node.properties;
      const problem = imageProblem(src, { sized: width != null && height != null, root });
      if (problem) file.message(problem, node);
    });
  };
}

type MdxError = {
  line?: number;
  column?: number;
  place?: { line?: number; column?: number; start?: { line?: number; column?: number } };
  reason?: string;
  ruleId?: string;
  source?: string;
  message: string;
};

const EMBEDDED = /\s*\((\d+):(\d+)-\d+:\d+\)/;

/** One syntax error as `line`, `column` and a message that says what to do. */
export function describeMdxError(error: unknown): { line?: number; column?: number; message: string } {
  const e = error as MdxError;
  let reason = e.reason ?? e.message;
  let line = e.line ?? e.place?.start?.line ?? e.place?.line;
  let column = e.column ?? e.place?.start?.column ?? e.place?.column;
  const embedded = EMBEDDED.exec(reason);
  const unclosed = /^Expected a closing tag for `<([^>\s]*)[^>]*>`/.exec(reason);
  if (embedded && (unclosed || line === undefined)) {
    // "Expected a closing tag for `<aside>` (3:1-3:8)": the tag to close is where the author must act.
    line = Number(embedded[1]);
    column = Number(embedded[2]);
    reason = reason.replace(EMBEDDED, "");
  } else if (embedded) {
    reason = reason.replace(EMBEDDED, ` (opened on line ${embedded[1]})`);
  }
  let hint = "";
  if (unclosed) {
    hint = `: close it with \`</${unclosed[1]}>\` (or write \`\\<\` for a literal "<")`;
  } else if (/^Unexpected closing tag/.test(reason)) {
    hint = ": close tags in the reverse order of opening them";
  } else if (e.ruleId === "unexpected-character" && /before name/.test(reason) && !/comment/.test(reason)) {
    hint = ': in MDX "<" starts a tag; write `\\<` (or put it in `code`) for a literal "<"';
  } else if (e.source?.startsWith("micromark-extension-mdx-expression") || e.ruleId === "acorn") {
    hint = ': in MDX "{" starts a JavaScript expression; write `\\{` (or put it in `code`) for a literal "{"';
  }
  return { line, column, message: `MDX syntax error: ${reason}${hint}` };
}

/** The problems of a post body that sits below `lineOffset` lines of frontmatter in `file`. */
export async function checkPostBody(
  body: string,
  { file, lineOffset, root = process.cwd() }: { file: string; lineOffset: number; root?: string },
): Promise<ContentProblem[]> {
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkNoJavaScript)
    .use(remarkMdxAsHtml)
    .use(remarkPlugins)
    .use(remarkCodeLanguages)
    .use(remarkRehype)
    .use(rehypeImageCheck(root))
    .use(function noOutput(this: { compiler?: unknown }) {
      this.compiler = () => "";
    });
  try {
    const checked = await processor.process({ value: "\n".repeat(lineOffset) + body, path: file });
    return messagesOf(checked, file);
  } catch (error) {
    // A syntax error stops the parse before any other check runs: one message, at its place.
    return [{ file, ...describeMdxError(error), severity: "error" }];
  }
}

function messagesOf(vfile: VFile, file: string): ContentProblem[] {
  return vfile.messages.map((message) => ({
    file,
    ...(message.line ? { line: message.line } : {}),
    ...(message.column ? { column: message.column } : {}),
    message: message.reason,
    severity: "error",
  }));
}
