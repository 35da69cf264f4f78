import { readFile } from "node:fs/promises";

import { distDir } from "@/lib/env";
import { indexFileCaching, indexFilePath, indexFileType, searchIndexDir } from "@/lib/search/serve";

/**
 * The search index of this build (`npm run build` writes it to `<dist>/pagefind` after `next build`), served
 * from the build folder rather than `public/`: the site's build and the e2e fixture's each keep their own.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string[] }> }) {
  const file = indexFilePath(searchIndexDir(distDir()), (await params).file);
  if (!file) return new Response("Not found\n", { status: 404 });
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return new Response("Not found\n", { status: 404 });
  }
  return new Response(new Uint8Array(body), {
    headers: { "Content-Type": indexFileType(file), "Cache-Control": indexFileCaching(file) },
  });
}
