import { NextResponse, type NextRequest } from "next/server";

import { ADMIN_HEADERS, adminGate } from "@/lib/admin/basic-auth";
import { LIMITS } from "@/lib/contact/schema";
import { getEnv } from "@/lib/env";
import { adminPath, bookingWebhookPath } from "@/lib/routes";
import { screenPost, type Refusal } from "@/lib/security/action-request";
import { newNonce, NONCE_PATHS, noncePolicy } from "@/lib/security/nonce-policy";
import { site } from "@/lib/site";

/**
 * Screens POSTs before Next handles a server action (lib/security/action-request.ts):
 * - from another site: a plain 403 (Next would answer 500 and log an error);
 * - larger than the server actions' body limit (lib/security/body-limit.ts): a plain
 *   413 that says what to do (Next's own 413 shows a blank page without
 *   JavaScript; with JavaScript the form stops long messages before sending);
 * - an action request without a Content-Length (411), with a body Next
 *   cannot decode (400), or to a page without a form (404): Next answers the
 *   first two with a 500, and the last one can end in an uncaught error.
 * Same-origin, well-formed posts of a normal size pass straight through.
 *
 * Pages rendered per request (/contact) also get their script policy here: a
 * fresh nonce per response, passed to Next in the request's
 * Content-Security-Policy header (Next puts it on every script it renders) and
 * sent to the browser in place of the site-wide policy with 'unsafe-inline'.
 *
 * Server actions can be invoked on any page route, so the proxy runs for every
 * path, but only for requests that can be actions (a Next-Action header or a
 * form content type), for /contact, and for /admin (HTTP Basic, lib/admin/basic-auth.ts): plain GETs of
 * static pages never reach it.
 */

const isAdminPath = (pathname: string) => pathname === adminPath || pathname.startsWith(`${adminPath}/`);

function plain(status: number, text: string): NextResponse {
  return new NextResponse(`${text}\n`, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

const MESSAGES: Record<Refusal["status"], string> = {
  400: "This form submission could not be read. Reload the page and send it again.",
  403: "Cross-site form posts are not accepted here.",
  404: "There is no form to send on this page.",
  411: "This form submission has no Content-Length. Send it again from the page.",
  413: `Your message is longer than this form accepts (${LIMITS.message.max.toLocaleString("en-GB")} characters). Go back, shorten it and send it again, or email it to ${site.author.email}.`,
};

export async function proxy(request: NextRequest) {
  // The booking webhook is a route handler, never an action: it answers every post itself (lib/bookings/webhook.ts).
  if (request.nextUrl.pathname === bookingWebhookPath) return NextResponse.next();
  if (isAdminPath(request.nextUrl.pathname)) {
    // HTTP Basic for /admin (lib/admin/basic-auth.ts): only a response here can carry the 401 challenge.
    const gate = adminGate(request.headers.get("authorization"), getEnv().ADMIN_TOKEN);
    if (gate instanceof Response) return gate;
    if (gate === "pass") {
      const response = NextResponse.next();
      for (const [name, value] of Object.entries(ADMIN_HEADERS)) response.headers.set(name, value);
      return response;
    }
    // No ADMIN_TOKEN: the pages do not exist, and render Next's 404.
    return NextResponse.next();
  }
  const refusal = await screenPost(request);
  if (refusal) return plain(refusal.status, MESSAGES[refusal.status]);
  if (!NONCE_PATHS.includes(request.nextUrl.pathname)) return NextResponse.next();
  const policy = noncePolicy(newNonce());
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    "/contact",
    "/admin",
    "/admin/:path*",
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
