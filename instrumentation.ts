/**
 * Runs once when a Next.js server instance starts, before it serves requests: the configuration is checked here
 * so a bad value stops the server at start (naming the variable) instead of failing the first enquiry, and a
 * long-running server starts its scheduler (lib/deploy/startup.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The SITE_URL this build was made with, inlined by next.config.ts (env). A start without SITE_URL serves what
  // the build was made for; set before anything reads SITE_URL, so the dynamic pages agree with the static ones.
  const builtSiteUrl = process.env.BUILD_SITE_URL;
  if (builtSiteUrl && !process.env.SITE_URL?.trim()) process.env.SITE_URL = builtSiteUrl;
  const [{ checkServerAtStartOrExit }, { getPostBySlug }] = await Promise.all([
    import("./lib/deploy/startup"),
    import("./lib/content/posts"),
  ]);
  await checkServerAtStartOrExit(getPostBySlug, builtSiteUrl);
}
