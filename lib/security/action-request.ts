/**
 * Screens POST requests that Next.js would treat as a Server Action before Next
 * decodes them (proxy.ts calls `screenPost`). Next answers a malformed action
 * request with a 500 and an error in the log: a cross-site post, a body it
 * cannot parse as multipart, an envelope React cannot decode ("Connection
 * closed.", JSON syntax errors, unknown references, deep nesting), or a body
 * over the limit sent without a Content-Length. Server actions can be invoked
 * on any page route, not only the one that renders the form, so this applies
 * to every path.
 *
 * What a real browser sends (React 19's `encodeReply`) always passes:
 * - with JavaScript: `Next-Action: <id>` and a multipart body whose field `0`
 *   is the JSON root, e.g. `[{"status":"idle",…},"$K1"]` (plain strings as
 *   `text/plain` when no FormData is involved);
 * - without JavaScript: a multipart form with `$ACTION_REF_n`, `$ACTION_n:0`
 *   = `{"id":"…","bound":"$@1"}` and the bound arguments in `$ACTION_n:1`, or
 *   `$ACTION_ID_<id>` for a form without bound arguments.
 *
 * References in the JSON are checked against an allowlist of the harmless
 * ones this site's actions can receive (escaped strings, FormData, promises
 * of chunks that are present, and plain values such as undefined or a Date).
 * Server references (`$h`), temporary references, Maps, Sets, Blobs, streams,
 * iterators, typed arrays and path references (`$1:a:b`) are refused: none is
 * needed here, and path references are how the React2Shell exploit
 * (CVE-2025-55182) reached object prototypes. This is defence in depth on top
 * of a patched React, not a replacement for it.
 *
 * The body is read with the parser Next itself uses for each kind of request,
 * so the fields checked here are the fields React decodes: busboy (vendored in
 * Next) for an action call with JavaScript, the Fetch API's `formData()` for a
 * form posted without it. On top of that, anything two multipart parsers could
 * read differently is refused outright: repeated or folded part headers, part
 * headers other than Content-Disposition and Content-Type, a `filename`, a
 * `charset` or a Content-Transfer-Encoding, and a Content-Type with anything
 * but one boundary. A browser never sends these for this site's forms.
 *
 * Framework-free (a `Request` in, a refusal or null out), so unit tests run it
 * without a server; by default it reads the served build's action manifest
 * once (`manifestActionRoutes`), and tests pass their own `actionRoutes`.
 */
import busboy from "next/dist/compiled/busboy";

import { contactPath, newsletterPath } from "@/lib/routes";

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

/** The action ids a no-JavaScript form names (`$ACTION_ID_<id>`, or the id in `$ACTION_n:0`); malformed ones are checkNoJsForm's to refuse. */
function noJsActionIds(form: FormData): string[] {
  const ids: string[] = [];
  for (const key of form.keys()) {
    const direct = /^\$ACTION_ID_(.+)$/.exec(key);
    if (direct) ids.push(direct[1]!);
    const ref = /^\$ACTION_REF_(.*)$/.exec(key);
    if (!ref) continue;
    const header = form.get(`$ACTION_${ref[1]}:0`);
    try {
      const id = typeof header === "string" ? (JSON.parse(header) as { id?: unknown }).id : undefined;
      if (typeof id === "string") ids.push(id);
    } catch {
      // checkNoJsForm refuses it
    }
  }
  return ids;
}

const MAX_DEPTH = 24;
const MAX_NODES = 5_000;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

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

type Chunks = (key: string) => string | undefined;

class Malformed extends Error {}

/** Walks a decoded reply value; throws Malformed on anything React should not be asked to decode. */
function checkValue(
  value: unknown,
  ctx: { chunks: Chunks | null; prefix: string; depth: number; nodes: { n: number }; seen: Set<string> },
): void {
  if (++ctx.nodes.n > MAX_NODES) throw new Malformed("too many values");
  if (ctx.depth > MAX_DEPTH) throw new Malformed("nested too deeply");
  if (typeof value === "string") return checkReference(value, ctx);
  if (value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const item of value) checkValue(item, { ...ctx, depth: ctx.depth + 1 });
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(key)) throw new Malformed(`forbidden key ${key}`);
    checkValue(item, { ...ctx, depth: ctx.depth + 1 });
  }
}

const HEX = /^[0-9a-f]{1,8}$/i;

