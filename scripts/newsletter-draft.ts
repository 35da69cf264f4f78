/**
 * `npm run newsletter:draft -- --since 2025-11-01 [--send]`: the digest of the posts published since that
 * day (the feeds' posts: drafts never), as a draft broadcast to RESEND_SEGMENT_ID in Resend, or written to
 * the outbox without RESEND_API_KEY. `--send` also sends it. Exits 1 on failure, 3 when there is nothing new.
 */
import "./load-env";

import { parseArgs } from "node:util";

import { ConfigError, getEnv } from "../lib/env";
import { buildDigest, parseSince } from "../lib/newsletter/digest";
import { generatedPostFinder, readGeneratedPosts } from "../lib/content/generated-posts";
import { createNewsletterRuntime } from "../lib/newsletter/runtime";

const { values } = parseArgs({ options: { since: { type: "string" }, send: { type: "boolean", default: false } } });

try {
  const since = parseSince(values.since);
  const env = getEnv();
  const digest = await buildDigest(readGeneratedPosts(), since);
  if (!digest) {
    console.log(`No post published since ${since}: nothing to send.`);
    process.exit(3);
  }
  const runtime = await createNewsletterRuntime(env, { findPost: generatedPostFinder() });
  try {
    console.log(`Digest "${digest.subject}" (${since} onwards) through the ${runtime.provider.description}…`);
    const draft = await runtime.provider.createDraftBroadcast(digest, runtime.deps.from);
    if (!draft.ok) throw new Error(draft.error);
    console.log(`  ✓ draft: ${draft.where}`);
    if (values.send) {
      const sent = await runtime.provider.sendBroadcast(draft.value);
      if (!sent.ok)
        throw new Error(`${sent.error} (the draft ${draft.value} is still there: send it from Resend or run again)`);
      console.log(`  ✓ sent: ${sent.where}`);
    } else {
      console.log(
        runtime.provider.remote
          ? "  Review it in Resend and send it there, or run again with --send."
          : "  Open the .html file to review it; with RESEND_API_KEY this becomes a draft broadcast in Resend.",
      );
    }
  } finally {
    runtime.close();
  }
} catch (error) {
  console.error(
    `✖ ${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
