import { describe, expect, it } from "vitest";

import { isCrossSite, routePattern, screenPost } from "@/lib/security/action-request";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/security/body-limit";
import { isDecodablePath } from "@/lib/security/url";

const HOST = "127.0.0.1:3000";
const ACTION_ID = "60d6984129aeafcd7cb023dccd6c398b1e21fdfd91";
const STATE = '[{"status":"idle","message":"","fieldErrors":{},"values":{}}]';

function request(
  body: BodyInit | null,
  headers: Record<string, string> = {},
  { path = "/contact", method = "POST" } = {},
) {
  const init: RequestInit = { method, headers: { host: HOST, origin: `http://${HOST}`, ...headers }, body };
  const built = new Request(`http://${HOST}${path}`, init);
  // A Request has no Content-Length until it is sent; the proxy sees the one the client sent.
  if (typeof body === "string" && !built.headers.has("content-length"))
    built.headers.set("content-length", String(Buffer.byteLength(body)));
  return built;
}

async function multipartRequest(
  entries: Array<[string, string | Blob]>,
  headers: Record<string, string> = {},
  path = "/contact",
) {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  const encoded = new Request("http://x/", { method: "POST", body: form });
  const bytes = new Uint8Array(await encoded.arrayBuffer());
  return request(
    bytes,
    { "content-type": encoded.headers.get("content-type")!, "content-length": String(bytes.byteLength), ...headers },
    { path },
  );
}

/** The form fields as the no-JS form posts them. */
const noJs = (overrides: Record<string, string> = {}): Array<[string, string]> =>
  Object.entries({
    $ACTION_REF_1: "",
    "$ACTION_1:0": JSON.stringify({ id: ACTION_ID, bound: "$@1" }),
    "$ACTION_1:1": STATE,
    $ACTION_KEY: "k1",
    name: "Ada",
    email: "ada@example.com",
    topic: "delivery-process",
    message: "Our releases keep slipping.",
    ...overrides,
  });

/** The JavaScript call React makes for useActionState (captured from Chromium). */
const js = (root = '[{"status":"idle"},"$K1"]'): Array<[string, string]> => [
  ["_1_name", "Ada"],
  ["_1_message", "$@1 typed by a person is only ever a form value"],
  ["0", root],
];

