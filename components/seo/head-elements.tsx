import type { HeadTag } from "@/lib/seo/head-tags";

/**
 * Head tags computed at build time (lib/seo/head-tags.ts) as elements for next/head in the Pages Router. An
 * array, not a component, so next/head sees each tag and keeps one of each (its own default viewport is
 * replaced by ours, which has the same key).
 */
export function headElements(tags: readonly HeadTag[], scope: string) {
  // Keys are unique across every caller (the shell's and the page's tags meet in one head; next/head keeps one per key).
  return tags.map((tag, index) => {
    if (tag.tag === "title") return <title key="title">{tag.text}</title>;
    if (tag.tag === "link") return <link key={`${scope}-link-${index}`} {...tag.attrs} />;
    const key = tag.attrs.name === "viewport" ? "viewport" : `${scope}-meta-${index}`;
    return <meta key={key} {...tag.attrs} />;
  });
}
