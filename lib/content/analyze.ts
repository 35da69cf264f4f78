import GithubSlugger from "github-slugger";
import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";

import { memoByText } from "./memo";
import { countWords } from "./reading";

export type Heading = { depth: 2 | 3; text: string; id: string };

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/**
 * Word count and the h2/h3 outline of an MDX body. Heading ids use the same
 * slugger as rehype-slug, in document order, so TOC links match the page.
 */
export const analyzeBody = memoByText("analyze", analyze);

function analyze(body: string): { words: number; headings: Heading[] } {
  const tree = parser.parse(body) as Root;
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const chunks: string[] = [];

  visit(tree, (node) => {
    if (node.type === "heading") {
      const text = toString(node).trim();
      // Every heading consumes a slug (as rehype-slug does), listed or not.
      const id = slugger.slug(text);
      if (node.depth === 2 || node.depth === 3) headings.push({ depth: node.depth, text, id });
    }
    if (node.type === "text" || node.type === "inlineCode" || node.type === "code") chunks.push(node.value);
    if (node.type === "image" && node.alt) chunks.push(node.alt);
  });

  return { words: countWords(chunks.join(" ")), headings };
}