describe("screenPost", () => {
  it("lets GETs, same-origin forms and well-formed action calls through", async () => {
    expect(await screenPost(request(null, {}, { method: "GET" }))).toBeNull();
    expect(await screenPost(await multipartRequest(noJs()))).toBeNull();
    expect(await screenPost(await multipartRequest(js(), { "next-action": ACTION_ID }))).toBeNull();
    expect(
      await screenPost(
        await multipartRequest(
          js('[{"values":{"message":"$$5 off"}},"$K1",null,"$u","$D2025-01-01T00:00:00.000Z","$n12","$-0","$NaN"]'),
          { "next-action": ACTION_ID },
        ),
      ),
    ).toBeNull();
    expect(
      await screenPost(
        request('["plain", 1]', { "content-type": "text/plain;charset=UTF-8", "next-action": ACTION_ID }),
      ),
    ).toBeNull();
    // A POST without an Origin header passes, as in Next (old browsers, server-to-server calls).
    expect(
      await screenPost(await multipartRequest(noJs(), { origin: "" }).then((r) => (r.headers.delete("origin"), r))),
    ).toBeNull();
    // Not an action: a JSON POST to a route handler, or a urlencoded page POST (Next renders the page).
    expect(
      await screenPost(request("{}", { "content-type": "application/json" }, { path: "/api/enquiries/retry" })),
    ).toBeNull();
  });

  it("refuses a cross-site post on any path with 403", async () => {
    for (const origin of [
      "https://evil.example",
      "null",
      "http://127.0.0.1.evil.example",
      "http://127.0.0.1:1",
      "not a url",
    ]) {
      expect(await screenPost(await multipartRequest(noJs(), { origin }, "/"))).toMatchObject({ status: 403 });
    }
    expect(
      isCrossSite(
        new Headers({ host: "a.example", "x-forwarded-host": "blog.example", origin: "https://blog.example" }),
      ),
    ).toBe(false);
  });

  it("refuses bodies over the limit (413) and action bodies without a length (411)", async () => {
    expect(
      await screenPost(
        request("x", { "content-type": "text/plain", "content-length": String(ACTION_BODY_LIMIT_BYTES + 1) }),
      ),
    ).toMatchObject({ status: 413 });
    const chunked = await multipartRequest(noJs());
    chunked.headers.delete("content-length");
    expect(await screenPost(chunked)).toMatchObject({ status: 411 });
  });

  it("refuses multipart that cannot be parsed", async () => {
    const broken = request('--B\r\nContent-Disposition: form-data; name="a"\r\n\r\nb', {
      "content-type": "multipart/form-data; boundary=B",
      "content-length": "40",
    });
    expect(await screenPost(broken)).toMatchObject({ status: 400 });
    expect(
      await screenPost(request("junk", { "content-type": "multipart/form-data", "content-length": "4" })),
    ).toMatchObject({ status: 400 });
  });

  it.each([
    ["garbage header", { "$ACTION_1:0": "{x" }],
    ["header without id", { "$ACTION_1:0": '{"bound":null}' }],
    ["bound state missing", { "$ACTION_1:1": "" }],
    ["bound state not JSON", { "$ACTION_1:1": "{x" }],
    ["bound state not a list", { "$ACTION_1:1": "42" }],
    ["server reference", { "$ACTION_1:1": '["$h1"]' }],
    ["path reference", { "$ACTION_1:1": '["$1:__proto__:then"]' }],
    ["missing chunk", { "$ACTION_1:1": '["$@9"]' }],
    ["prototype key", { "$ACTION_1:1": '[{"__proto__":{"x":1}}]' }],
    ["a Map", { "$ACTION_1:1": '["$Q2"]' }],
  ])("refuses a no-JS form with %s (400)", async (_label, overrides) => {
    const entries = noJs(overrides as Record<string, string>).filter(
      ([name, value]) => !(name === "$ACTION_1:1" && value === ""),
    );
    expect(await screenPost(await multipartRequest(entries))).toMatchObject({ status: 400 });
  });

  it.each([
    ["not JSON", "[{"],
    ["not a list", '{"a":1}'],
    ["server reference", '[{},"$h0"]'],
    ["temporary reference", '["$T"]'],
    ["path reference", '[{},"$1:constructor:constructor"]'],
    ["promise of a missing chunk", '["$@1"]'],
    ["a Blob", '["$B1"]'],
    ["an iterator", '["$i1"]'],
    ["bad BigInt", '["$nabc"]'],
    ["nested too deeply", `[${"[".repeat(100)}${"]".repeat(100)}]`],
    ["prototype key", '[{"constructor":{}},"$K1"]'],
  ])("refuses a JavaScript call whose arguments hold %s (400)", async (_label, root) => {
    expect(await screenPost(await multipartRequest(js(root), { "next-action": ACTION_ID }))).toMatchObject({
      status: 400,
    });
  });

  it("refuses JavaScript calls that are not multipart or text, or have no root", async () => {
    const urlencoded = request("name=Ada", {
      "content-type": "application/x-www-form-urlencoded",
      "next-action": ACTION_ID,
      "content-length": "8",
    });
    expect(await screenPost(urlencoded)).toMatchObject({ status: 400 });
    expect(
      await screenPost(
        request("[]", { "content-type": "application/json", "next-action": ACTION_ID, "content-length": "2" }),
      ),
    ).toMatchObject({ status: 400 });
    expect(await screenPost(await multipartRequest([["_1_name", "Ada"]], { "next-action": ACTION_ID }))).toMatchObject({
      status: 400,
    });
    expect(
      await screenPost(await multipartRequest([["0", new Blob(["[]"])]], { "next-action": ACTION_ID })),
    ).toMatchObject({ status: 400 });
  });

  it("follows promised chunks that are present and checks them too", async () => {
    const ok = await multipartRequest(
      [
        ["0", '["$@1"]'],
        ["1", '{"a":"$$x"}'],
      ],
      { "next-action": ACTION_ID },
    );
    expect(await screenPost(ok)).toBeNull();
    const bad = await multipartRequest(
      [
        ["0", '["$@1"]'],
        ["1", '["$h2"]'],
      ],
      { "next-action": ACTION_ID },
    );
    expect(await screenPost(bad)).toMatchObject({ status: 400 });
    const loop = await multipartRequest(
      [
        ["0", '["$@1"]'],
        ["1", '["$@1"]'],
      ],
      { "next-action": ACTION_ID },
    );
    expect(await screenPost(loop)).toMatchObject({ status: 400 });
  });
});

