import type { Element, ElementContent, Properties, Root as HastRoot } from "hast";
import type { Root as MdastRoot, RootContent } from "mdast";
import rehypeStringify from "rehype-stringify";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";

import { publicImageSize } from "@/lib/content/images";
import { rehypePlugins, remarkPlugins } from "@/lib/content/mdx-pipeline";
import { memoByText } from "@/lib/content/memo";
import { site } from "@/lib/site";

/**
 * A post's MDX as the HTML of its page body, compiled once at build time.
 *
 * The page hands React this markup as one element instead of a React tree of
 * every paragraph, so hydration does not walk the article and the RSC payload
 * holds one string rather than an element per node. Nothing in an article is
 * interactive (section links and copy are delegated from the islands around it).
 *
 * Same remark/rehype plugins as before (mdx-pipeline.ts) and the same MDX
 * rules next-mdx-remote applied: JavaScript expressions, imports and exports
 * are dropped, lower-case JSX tags are HTML elements with their literal
 * attributes, and a component tag stops the build (posts have no components).
 */

type MdxJsxAttribute = { type: "mdxJsxAttribute" | "mdxJsxExpressionAttribute"; name?: string; value?: unknown };
type MdxJsxNode = { type: "mdxJsxFlowElement" | "mdxJsxTextElement"; name: string | null; attributes: MdxJsxAttribute[]; children: RootContent[]; position?: { start?: { line?: number } }; data?: Record<string, unknown> };
type Parent = { children: RootContent[] };

const DROPPED = new Set(["mdxjsEsm", "mdxFlowExpression", "mdxTextExpression"]);

/** Turns MDX-only nodes into plain Markdown/HTML ones, as next-mdx-remote (with JavaScript blocked) rendered them. */
export function remarkMdxAsHtml() {
  const walk = (parent: Parent, file: VFile) => {
    const kept: RootContent[] = [];
    for (const child of parent.children) {
      const type = child.type as string;
      if (DROPPED.has(type)) continue;
      if ("children" in child) walk(child as Parent, file);
      if (type !== "mdxJsxFlowElement" && type !== "mdxJsxTextElement") {
        kept.push(child);
        continue;
      }
      const node = child as unknown as MdxJsxNode;
      // A fragment (<>…</>) is its children.
      if (node.name === null) {
        kept.push(...node.children);
        continue;
      }
      if (!/^[a-z][a-z0-9-]*$/.test(node.name)) {
        // Reported (with its place) rather than thrown, so the content check lists every problem of the file.
        const message = file.message(
          `\`<${node.name}>\` is a component, and posts have no MDX components: use Markdown or a plain HTML tag (lowercase, like <aside>)`,
          child,
        );
        message.fatal = true;
        message.ruleId = "mdx-component";
        continue;
      }
      const properties: Properties = {};
      for (const attribute of node.attributes) {
        // `{…}` values are JavaScript, blocked like every other expression.
        if (attribute.type !== "mdxJsxAttribute" || !attribute.name) continue;
        if (attribute.value === null || attribute.value === undefined) properties[attribute.name] = true;
        else if (typeof attribute.value === "string") properties[attribute.name] = attribute.value;
      }
      node.data = { ...node.data, hName: node.name, hProperties: properties };
      kept.push(child);
    }
    parent.children = kept;
  };
  return (tree: MdastRoot, file: VFile) => walk(tree, file);
}

const ownOrigin = new URL(site.url).origin;

/**
 * What the page's MDX component map did, as markup: same-site absolute links become
 * paths, other sites' links get `noopener noreferrer`, images load lazily with their
 * intrinsic size, wide tables scroll in a focusable region, code blocks are focusable.
 */
export function rehypeSiteElements() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node: Element, index, parent) => {
      const props = node.properties;
      if (node.tagName === "a" && typeof props.href === "string") {
        const href = props.href;
        if (/^https?:\/\//i.test(href)) {
          const url = new URL(href);
          if (url.origin === ownOrigin) props.href = `${url.pathname}${url.search}${url.hash}` || "/";
          else props.rel = ["noopener", "noreferrer"];
        } else if (!href.startsWith("#") && !(href.startsWith("/") && !href.startsWith("//"))) {
          props.rel = ["noopener", "noreferrer"];
        }
      } else if (node.tagName === "img") {
        const size = typeof props.src === "string" ? publicImageSize(props.src) : undefined;
        props.alt ??= "";
        props.loading ??= "lazy";
        props.decoding ??= "async";
        if (size) {
          props.width ??= size.width;
          props.height ??= size.height;
        }
      } else if (node.tagName === "pre") {
        // Long lines scroll; keyboard users need to focus the block to scroll it.
        props.tabIndex ??= 0;
      } else if (node.tagName === "table" && parent && index !== undefined) {
        const wrapper: Element = {
          type: "element",
          tagName: "div",
          properties: { className: ["table-scroll"], role: "region", ariaLabel: "Table (scrolls sideways)", tabIndex: 0 },
          children: [node as ElementContent],
        };
        parent.children[index] = wrapper;
        return "skip";
      }
    });
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkMdxAsHtml)
  .use(remarkPlugins)
  .use(remarkRehype)
  .use(rehypePlugins)
  .use(rehypeSiteElements)
  .use(rehypeStringify)
  .freeze();

/** The HTML of a post's body for its page (not for feeds: see lib/feeds/render-html.ts). */
export const renderPostBody = memoByText("render", async (source: string): Promise<string> => {
  const file = await processor.process(source);
  const fatal = file.messages.find((message) => message.fatal);
  // The content check reports this with the file's name and line first; here only the body's line is known.
  if (fatal) throw new Error(`line ${fatal.line ?? "?"} of the post body: ${fatal.reason}`);
  return String(file);
});
