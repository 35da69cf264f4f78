/**
 * Drill: bad input. Generated malformed submissions to the real server action
 * over HTTP against `next start`: wrong types, missing and extra fields, arrays
 * for strings, 10 MB bodies, invalid UTF-8, control characters, HTML and script
 * payloads, SQL-looking text, header injection in name and email, forged or
 * missing action ids and envelopes, wrong Origin, broken multipart, on /contact
 * and on other routes (server actions can be invoked on any page).
 *
 * Every case is labelled before it is sent:
 * - `refused`: malformed; it carries a valid, aged form token, so if the
 *   defect slipped through it would be stored as a real enquiry and emailed;
 * - `bot`: well-formed text (HTML, SQL, extra or repeated fields) sent the
 *   way a bot sends it (no, forged or too fresh token, or a filled
 *   honeypot): it may be stored, but only as `spam`, verbatim, never emailed.
 * Invariants: no 5xx, no email, no stored row except `bot` rows stored as
 * spam, no unescaped reflection of a payload, and the server still serves
 * pages and takes a real enquiry afterwards.
 *
 * Then the booking webhook (lib/webhook-fuzz.ts) gets the same treatment,
 * aimed at that real enquiry: no 5xx, no booking changed, and afterwards a
 * correctly signed event books it exactly once.
 */
import { jsFields, loadContactForm, multipart, pool, readActionState, send, waitForToken } from "../shared/form";
import { generateCases } from "./lib/fuzz-cases";
import { enquiryRows, stillServes, type DrillServer } from "./lib/server";
import { runWebhookFuzz, type WebhookFuzzResult } from "./lib/webhook-fuzz";

export type ResponseClass = "2xx" | "3xx" | "4xx" | "5xx" | "network";

export type BadInputResult = {
  cases: number;
  byClass: Record<ResponseClass, number>;
  byStatus: Record<string, number>;
  byCategory: Record<string, { cases: number } & Record<ResponseClass, number>>;
  serverErrors: number;
  networkErrorsOutsideOversize: number;
  emailsSent: number;
  rowsStored: number;
  rowsStoredAsSpam: number;
  rowsViolating: string[];
  reflected: string[];
  fiveXx: string[];
  servesAfterwards: boolean;
  validEnquiryAfterwards: boolean;
  webhook: WebhookFuzzResult | null;
  loggedErrors: string[];
  seconds: number;
  ok: boolean;
};

function classOf(status: number | "network-error"): ResponseClass {
  if (status === "network-error") return "network";
  return `${Math.floor(status / 100)}xx` as ResponseClass;
}

