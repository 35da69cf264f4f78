import type { Element, Root as HastRoot } from "hast";
import type { Root as MdastRoot, RootContent } from "mdast";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypePrettyCode from "rehype-pretty-code";
import rehypeStringify from "rehype-stringify";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified, type Pluggable, type PluggableList } from "unified";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";

import { codeThemes, rehypePlugins, remarkPlugins } from "@/lib/content/mdx-pipeline";
import { absoluteUrl, site } from "@/lib/site";

/**
 * A post's MDX as a standalone HTML fragment for feed readers: the same
 * remark/rehype plugins as the site (from `mdx-pipeline.ts`), minus what only
 * makes sense on the page (heading `#` anchors), with code coloured inline by
 * a single light theme (readers drop stylesheets), and with every relative
 * link and image made absolute (readers resolve them against the feed, not
 * the post).
 */

const URL_PROPERTIES = ["href", "src", "poster", "cite"] as const;

type Parent = { children: RootContent[] };

/** MDX-only nodes: ESM and expressions are dropped; JSX elements give way to their children, so their text stays. */
function remarkStripMdx() {
  const strip = (parent: Parent) => {
    const kept: RootContent[] = [];
    for (const child of parent.children) {
      const type = child.type as string;
      if (type === "mdxjsEsm" || type === "mdxFlowExpression" || type === "mdxTextExpression") continue;
      if ("children" in child) strip(child as Parent);
      if (type === "mdxJsxFlowElement" || type === "mdxJsxTextElement") kept.push(...(child as Parent).children);
      else kept.push(child);
    }
    parent.children = kept;
  };
  return (tree: MdastRoot) => strip(tree);
}

function resolveUrl(value: string, base: string): string | undefined {
  const trimmed = value.trim();
  // A script URL has no business in a feed; drop it rather than resolve it.
  if (/^(?:javascript|vbscript|data:text\/html)/i.test(trimmed.replace(/[\s\u0000-\u001f]/g, ""))) return undefined;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return trimmed;
  }
}

/** Makes `href`/`src`/`srcset` absolute against the post's URL and marks external links `noopener noreferrer`. */
function rehypeAbsoluteUrls() {
  const siteOrigin = new URL(site.url).origin;
  return (tree: HastRoot, file: VFile) => {
    const base = (file.data as { baseUrl?: string }).baseUrl ?? absoluteUrl("/");
    visit(tree, "element", (node: Element) => {
      const props = node.properties;
      for (const name of URL_PROPERTIES) {
        const value = props[name];
        if (typeof value !== "string") continue;
        const resolved = resolveUrl(value, base);
        if (resolved === undefined) delete props[name];
        else props[name] = resolved;
      }
      const srcSet = props.srcSet;
      if (typeof srcSet === "string" || Array.isArray(srcSet)) {
        const candidates = (Array.isArray(srcSet) ? srcSet.map(String) : srcSet.split(",")).map((candidate) => {
          const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
          return [resolveUrl(url, base) ?? "", ...descriptor].join(" ");
        });
        props.srcSet = candidates.join(", ");
      }
      if (
        node.tagName === "a" &&
        typeof props.href === "string" &&
        /^https?:/i.test(props.href) &&
        new URL(props.href).origin !== siteOrigin
      ) {
        const rel = new Set(
          Array.isArray(props.rel)
            ? props.rel.map(String)
            : typeof props.rel === "string"
              ? props.rel.split(/\s+/)
              : [],
        );
        rel.add("noopener");
        rel.add("noreferrer");
        props.rel = [...rel];
      }
    });
  };
}

function pluginOf(entry: Pluggable): unknown {
  return Array.isArray(entry) ? entry[0] : entry;
}

/**
 * The site's rehype plugins adapted for feeds: heading anchors removed, and
 * Shiki given one light theme with its background so colours are inline
 * styles that read the same in any reader.
 */
export function feedRehypePlugins(plugins: PluggableList = rehypePlugins): PluggableList {
  return plugins
    .filter((entry) => pluginOf(entry) !== rehypeAutolinkHeadings)
    .map((entry): Pluggable => {
      if (pluginOf(entry) !== rehypePrettyCode) return entry;
      const options = Array.isArray(entry) ? (entry[1] as Record<string, unknown> | undefined) : undefined;
      return [rehypePrettyCode, { ...options, theme: codeThemes.light, keepBackground: true }];
    });
}

const processor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkStripMdx)
  .use(remarkPlugins)
  .use(remarkRehype)
  .use(feedRehypePlugins())
  .use(rehypeAbsoluteUrls)
  .use(rehypeStringify)
  .freeze();

/** Characters XML 1.0 forbids even as references; feeds with them do not parse. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Feed-safe HTML: no XML-invalid characters, and no `]]>` (the feed library
 * wraps content in CDATA and only splits the first one); `]]&gt;` reads the
 * same in HTML text and attributes.
 */
export function xmlSafeHtml(html: string): string {
  return html.replace(XML_INVALID, "").replaceAll("]]>", "]]&gt;");
}

/** The full HTML of a post's body, for feeds. `url` is the post's path or absolute URL. */
export async function renderMdxToHtml(source: string, url: string): Promise<string> {
  const file = await processor.process({ value: source, data: { baseUrl: absoluteUrl(url) } });
  return xmlSafeHtml(String(file));
}

const cache = new Map<string, Promise<string>>();

/** `renderMdxToHtml` for a post, memoised per build (the three feeds and the tag feeds share one rendering). */
export function renderPostHtml(post: { url: string; body: string }): Promise<string> {
  const key = `${post.url}\u0000${post.body}`;
  let html = cache.get(key);
  if (!html) {
    html = renderMdxToHtml(post.body, post.url);
    cache.set(key, html);
    html.catch(() => cache.delete(key));
  }
  return html;
}
