import { isAuthorised } from "@/lib/contact/retry";

import type { RunOutcome } from "./runtime";
import type { ScheduledRunSummary } from "./run";

/**
 * `/api/enquiries/retry`, independent of Next (the route file only wires it): the scheduled run for a cron.
 * Vercel Cron calls it with GET and `Authorization: Bearer $CRON_SECRET`; other schedulers and operators POST
 * with the same header. Without CRON_SECRET the endpoint is off (503), whatever the method.
 */

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/**
 * The answer keeps the enquiry retry's summary at the top level (due, sent, failed, stoppedEarly, results), as the
 * endpoint answered before it ran the other steps, and adds each step's outcome.
 */
export function runAnswer(summary: ScheduledRunSummary) {
  const { enquiries, purged, digest, newsletter } = summary;
  return {
    ok: summary.ok,
    ...(enquiries.ok ? enquiries.result : { enquiriesError: enquiries.error }),
    purged: purged.ok ? purged.result : { error: purged.error },
    digest: digest.ok ? digest.result.status : "error",
    ...(digest.ok ? {} : { digestError: digest.error }),
    newsletter: newsletter.ok ? newsletter.result : { error: newsletter.error },
    startedAt: summary.startedAt,
    finishedAt: summary.finishedAt,
  };
}

export async function handleScheduledRequest(
  request: Request,
  { cronSecret, run }: { cronSecret: string | undefined; run: () => Promise<RunOutcome> },
): Promise<Response> {
  if (!cronSecret) {
    return json({ error: "The retry endpoint is disabled: set CRON_SECRET to enable it." }, 503);
  }
  if (!isAuthorised(request.headers.get("authorization"), cronSecret)) {
    return json({ error: "Unauthorised: send Authorization: Bearer <CRON_SECRET>." }, 401, {
      "WWW-Authenticate": 'Bearer realm="enquiries"',
    });
  }
  const outcome = await run();
  if (!outcome.ran) {
    // Another instance is running it now: that run does the work, so this call has nothing to do (not an error).
    if (outcome.reason === "another run is in progress") return json({ ok: true, skipped: outcome.reason }, 200);
    return json({ ok: false, error: `Retry failed: ${outcome.reason}` }, 503);
  }
  return json(runAnswer(outcome.summary), outcome.summary.ok ? 200 : 503);
}
