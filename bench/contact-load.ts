/**
 * Load on the contact server action: valid, distinct enquiries posted the way
 * a browser without JavaScript posts the form, to a fake email provider.
 */
import http from "node:http";

import type { LoadTarget } from "./serving";

export type FakeProvider = { url: string; received: () => number; uniqueKeys: () => number; stop: () => Promise<void> };

/** A stand-in for the email API on 127.0.0.1 that accepts every send. */
export async function startFakeProvider(): Promise<FakeProvider> {
  let count = 0;
  const keys = new Set<string>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.method === "POST" && req.url?.startsWith("/emails")) {
        count += 1;
        const key = req.headers["idempotency-key"];
        if (typeof key === "string") keys.add(key);
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: `bench-${count}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => count,
    uniqueKeys: () => keys.size,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Reads the no-JS form from /contact: its hidden fields (action id, signed timestamp) and field names. */
export async function contactLoadTarget(baseUrl: string, postPath: string): Promise<LoadTarget | null> {
  const slug = postPath.split("/").pop()!;
  const page = await fetch(new URL(`/contact?from=${slug}`, baseUrl));
  if (!page.ok) return null;
  const html = await page.text();
  const form = /<form\b[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1];
  if (!form) return null;
  const hidden: [string, string][] = [...form.matchAll(/<input\b[^>]*type="hidden"[^>]*>/g)].map((m) => {
    const name = /name="([^"]*)"/.exec(m[0])?.[1] ?? "";
    const value = /value="([^"]*)"/.exec(m[0])?.[1] ?? "";
    return [decodeEntities(name), decodeEntities(value)];
  });
  const topic = /<option\b[^>]*value="([^"]+)"/.exec(form)?.[1] ?? "something-else";
  let n = 0;
  return {
    name: "contact action (valid enquiry)",
    url: new URL("/contact", baseUrl).toString(),
    method: "POST",
    request: () => {
      n += 1;
      const fields = new Map<string, string>(hidden);
      fields.set("name", `Bench Reader ${n}`);
      fields.set("email", `reader-${n}-${process.pid}@example.com`);
      fields.set("company", "Benchmark Ltd");
      fields.set("topic", topic);
      fields.set("message", `Enquiry number ${n}: we would like to talk about our on-call rotation and incident reviews.`);
      fields.set("website", "");
      // A form without JavaScript posts multipart/form-data; Next runs the action only for that encoding.
      const boundary = `----bench${n}${Date.now()}`;
      const body = [...fields]
        .map(([key, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`)
        .join("") + `--${boundary}--\r\n`;
      return {
        body,
        headers: {
          "content-type": `multipart/form-data; boundary=${boundary}`,
          // The right-most entry is the client (one trusted proxy hop): a distinct address per enquiry.
          "x-forwarded-for": `198.51.100.7, 10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          origin: baseUrl,
        },
      };
    },
  };
}

function decodeEntities(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
