import { renderPostBody } from "@/lib/content/render-post";

/**
 * A post's body as one element holding its HTML, compiled from MDX on the server at build time
 * (static pages). The markup is trusted: it comes from the repository's own posts through our
 * remark/rehype pipeline, never from a reader. Handing React one element instead of a tree of every
 * paragraph keeps hydration from walking the article: nothing in it is interactive, and the
 * islands around it (section links, share actions) find what they need in the DOM.
 */
export async function PostBody({ source }: { source: string }) {
  const html = await renderPostBody(source);
  return <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}
