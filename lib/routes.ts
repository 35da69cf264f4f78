/**
 * Every URL path of the site, built in one place so links, routes, metadata, feeds and the sitemap agree.
 * Paths are site-relative; `absoluteUrl` (lib/site.ts) prefixes SITE_URL where a full URL is needed.
 */

export const homePath = "/";
export const tagsPath = "/tags";
export const sitemapPath = "/sitemap.xml";

/** The blog list: page 1 lives at `/blog`, later pages at `/blog/page/n`. */
export function blogPath(page = 1): string {
  return page <= 1 ? "/blog" : `/blog/page/${page}`;
}

export function postPath(slug: string): string {
  return `/blog/${slug}`;
}

/** A topic's list: page 1 at `/tags/<slug>`, later pages at `/tags/<slug>/page/n`. */
export function tagPath(slug: string, page = 1): string {
  return page <= 1 ? `/tags/${slug}` : `/tags/${slug}/page/${page}`;
}

export const feedPaths = {
  rss: "/feed.xml",
  atom: "/atom.xml",
  json: "/feed.json",
} as const;

export function tagFeedPath(slug: string): string {
  return `${tagPath(slug)}/feed.xml`;
}

/** The site-wide share card (`app/opengraph-image.tsx`): home, lists, tags, contact. */
export const defaultOgImagePath = "/opengraph-image";

export function postOgImagePath(slug: string): string {
  return `${postPath(slug)}/opengraph-image`;
}

/** The enquiry page; `from` names the post the reader came from, so enquiries can be counted per article. */
export function contactPath(from?: string): string {
  return from ? `/contact?from=${encodeURIComponent(from)}` : "/contact";
}

/** The newsletter's page: the answer to a sign-up posted without JavaScript, and the confirm and unsubscribe links. */
export const newsletterPath = "/newsletter";

/** Where every sign-up form posts (a route handler: the post pages run no framework code to call an action). */
export const newsletterSubscribePath = "/newsletter/subscribe";

/** The newsletter page's own form, where the answer to a sign-up posted without JavaScript shows. */
export function newsletterAnswerPath({ from, answer }: { from?: string; answer?: string } = {}): string {
  const query = new URLSearchParams();
  if (from) query.set("from", from);
  if (answer) query.set("answer", answer);
  const search = query.toString();
  return `${newsletterPath}${search ? `?${search}` : ""}#subscribe`;
}

/** Cal.com's booking webhook (lib/bookings/webhook.ts). */
export const bookingWebhookPath = "/api/bookings/webhook";

/** The author's funnel page, behind HTTP Basic (lib/admin/basic-auth.ts); never in the sitemap. */
export const adminPath = "/admin";
export const adminFunnelPath = "/admin/funnel";

/** Search: the dialog in the header with JavaScript; this page explains the alternatives without it. */
export const searchPath = "/search";

/** Every series, and one series' parts in order. */
export const seriesIndexPath = "/series";

export function seriesPath(slug: string): string {
  return `${seriesIndexPath}/${slug}`;
}

/** The featured essays with a short introduction ("Start here"). */
export const startPath = "/start";
