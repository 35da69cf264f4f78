import type { Element } from "hast";
import { toString } from "hast-util-to-string";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypePrettyCode, { type Options as PrettyCodeOptions } from "rehype-pretty-code";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import remarkSmartypants from "remark-smartypants";
import type { PluggableList } from "unified";

import { rehypeTaskList } from "./rehype-task-list";
import { remarkDialogue } from "./remark-dialogue";

/** Light and dark Shiki themes whose every token colour meets WCAG AA (github-light and github-dark do not). */
export const codeThemes = { light: "github-light-high-contrast", dark: "github-dark-high-contrast" } as const;

// Smart quotes and dashes: authors type "straight" quotes and --, readers see typographic ones.
export const remarkPlugins: PluggableList = [remarkGfm, remarkSmartypants, remarkDialogue];

const prettyCode: PrettyCodeOptions = {
  theme: codeThemes,
  keepBackground: false,
  defaultLang: { block: "plaintext", inline: "plaintext" },
};

export const rehypePlugins: PluggableList = [
  rehypeSlug,
  [
    rehypeAutolinkHeadings,
    {
      behavior: "append",
      test: ["h2", "h3", "h4"],
      properties: (heading: Readonly<Element>) => ({
        className: ["heading-anchor"],
        ariaLabel: `Link to section: ${toString(heading as Element)}`,
      }),
      content: { type: "element", tagName: "span", properties: { ariaHidden: "true" }, children: [{ type: "text", value: "#" }] },
    },
  ],
  [rehypePrettyCode, prettyCode],
  rehypeTaskList,
];
