import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * A fake Resend API on 127.0.0.1 for tests: the real `resend` SDK talks to it
 * (`new Resend(key, { baseUrl })` or RESEND_BASE_URL). It records every
 * request, honours Idempotency-Key like Resend (a repeated key returns the
 * first answer and is not delivered twice), and can be told to fail.
 *
 * In-process (vitest): `const fake = await startFakeResend()`.
 * Besides POST /emails it serves the Contacts, contact Segments and
 * Broadcasts endpoints the SDK calls for the newsletter (paths and methods as
 * in node_modules/resend): POST /contacts (409 when the address exists),
 * GET/PATCH/DELETE /contacts/{id|email}, POST/DELETE
 * /contacts/{id|email}/segments/{segmentId}, POST /broadcasts, GET
 * /broadcasts/{id}, POST /broadcasts/{id}/send (a send "delivers" to every
 * subscribed contact of the segment). Queued behaviours and outages apply to
 * every API request; `requests` keeps listing /emails only, `calls` the rest.
 *
 * As a process (Playwright): tooling/shared/fake-resend-cli.ts, with
 *   GET  /__fake/health      → 200
 *   GET  /__fake/emails      → { deliveries, requests, calls, contacts, broadcasts }
 *   POST /__fake/behaviour   → body: Behaviour[] queued for the next requests
 *   POST /__fake/outage      → body: Behaviour[] answered in turn to every request until recovery
 *   POST /__fake/recover     → ends the outage
 *   POST /__fake/reset
 */

export type Behaviour =
  /** Accept (optionally after a delay, like a slow provider). */
  | { kind: "ok"; delayMs?: number }
  | { kind: "status"; status: number; name?: string; message?: string }
  /** Accept the connection and never answer (a provider timeout). */
  | { kind: "hang" }
  /** Drop the connection (a network error). */
  | { kind: "reset" }
  /**
   * Accept and deliver the email, then never answer: the sender times out and
   * must assume it failed. Only the idempotency key stops its retry from
   * delivering the same email twice.
   */
  | { kind: "lost-answer" };

export type ReceivedRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  receivedAt: string;
  answer: number | "hang" | "reset" | "lost-answer";
};

export type Delivery = {
  id: string;
  idempotencyKey: string | null;
  authorization: string | null;
  from: string;
  to: string[];
  reply_to?: string | string[];
  subject: string;
  html: string;
  text?: string;
};

export type FakeContact = { id: string; email: string; unsubscribed: boolean; segments: string[]; created_at: string };

export type FakeBroadcast = {
  id: string;
  name?: string;
  segment_id?: string;
  from: string;
  subject: string;
  html?: string;
  text?: string;
  preview_text?: string;
  status: "draft" | "sent";
  /** Addresses a send reached: the segment's contacts that were not unsubscribed at that moment. */
  sentTo: string[];
};

export type FakeResend = {
  url: string;
  port: number;
  /** Every request to /emails, in order, whatever the answer. */
  requests: ReceivedRequest[];
  /** Every request to the other API endpoints (contacts, segments, broadcasts), in order. */
  calls: ReceivedRequest[];
  /** The contact list, by lower-cased email. */
  contacts: Map<string, FakeContact>;
  broadcasts: Map<string, FakeBroadcast>;
  /** Emails the fake accepted: one per idempotency key. */
  deliveries: Delivery[];
  /** Queue answers for the next requests (then back to `ok`). */
  queue(...behaviours: Behaviour[]): void;
  /** An outage: every request (after any queued ones) gets these answers in turn until `recover()`. */
  outage(...behaviours: Behaviour[]): void;
  recover(): void;
  /** Requests per idempotency key that the fake accepted (200, or delivered with a lost answer); > 1 means the sender repeated a send. */
  acceptedPerKey(): Map<string, number>;
  reset(): void;
  close(): Promise<void>;
};

/** The request's body as text (the fakes' shared helpers: fake-libsql.ts uses them too). */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

export function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

const ERROR_NAMES: Record<number, string> = {
  401: "missing_api_key",
  403: "invalid_api_key",
  422: "validation_error",
  429: "rate_limit_exceeded",
  500: "internal_server_error",
};

