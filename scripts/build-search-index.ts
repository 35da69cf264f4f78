/**
 * The last step of `npm run build`: indexes the prerendered post pages with Pagefind into the build folder
 * (`.next/pagefind`, or `$NEXT_DIST_DIR/pagefind` for the e2e fixture). See lib/search/build-index.ts.
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