describe("action requests off the pages with forms", () => {
  it("are refused with 404, with or without JavaScript; other posts there pass", async () => {
    expect(await screenPost(await multipartRequest(js(), { "next-action": ACTION_ID }, "/no-such-page"))).toMatchObject(
      { status: 404 },
    );
    expect(
      await screenPost(
        request("[]", { "content-type": "text/plain;charset=UTF-8", "next-action": ACTION_ID }, { path: "/feed.xml" }),
      ),
    ).toMatchObject({ status: 404 });
    expect(await screenPost(await multipartRequest(noJs(), {}, "/api/enquiries/retry"))).toMatchObject({ status: 404 });
    expect(await screenPost(await multipartRequest([["file", "x"]], {}, "/feed.xml"))).toBeNull();
    // On the page with the form, a multipart post must name its action (Next would log "Invalid Server Actions request").
    expect(await screenPost(await multipartRequest([["name", "Ada"]], {}, "/contact"))).toMatchObject({ status: 400 });
    expect(await screenPost(await multipartRequest(js(), { "next-action": ACTION_ID }, "/contact/"))).toBeNull();
  });

  describe("multipart that two parsers could read differently", () => {
    const boundary = "----steadyBoundary7MA4YWxkTrZu0gW";
    const raw = (
      parts: string[],
      contentType = `multipart/form-data; boundary=${boundary}`,
      headers: Record<string, string> = {},
    ) => {
      const body = `${parts.map((part) => `--${boundary}\r\n${part}\r\n`).join("")}--${boundary}--\r\n`;
      return request(body, { "content-type": contentType, ...headers });
    };
    const field = (name: string, value: string, extra = "") =>
      `Content-Disposition: form-data; name="${name}"${extra}\r\n\r\n${value}`;
    const jsParts = [field("_1_name", "Ada"), field("0", '[{"status":"idle"},"$K1"]')];
    const noJsParts = noJs().map(([name, value]) => field(name, value));

    it("a well-formed raw body passes, with and without JavaScript", async () => {
      expect(await screenPost(raw(jsParts, undefined, { "next-action": ACTION_ID }))).toBeNull();
      expect(await screenPost(raw(noJsParts))).toBeNull();
    });

    it("refuses a part with two Content-Disposition headers (the proxy would check one name, React decode the other)", async () => {
      const smuggled = `Content-Disposition: form-data; name="_1_note"\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$h1"]`;
      for (const headers of [{ "next-action": ACTION_ID }, {}] as Array<Record<string, string>>) {
        const refusal = await screenPost(
          raw([...(headers["next-action"] ? jsParts : noJsParts), smuggled], undefined, headers),
        );
        expect(refusal).toMatchObject({ status: 400, reason: "malformed: repeated part header content-disposition" });
      }
    });

    it("refuses folded headers, filenames, charsets, transfer encodings and unknown part headers", async () => {
      const cases: Array<[string, string]> = [
        [`Content-Disposition: form-data;\r\n name="0"\r\n\r\n[]`, "malformed: a folded part header"],
        [field("x", "1", '; filename="a.txt"'), 'malformed: a content-disposition other than form-data; name="…"'],
        [field("x", "1", "; name*=utf-8''0"), 'malformed: a content-disposition other than form-data; name="…"'],
        [
          `Content-Disposition: form-data; name="x"\r\nContent-Type: text/plain; charset=utf-16\r\n\r\n1`,
          "malformed: part content type text/plain; charset=utf-16",
        ],
        [
          `Content-Disposition: form-data; name="x"\r\nContent-Transfer-Encoding: base64\r\n\r\nMQ==`,
          "malformed: part header content-transfer-encoding",
        ],
      ];
      for (const [part, reason] of cases) {
        expect(
          await screenPost(raw([...jsParts, part], undefined, { "next-action": ACTION_ID })),
          reason,
        ).toMatchObject({ status: 400, reason });
        expect(await screenPost(raw([...noJsParts, part])), reason).toMatchObject({ status: 400, reason });
      }
    });

    it("refuses a content type with two boundaries or extra parameters, and a repeated field in an action call", async () => {
      expect(
        await screenPost(
          raw(jsParts, `multipart/form-data; boundary=${boundary}; boundary=other`, { "next-action": ACTION_ID }),
        ),
      ).toMatchObject({ status: 400 });
      expect(
        await screenPost(raw(noJsParts, `multipart/form-data; boundary=${boundary}; charset=utf-8`)),
      ).toMatchObject({ status: 400 });
      expect(
        await screenPost(raw([...jsParts, field("0", '["$h1"]')], undefined, { "next-action": ACTION_ID })),
      ).toMatchObject({ status: 400, reason: 'malformed: repeated field "0"' });
    });

    it("checks every key of the no-JavaScript action header, not only id and bound", async () => {
      const header = JSON.stringify({ id: ACTION_ID, bound: "$@1", then: "$@1" });
      expect(await screenPost(await multipartRequest(noJs({ "$ACTION_1:0": header })))).toMatchObject({
        status: 400,
        reason: 'malformed: unexpected key "then" in the action header',
      });
      expect(await screenPost(await multipartRequest([["$ACTION_ID_not-hex!", ""]]))).toMatchObject({
        status: 400,
        reason: "malformed: bad action id",
      });
    });
  });

  it("follow the build's manifest when it knows the action: only pages that render it take it", async () => {
    const FOOTER_ID = "60075113c94d3b9261b154a18472169be81b5a27e4";
    const CONTACT_ID = "603f24c3a9c36b03b10978590dc74f033a193333a0";
    const workers: Record<string, string[]> = {
      [FOOTER_ID]: [
        "app/_not-found/page",
        "app/page",
        "app/blog/[slug]/page",
        "app/tags/[tag]/page/[page]/page",
        "app/contact/page",
      ],
      [CONTACT_ID]: ["app/contact/page"],
    };
    const actionRoutes = (id: string) => workers[id]?.flatMap((worker) => routePattern(worker) ?? []);
    const post = async (id: string, path: string) =>
      screenPost(await multipartRequest(js(), { "next-action": id }, path), { actionRoutes });
    expect(await post(FOOTER_ID, "/blog/on-call")).toBeNull();
    expect(await post(FOOTER_ID, "/tags/culture/page/2")).toBeNull();
    expect(await post(FOOTER_ID, "/contact")).toBeNull();
    // The contact action off /contact: Next would forward it to /contact and could end in an uncaught "aborted".
    expect(await post(CONTACT_ID, "/blog/on-call")).toMatchObject({ status: 404 });
    expect(await post(CONTACT_ID, "/")).toMatchObject({ status: 404 });
    expect(await post(CONTACT_ID, "/contact")).toBeNull();
    const noJsContact = [
      ["$ACTION_REF_1", ""],
      ["$ACTION_1:0", JSON.stringify({ id: CONTACT_ID, bound: "$@1" })],
      ["$ACTION_1:1", "[{}]"],
      ["name", "Ada"],
    ] as Array<[string, string]>;
    expect(await screenPost(await multipartRequest(noJsContact, {}, "/tags"), { actionRoutes })).toMatchObject({
      status: 404,
    });
    expect(
      await screenPost(await multipartRequest([[`$ACTION_ID_${CONTACT_ID}`, ""]], {}, "/"), { actionRoutes }),
    ).toMatchObject({ status: 404 });
  });

  it("turn Next's page entries into route patterns", () => {
    expect(routePattern("app/page")?.test("/")).toBe(true);
    expect(routePattern("app/blog/[slug]/page")?.test("/blog/on-call")).toBe(true);
    expect(routePattern("app/blog/[slug]/page")?.test("/blog/on-call/x")).toBe(false);
    expect(routePattern("app/(site)/docs/[...path]/page")?.test("/docs/a/b")).toBe(true);
    expect(routePattern("app/a.b/page")?.test("/aXb")).toBe(false);
    expect(routePattern("app/_not-found/page")).toBeNull();
    expect(routePattern("app/feed.xml/route")).toBeNull();
  });

  it("accept the newsletter form (footer of every page) on the site's page routes only", async () => {
    for (const path of [
      "/",
      "/blog",
      "/blog/page/2",
      "/blog/on-call-rotation",
      "/tags",
      "/tags/on-call",
      "/tags/on-call/page/3",
      "/newsletter",
      "/newsletter/confirm",
    ]) {
      expect(await screenPost(await multipartRequest(js(), { "next-action": ACTION_ID }, path)), path).toBeNull();
      expect(await screenPost(await multipartRequest(noJs(), {}, path)), path).toBeNull();
    }
    for (const path of [
      "/feed.xml",
      "/tags/on-call/feed.xml",
      "/blog/x/opengraph-image",
      "/wp-login.php",
      "/blog/Bad_Slug",
      "/api/enquiries/retry",
    ]) {
      expect(await screenPost(await multipartRequest(js(), { "next-action": ACTION_ID }, path)), path).toMatchObject({
        status: 404,
      });
    }
  });
});

describe("a body the client stops sending", () => {
  it("is a 400, not an uncaught 'aborted' error", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('["$K1"'));
        controller.error(new Error("aborted"));
      },
    });
    const aborted = new Request(`http://${HOST}/contact`, {
      method: "POST",
      body,
      headers: {
        host: HOST,
        origin: `http://${HOST}`,
        "next-action": ACTION_ID,
        "content-type": "text/plain;charset=UTF-8",
        "content-length": "4096",
      },
      duplex: "half",
    } as RequestInit);
    expect(await screenPost(aborted, { actionRoutes: () => undefined })).toMatchObject({ status: 400 });
  });
});

describe("isDecodablePath", () => {
  it("refuses a broken percent-encoding and accepts a well-formed one", () => {
    for (const path of ["/blog/%C0", "/pagefind/%C0", "/tags/%E0%A4%A", "/%", "/a%2"])
      expect(isDecodablePath(path), path).toBe(false);
    for (const path of ["/", "/blog/on-call", "/blog/caf%C3%A9", "/search", "/a%20b"])
      expect(isDecodablePath(path), path).toBe(true);
  });
});
