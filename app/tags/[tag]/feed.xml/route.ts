import { getPostsByTag, getTag, tagParams } from "@/lib/content/posts";
import { buildRss, tagFeedScope } from "@/lib/feeds/build";
import { feedResponse } from "@/lib/feeds/response";

// One static RSS file per tag, written at build time; unknown tags are 404s.
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return tagParams();
}

export async function GET(_request: Request, { params }: { params: Promise<{ tag: string }> }) {
  const tag = getTag((await params).tag);
  if (!tag) return new Response("Not found", { status: 404 });
  return feedResponse(await buildRss(getPostsByTag(tag.slug), tagFeedScope(tag)), "rss");
}
