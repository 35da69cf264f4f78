import type { Element } from "hast";
import { toString } from "hast-util-to-string";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypePrettyCode, { type Options as PrettyCodeOptions } from "rehype-pretty-code";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import type { PluggableList } from "unified";

import { remarkDialogue } from "./remark-dialogue";

/** Light and dark Shiki themes; both meet WCAG AA for every token colour (github-dark's comments do not). */
export const codeThemes = { light: "github-light", dark: "github-dark-high-contrast" } as const;

export const remarkPlugins: PluggableList = [remarkGfm, remarkDialogue];

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
];
