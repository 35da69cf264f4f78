import { NextResponse, type NextRequest } from "next/server";

import { site } from "@/lib/site";

/**
 * Screens form posts to /contact before Next handles the server action:
 * - from another site: a plain 403 (Next would answer 500 and log an error);
 * - larger than the server actions' body limit (next.config.ts, 64 KB): a plain
 *   413 that says what to do (Next's own 413 shows a blank page without
 *   JavaScript; with JavaScript the form stops long messages before sending).
 * Same-origin posts of a normal size pass straight through.
 */

const BODY_LIMIT_BYTES = 64 * 1024; // keep equal to serverActions.bodySizeLimit

function plain(status: number, text: string): NextResponse {
  return new NextResponse(`${text}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

export function proxy(request: NextRequest) {
  if (request.method !== "POST") return NextResponse.next();

  const origin = request.headers.get("origin");
  if (origin !== null) {
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = undefined; // "null" and other opaque origins
    }
    if (originHost === undefined || originHost !== host) return plain(403, "Cross-site form posts are not accepted here.");
  }

  if (Number(request.headers.get("content-length") ?? 0) > BODY_LIMIT_BYTES) {
    return plain(
      413,
      `Your message is longer than this form accepts (5,000 characters). Go back, shorten it and send it again, or email it to ${site.author.email}.`,
    );
  }
  return NextResponse.next();
}

export const config = { matcher: ["/contact"] };
