/**
 * Page weight: what each page makes the browser load, read from the served
 * HTML (script files, inline scripts, stylesheets, preloaded fonts; the
 * `noModule` polyfill apart), raw and gzip. `js` is all the JavaScript a page
 * runs on load: its script files plus its inline scripts (JSON and JSON-LD
 * blocks are data, not counted). Used by tooling/bench/run.ts; runnable alone against a server:
 *   tsx tooling/bench/page-weight.ts http://127.0.0.1:3000 / /blog
 */
import { gzipSync } from "node:zlib";

export type Weight = { raw: number; gzip: number; files: number };
/** `inlineCss`: `<style>` elements in the HTML (counted in `html` too), e.g. with `experimental.inlineCss`. */
export type PageWeight = {
  page: string;
  status: number;
  html: Weight;
  js: Weight;
  css: Weight;
  inlineCss: Weight;
  /** Inline executable scripts (counted in `html` and in `js` too): e.g. the islands of a static post. */
  inlineJs: Weight;
  fonts: Weight;
  polyfill: Weight;
  requests: number;
  jsFiles: string[];
};

const zero = (): Weight => ({ raw: 0, gzip: 0, files: 0 });

export function weigh(bytes: Buffer): Weight {
  const weight = zero();
  add(weight, bytes);
  return weight;
}

function add(weight: Weight, bytes: Buffer) {
  weight.raw += bytes.length;
  weight.gzip += gzipSync(bytes, { level: 9 }).length;
  weight.files += 1;
}

export async function measurePage(baseUrl: string, page: string): Promise<PageWeight> {
  const response = await fetch(new URL(page, baseUrl));
  const html = Buffer.from(await response.arrayBuffer());
  const text = html.toString("utf8");
  const result: PageWeight = {
    page,
    status: response.status,
    html: zero(),
    js: zero(),
    css: zero(),
    inlineCss: zero(),
    inlineJs: zero(),
    fonts: zero(),
    polyfill: zero(),
    requests: 1,
    jsFiles: [],
  };
  add(result.html, html);
  for (const style of text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g))
    add(result.inlineCss, Buffer.from(style[1] ?? ""));
  // Inline scripts travel inside the HTML: weighed together, as one more file of JavaScript.
  const inline = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(
      ([, attrs = "", body = ""]) =>
        !/\bsrc=/.test(attrs) && !/type="application\/(?:ld\+)?json"/.test(attrs) && body.trim(),
    )
    .map(([, , body = ""]) => body);
  if (inline.length > 0) {
    result.inlineJs = { ...weigh(Buffer.from(inline.join("\n"))), files: inline.length };
    result.js = { raw: result.inlineJs.raw, gzip: result.inlineJs.gzip, files: 1 };
  }
  const seen = new Set<string>();
  for (const match of text.matchAll(/<(script|link)\b([^>]*)>/g)) {
    const [, tag, attrs = ""] = match;
    const url = /(?:src|href)="(\/_next\/[^"]+)"/.exec(attrs)?.[1];
    if (!url || seen.has(url)) continue;
    const isStylesheet = tag === "link" && /rel="stylesheet"/.test(attrs);
    const isFont = tag === "link" && /as="font"/.test(attrs);
    const isScript = tag === "script";
    if (!isStylesheet && !isFont && !isScript) continue;
    seen.add(url);
    const asset = await fetch(new URL(url, baseUrl));
    if (!asset.ok) continue;
    const bytes = Buffer.from(await asset.arrayBuffer());
    if (isScript && /nomodule/i.test(attrs)) add(result.polyfill, bytes);
    else if (isScript) {
      add(result.js, bytes);
      result.jsFiles.push(url);
    } else if (isStylesheet) add(result.css, bytes);
    else add(result.fonts, bytes);
    result.requests += 1;
  }
  return result;
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1]?.endsWith("page-weight.ts")) {
  const [base = "http://127.0.0.1:3000", ...pages] = process.argv.slice(2);
  for (const page of pages.length ? pages : ["/"]) {
    const r = await measurePage(base, page);
    console.log(
      `${page} [${r.status}] HTML ${kb(r.html.raw)} raw / ${kb(r.html.gzip)} gzip · JS ${kb(r.js.gzip)} gzip in ${r.js.files} files (inline ${kb(r.inlineJs.gzip)}) · CSS ${kb(r.css.gzip)} · fonts ${kb(r.fonts.raw)} · polyfill ${kb(r.polyfill.gzip)} · ${r.requests} requests`,
    );
  }
}
