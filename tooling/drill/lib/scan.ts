/**
 * Crawls everything a production server serves, byte for byte, and checks a
 * draft and a hostile title against it:
 * - the draft: none of its strings in any response (HTML, the RSC payload of
 *   every page, feeds, sitemap, robots, share images, every `_next/static`
 *   file the pages load) nor in any servable file of the build; its URLs 404;
 * - the hostile title: never raw in HTML or XML, and read back exactly (not
 *   double-escaped) from the page title, the <h1>, og:title, JSON-LD, RSS,
 *   Atom and JSON Feed; its share image renders; its page has as many
 *   <script> elements as an ordinary post.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import path from "node:path";

import { XMLParser } from "fast-xml-parser";

import {
  DRAFT_MARKERS,
  DRAFT_SLUG,
  DRAFT_TAG_SLUG,
  HOSTILE_RAW,
  HOSTILE_SLUG,
  HOSTILE_TITLE,
} from "../../shared/hostile-posts";

export type ScanResult = {
  urlsFetched: number;
  bytesScanned: number;
  byKind: Record<string, number>;
  draftLeaks: string[];
  draftUrlsNot404: string[];
  buildFilesScanned: number;
  buildFileLeaks: string[];
  hostileRaw: string[];
  hostileChecks: Record<string, boolean>;
  fetchErrors: string[];
  ok: boolean;
};

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

const stripTags = (html: string) => html.replace(/<[^>]*>/g, "");

function kindOf(pathname: string, contentType: string, rsc: boolean): string {
  if (rsc) return "RSC payload";
  if (pathname.startsWith("/_next/")) return "_next static";
  if (contentType.startsWith("image/")) return "image";
  if (contentType.includes("html")) return "HTML page";
  if (/xml|json/.test(contentType)) return "feed/sitemap";
  return "other";
}

/** Links in a response that stay on the site (absolute URLs on SITE_URL are mapped to the server). */
function linksIn(text: string, base: URL, siteOrigins: string[]): string[] {
  const found = new Set<string>();
  const candidates = [
    ...[...text.matchAll(/(?:href|src|content)="([^"]+)"/g)].map((m) => decodeEntities(m[1]!)),
    ...[...text.matchAll(/srcSet="([^"]+)"/gi)].flatMap((m) =>
      decodeEntities(m[1]!)
        .split(",")
        .map((part) => part.trim().split(/\s+/)[0]!),
    ),
    ...[...text.matchAll(/<(?:loc|link|id)>([^<]+)<\/(?:loc|link|id)>/g)].map((m) => decodeEntities(m[1]!)),
    ...[...text.matchAll(/"(?:url|id|image|external_url|home_page_url|feed_url)"\s*:\s*"([^"]+)"/g)].map((m) => m[1]!),
    ...[...text.matchAll(/"(\/_next\/static\/[^"\\]+)"/g)].map((m) => m[1]!),
  ];
  for (const candidate of candidates) {
    if (!candidate || candidate.startsWith("#") || candidate.startsWith("mailto:") || candidate.startsWith("data:"))
      continue;
    let url: URL;
    try {
      url = new URL(candidate, base);
    } catch {
      continue;
    }
    if (url.origin !== base.origin && !siteOrigins.includes(url.origin)) continue;
    found.add(`${url.pathname}${url.search}`);
  }
  return [...found];
}

/** Every file `next start` may send from the build: static assets and prerendered outputs. */
function servableBuildFiles(distDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string, keep: (file: string) => boolean) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full, keep);
      else if (keep(full)) files.push(full);
    }
  };
  // Static files, the search index among them (<dist>/static/pagefind/<version>).
  walk(path.join(distDir, "static"), () => true);
  walk(
    path.join(distDir, "server", "app"),
    (file) => /\.(html|rsc|body|meta|json|xml|txt|png|segment\.rsc)$/.test(file) || file.includes(".segments"),
  );
  return files;
}

