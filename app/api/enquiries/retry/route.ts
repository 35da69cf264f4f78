import { getPostBySlug } from "@/lib/content/posts";
import { getEnv } from "@/lib/env";
import { handleScheduledRequest } from "@/lib/scheduled/route";
import { getScheduledRunner } from "@/lib/scheduled/server";

/**
 * /api/enquiries/retry: the scheduled run (retries due, held digest, retention, newsletter retries) for a cron.
 * GET is how Vercel Cron calls it (vercel.json), POST how any other scheduler does; both need
 * `Authorization: Bearer <CRON_SECRET>`. See lib/scheduled/.
 */

export const dynamic = "force-dynamic";
export const maxDuration = 60;

async function handle(request: Request): Promise<Response> {
  // Leave headroom under maxDuration: no new email starts after 45 s.
  return handleScheduledRequest(request, {
    cronSecret: getEnv().CRON_SECRET,
    run: () => getScheduledRunner(getPostBySlug).runOnce("cron", { budgetMs: 45_000 }),
  });
}

export const GET = handle;
export const POST = handle;