function checkReference(text: string, ctx: Parameters<typeof checkValue>[1]): void {
  if (!text.startsWith("$")) return;
  const tag = text[1];
  const rest = text.slice(2);
  switch (tag) {
    case "$": // an escaped string that starts with "$"
      return;
    case "K": // a FormData: its entries are the fields with this id's prefix (none is fine)
      if (!HEX.test(rest)) throw new Malformed("bad FormData reference");
      return;
    case "@": {
      // A promise of another chunk: it must be in the body, and is checked the same way.
      if (!HEX.test(rest) || ctx.chunks === null) throw new Malformed("bad chunk reference");
      const key = `${ctx.prefix}${parseInt(rest, 16)}`;
      if (ctx.seen.has(key)) throw new Malformed("circular chunk reference");
      const chunk = ctx.chunks(key);
      if (typeof chunk !== "string") throw new Malformed(`missing chunk ${key}`);
      checkValue(parseJson(chunk), { ...ctx, depth: ctx.depth + 1, seen: new Set([...ctx.seen, key]) });
      return;
    }
    case "u": // undefined
    case "I": // Infinity
    case "N": // NaN
      if (text === "$u" || text === "$Infinity" || text === "$I" || text === "$NaN") return;
      throw new Malformed("unknown reference");
    case "-":
      if (text === "$-0" || text === "$-Infinity") return;
      throw new Malformed("unknown reference");
    case "D":
      if (Number.isNaN(Date.parse(rest))) throw new Malformed("bad date");
      return;
    case "n":
      if (!/^-?\d{1,400}$/.test(rest)) throw new Malformed("bad bigint");
      return;
    default:
      throw new Malformed(`reference ${JSON.stringify(text.slice(0, 12))} is not accepted`);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Malformed("not JSON");
  }
}

/** The root of a JavaScript action call: the argument list. */
function checkRoot(text: string, chunks: Chunks | null, prefix: string): void {
  const root = parseJson(text);
  if (!Array.isArray(root)) throw new Malformed("the arguments are not a list");
  checkValue(root, { chunks, prefix, depth: 0, nodes: { n: 0 }, seen: new Set([`${prefix}0`]) });
}

/** A form posted without JavaScript: the action reference and its bound arguments. */
function checkNoJsForm(form: FormData): void {
  const chunks: Chunks = (key) => {
    const value = form.get(key);
    return typeof value === "string" ? value : undefined;
  };
  for (const key of form.keys()) {
    const actionId = /^\$ACTION_ID_(.*)$/.exec(key);
    if (actionId && !/^[0-9a-f]{2,128}$/i.test(actionId[1]!)) throw new Malformed("bad action id");
    const ref = /^\$ACTION_REF_(.*)$/.exec(key);
    if (!ref) continue;
    if (!/^\d{1,6}$/.test(ref[1]!)) throw new Malformed("bad action reference");
    const prefix = `$ACTION_${ref[1]}:`;
    const header = chunks(`${prefix}0`);
    if (typeof header !== "string") throw new Malformed("action reference without its header");
    const meta = parseJson(header);
    if (typeof meta !== "object" || meta === null || Array.isArray(meta)) throw new Malformed("bad action header");
    // React reads `id` and `bound`; anything else in the header is not something a browser sends.
    const extra = Object.keys(meta).filter((key) => key !== "id" && key !== "bound");
    if (extra.length > 0)
      throw new Malformed(`unexpected key ${JSON.stringify(extra[0]!.slice(0, 20))} in the action header`);
    const { id, bound } = meta as { id?: unknown; bound?: unknown };
    if (typeof id !== "string" || !/^[0-9a-f]{2,128}$/i.test(id)) throw new Malformed("bad action id");
    if (bound === null || bound === undefined) continue;
    if (typeof bound !== "string" || !/^\$@[0-9a-f]{1,8}$/i.test(bound)) throw new Malformed("bad bound arguments");
    const boundKey = `${prefix}${parseInt(bound.slice(2), 16)}`;
    const boundText = chunks(boundKey);
    if (typeof boundText !== "string") throw new Malformed("bound arguments missing");
    const args = parseJson(boundText);
    if (!Array.isArray(args)) throw new Malformed("bound arguments are not a list");
    checkValue(args, { chunks, prefix, depth: 0, nodes: { n: 0 }, seen: new Set([boundKey]) });
  }
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

/** The body's bytes (a clone); a body the client stopped sending ("aborted") is a 400, not an uncaught error. */
async function readBody(request: Request): Promise<Uint8Array> {
  try {
    return new Uint8Array(await request.clone().arrayBuffer());
  } catch {
    throw new Malformed("the body could not be read (the upload stopped?)");
  }
}

async function readForm(request: Request): Promise<FormData> {
  await refuseAmbiguousMultipart(request);
  try {
    return await request.clone().formData();
  } catch {
    throw new Malformed("the form data cannot be read");
  }
}

/** The fields as Next's busboy (same options as Next's action handler) reads them; a file part is refused. */
async function readFormLikeBusboy(request: Request, bodyLimit: number): Promise<Map<string, string>> {
  const bytes = await refuseAmbiguousMultipart(request);
  const fields = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    let parser;
    try {
      parser = busboy({
        headers: { "content-type": request.headers.get("content-type") ?? undefined },
        defParamCharset: "utf8",
        limits: { fieldSize: bodyLimit },
      });
    } catch {
      return reject(new Malformed("the form data cannot be read"));
    }
    parser.on("field", (name, value) => {
      // A repeated name: FormData.get and React's first-wins lookups could pick different ones.
      if (fields.has(name)) return reject(new Malformed(`repeated field ${JSON.stringify(name.slice(0, 20))}`));
      fields.set(name, value);
    });
    parser.on("file", (_name, stream) => {
      stream.resume();
      reject(new Malformed("a file part"));
    });
    parser.on("error", () => reject(new Malformed("the form data cannot be read")));
    parser.on("close", () => resolve());
    parser.end(Buffer.from(bytes));
  });
  return { get: (key: string) => fields.get(key) } as unknown as Map<string, string>;
}

