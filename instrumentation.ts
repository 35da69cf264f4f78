/**
 * Runs once when a Next.js server instance starts, before it serves requests.
 * The contact funnel's configuration is checked here so a bad value stops the
 * server at start instead of failing the first enquiry.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkContactConfiguration } = await import("./lib/contact/startup");
  checkContactConfiguration();
}
