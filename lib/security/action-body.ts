/**
 * Reads a POST body the way Next will, and refuses a multipart body that two parsers could read differently.
 *
 * The body is read with the parser Next itself uses for each kind of request,
 * so the fields checked here are the fields React decodes: busboy (vendored in
 * Next) for an action call with JavaScript, the Fetch API's `formData()` for a
 * form posted without it. On top of that, anything two multipart parsers could
 * read differently is refused outright: repeated or folded part headers, part
 * headers other than Content-Disposition and Content-Type, a `filename`, a
 * `charset` or a Content-Transfer-Encoding, and a Content-Type with anything
 * but one boundary. A browser never sends these for this site's forms.
 *
 * Every refusal is a `Malformed` error (screenPost in action-request.ts answers it with a 400). Each read is of a
 * clone, so Next still reads the body after the screening.
 */
import busboy from "next/dist/compiled/busboy";

/** Input the screening refuses with a 400; the message says what was wrong. */
export class Malformed extends Error {}

/** The body's bytes (a clone); a body the client stopped sending ("aborted") is a 400, not an uncaught error. */
export async function readBody(request: Request): Promise<Uint8Array> {
  try {
    return new Uint8Array(await request.clone().arrayBuffer());
  } catch {
    throw new Malformed("the body could not be read (the upload stopped?)");
  }
}

export async function readForm(request: Request): Promise<FormData> {
  await refuseAmbiguousMultipart(request);
  try {
    return await request.clone().formData();
  } catch {
    throw new Malformed("the form data cannot be read");
  }
}

/** The fields as Next's busboy (same options as Next's action handler) reads them; a file part is refused. */
export async function readFormLikeBusboy(request: Request, bodyLimit: number): Promise<Map<string, string>> {
  const bytes = await refuseAmbiguousMultipart(request);
  const fields = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    let parser;
    try {
      parser = busboy({
        headers: { "content-type": request.headers.get("content-type") ?? undefined },
        defParamCharset: "utf8",
        limits: { fieldSize: bodyLimit },
      });
    } catch {
      return reject(new Malformed("the form data cannot be read"));
    }
    parser.on("field", (name, value) => {
      // A repeated name: FormData.get and React's first-wins lookups could pick different ones.
      if (fields.has(name)) return reject(new Malformed(`repeated field ${JSON.stringify(name.slice(0, 20))}`));
      fields.set(name, value);
    });
    parser.on("file", (_name, stream) => {
      stream.resume();
      reject(new Malformed("a file part"));
    });
    parser.on("error", () => reject(new Malformed("the form data cannot be read")));
    parser.on("close", () => resolve());
    parser.end(Buffer.from(bytes));
  });
  return { get: (key: string) => fields.get(key) } as unknown as Map<string, string>;
}

const ALLOWED_PART_HEADERS = new Set(["content-disposition", "content-type"]);

/**
 * Refuses a multipart body that two parsers could read differently. Checks the raw bytes, before any parser:
 * this only ever refuses, so a disagreement with a real parser here can only make it stricter.
 */
async function refuseAmbiguousMultipart(request: Request): Promise<Uint8Array> {
  const contentType = request.headers.get("content-type") ?? "";
  const params = contentType
    .split(";")
    .slice(1)
    .map((part) => part.trim())
    .filter(Boolean);
  const boundaryParams = params.filter((param) => /^boundary=/i.test(param));
  if (boundaryParams.length !== 1 || params.length !== 1)
    throw new Malformed("a multipart content type needs exactly one boundary and nothing else");
  const boundary = boundaryParams[0]!.slice("boundary=".length).replace(/^"(.*)"$/, "$1");
  if (!/^[0-9A-Za-z'()+_,\-./:=?]{1,70}$/.test(boundary)) throw new Malformed("bad boundary");
  const bytes = await readBody(request);
  const text = Buffer.from(bytes).toString("latin1");
  const delimiter = `--${boundary}`;
  const parts = text.split(delimiter);
  // parts[0] is the preamble, the last one the epilogue after "--".
  for (const part of parts.slice(1)) {
    if (part.startsWith("--")) break;
    const end = part.indexOf("\r\n\r\n");
    if (!part.startsWith("\r\n") || end === -1) throw new Malformed("a part without headers");
    const lines = part.slice(2, end).split("\r\n");
    const seen = new Set<string>();
    if (lines.some((line) => /^[ \t]/.test(line))) throw new Malformed("a folded part header");
    for (const line of lines) {
      const match = /^([A-Za-z0-9-]+):[ \t]*(.*)$/.exec(line);
      if (!match) throw new Malformed("a malformed part header");
      const name = match[1]!.toLowerCase();
      const value = match[2]!;
      if (!ALLOWED_PART_HEADERS.has(name)) throw new Malformed(`part header ${name}`);
      if (seen.has(name)) throw new Malformed(`repeated part header ${name}`);
      seen.add(name);
      if (name === "content-disposition" && !/^form-data; name="[^"\\\r\n]*"$/i.test(value))
        throw new Malformed('a content-disposition other than form-data; name="…"');
      if (name === "content-type" && !/^text\/plain$/i.test(value))
        throw new Malformed(`part content type ${value.slice(0, 40)}`);
    }
    if (!seen.has("content-disposition")) throw new Malformed("a part without a name");
  }
  return bytes;
}
