/**
 * The contact form as a client sees it over HTTP: the hidden fields of the
 * no-JavaScript form (action reference, bound state, signed render time), and
 * request bodies built exactly as a browser builds them, with or without
 * JavaScript. A raw HTTP client sends them, so a drill controls every byte
 * (invalid UTF-8, missing Content-Length, 10 MB bodies).
 */
import http from "node:http";

import { FORM_SCRIPT_FIELD, HONEYPOT_FIELD } from "../../lib/contact/fields";

export type ContactForm = {
  /** The hidden inputs of the form, in order (name, value), as the page rendered them. */
  hidden: [string, string][];
  actionId: string;
  formToken: string;
  topics: string[];
  /** When the page was fetched (the token's render time, near enough). */
  fetchedAt: number;
};

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeEntities(match[1]!) : undefined;
}

export async function loadContactForm(baseUrl: string, headers: Record<string, string> = {}): Promise<ContactForm> {
  const response = await fetch(new URL("/contact", baseUrl), { headers });
  const html = await response.text();
  if (!response.ok) throw new Error(`GET /contact answered ${response.status}`);
  const form = /<form\b[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1];
  if (!form) throw new Error("no form on /contact");
  const hidden: [string, string][] = [...form.matchAll(/<input\b[^>]*type="hidden"[^>]*>/g)].map((m) => [
    attribute(m[0], "name") ?? "",
    attribute(m[0], "value") ?? "",
  ]);
  const header = hidden.find(([name]) => /^\$ACTION_\d+:0$/.test(name));
  if (!header) throw new Error("no server action reference in the form");
  const actionId = (JSON.parse(header[1]) as { id: string }).id;
  const formToken = hidden.find(([name]) => name === "formToken")?.[1];
  if (!formToken) throw new Error("no form token in the form");
  // Only the topic select's options: the form has other selects (the qualifying questions) whose values are not topics.
  const topicSelect = /<select\b[^>]*\bname="topic"[^>]*>([\s\S]*?)<\/select>/.exec(form)?.[1];
  if (!topicSelect) throw new Error("no topic select in the form");
  const topics = [...topicSelect.matchAll(/<option\b[^>]*value="([^"]+)"/g)].map((m) => decodeEntities(m[1]!));
  return { hidden, actionId, formToken, topics, fetchedAt: Date.now() };
}

export type Fields = Array<[string, string | Buffer | { filename: string; content: Buffer; type?: string }]>;

