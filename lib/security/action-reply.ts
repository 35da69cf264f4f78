/**
 * Checks a decoded React reply (an action's arguments) against the references this site's actions can receive.
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
 */
import { Malformed } from "./action-body";

/** The action ids a no-JavaScript form names (`$ACTION_ID_<id>`, or the id in `$ACTION_n:0`); malformed ones are checkNoJsForm's to refuse. */
export function noJsActionIds(form: FormData): string[] {
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

/** Looks up a chunk of the reply by its field name (`1`, or `$ACTION_1:1` in a form posted without JavaScript). */
export type Chunks = (key: string) => string | undefined;

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
export function checkRoot(text: string, chunks: Chunks | null, prefix: string): void {
  const root = parseJson(text);
  if (!Array.isArray(root)) throw new Malformed("the arguments are not a list");
  checkValue(root, { chunks, prefix, depth: 0, nodes: { n: 0 }, seen: new Set([`${prefix}0`]) });
}

/** A form posted without JavaScript: the action reference and its bound arguments. */
export function checkNoJsForm(form: FormData): void {
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
