import { NextResponse, type NextRequest } from "next/server";

/**
 * A form post to /contact from another site is refused with a plain 403.
 * (Next refuses a cross-origin server action too, but with a 500 and an error
 * in the log; an abusive request deserves neither.) Same-origin posts, with
 * or without JavaScript, pass straight through.
 */
export function proxy(request: NextRequest) {
  if (request.method !== "POST") return NextResponse.next();
  const origin = request.headers.get("origin");
  if (origin === null) return NextResponse.next(); // Next's own check still applies
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string | undefined;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = undefined; // "null" and other opaque origins
  }
  if (originHost !== undefined && originHost === host) return NextResponse.next();
  return new NextResponse("Cross-site form posts are not accepted here.\n", {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

export const config = { matcher: ["/contact"] };
