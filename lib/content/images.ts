import { imageSize } from "image-size";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { site } from "@/lib/site";

/**
 * Images in posts: a path from `public/` (its intrinsic size is read at build time, so the browser reserves its
 * space before it loads), or an https URL from a host listed in `site.remoteImageHosts`. The content check refuses
 * anything else with a message naming the file and line (`imageProblem`); the renderer adds the sizes.
 */

type Size = { width: number; height: number };

// Keyed by file and modification time, so `npm run dev` sees an image replaced under the same name.
const cache = new Map<string, Size | undefined>();

/** The file in `public/` a site path such as `/images/x.svg` names (query and hash left out), or undefined. */
export function publicImageFile(src: string, root = process.cwd()): string | undefined {
  if (!src.startsWith("/") || src.startsWith("//")) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(src.split(/[?#]/)[0]!);
  } catch {
    return undefined;
  }
  const relative = path.normalize(decoded).replace(/^([/\\]|\.\.[/\\])+/, "");
  // Scoped to public/ so the bundler traces only that folder.
  return path.join(root, "public", relative);
}

/** Intrinsic size of an image served from `public/`; undefined when it is missing, remote or unreadable. */
export function publicImageSize(src: string, root = process.cwd()): Size | undefined {
  const file = publicImageFile(src, root);
  if (!file || !existsSync(file)) return undefined;
  const stat = statSync(file);
  if (!stat.isFile()) return undefined;
  const key = `${file}\0${stat.mtimeMs}`;
  if (cache.has(key)) return cache.get(key);
  let size: Size | undefined;
  try {
    const { width, height } = imageSize(readFileSync(file));
    if (width && height) size = { width, height };
  } catch {
    size = undefined;
  }
  cache.set(key, size);
  return size;
}

/** The hosts posts may show images from, lower-cased (lib/site.ts). */
export function remoteImageHosts(): string[] {
  return site.remoteImageHosts.map((host) => host.trim().toLowerCase()).filter(Boolean);
}

/** `https://host` for each allowed host: what a Content-Security-Policy's img-src must allow for them to load. */
export function remoteImageOrigins(): string[] {
  return remoteImageHosts().map((host) => `https://${host}`);
}

const shown = (src: string) => JSON.stringify(src.length > 80 ? `${src.slice(0, 77)}…` : src);

/**
 * What is wrong with an image source, and what to do; undefined when it is fine. `sized`: the `<img>` carries its
 * own width and height, so an unreadable file is no problem.
 */
export function imageProblem(
  src: unknown,
  { sized = false, root = process.cwd(), hosts = remoteImageHosts() }: { sized?: boolean; root?: string; hosts?: readonly string[] } = {},
): string | undefined {
  if (typeof src !== "string" || !src.trim()) {
    return "image without a source: give it a path from public/, like ![Alt text](/images/diagram.svg)";
  }
  if (/^data:/i.test(src)) {
    return `image ${shown(src)} is inlined data: save it as a file under public/images/ and link it as /images/<name>`;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("//")) {
    let url: URL;
    try {
      url = new URL(src, "https://invalid.invalid");
    } catch {
      return `image ${shown(src)} is not a valid URL: fix it, or copy the image into public/ and link it as /images/<name>`;
    }
    const allowed = hosts.includes(url.hostname.toLowerCase());
    if (url.protocol === "http:" && allowed) {
      return `image ${shown(src)} is loaded over plain http: use https://${url.host}${url.pathname}`;
    }
    if (url.protocol === "http:" || url.protocol === "https:") {
      if (allowed) return undefined;
      return `image from ${url.hostname} is not allowed: copy it into public/ and link it as /images/<name> (it then gets its size and is served with the site), or add "${url.hostname}" to remoteImageHosts in lib/site.ts`;
    }
    return `image ${shown(src)} is not a web address: use a path from public/, like /images/<name>`;
  }
  if (!src.startsWith("/")) {
    return `image ${shown(src)} has a relative path, which breaks under /blog/<slug>: start it with / and keep the file in public/ (e.g. /${src.replace(/^(\.\/|\.\.\/)+/, "")})`;
  }
  const file = publicImageFile(src, root);
  const inPublic = file ? path.relative(root, file) : `public${src}`;
  if (!file || !existsSync(file) || !statSync(file).isFile()) {
    return `image ${shown(src)} not found: there is no ${inPublic}; add the file, or fix the path (it is relative to public/)`;
  }
  if (!sized && !publicImageSize(src, root)) {
    return `the size of ${inPublic} cannot be read: use an SVG (with width and height or a viewBox), PNG, JPEG, GIF, WebP or AVIF file, or give the <img> a width and height`;
  }
  return undefined;
}
