import { imageSize } from "image-size";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const cache = new Map<string, { width: number; height: number } | undefined>();

/**
 * Intrinsic size of an image served from `public/` (read at build time), so the
 * browser reserves its space before it loads. Unknown or remote images: undefined.
 */
export function publicImageSize(src: string) {
  if (!src.startsWith("/") || src.startsWith("//")) return undefined;
  if (cache.has(src)) return cache.get(src);
  const relative = path.normalize(decodeURIComponent(src.split(/[?#]/)[0]!)).replace(/^(\.\.[/\\])+/, "");
  // Scoped to public/ so the bundler traces only that folder.
  const file = path.join(process.cwd(), "public", relative);
  let size: { width: number; height: number } | undefined;
  if (existsSync(file)) {
    try {
      const { width, height } = imageSize(readFileSync(file));
      if (width && height) size = { width, height };
    } catch {
      size = undefined;
    }
  }
  cache.set(src, size);
  return size;
}
