/**
 * The largest request body a server action accepts, in bytes: Next's own limit (next.config.ts,
 * `serverActions.bodySizeLimit`) and the proxy's earlier, friendlier check (action-request.ts) read this one
 * value, so the proxy never lets through a body Next then refuses with a blank page. A message at the
 * schema's 5,000 characters is at most 20 KB of UTF-8; 64 KB leaves room for the other fields and React's
 * envelope while keeping a flood of large posts cheap to refuse.
 */
export const ACTION_BODY_LIMIT_BYTES = 64 * 1024;
