import { getContactRuntime } from "@/lib/contact/runtime";
import { getPostBySlug } from "@/lib/content/posts";
import { getEnv } from "@/lib/env";
import { createHealthEndpoint } from "@/lib/health/health";
import { schedulerMode } from "@/lib/scheduled/runtime";
import { getScheduledRunner } from "@/lib/scheduled/server";

/** GET /api/health: 200 with the database, email and scheduler states, 503 when the database cannot be written. */

export const dynamic = "force-dynamic";

export const GET = createHealthEndpoint(() => {
  const env = getEnv();
  return {
    lease: getScheduledRunner(getPostBySlug).lease,
    store: getContactRuntime(getPostBySlug).store,
    databaseUrl: env.DATABASE_URL,
    emailing: Boolean(env.RESEND_API_KEY),
    mode: schedulerMode(env),
    intervalSeconds: env.SCHEDULER_INTERVAL_SECONDS,
  };
});
