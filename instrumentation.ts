/**
 * Runs once when a Next.js server instance starts, before it serves requests.
 * The contact funnel's configuration is checked here so a bad value stops the
 * server at start (naming the variable) instead of failing the first enquiry.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ checkContactConfigurationOrExit }, { getPostBySlug }] = await Promise.all([
    import("./lib/contact/startup"),
    import("./lib/content/posts"),
  ]);
  await checkContactConfigurationOrExit(getPostBySlug);
}