export async function scanSite(
  baseUrl: string,
  {
    siteUrl = "http://localhost:3000",
    distDir,
    maxUrls = 3_000,
  }: { siteUrl?: string; distDir?: string; maxUrls?: number } = {},
): Promise<ScanResult> {
  const base = new URL(baseUrl);
  const siteOrigins = [new URL(siteUrl).origin];
  const queue = [
    "/",
    "/blog",
    "/tags",
    "/contact",
    "/sitemap.xml",
    "/robots.txt",
    "/feed.xml",
    "/atom.xml",
    "/feed.json",
    "/opengraph-image",
    `/blog/${HOSTILE_SLUG}`,
  ];
  const seen = new Set<string>();
  const byKind: Record<string, number> = {};
  const draftLeaks: string[] = [];
  const hostileRaw: string[] = [];
  const fetchErrors: string[] = [];
  const bodies = new Map<string, string>();
  let bytesScanned = 0;

  const check = (label: string, text: string) => {
    for (const marker of DRAFT_MARKERS) if (text.includes(marker)) draftLeaks.push(`${label} holds "${marker}"`);
  };

  const fetchOne = async (pathname: string, rsc: boolean) => {
    // An RSC request is redirected to the same path with a cache-busting `_rsc` query: follow it to the payload.
    const response = await fetch(new URL(pathname, base), {
      headers: rsc ? { RSC: "1" } : {},
      redirect: rsc ? "follow" : "manual",
      signal: AbortSignal.timeout(30_000),
    });
    const buffer = Buffer.from(await response.arrayBuffer());
    const contentType = response.headers.get("content-type") ?? "";
    const kind = kindOf(pathname, contentType, rsc);
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    bytesScanned += buffer.length;
    const text = buffer.toString("utf8");
    const label = `${rsc ? "RSC " : ""}${pathname} (${response.status})`;
    check(label, text);
    // A redirect's Location repeats the path that was asked for; every other header is checked.
    check(
      `${label} headers`,
      [...response.headers.entries()]
        .filter(([k]) => !(k === "location" && response.status < 400))
        .map(([k, v]) => `${k}: ${v}`)
        .join("\n"),
    );
    // RSS titles are plain text, carried in CDATA (the XML parse checks below read them back); anywhere else in
    // HTML or XML (pages, attributes, descriptions, HTML-typed Atom) the raw payload would be live markup.
    const markup = contentType.includes("xml") ? text.replace(/<title><!\[CDATA\[[\s\S]*?\]\]><\/title>/g, "") : text;
    if ((contentType.includes("html") || contentType.includes("xml")) && markup.includes(HOSTILE_RAW))
      hostileRaw.push(label);
    return { response, text, contentType };
  };

  while (queue.length > 0 && seen.size < maxUrls) {
    const pathname = queue.shift()!;
    if (seen.has(pathname)) continue;
    seen.add(pathname);
    try {
      const { response, text, contentType } = await fetchOne(pathname, false);
      if (response.status >= 300 && response.status < 400) {
        const location = response.headers.get("location");
        if (location) queue.push(...linksIn(`href="${location}"`, base, siteOrigins));
        continue;
      }
      if (response.status >= 500) fetchErrors.push(`${pathname} answered ${response.status}`);
      if (response.status !== 200) continue;
      bodies.set(pathname, text);
      if (/html|xml|json|javascript|css|text\/plain/.test(contentType))
        queue.push(...linksIn(text, base, siteOrigins).filter((link) => !seen.has(link)));
      // The React Server Components payload of every page: what client navigation fetches.
      if (contentType.includes("html")) await fetchOne(pathname, true);
    } catch (error) {
      fetchErrors.push(`${pathname}: ${(error as Error).message}`);
    }
  }

  // The draft's own URLs: 404, and no marker in the answer (checked by fetchOne).
  const draftUrlsNot404: string[] = [];
  for (const pathname of [
    `/blog/${DRAFT_SLUG}`,
    `/blog/${DRAFT_SLUG}/opengraph-image`,
    `/tags/${DRAFT_TAG_SLUG}`,
    `/tags/${DRAFT_TAG_SLUG}/feed.xml`,
  ]) {
    const { response } = await fetchOne(pathname, false);
    if (response.status !== 404) draftUrlsNot404.push(`${pathname} → ${response.status}`);
    const rsc = await fetchOne(pathname, true);
    if (rsc.response.status !== 404) draftUrlsNot404.push(`RSC ${pathname} → ${rsc.response.status}`);
  }

  // Every file the build can serve, read from disk.
  const buildFileLeaks: string[] = [];
  let buildFilesScanned = 0;
  if (distDir) {
    for (const file of servableBuildFiles(distDir)) {
      buildFilesScanned += 1;
      const bytes = readFileSync(file);
      // Pagefind's index files are gzip-compressed: read what they hold.
      const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString("utf8");
      for (const marker of DRAFT_MARKERS)
        if (text.includes(marker)) buildFileLeaks.push(`${path.relative(distDir, file)} holds "${marker}"`);
    }
  }

  // The hostile title, read back from every place it is printed.
  const post = bodies.get(`/blog/${HOSTILE_SLUG}`) ?? "";
  const pageTitle = decodeEntities(/<title\b[^>]*>([\s\S]*?)<\/title>/.exec(post)?.[1] ?? "");
  const h1 = decodeEntities(stripTags(/<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(post)?.[1] ?? ""));
  const ogTitle = decodeEntities(/<meta property="og:title" content="([^"]*)"/.exec(post)?.[1] ?? "");
  const jsonLd = [...post.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].flatMap((m) => {
    try {
      const value = JSON.parse(m[1]!) as Record<string, unknown> | Record<string, unknown>[];
      return Array.isArray(value) ? value : [value];
    } catch {
      return [{ unparsable: true }];
    }
  });
  const parser = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true });
  const rss = parser.parse(bodies.get("/feed.xml") ?? "<rss/>") as {
    rss?: { channel?: { item?: Array<{ title?: unknown }> } };
  };
  const atom = parser.parse(bodies.get("/atom.xml") ?? "<feed/>") as { feed?: { entry?: Array<{ title?: unknown }> } };
  // An Atom title with type="html" holds escaped HTML: decode it once more, as a reader does.
  const titleText = (value: unknown) => {
    if (typeof value !== "object" || value === null) return String(value ?? "");
    const node = value as Record<string, unknown>;
    const text = String(node["#text"] ?? "");
    return node["@_type"] === "html" ? decodeEntities(text) : text;
  };
  let jsonFeedTitles: string[] = [];
  try {
    jsonFeedTitles = (
      (JSON.parse(bodies.get("/feed.json") ?? "{}") as { items?: Array<{ title?: string }> }).items ?? []
    ).map((item) => item.title ?? "");
  } catch {
    jsonFeedTitles = [];
  }
  // Every <script> of the post must be of a kind an ordinary post has (framework data, theme, JSON-LD, a file):
  // an injected one would start with the payload.
  const scriptKinds = (html: string) =>
    [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attrs, body]) =>
      /\bsrc=/.test(attrs!) ? "src" : /application\/ld\+json/.test(attrs!) ? "json-ld" : body!.trim().slice(0, 14),
    );
  const ordinary =
    [...bodies.entries()].find(
      ([p]) => /^\/blog\/[^/]+$/.test(p) && p !== `/blog/${HOSTILE_SLUG}` && !p.startsWith("/blog/page"),
    )?.[1] ?? "";
  const og = await fetch(new URL(`/blog/${HOSTILE_SLUG}/opengraph-image`, base));
  const ogBytes = Buffer.from(await og.arrayBuffer());
  const listed = ["/", "/blog"].map((p) => bodies.get(p) ?? "");

  const hostileChecks: Record<string, boolean> = {
    "page <title> reads back exactly": pageTitle.startsWith(HOSTILE_TITLE),
    "<h1> reads back exactly": h1 === HOSTILE_TITLE,
    "og:title reads back exactly": ogTitle.startsWith(HOSTILE_TITLE),
    "JSON-LD parses and holds the title":
      jsonLd.length > 0 &&
      jsonLd.every((item) => !("unparsable" in item)) &&
      JSON.stringify(jsonLd).includes(JSON.stringify(HOSTILE_TITLE).slice(1, -1)),
    "RSS item title reads back exactly": (rss.rss?.channel?.item ?? []).some(
      (item) => titleText(item.title) === HOSTILE_TITLE,
    ),
    "Atom entry title reads back exactly": (atom.feed?.entry ?? []).some(
      (entry) => titleText(entry.title) === HOSTILE_TITLE,
    ),
    "JSON Feed item title reads back exactly": jsonFeedTitles.includes(HOSTILE_TITLE),
    "listed on home and /blog, escaped": listed.every((html) => html.includes(`/blog/${HOSTILE_SLUG}`)),
    "share image renders (200 PNG)": og.status === 200 && ogBytes.subarray(1, 4).toString() === "PNG",
    "only the <script> kinds an ordinary post has":
      ordinary !== "" && scriptKinds(post).every((kind) => new Set(scriptKinds(ordinary)).has(kind)),
  };

  const result: ScanResult = {
    urlsFetched: Object.values(byKind).reduce((a, b) => a + b, 0),
    bytesScanned,
    byKind,
    draftLeaks,
    draftUrlsNot404,
    buildFilesScanned,
    buildFileLeaks,
    hostileRaw,
    hostileChecks,
    fetchErrors,
    ok: false,
  };
  result.ok =
    draftLeaks.length === 0 &&
    draftUrlsNot404.length === 0 &&
    buildFileLeaks.length === 0 &&
    hostileRaw.length === 0 &&
    fetchErrors.length === 0 &&
    Object.values(hostileChecks).every(Boolean);
  return result;
}
