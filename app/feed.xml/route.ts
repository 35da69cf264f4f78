import { getPosts } from "@/lib/content/posts";
import { buildRss } from "@/lib/feeds/build";
import { feedResponse } from "@/lib/feeds/response";

// Prerendered at build time into a static file; never rendered per request.
export const dynamic = "force-static";

export async function GET() {
  return feedResponse(await buildRss(getPosts()), "rss");
}
