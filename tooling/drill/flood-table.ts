/**
 * The flood drill's rows of `npm run drill`'s table, and the combined run of its two halves (enquiries, then the
 * newsletter) against one default-configuration server.
 */
import { runFlood, FLOOD_ROWS_MAX, type FloodOptions, type FloodResult } from "./flood";
import { runNewsletterFlood, type NewsletterFloodResult } from "./flood-newsletter";
import type { DrillServer } from "./lib/server";

export type FloodDrillResult = { enquiries: FloodResult; newsletter: NewsletterFloodResult; ok: boolean };

export async function runFloodDrill(server: DrillServer, options: FloodOptions = {}): Promise<FloodDrillResult> {
  const enquiries = await runFlood(server, options);
  const newsletter = await runNewsletterFlood(server, options);
  return { enquiries, newsletter, ok: enquiries.ok && newsletter.ok };
}

type Line = [drill: string, figure: string, value: string, expected: string, ok: boolean];

const states = (tally: Record<string, number>) =>
  Object.entries(tally)
    .map(([state, n]) => `${state}×${n}`)
    .join(" ");

export function floodLines({ enquiries: e, newsletter: n }: FloodDrillResult, options: FloodOptions = {}): Line[] {
  const { networks = 6, perNetwork = 5, flood = 200 } = options;
  const lines: Line[] = [];
  const add = (figure: string, value: string | number, expected: string, ok: boolean) =>
    lines.push(["Flood", figure, String(value), expected, ok]);
  add(`believable: ${networks} networks × ${perNetwork}, after 3 s`, states(e.answers.believable), "—", true);
  add(`flood: ${flood} from one /24, every fakeable signal`, states(e.answers.flood), "—", true);
  add("real prospects, own networks", states(e.answers.prospects), "success×3", e.answers.prospects.success === 3);
  for (const p of e.prospects)
    add(
      `  ${p.label}`,
      `${p.status ?? "NOT STORED"}, owner emails ${p.ownerEmails}, held review #${p.heldRank ?? "—"}, digest #${p.digestRank ?? "—"}`,
      "emailed once, or held and top 3 of both",
      p.ok,
    );
  add(
    "rows stored (by status)",
    `${e.rowsStored} (${Object.entries(e.byStatus)
      .map(([status, count]) => `${status} ${count}`)
      .join(", ")})`,
    `≤ ${FLOOD_ROWS_MAX}`,
    e.rowsStored <= FLOOD_ROWS_MAX,
  );
  add("held enquiries counted, not stored", e.heldCounted, "—", true);
  add("owner emails / held digests (incl. --send-digest)", `${e.ownerEmails} / ${e.digests}`, "—", true);
  add("held review top 3 (npm run enquiries -- --held)", e.heldTop.slice(0, 3).join(", "), "the prospects", true);
  add("5xx answers", e.fiveXx, "0", e.fiveXx === 0);
  add("duration", `${e.seconds.toFixed(1)} s`, "—", true);
  add(`newsletter: ${networks} networks × ${perNetwork} strangers' addresses`, states(n.wordings.strangers), "—", true);
  add(`newsletter: ${flood} from one /24, one company's domain`, states(n.wordings.company), "—", true);
  add(
    "  genuine reader: answer / emailed at once / after newsletter:retry",
    `${n.genuine.wording} / ${n.genuine.emailedAtOnce ? "yes" : "no"} / ${n.genuine.emailedAfterRetry ? "yes" : "no"}`,
    "check-inbox+email, or queued+email",
    n.genuine.ok,
  );
  add("  confirmation emails sent in all", n.confirmationsSent, "—", true);
  add("  answers that did not match what happened", n.dishonest.length, "0", n.dishonest.length === 0);
  add(
    "  sign-up rows stored / still queued / counted, not stored",
    `${n.rowsStored} / ${n.queuedLeft} / ${n.notSavedCounted}`,
    "≤ 120 / — / —",
    n.rowsStored <= 120,
  );
  add("  newsletter:retry", `exit ${n.retry.code}: ${n.retry.summary.replace(/^Done: /, "")}`, "—", true);
  add("  5xx answers", n.fiveXx, "0", n.fiveXx === 0);
  return lines;
}
