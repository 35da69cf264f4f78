/**
 * Decides which POSTs reach Next: what is screened, what is refused, and with which status (proxy.ts calls `screenPost`).
 *
 * Screens POST requests that Next.js would treat as a Server Action before Next
 * decodes them. Next answers a malformed action
 * request with a 500 and an error in the log: a cross-site post, a body it
 * cannot parse as multipart, an envelope React cannot decode ("Connection
 * closed.", JSON syntax errors, unknown references, deep nesting), or a body
 * over the limit sent without a Content-Length. Server actions can be invoked
 * on any page route, not only the one that renders the form, so this applies
 * to every path.
 *
 * Reading the body as Next will is action-body.ts's part; what a decoded reply may hold (what a real browser
 * sends, the allowlist of references) is action-reply.ts's. Both throw `Malformed`, answered here with a 400.
 *
 * Framework-free (a `Request` in, a refusal or null out), so unit tests run it
 * without a server; by default it reads the served build's action manifest
 * once (`manifestActionRoutes`), and tests pass their own `actionRoutes`.
 */
import { contactPath, newsletterPath } from "@/lib/routes";

import { Malformed, readBody, readForm, readFormLikeBusboy } from "./action-body";
import { checkNoJsForm, checkRoot, noJsActionIds } from "./action-reply";
import { manifestActionRoutes, type ActionRoutes } from "./action-routes";
import { ACTION_BODY_LIMIT_BYTES } from "./body-limit";

export { manifestActionRoutes, routePattern, type ActionRoutes } from "./action-routes";

/**
 * The pages whose forms post to a server action. An action request anywhere
 * else is refused with 404: Next would otherwise forward a real action id
 * from any page to the page that has it, and a crafted call doing so with a
 * body Next does not consume ends in an uncaught "aborted" error. Add the
 * page here when you add a form with a server action to another page.
 */
export const ACTION_PATHS: readonly string[] = [contactPath(), newsletterPath];

/**
 * The newsletter form is in the footer of every page, and with JavaScript an
 * action posts to the page it is on: so every page route of the site takes
 * action posts too (its route patterns, not the slugs that exist; Next answers
 * an unknown slug). Paths outside them (feeds, images, /api, unknown
 * top-level paths) still get the 404.
 */
export const PAGE_ROUTES: readonly RegExp[] = [
  /^\/$/,
  /^\/(?:blog|tags)$/,
  /^\/blog\/page\/\d+$/,
  /^\/blog\/[a-z0-9]+(?:-[a-z0-9]+)*$/,
  /^\/tags\/[a-z0-9]+(?:-[a-z0-9]+)*(?:\/page\/\d+)?$/,
  /^\/newsletter\/(?:confirm|unsubscribe)$/,
];

export type Refusal = { status: 400 | 403 | 404 | 411 | 413; reason: string };

/** The host the request was sent to (as Next compares it with Origin). */
function requestHost(headers: Headers): string | null {
  return headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
}

/** A cross-site POST: an Origin header naming another host, or an opaque one ("null"). A missing Origin passes, as in Next. */
export function isCrossSite(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return false;
  try {
    return new URL(origin).host !== requestHost(headers);
  } catch {
    return true;
  }
}

/** Whether Next would try to run a Server Action for this request (mirrors next/dist/server/lib/server-action-request-meta). */
export function isPossibleAction(method: string, headers: Headers): boolean {
  if (method !== "POST") return false;
  const contentType = headers.get("content-type") ?? "";
  return (
    headers.has("next-action") ||
    contentType.startsWith("multipart/form-data") ||
    contentType === "application/x-www-form-urlencoded"
  );
}

/**
 * Decides whether a POST may reach Next. Returns null to let it through, or
 * the status and a plain sentence for the person (or script) that sent it.
 * Reads the body (a clone) only for possible actions within the size limit.
 */
export async function screenPost(
  request: Request,
  {
    bodyLimit = ACTION_BODY_LIMIT_BYTES,
    actionPaths = ACTION_PATHS,
    pageRoutes = PAGE_ROUTES,
    actionRoutes = manifestActionRoutes,
  }: {
    bodyLimit?: number;
    actionPaths?: readonly string[];
    pageRoutes?: readonly RegExp[];
    actionRoutes?: ActionRoutes;
  } = {},
): Promise<Refusal | null> {
  if (request.method !== "POST") return null;
  const headers = request.headers;
  if (isCrossSite(headers)) return { status: 403, reason: "cross-site" };

  const length = headers.get("content-length");
  if (length !== null && Number(length) > bodyLimit) return { status: 413, reason: "too-large" };
  if (!isPossibleAction(request.method, headers)) return null;
  // Browsers always send a length with a form or fetch body; without one Next fails only after reading past its limit.
  if (length === null || !/^\d+$/.test(length.trim())) return { status: 411, reason: "length-required" };

  const contentType = headers.get("content-type") ?? "";
  const isMultipart = contentType.startsWith("multipart/form-data");
  const pathname = new URL(request.url).pathname.replace(/(.)\/+$/, "$1");
  const hasActions = actionPaths.includes(pathname) || pageRoutes.some((route) => route.test(pathname));
  /** Whether this action may be posted here: to a page that renders it when the build says which, else by the path lists. */
  const accepts = (actionId: string) => {
    const routes = actionRoutes(actionId);
    return routes ? routes.some((route) => route.test(pathname)) : hasActions;
  };
  try {
    if (headers.has("next-action")) {
      if (!accepts(headers.get("next-action")!)) return { status: 404, reason: "no-action-here" };
      if (isMultipart) {
        // Next decodes an action call with busboy: read it with busboy, so both see the same fields.
        const form = await readFormLikeBusboy(request, bodyLimit);
        const root = form.get("0");
        if (typeof root !== "string") throw new Malformed("no arguments");
        checkRoot(
          root,
          (key) => {
            const value = form.get(key);
            return typeof value === "string" ? value : undefined;
          },
          "",
        );
      } else if (/^text\/plain\b/i.test(contentType)) {
        checkRoot(new TextDecoder().decode(await readBody(request)), null, "");
      } else {
        throw new Malformed("an action call is multipart or text");
      }
    } else if (isMultipart) {
      const form = await readForm(request);
      const keys = [...form.keys()];
      if (!hasActions && keys.some((key) => key.startsWith("$ACTION_")))
        return { status: 404, reason: "no-action-here" };
      if (noJsActionIds(form).some((id) => !accepts(id))) return { status: 404, reason: "no-action-here" };
      // A form on a page with an action always names it; Next would log "Invalid Server Actions request".
      if (hasActions && !keys.some((key) => key.startsWith("$ACTION_REF_") || key.startsWith("$ACTION_ID_")))
        throw new Malformed("no action named");
      checkNoJsForm(form);
    }
    // x-www-form-urlencoded without Next-Action: Next renders the page as for a GET.
  } catch (error) {
    if (error instanceof Malformed) return { status: 400, reason: `malformed: ${error.message}` };
    throw error;
  }
  return null;
}