/** Escaped forms are fine; the raw payload in an HTML answer is a reflection. */
function reflects(body: string, contentType: string | undefined, payload: string): boolean {
  if (!contentType?.includes("text/html")) return false;
  return /[<>"]/.test(payload) && body.includes(payload);
}

export async function runBadInput(
  server: DrillServer,
  { count = 1_000, concurrency = 8, seed = 6 }: { count?: number; concurrency?: number; seed?: number } = {},
): Promise<BadInputResult> {
  const started = performance.now();
  const form = await loadContactForm(server.url, { "x-forwarded-for": "10.255.255.1" });
  await waitForToken(form.fetchedAt);
  const cases = generateCases(form, server.url, { count, seed });
  const errorsBefore = server.loggedErrors().length;

  const responses = await pool(
    cases.map((fuzz) => () => send(server.url, fuzz.request, 60_000)),
    concurrency,
  );

  const byClass: Record<ResponseClass, number> = { "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0, network: 0 };
  const byStatus: Record<string, number> = {};
  const byCategory: BadInputResult["byCategory"] = {};
  const fiveXx: string[] = [];
  const reflected: string[] = [];
  let networkErrorsOutsideOversize = 0;
  for (const [k, fuzz] of cases.entries()) {
    const response = responses[k]!;
    const klass = classOf(response.status);
    byClass[klass] += 1;
    byStatus[String(response.status)] = (byStatus[String(response.status)] ?? 0) + 1;
    const category = (byCategory[fuzz.category] ??= { cases: 0, "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0, network: 0 });
    category.cases += 1;
    category[klass] += 1;
    if (klass === "5xx")
      fiveXx.push(
        `${fuzz.category}: ${fuzz.variant} → ${response.status} ${response.body.slice(0, 120).replace(/\s+/g, " ")}`,
      );
    if (klass === "network" && fuzz.category !== "oversize bodies") {
      networkErrorsOutsideOversize += 1;
      fiveXx.push(`${fuzz.category}: ${fuzz.variant} → network error ${response.error}`);
    }
    const contentType = String(response.headers["content-type"] ?? "");
    if (fuzz.payload && reflects(response.body, contentType, fuzz.payload))
      reflected.push(`${fuzz.category}: ${fuzz.variant}`);
    // A JavaScript call's answer is RSC data, not HTML; its state must not claim a stored enquiry for refused cases.
    if (
      fuzz.expect === "refused" &&
      contentType.includes("text/x-component") &&
      readActionState(response.body)?.status === "success"
    ) {
      fiveXx.push(`${fuzz.category}: ${fuzz.variant} → the action answered success`);
    }
  }

  // Give `after()` work (emails) time to run before counting what reached the provider.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const rows = await enquiryRows(server);
  const byEmail = new Map(cases.filter((c) => c.email).map((c) => [c.email!.toLowerCase(), c]));
  const rowsViolating: string[] = [];
  for (const row of rows) {
    const fuzz = byEmail.get(row.email.toLowerCase());
    if (!fuzz) rowsViolating.push(`unexpected row ${row.email} (${row.status})`);
    else if (fuzz.expect !== "bot") rowsViolating.push(`${fuzz.category}: ${fuzz.variant} was stored (${row.status})`);
    else if (row.status !== "spam")
      rowsViolating.push(`${fuzz.category}: ${fuzz.variant} stored as ${row.status}, not spam`);
    else if (
      fuzz.stored &&
      (row.name !== fuzz.stored.name.trim() ||
        row.message !== fuzz.stored.message.trim() ||
        row.company !== fuzz.stored.company)
    ) {
      rowsViolating.push(`${fuzz.category}: ${fuzz.variant} not stored verbatim`);
    }
  }
  const emailsSent = server.fake.requests.length;
  const loggedErrors = server.loggedErrors().slice(errorsBefore);

  // Afterwards: pages are served, and a real enquiry still goes through and is emailed.
  const servesAfterwards = server.alive() && (await stillServes(server.url));
  const after = await loadContactForm(server.url, { "x-forwarded-for": "10.255.255.2" });
  await waitForToken(after.fetchedAt);
  const email = `after-fuzz-${Date.now()}@drill.example`;
  const { body, contentType } = multipart(
    jsFields(after, {
      name: "After Fuzz",
      email,
      company: "",
      topic: after.topics[0]!,
      message: "A real enquiry after the bad-input drill, to prove the form still works.",
    }),
  );
  const answer = await send(server.url, {
    path: "/contact",
    body,
    headers: {
      origin: server.url,
      "content-type": contentType,
      "next-action": after.actionId,
      "x-forwarded-for": "10.255.255.2",
    },
  });
  let validEnquiryAfterwards = answer.status === 200 && readActionState(answer.body)?.status === "success";
  if (validEnquiryAfterwards) {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !server.fake.deliveries.some((d) => d.reply_to === email))
      await new Promise((r) => setTimeout(r, 100));
    validEnquiryAfterwards = server.fake.deliveries.some((d) => d.reply_to === email);
  }

  // The webhook cases target the real enquiry just sent (its id and address), so a defect would book it.
  let webhook: WebhookFuzzResult | null = null;
  if (validEnquiryAfterwards) {
    const target = (await enquiryRows(server)).find((row) => row.email === email);
    if (target) webhook = await runWebhookFuzz(server, target, { count: Math.max(20, Math.round(count / 4)), seed });
  }

  const result: BadInputResult = {
    cases: cases.length,
    byClass,
    byStatus,
    byCategory,
    serverErrors: byClass["5xx"],
    networkErrorsOutsideOversize,
    emailsSent,
    rowsStored: rows.length,
    rowsStoredAsSpam: rows.filter((row) => row.status === "spam").length,
    rowsViolating,
    reflected,
    fiveXx,
    servesAfterwards,
    validEnquiryAfterwards,
    webhook,
    loggedErrors,
    seconds: (performance.now() - started) / 1000,
    ok: false,
  };
  result.ok =
    result.serverErrors === 0 &&
    networkErrorsOutsideOversize === 0 &&
    fiveXx.length === 0 &&
    emailsSent === 0 &&
    rowsViolating.length === 0 &&
    reflected.length === 0 &&
    servesAfterwards &&
    validEnquiryAfterwards &&
    webhook?.ok === true;
  return result;
}
