/**
 * The newsletter's forms over raw HTTP, as browsers post them: the subscribe form at the end of a post (with and
 * without JavaScript), and the confirm page's button (a POST; following the link alone confirms nothing).
 */
import { HONEYPOT_FIELD } from "../../../lib/contact/fields";
import { CHECK_INBOX, NOT_SAVED, QUEUED } from "../../../lib/newsletter/messages";
import { multipart, send, type Fields } from "../../shared/form";

export const POST_SLUG = "code-review-is-a-conversation-not-a-gate";

export type SubscribeForm = { hidden: [string, string][]; action: string };

export function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function hiddenInputs(html: string): [string, string][] {
  return [...html.matchAll(/<input\b[^>]*type="hidden"[^>]*>/g)].map((m): [string, string] => [
    decode(/\sname="([^"]*)"/.exec(m[0])?.[1] ?? ""),
    decode(/\svalue="([^"]*)"/.exec(m[0])?.[1] ?? ""),
  ]);
}

/** The subscribe form at the end of a post, as a client without JavaScript sees it (it posts to a route handler). */
export async function loadSubscribeForm(baseUrl: string): Promise<SubscribeForm> {
  const html = await (await fetch(new URL(`/blog/${POST_SLUG}`, baseUrl))).text();
  const match = /<form\b[^>]*action="(\/newsletter\/subscribe)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (!match) throw new Error("no subscribe form at the end of the post");
  return { hidden: hiddenInputs(match[2]!), action: decode(match[1]!) };
}

export type SubscribeAnswer = {
  js: boolean;
  status: number | "network-error";
  ms: number;
  /** success | invalid | error | … from the state; `wording` says which answer a success or error was. */
  state: string;
  /** Which of the newsletter's answers the reader read (lib/newsletter/messages.ts). */
  wording: "check-inbox" | "queued" | "not-saved" | "other";
  fieldError: string | null;
  body: string;
};

function wordingOf(text: string): SubscribeAnswer["wording"] {
  if (text.includes(CHECK_INBOX)) return "check-inbox";
  if (text.includes(QUEUED)) return "queued";
  if (text.includes(NOT_SAVED)) return "not-saved";
  return "other";
}

/**
 * One sign-up as a browser sends it: with JavaScript the island posts the form asking for JSON; without, the form
 * posts, gets a 303 to /newsletter with the answer in a cookie, and the browser follows it. `ip` as X-Forwarded-For
 * (a server with TRUST_PROXY) or `localAddress` (the socket, the default).
 */
export async function subscribe(
  baseUrl: string,
  form: SubscribeForm,
  email: string,
  { js, ip, localAddress }: { js: boolean; ip?: string; localAddress?: string },
): Promise<SubscribeAnswer> {
  const fields: Fields = form.hidden.filter(([name]) => name !== "source").map(([name, value]) => [name, value]);
  fields.push(["email", email], [HONEYPOT_FIELD, ""], ["source", POST_SLUG]);
  const { body, contentType } = multipart(fields);
  const headers: Record<string, string> = { origin: baseUrl, "content-type": contentType, "user-agent": "drill" };
  if (ip) headers["x-forwarded-for"] = ip;
  if (js) headers.accept = "application/json";
  const response = await send(baseUrl, { path: form.action, body, headers, localAddress }, 60_000);
  const failed = (status: number | "network-error", text: string, ms: number): SubscribeAnswer => ({
    js,
    status,
    ms,
    state: `http-${status}`,
    wording: "other",
    fieldError: null,
    body: text,
  });
  if (js) {
    if (response.status !== 200) return failed(response.status, response.body, response.ms);
    type State = { status?: string; message?: string; fieldErrors?: { email?: string } };
    let state: State | null;
    try {
      state = (JSON.parse(response.body) as { state: State }).state;
    } catch {
      state = null;
    }
    return {
      js,
      status: 200,
      ms: response.ms,
      state: state?.status ?? "unreadable",
      wording: wordingOf(state?.message ?? ""),
      fieldError: state?.fieldErrors?.email ?? null,
      body: response.body,
    };
  }
  const location = response.headers.location;
  const cookie = String(response.headers["set-cookie"] ?? "").split(";")[0] ?? "";
  if (response.status !== 303 || !location) return failed(response.status, response.body, response.ms);
  const pageHeaders: Record<string, string> = { cookie };
  if (ip) pageHeaders["x-forwarded-for"] = ip;
  const page = await send(baseUrl, { path: location.replace(/#.*$/, ""), headers: pageHeaders, localAddress }, 60_000);
  const ms = response.ms + page.ms;
  if (page.status !== 200) return failed(page.status, page.body, ms);
  const error = /class="subscribe-form__error"[^>]*>(?:<span[^>]*>[^<]*<\/span>)?([^<]*)</.exec(page.body)?.[1] ?? null;
  const wording = wordingOf(page.body);
  return {
    js,
    status: 200,
    ms,
    state:
      wording === "check-inbox" || wording === "queued"
        ? "success"
        : error
          ? "invalid"
          : wording === "not-saved"
            ? "error"
            : "other",
    wording,
    fieldError: error ? decode(error) : null,
    body: page.body,
  };
}

/**
 * Follows a confirmation link the way a reader does: GET the page (what a mail scanner does too, which must change
 * nothing), then press its button (a POST of the page's form, without JavaScript). Returns both pages' outcomes.
 */
export async function confirmWithButton(
  baseUrl: string,
  path: string,
): Promise<{ getOutcome: string | null; status: number | "network-error"; outcome: string | null; body: string }> {
  const page = await send(baseUrl, { path, method: "GET" }, 60_000);
  const getOutcome = /data-outcome="([^"]+)"/.exec(page.body)?.[1] ?? null;
  const form = /<form\b[^>]*class="newsletter-confirm"[^>]*>([\s\S]*?)<\/form>/.exec(page.body);
  if (page.status !== 200 || !form) return { getOutcome, status: page.status, outcome: getOutcome, body: page.body };
  const action = decode(/\saction="([^"]*)"/.exec(form[0])?.[1] ?? path);
  const { body, contentType } = multipart(hiddenInputs(form[1]!));
  const pressed = await send(
    baseUrl,
    { path: action, body, headers: { origin: baseUrl, "content-type": contentType, "user-agent": "drill" } },
    60_000,
  );
  return {
    getOutcome,
    status: pressed.status,
    outcome: /data-outcome="([^"]+)"/.exec(pressed.body)?.[1] ?? null,
    body: pressed.body,
  };
}
