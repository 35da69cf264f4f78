import { readFileSync } from "node:fs";

/**
 * Where one action of this build may be posted: the page routes that render it. The footer's
 * subscribe action is on every page, the contact action only on /contact; the contact action
 * posted to another page is still refused, so Next never forwards it (the uncaught "aborted").
 * Undefined for an id the build does not know: the path lists of action-request.ts decide.
 */
export type ActionRoutes = (actionId: string) => readonly RegExp[] | undefined;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `app/blog/[slug]/page` → /^\/blog\/[^/]+$/; null for entries that are not public pages (`app/_not-found/page`). */
export function routePattern(worker: string): RegExp | null {
  const match = /^app(.*)\/page$/.exec(worker);
  if (!match) return null;
  const segments = match[1]!.split("/").filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment));
  if (segments.some((segment) => segment.startsWith("_") || segment.startsWith("@"))) return null;
  const body = segments
    .map((segment) =>
      /^\[\[?\.\.\./.test(segment) ? ".+" : /^\[.+\]$/.test(segment) ? "[^/]+" : escapeRegExp(segment),
    )
    .join("/");
  return new RegExp(`^/${body}$`);
}

let manifestRoutes: Map<string, RegExp[]> | null | undefined;

/** Reads Next's server-reference manifest of the build being served once; null when there is none (tests, dev). */
export const manifestActionRoutes: ActionRoutes = (actionId) => {
  if (manifestRoutes === undefined) {
    manifestRoutes = null;
    try {
      const file = `${process.cwd()}/${process.env.NEXT_DIST_DIR || ".next"}/server/server-reference-manifest.json`;
      const manifest = JSON.parse(readFileSync(file, "utf8")) as {
        node?: Record<string, { workers?: Record<string, unknown> }>;
      };
      manifestRoutes = new Map(
        Object.entries(manifest.node ?? {}).map(([id, entry]) => [
          id,
          Object.keys(entry.workers ?? {}).flatMap((worker) => routePattern(worker) ?? []),
        ]),
      );
    } catch {
      manifestRoutes = null;
    }
  }
  return manifestRoutes?.get(actionId);
};