const ALLOWED_PART_HEADERS = new Set(["content-disposition", "content-type"]);

/**
 * Refuses a multipart body that two parsers could read differently. Checks the raw bytes, before any parser:
 * this only ever refuses, so a disagreement with a real parser here can only make it stricter.
 */
async function refuseAmbiguousMultipart(request: Request): Promise<Uint8Array> {
  const contentType = request.headers.get("content-type") ?? "";
  const params = contentType
    .split(";")
    .slice(1)
    .map((part) => part.trim())
    .filter(Boolean);
  const boundaryParams = params.filter((param) => /^boundary=/i.test(param));
  if (boundaryParams.length !== 1 || params.length !== 1)
    throw new Malformed("a multipart content type needs exactly one boundary and nothing else");
  const boundary = boundaryParams[0]!.slice("boundary=".length).replace(/^"(.*)"$/, "$1");
  if (!/^[0-9A-Za-z'()+_,\-./:=?]{1,70}$/.test(boundary)) throw new Malformed("bad boundary");
  const bytes = await readBody(request);
  const text = Buffer.from(bytes).toString("latin1");
  const delimiter = `--${boundary}`;
  const parts = text.split(delimiter);
  // parts[0] is the preamble, the last one the epilogue after "--".
  for (const part of parts.slice(1)) {
    if (part.startsWith("--")) break;
    const end = part.indexOf("\r\n\r\n");
    if (!part.startsWith("\r\n") || end === -1) throw new Malformed("a part without headers");
    const lines = part.slice(2, end).split("\r\n");
    const seen = new Set<string>();
    if (lines.some((line) => /^[ \t]/.test(line))) throw new Malformed("a folded part header");
    for (const line of lines) {
      const match = /^([A-Za-z0-9-]+):[ \t]*(.*)$/.exec(line);
      if (!match) throw new Malformed("a malformed part header");
      const name = match[1]!.toLowerCase();
      const value = match[2]!;
      if (!ALLOWED_PART_HEADERS.has(name)) throw new Malformed(`part header ${name}`);
      if (seen.has(name)) throw new Malformed(`repeated part header ${name}`);
      seen.add(name);
      if (name === "content-disposition" && !/^form-data; name="[^"\\\r\n]*"$/i.test(value))
        throw new Malformed('a content-disposition other than form-data; name="…"');
      if (name === "content-type" && !/^text\/plain$/i.test(value))
        throw new Malformed(`part content type ${value.slice(0, 40)}`);
    }
    if (!seen.has("content-disposition")) throw new Malformed("a part without a name");
  }
  return bytes;
}
