/**
 * Valid enquiries sent over HTTP the way a browser sends them (alternating
 * with and without JavaScript), and what each answer said.
 */
import {
  jsFields,
  loadContactForm,
  multipart,
  noJsFields,
  readActionState,
  readAnswerPage,
  send,
  type ContactForm,
  type Enquiry,
} from "../../shared/form";

export type EnquiryAnswer = {
  enquiry: Enquiry;
  js: boolean;
  status: number | "network-error";
  ms: number;
  /** success | error | invalid | rate-limited | … (no-JS answers read from the HTML). */
  state: string;
  /** With a store error: the values shown again and the mailto link. */
  values: Record<string, string>;
  mailto: string | null;
  formToken?: string;
};

export function drillEnquiry(label: string, i: number, topic: string): Enquiry {
  return {
    name: `Drill Prospect ${i}`,
    email: `${label}-${i}-${process.pid}@drill.example`,
    company: `Company ${i} & Sons`,
    topic,
    message: `Enquiry ${i} (${label}): our on-call rotation burns people out and reviews turn into blame.\nCan we talk next week?`,
  };
}

/** Client IPs that never collide between drills (the per-IP limit is 5 an hour). */
export function clientIp(label: string, i: number): string {
  let hash = 0;
  for (const char of label) hash = (hash * 31 + char.charCodeAt(0)) & 0xff;
  return `172.${16 + (hash % 16)}.${(i >> 8) & 255}.${i & 255}`;
}

export async function submitEnquiry(
  baseUrl: string,
  form: ContactForm,
  enquiry: Enquiry,
  {
    js,
    ip,
    formToken,
    localAddress,
    headers: extra = {},
  }: { js: boolean; ip?: string; formToken?: string; localAddress?: string; headers?: Record<string, string> },
): Promise<EnquiryAnswer> {
  const { body, contentType } = multipart(
    (js ? jsFields : noJsFields)(form, enquiry, { formToken: formToken ?? form.formToken }),
  );
  const headers: Record<string, string> = {
    origin: baseUrl,
    "content-type": contentType,
    "user-agent": "drill",
    ...extra,
  };
  if (ip) headers["x-forwarded-for"] = ip;
  if (js) Object.assign(headers, { "next-action": form.actionId, accept: "text/x-component" });
  const response = await send(baseUrl, { path: "/contact", body, headers, localAddress }, 60_000);
  if (response.status !== 200)
    return {
      enquiry,
      js,
      status: response.status,
      ms: response.ms,
      state: `http-${response.status}`,
      values: {},
      mailto: null,
    };
  if (js) {
    const state = readActionState(response.body);
    const values = (state?.values ?? {}) as Record<string, string>;
    return {
      enquiry,
      js,
      status: 200,
      ms: response.ms,
      state: state?.status ?? "unreadable",
      values,
      mailto: state?.fallbackMailto ?? null,
      formToken: (state as { formToken?: string } | null)?.formToken,
    };
  }
  const page = readAnswerPage(response.body);
  return {
    enquiry,
    js,
    status: 200,
    ms: response.ms,
    state: page.success ? "success" : page.storeError ? "error" : "other",
    values: page.values,
    mailto: page.mailto,
    formToken: page.values.formToken,
  };
}

export { loadContactForm };

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it is true or `timeoutMs` passes; returns whether it became true. */
export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  everyMs = 200,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(everyMs);
  }
  return check();
}
