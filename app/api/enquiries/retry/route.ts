import { handleRetryRequest } from "@/lib/contact/retry";
import { getContactRuntime } from "@/lib/contact/runtime";
import { getPostBySlug } from "@/lib/content/posts";

/**
 * POST /api/enquiries/retry, for a scheduler: resends every unsent enquiry
 * that is due. Protected by `Authorization: Bearer <CRON_SECRET>`.
 */

export const maxDuration = 60;

export async function POST(request: Request): Promise<Response> {
  const runtime = getContactRuntime(getPostBySlug);
  return handleRetryRequest(request, {
    cronSecret: runtime.env.CRON_SECRET,
    // Leave headroom under maxDuration: no new send starts after 45 s. The same scheduled run applies the
    // retention periods and sends the held digest if one is due.
    run: async () => {
      const summary = await runtime.retry({ deadline: new Date(Date.now() + 45_000) });
      const purged = await runtime.purge();
      const digest = await runtime.sendHeldDigest();
      return { ...summary, purged, digest: digest.status };
    },
  });
}
