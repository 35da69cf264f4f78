/**
 * How likely a held enquiry is to be a real prospect, for the author's held review (`npm run enquiries -- --held`,
 * the held digest, /admin/funnel): likely-real first, newest first within a rank. Every signal alone can be faked;
 * together they sort a flood below the people it would otherwise hide. In order of weight:
 *
 * 1. alone: the only mailbox that sent an enquiry from its network within a day (a flood sends many), and no
 *    enquiry from that network was counted instead of stored. Computed when the review is read, so the first rows
 *    of a flood lose it as the flood goes on.
 * 2. a human's timing: the form was sent at least HUMAN_MIN_MS after the page rendered (name, address, topic and a
 *    message take a person longer; a page left open for hours counts too).
 * 3. the page's script ran and saw the person type (use-enquiry-form.ts counts input events; a plain HTTP post has none).
 * 4. qualifying answers (team size, timeline, kind of help), optional in the form.
 * 5. a source article: the prospect came from the closing call to action of a post.
 *
 * Signals 2 to 5 are known when the enquiry arrives and stored as a bit mask (`signals`); rank = alone × 16 + signals.
 */

export const SIGNAL = { alone: 16, humanTiming: 8, scriptRan: 4, qualifying: 2, source: 1 } as const;

export type Signal = keyof typeof SIGNAL;

/** A person takes longer than this from the page appearing to pressing Send. */
export const HUMAN_MIN_MS = 15_000;

/** Input events the page's script must have seen for "the script ran and saw a person type". */
export const MIN_INPUT_EVENTS = 3;

/** How far around an enquiry "alone in its network" looks. */
export const ALONE_WINDOW = "1 day";

/** The field the enquiry form's script fills on submit: `js:<input events>` (lib/contact/fields.ts names it). */
export function scriptRan(value: unknown): boolean {
  const match = typeof value === "string" ? /^js:(\d{1,6})$/.exec(value) : null;
  return match !== null && Number(match[1]) >= MIN_INPUT_EVENTS;
}

/** The stored signals of a new enquiry (everything but `alone`). */
export function arrivalSignals({
  formAgeMs,
  scriptRan: ran,
  qualifying,
  source,
}: {
  formAgeMs: number | null;
  scriptRan: boolean;
  qualifying: boolean;
  source: boolean;
}): number {
  return (
    (formAgeMs !== null && formAgeMs >= HUMAN_MIN_MS ? SIGNAL.humanTiming : 0) |
    (ran ? SIGNAL.scriptRan : 0) |
    (qualifying ? SIGNAL.qualifying : 0) |
    (source ? SIGNAL.source : 0)
  );
}

/** The signals a rank holds, in order of weight. */
export function signalsOf(rank: number): Signal[] {
  return (Object.keys(SIGNAL) as Signal[]).filter((signal) => (rank & SIGNAL[signal]) !== 0);
}

const WORDS: Record<Signal, string> = {
  alone: "the only sender from its network",
  humanTiming: "a person's timing",
  scriptRan: "typed in the page",
  qualifying: "answered the qualifying questions",
  source: "came from an article",
};

/** The signals in words for the author ("the only sender from its network · a person's timing"), or a dash. */
export function describeRank(rank: number): string {
  const words = signalsOf(rank).map((signal) => WORDS[signal]);
  return words.length > 0 ? words.join(" · ") : "no sign of a person";
}

/**
 * SQL: 1 when the row aliased `row` is alone in its network within ALONE_WINDOW either side: no other mailbox in
 * `rows` from that network, and nothing counted (not stored) from it in `counts`. Needs the row's `network_key`,
 * `address_key` and `created_at`; unknown networks (no client address) are never alone. The enquiries use it
 * (below) and so does the newsletter's queue, each with its own tables.
 */
export function aloneInNetworkSql(row: string, { rows, counts }: { rows: string; counts: string }): string {
  const from = `strftime('%Y-%m-%dT%H:%M:%fZ', ${row}.created_at, '-${ALONE_WINDOW}')`;
  const to = `strftime('%Y-%m-%dT%H:%M:%fZ', ${row}.created_at, '+${ALONE_WINDOW}')`;
  return `(${row}.network_key IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM ${rows} AS other WHERE other.network_key = ${row}.network_key
      AND other.address_key != ${row}.address_key AND other.created_at BETWEEN ${from} AND ${to})
    AND NOT EXISTS (SELECT 1 FROM ${counts} WHERE ${counts}.network_key = ${row}.network_key
      AND ${counts}.hour BETWEEN substr(${from}, 1, 13) AND ${to}))`;
}

/** SQL: 1 when the enquiry aliased `row` is alone in its network (see above), else 0. */
export function aloneSql(row: string): string {
  return aloneInNetworkSql(row, { rows: "enquiries", counts: "held_counts" });
}

/** SQL: the rank of the row aliased `row`. */
export function rankSql(row: string): string {
  return `(${aloneSql(row)} * ${SIGNAL.alone} + coalesce(${row}.signals, 0))`;
}

/**
 * SQL: whether the row aliased `row` counts in the funnel (enquiries per article, booked calls): not spam, and not
 * held as part of a flood (held, from a known network, and not alone in it). A held enquiry that is alone in its
 * network counts: it is most likely a real prospect waiting for the author.
 */
export function countedInFunnelSql(row: string): string {
  return `(${row}.status != 'spam' AND NOT (${row}.status = 'held' AND ${row}.network_key IS NOT NULL AND NOT ${aloneSql(row)}))`;
}
