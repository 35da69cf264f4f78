/**
 * Page weight from the built HTML: what each page makes the browser load.
 * Counts module scripts and stylesheets referenced by the prerendered HTML
 * (the `noModule` polyfill apart), raw and gzip, plus the HTML itself.
 *   tsx bench/page-weight.ts [--dist .next] [--json]
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

export type Weight = { raw: number; gzip: number; files: number };
export type PageWeight = { page: string; html: Weight; js: Weight; css: Weight; polyfill: Weight; requests: number };

const zero = (): Weight => ({ raw: 0, gzip: 0, files: 0 });

function add(weight: Weight, bytes: Buffer) {
  weight.raw += bytes.length;
  weight.gzip += gzipSync(bytes, { level: 9 }).length;
  weight.files += 1;
}

export function measureHtml(distDir: string, page: string, htmlFile: string): PageWeight {
  const html = readFileSync(htmlFile);
  const text = html.toString("utf8");
  const result: PageWeight = { page, html: zero(), js: zero(), css: zero(), polyfill: zero(), requests: 1 };
  add(result.html, html);
  const seen = new Set<string>();
  for (const match of text.matchAll(/<(script|link)\b([^>]*)>/g)) {
    const [, tag, attrs = ""] = match;
    const url = /(?:src|href)="(\/_next\/static\/[^"]+)"/.exec(attrs)?.[1];
    if (!url || seen.has(url)) continue;
    if (tag === "link" && !/rel="stylesheet"/.test(attrs) && !/as="style"/.test(attrs)) continue;
    seen.add(url);
    const file = path.join(distDir, "static", url.replace(/^\/_next\/static\//, "").split("?")[0]!);
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    if (tag === "script" && /noModule|nomodule/.test(attrs)) add(result.polyfill, bytes);
    else if (url.endsWith(".css")) add(result.css, bytes);
    else if (url.endsWith(".js")) add(result.js, bytes);
    else continue;
    result.requests += 1;
  }
  return result;
}

export function htmlFileFor(distDir: string, route: string): string {
  const base = path.join(distDir, "server", "app");
  const name = route === "/" ? "index" : route.replace(/^\//, "");
  return path.join(base, `${name}.html`);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1]?.endsWith("page-weight.ts")) {
  const { values, positionals } = parseArgs({ options: { dist: { type: "string", default: ".next" }, json: { type: "boolean", default: false } }, allowPositionals: true });
  const routes = positionals.length ? positionals : ["/", "/blog", "/tags", "/_not-found"];
  const rows = routes.map((route) => measureHtml(values.dist!, route, htmlFileFor(values.dist!, route)));
  if (values.json) console.log(JSON.stringify(rows, null, 2));
  else {
    console.log("page | HTML gzip | JS gzip (files) | CSS gzip | polyfill gzip | requests");
    for (const r of rows) console.log(`${r.page} | ${kb(r.html.gzip)} | ${kb(r.js.gzip)} (${r.js.files}) | ${kb(r.css.gzip)} | ${kb(r.polyfill.gzip)} | ${r.requests}`);
  }
}
