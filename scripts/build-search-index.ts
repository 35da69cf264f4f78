/**
 * The last step of `npm run build`: indexes the prerendered post pages with Pagefind into the build's static
 * folder (`.next/static/pagefind/<version>`, or under `$NEXT_DIST_DIR` for the e2e fixture), served at
 * `/_next/static/pagefind/<version>/`. See lib/search/build-index.ts and lib/search/paths.ts.
 */
import { readGeneratedPosts } from "../lib/content/generated-posts";
import { distDir } from "../lib/env";
import { buildSearchIndex } from "../lib/search/build-index";

const started = performance.now();
const dist = distDir();
try {
  const report = await buildSearchIndex(dist, readGeneratedPosts());
  console.log(
    `✓ search index: ${report.pages} post${report.pages === 1 ? "" : "s"}, ${report.files} files, ${(report.bytes / 1024).toFixed(1)} KiB in ${report.outputPath} (${Math.round(performance.now() - started)} ms)`,
  );
} catch (error) {
  console.error(`✖ search index: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
