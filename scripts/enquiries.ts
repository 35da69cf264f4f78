/**
 * `npm run enquiries [-- --limit 50] [-- --json]`: the recent enquiries and a
 * table of enquiries per source article. Reads DATABASE_URL like the server.
 */
import "./load-env";

import { parseArgs } from "node:util";

import { buildReport, formatReport } from "../lib/contact/report";
import { findPublishedPost } from "../lib/contact/runtime";
import { createEnquiryStore } from "../lib/contact/store";
import { ConfigError, getEnv } from "../lib/env";
import { createSubscriberStore } from "../lib/newsletter/store";

const { values } = parseArgs({ options: { json: { type: "boolean", default: false }, limit: { type: "string", default: "20" } } });
const limit = Number.parseInt(values.limit, 10);
if (!Number.isInteger(limit) || limit < 1) {
  console.error(`--limit must be a positive whole number (got "${values.limit}")`);
  process.exit(2);
}

try {
  const env = getEnv();
  const store = createEnquiryStore({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
  const subscriberStore = createSubscriberStore({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
  try {
    const [recent, bySource, totals] = await Promise.all([store.recent(limit), store.countsBySource(), store.countsByStatus()]);
    const subscribers = await subscriberStore.countsBySource();
    const report = buildReport({ recent, bySource, totals, subscribers }, { findPost: findPublishedPost });
    console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
  } finally {
    store.close();
    subscriberStore.close();
  }
} catch (error) {
  console.error(`✖ ${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
