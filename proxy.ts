import { NextResponse, type NextRequest } from "next/server";

import { ADMIN_HEADERS, adminGate } from "@/lib/admin/basic-auth";
import { LIMITS } from "@/lib/contact/schema";
import { getEnv, nodeEnv } from "@/lib/env";
import { adminPath, bookingWebhookPath } from "@/lib/routes";
import { screenPost, type Refusal } from "@/lib/security/action-request";
import { securityHeaders } from "@/lib/security/headers";
import { newNonce, NONCE_PATHS, noncePolicy } from "@/lib/security/nonce-policy";
import { isDecodablePath } from "@/lib/security/url";
import { site } from "@/lib/site";

/**
 * Screens requests before Next handles them (lib/security/action-request.ts), on every path that can take a post,
 * /admin included whether or not ADMIN_TOKEN is set:
 * - a path with a malformed percent-encoding (`/blog/%C0`): a plain 400 with the security headers (Next would
 *   answer 500 without them when it decodes a route parameter);
 * - from another site: a plain 403 (Next would answer 500 and log an error);
 * - larger than the server actions' body limit (lib/security/body-limit.ts): a plain
 *   413 that says what to do (Next's own 413 shows a blank page without
 *   JavaScript; with JavaScript the form stops long messages before sending);
 * - an action request without a Content-Length (411), with a body Next
 *   cannot decode or one the client stopped sending (400), or to a page without a form (404): Next answers the
 *   first two with a 500, and the last one can end in an uncaught error.
 * Same-origin, well-formed posts of a normal size pass straight through.
 *
 * Pages rendered per request (NONCE_PATHS: /contact, /newsletter, its confirm and unsubscribe answers,
 * /admin/funnel) also get their script policy here: a fresh nonce per response, passed to Next in the request's
 * Content-Security-Policy header (Next puts it on every script it renders) and sent to the browser in place of the
 * site-wide policy with 'unsafe-inline'.
 *
 * Server actions can be invoked on any page route, so the proxy runs for every path, but only for requests that
 * can be actions (a Next-Action header or a form content type), for paths with a percent sign, for the pages
 * rendered per request, and for /admin (HTTP Basic, lib/admin/basic-auth.ts): plain GETs of static pages never
 * reach it.
 */

const isAdminPath = (pathname: string) => pathname === adminPath || pathname.startsWith(`${adminPath}/`);

function withSecurityHeaders(response: NextResponse): NextResponse {
  for (const { key, value } of securityHeaders(nodeEnv() === "development")) response.headers.set(key, value);
  return response;
}

function plain(status: number, text: string): NextResponse {
  return withSecurityHeaders(
    new NextResponse(`${text}\n`, {
      status,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    }),
  );
}

const MESSAGES: Record<Refusal["status"], string> = {
  400: "This form submission could not be read. Reload the page and send it again.",
  403: "Cross-site form posts are not accepted here.",
  404: "There is no form to send on this page.",
  411: "This form submission has no Content-Length. Send it again from the page.",
  413: `Your message is longer than this form accepts (${LIMITS.message.max.toLocaleString("en-GB")} characters). Go back, shorten it and send it again, or email it to ${site.author.email}.`,
};

/** The page's response with a fresh nonce policy, or a plain pass-through. */
function pass(request: NextRequest, extraHeaders: Record<string, string> = {}): NextResponse {
  let response: NextResponse;
  if (NONCE_PATHS.includes(request.nextUrl.pathname)) {
    const policy = noncePolicy(newNonce());
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("content-security-policy", policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set("content-security-policy", policy);
  } else response = NextResponse.next();
  for (const [name, value] of Object.entries(extraHeaders)) response.headers.set(name, value);
  return response;
}

export async function proxy(request: NextRequest) {
  if (!isDecodablePath(request.nextUrl.pathname))
    return plain(400, "This address is not valid: it has a broken percent-encoding. Check the link and try again.");
  // The booking webhook is a route handler, never an action: it answers every post itself (lib/bookings/webhook.ts).
  if (request.nextUrl.pathname === bookingWebhookPath) return NextResponse.next();
  // Every post is screened, wherever it is aimed: /admin without ADMIN_TOKEN still renders a page (a 404), and Next
  // would still decode an action posted there.
  const refusal = await screenPost(request);
  if (refusal) return plain(refusal.status, MESSAGES[refusal.status]);
  if (isAdminPath(request.nextUrl.pathname)) {
    // HTTP Basic for /admin (lib/admin/basic-auth.ts): only a response here can carry the 401 challenge.
    const gate = adminGate(request.headers.get("authorization"), getEnv().ADMIN_TOKEN);
    if (gate instanceof Response) return gate;
    // No ADMIN_TOKEN ("absent"): the pages do not exist, and render Next's 404.
    return gate === "pass" ? pass(request, ADMIN_HEADERS) : NextResponse.next();
  }
  return pass(request);
}

export const config = {
  matcher: [
    "/contact",
    "/newsletter",
    "/newsletter/confirm",
    "/newsletter/unsubscribe",
    "/admin",
    "/admin/:path*",
    // Any path with a percent sign: a malformed encoding is answered here, before Next decodes it.
    "/:path(.*%.*)",
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    {
      source: "/:path*",
      has: [
        {
          type: "header",
          key: "content-type",
          value: "(?:multipart/form-data|application/x-www-form-urlencoded|text/plain).*",
        },
      ],
    },
  ],
};