/** A multipart/form-data body, byte for byte (fields may carry invalid UTF-8 as Buffers). */
export function multipart(
  fields: Fields,
  boundary = `----drill${Math.random().toString(16).slice(2)}`,
): { body: Buffer; contentType: string } {
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    if (typeof value === "object" && !Buffer.isBuffer(value)) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.filename}"\r\nContent-Type: ${value.type ?? "application/octet-stream"}\r\n\r\n`,
        ),
        value.content,
        Buffer.from("\r\n"),
      );
    } else {
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`),
        Buffer.isBuffer(value) ? value : Buffer.from(value),
        Buffer.from("\r\n"),
      );
    }
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export type Enquiry = {
  name: string;
  email: string;
  company: string;
  topic: string;
  message: string;
  website?: string;
  source?: string;
  /** The optional qualifying answers (values from lib/site.ts). */
  teamSize?: string;
  timeline?: string;
  helpKind?: string;
  /** What the page's script puts in its field when it sends (`js:<input events>`); empty without it. */
  script?: string;
};

/** The no-JavaScript post: the page's hidden inputs plus the visible fields (formToken overridable). */
export function noJsFields(
  form: ContactForm,
  enquiry: Enquiry,
  { formToken = form.formToken }: { formToken?: string | null } = {},
): Fields {
  const fields: Fields = form.hidden
    .filter(([name]) => name !== "formToken" && name !== "source" && name !== FORM_SCRIPT_FIELD)
    .map(([name, value]) => [name, value]);
  fields.push(
    ["name", enquiry.name],
    ["email", enquiry.email],
    ["company", enquiry.company],
    ["topic", enquiry.topic],
    ["message", enquiry.message],
  );
  for (const field of ["teamSize", "timeline", "helpKind"] as const) fields.push([field, enquiry[field] ?? ""]);
  fields.push([FORM_SCRIPT_FIELD, enquiry.script ?? ""]);
  fields.push([HONEYPOT_FIELD, enquiry.website ?? ""]);
  if (formToken !== null) fields.push(["formToken", formToken]);
  fields.push(["source", enquiry.source ?? ""]);
  return fields;
}

/**
 * The JavaScript call React makes for `useActionState`: `Next-Action: <id>`
 * and a multipart body whose field `0` is `[previousState, "$K1"]` and whose
 * form fields carry the `_1_` prefix (captured from Chromium).
 */
export function jsFields(
  form: ContactForm,
  enquiry: Enquiry,
  { formToken = form.formToken }: { formToken?: string | null } = {},
): Fields {
  const fields: Fields = noJsFields(form, enquiry, { formToken }).map(([name, value]) => [`_1_${name}`, value]);
  fields.push(["0", JSON.stringify([{ status: "idle", message: "", fieldErrors: {}, values: {} }, "$K1"])]);
  return fields;
}

export type RawRequest = {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Send the body with Transfer-Encoding: chunked (no Content-Length). */
  chunked?: boolean;
  /** The source address to connect from (any 127.x.y.z on Linux): a distinct client as the server's socket sees it. */
  localAddress?: string;
  /** Omit Content-Length even without chunking (HTTP/1.0-style body until close is not used; the body is chunked). */
};

export type RawResponse = {
  status: number | "network-error";
  headers: http.IncomingHttpHeaders;
  body: string;
  error?: string;
  ms: number;
};

/** One HTTP/1.1 request with full control of headers and body framing. */
export function send(baseUrl: string, request: RawRequest, timeoutMs = 30_000): Promise<RawResponse> {
  const url = new URL(request.path, baseUrl);
  const body =
    request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body);
  const headers: Record<string, string> = { ...(request.headers ?? {}) };
  if (body && !request.chunked) headers["content-length"] = String(body.length);
  if (body && request.chunked) headers["transfer-encoding"] = "chunked";
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (response: Omit<RawResponse, "ms">) => {
      if (settled) return;
      settled = true;
      resolve({ ...response, ms: performance.now() - started });
    };
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: request.method ?? "POST",
        headers,
        agent: false,
        localAddress: request.localAddress,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          finish({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", (error) =>
          finish({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            error: error.message,
          }),
        );
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    // A server may answer (413, 411) before reading a large body and then close: the status still counts.
    req.on("error", (error) => finish({ status: "network-error", headers: {}, body: "", error: error.message }));
    if (!body) return void req.end();
    if (!request.chunked) return void req.end(body);
    let offset = 0;
    const pump = () => {
      while (offset < body.length) {
        const ok = req.write(body.subarray(offset, offset + 64 * 1024));
        offset += 64 * 1024;
        if (!ok) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

/** Runs `tasks` with at most `limit` in flight. */
export async function pool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]!();
      }
    }),
  );
  return results;
}

/**
 * `n` forms, each with its own token (a token carries one enquiry), fetched a few at a time, returned once
 * the last token is older than the server's minimum (1 s in the drills).
 */
export async function loadContactForms(
  baseUrl: string,
  n: number,
  headers: Record<string, string> = {},
  minMs = 1_000,
): Promise<ContactForm[]> {
  const forms = await pool(
    Array.from({ length: n }, () => () => loadContactForm(baseUrl, headers)),
    8,
  );
  await waitForToken(Math.max(...forms.map((form) => form.fetchedAt)), minMs);
  return forms;
}

/** Waits until a form token issued at `issuedAt` is older than the server's minimum (1 s in the drills). */
export async function waitForToken(issuedAt: number, minMs = 1_000): Promise<void> {
  const remaining = issuedAt + minMs + 150 - Date.now();
  if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
}

/** What the no-JS answer page says (success, error with mailto, field errors), read from its HTML. */
export function readAnswerPage(html: string): {
  success: boolean;
  storeError: boolean;
  mailto: string | null;
  values: Record<string, string>;
} {
  const values: Record<string, string> = {};
  // The enquiry form's own fields: other forms on the page (the footer's newsletter sign-up) have an `email` too.
  const enquiryForm =
    [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)].find((m) => m[0].includes('name="message"'))?.[0] ?? html;
  for (const m of enquiryForm.matchAll(/<input\b[^>]*>/g)) {
    const name = attribute(m[0], "name");
    const value = attribute(m[0], "value");
    if (name && value !== undefined && !name.startsWith("$")) values[name] = value;
  }
  const selected = /<option\b[^>]*value="([^"]*)"[^>]*\sselected=""/.exec(html);
  if (selected) values.topic = decodeEntities(selected[1]!);
  const textarea = /<textarea\b[^>]*name="message"[^>]*>([\s\S]*?)<\/textarea>/.exec(html);
  if (textarea) values.message = decodeEntities(textarea[1]!).replace(/^\n/, "");
  const mailto = /href="(mailto:[^"]*\?subject=[^"]*)"/.exec(html)?.[1];
  return {
    success: /Thanks, [^<]* — I(?:&#x27;|'|’)ll reply to/.test(html),
    storeError: html.includes("could not be saved"),
    mailto: mailto ? decodeEntities(mailto) : null,
    values,
  };
}

/** The state a JavaScript action call returned (line `1:` of the RSC answer). */
export function readActionState(
  body: string,
): { status?: string; message?: string; values?: Record<string, string>; fallbackMailto?: string } | null {
  const line = body.split("\n").find((l) => l.startsWith("1:"));
  if (!line) return null;
  try {
    return JSON.parse(line.slice(2)) as { status?: string; message?: string };
  } catch {
    return null;
  }
}