export async function startFakeResend({
  port = 0,
  host = "127.0.0.1",
}: { port?: number; host?: string } = {}): Promise<FakeResend> {
  const requests: ReceivedRequest[] = [];
  const calls: ReceivedRequest[] = [];
  const contacts = new Map<string, FakeContact>();
  const broadcasts = new Map<string, FakeBroadcast>();
  const deliveries: Delivery[] = [];
  const byKey = new Map<string, Delivery>();
  let queued: Behaviour[] = [];
  let outage: Behaviour[] = [];
  let outageTurn = 0;
  const accepted = new Map<string, number>();
  const sockets = new Set<Socket>();

  type Answer = [number, unknown];
  const notFound = (what: string): Answer => [
    404,
    { statusCode: 404, name: "not_found", message: `${what} not found` },
  ];
  const findContact = (idOrEmail: string) =>
    contacts.get(idOrEmail.toLowerCase()) ?? [...contacts.values()].find((contact) => contact.id === idOrEmail);

  /** The handler for one Contacts/Segments/Broadcasts request, or null for a path the real API does not have. */
  function listRoute(method: string, pathname: string): ((body: Record<string, unknown>) => Answer) | null {
    const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
    if (parts[0] === "contacts") {
      if (parts.length === 1 && method === "POST") {
        return (body) => {
          const email = typeof body.email === "string" ? body.email : "";
          if (!/^[^@\s]+@[^@\s]+$/.test(email))
            return [422, { statusCode: 422, name: "validation_error", message: "Invalid `email` field." }];
          if (contacts.has(email.toLowerCase()))
            return [409, { statusCode: 409, name: "invalid_parameter", message: "Contact already exists." }];
          const segments = Array.isArray(body.segments)
            ? body.segments.map((segment) => String((segment as { id?: unknown }).id))
            : [];
          const contact: FakeContact = {
            id: randomUUID(),
            email,
            unsubscribed: body.unsubscribed === true,
            segments,
            created_at: new Date().toISOString(),
          };
          contacts.set(email.toLowerCase(), contact);
          return [201, { object: "contact", id: contact.id }];
        };
      }
      if (parts.length === 2) {
        const key = parts[1]!;
        if (method === "GET")
          return () => {
            const contact = findContact(key);
            return contact ? [200, { object: "contact", ...contact }] : notFound("Contact");
          };
        if (method === "PATCH")
          return (body) => {
            const contact = findContact(key);
            if (!contact) return notFound("Contact");
            if (typeof body.unsubscribed === "boolean") contact.unsubscribed = body.unsubscribed;
            return [200, { object: "contact", id: contact.id }];
          };
        if (method === "DELETE")
          return () => {
            const contact = findContact(key);
            if (!contact) return notFound("Contact");
            contacts.delete(contact.email.toLowerCase());
            return [200, { object: "contact", contact: contact.id, deleted: true }];
          };
      }
      if (parts.length === 4 && parts[2] === "segments" && (method === "POST" || method === "DELETE")) {
        const [, key, , segmentId] = parts as [string, string, string, string];
        return () => {
          const contact = findContact(key);
          if (!contact) return notFound("Contact");
          contact.segments = contact.segments.filter((id) => id !== segmentId);
          if (method === "POST") contact.segments.push(segmentId);
          return [200, method === "POST" ? { id: segmentId } : { id: segmentId, deleted: true }];
        };
      }
      return null;
    }
    if (parts[0] === "broadcasts") {
      if (parts.length === 1 && method === "POST") {
        return (body) => {
          if (
            typeof body.from !== "string" ||
            typeof body.subject !== "string" ||
            (typeof body.segment_id !== "string" && typeof body.audience_id !== "string")
          ) {
            return [
              422,
              {
                statusCode: 422,
                name: "validation_error",
                message: "`from`, `subject` and `segment_id` are required.",
              },
            ];
          }
          const broadcast: FakeBroadcast = {
            id: randomUUID(),
            name: typeof body.name === "string" ? body.name : undefined,
            segment_id: typeof body.segment_id === "string" ? body.segment_id : undefined,
            from: body.from,
            subject: body.subject,
            html: typeof body.html === "string" ? body.html : undefined,
            text: typeof body.text === "string" ? body.text : undefined,
            preview_text: typeof body.preview_text === "string" ? body.preview_text : undefined,
            status: "draft",
            sentTo: [],
          };
          broadcasts.set(broadcast.id, broadcast);
          return [201, { id: broadcast.id }];
        };
      }
      if (parts.length === 2 && method === "GET")
        return () => {
          const broadcast = broadcasts.get(parts[1]!);
          return broadcast ? [200, { object: "broadcast", ...broadcast }] : notFound("Broadcast");
        };
      if (parts.length === 3 && parts[2] === "send" && method === "POST") {
        return () => {
          const broadcast = broadcasts.get(parts[1]!);
          if (!broadcast) return notFound("Broadcast");
          if (broadcast.status === "sent")
            return [
              422,
              { statusCode: 422, name: "validation_error", message: "This broadcast has already been sent." },
            ];
          broadcast.status = "sent";
          broadcast.sentTo = [...contacts.values()]
            .filter((contact) => !contact.unsubscribed && contact.segments.includes(broadcast.segment_id ?? ""))
            .map((contact) => contact.email);
          return [200, { id: broadcast.id }];
        };
      }
      return null;
    }
    return null;
  }

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", `http://${host}`);
    const raw = await readBody(request);

    if (url.pathname === "/__fake/health") return send(response, 200, { ok: true });
    if (url.pathname === "/__fake/emails" && request.method === "GET") {
      return send(response, 200, {
        deliveries,
        requests,
        calls,
        contacts: [...contacts.values()],
        broadcasts: [...broadcasts.values()],
      });
    }
    if (url.pathname === "/__fake/reset" && request.method === "POST") {
      fake.reset();
      return send(response, 200, { ok: true });
    }
    if (url.pathname === "/__fake/behaviour" && request.method === "POST") {
      queued.push(...(JSON.parse(raw || "[]") as Behaviour[]));
      return send(response, 200, { queued: queued.length });
    }
    if (url.pathname === "/__fake/outage" && request.method === "POST") {
      fake.outage(...(JSON.parse(raw || "[]") as Behaviour[]));
      return send(response, 200, { outage: outage.length });
    }
    if (url.pathname === "/__fake/recover" && request.method === "POST") {
      fake.recover();
      return send(response, 200, { ok: true });
    }

    const isEmails = url.pathname === "/emails" && request.method === "POST";
    const route = isEmails ? null : listRoute(request.method ?? "GET", url.pathname);
    if (!isEmails && !route) {
      return send(response, 404, {
        statusCode: 404,
        name: "not_found",
        message: "The requested endpoint does not exist.",
      });
    }

    let body: unknown;
    try {
      body = raw === "" && !isEmails ? {} : JSON.parse(raw);
    } catch {
      return send(response, 400, { statusCode: 400, name: "validation_error", message: "Invalid JSON" });
    }
    // Every API request is recorded and answered by the queued behaviour or the outage, whatever the endpoint.
    const headers = Object.fromEntries(Object.entries(request.headers).map(([key, value]) => [key, String(value)]));
    const behaviour: Behaviour =
      queued.shift() ?? (outage.length > 0 ? outage[outageTurn++ % outage.length]! : { kind: "ok" });
    const record: ReceivedRequest = {
      method: request.method ?? "POST",
      path: url.pathname,
      headers,
      body,
      receivedAt: new Date().toISOString(),
      answer: behaviour.kind === "ok" ? 200 : behaviour.kind === "status" ? behaviour.status : behaviour.kind,
    };
    (route ? calls : requests).push(record);

    if (behaviour.kind === "hang") return; // never answer; the socket is destroyed on close()
    if (behaviour.kind === "ok" && behaviour.delayMs)
      await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
    if (behaviour.kind === "reset") {
      request.socket.destroy();
      return;
    }
    if (behaviour.kind === "status") {
      const name = behaviour.name ?? ERROR_NAMES[behaviour.status] ?? "application_error";
      return send(response, behaviour.status, {
        statusCode: behaviour.status,
        name,
        message: behaviour.message ?? `Fake ${behaviour.status}`,
      });
    }
    if (!headers.authorization?.startsWith("Bearer re_")) {
      record.answer = 401;
      return send(response, 401, {
        statusCode: 401,
        name: "missing_api_key",
        message: "Missing API key in the authorization header.",
      });
    }
    if (route) {
      const [status, answer] = route(body as Record<string, unknown>);
      record.answer = status;
      if (behaviour.kind === "lost-answer") return; // applied, but the caller never hears so
      return send(response, status, answer);
    }

    const key = headers["idempotency-key"] ?? null;
    if (key) accepted.set(key, (accepted.get(key) ?? 0) + 1);
    const existing = key ? byKey.get(key) : undefined;
    if (existing) {
      if (behaviour.kind === "lost-answer") return;
      return send(response, 200, { id: existing.id });
    }
    const email = body as Omit<Delivery, "id" | "idempotencyKey" | "authorization">;
    const delivery: Delivery = {
      ...email,
      id: randomUUID(),
      idempotencyKey: key,
      authorization: headers.authorization ?? null,
    };
    if (key) byKey.set(key, delivery);
    deliveries.push(delivery);
    if (behaviour.kind === "lost-answer") return; // delivered, but the sender never hears so
    return send(response, 200, { id: delivery.id });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;

  const fake: FakeResend = {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    requests,
    calls,
    contacts,
    broadcasts,
    deliveries,
    queue: (...behaviours) => {
      queued.push(...behaviours);
    },
    outage: (...behaviours) => {
      outage = behaviours;
      outageTurn = 0;
    },
    recover: () => {
      outage = [];
    },
    acceptedPerKey: () => new Map(accepted),
    reset: () => {
      requests.length = 0;
      calls.length = 0;
      contacts.clear();
      broadcasts.clear();
      deliveries.length = 0;
      byKey.clear();
      accepted.clear();
      queued = [];
      outage = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return fake;
}
