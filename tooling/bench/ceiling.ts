/**
 * The ceiling for a page: the site's own HTML with every script removed,
 * served from this process with everything else (inline or linked CSS, fonts,
 * images, icons) passed through to the site. What the page could score if it
 * shipped no JavaScript at all, measured in the same run as the page itself.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

/** Removes executable scripts and script preloads; structured data (`application/ld+json`) stays, it runs nothing. */
export function stripScripts(html: string): string {
  return html
    .replace(/<script\b(?![^>]*type="application\/ld\+json")[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*rel="(?:modulepreload|preload)"[^>]*as="script"[^>]*\/?>/gi, "")
    .replace(/<link\b[^>]*as="script"[^>]*rel="(?:modulepreload|preload)"[^>]*\/?>/gi, "")
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*\/?>/gi, "");
}

/** The outer HTML of the first `<tag …>` element (balanced by tag name), or undefined. */
export function outerElement(html: string, tag: string): string | undefined {
  const open = new RegExp(`<${tag}\\b[^>]*>`, "i").exec(html);
  if (!open) return undefined;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, "gi");
  re.lastIndex = open.index;
  let depth = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(open.index, m.index + m[0].length);
  }
  return undefined;
}

export type Ceiling = { url: string; html: string; stop: () => Promise<void> };

/** Serves `page` of `siteUrl` without scripts at the same path; every other request is fetched from the site. */
export async function startCeiling(siteUrl: string, page: string): Promise<Ceiling> {
  const original = await (await fetch(new URL(page, siteUrl))).text();
  const html = stripScripts(original);
  const server = http.createServer(async (req, res) => {
    try {
      if (req.url === page) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(html);
        return;
      }
      const upstream = await fetch(new URL(req.url ?? "/", siteUrl), {
        headers: { accept: req.headers.accept ?? "*/*" },
      });
      const headers: Record<string, string> = {};
      for (const name of ["content-type", "cache-control"]) {
        const value = upstream.headers.get(name);
        if (value) headers[name] = value;
      }
      res.writeHead(upstream.status, headers);
      res.end(Buffer.from(await upstream.arrayBuffer()));
    } catch {
      res.writeHead(502).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${page}`,
    html,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
