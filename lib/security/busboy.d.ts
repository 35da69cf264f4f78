// The multipart parser Next.js vendors and uses for server action calls (next/dist/server/app-render/action-handler.js).
declare module "next/dist/compiled/busboy" {
  import type { Writable } from "node:stream";

  type FieldInfo = { nameTruncated: boolean; valueTruncated: boolean; encoding: string; mimeType: string };
  type FileInfo = { filename: string | undefined; encoding: string; mimeType: string };
  interface Busboy extends Writable {
    on(event: "field", listener: (name: string, value: string, info: FieldInfo) => void): this;
    on(event: "file", listener: (name: string, stream: NodeJS.ReadableStream, info: FileInfo) => void): this;
    on(event: "close" | "finish", listener: () => void): this;
    on(event: "error", listener: (error: Error) => void): this;
    on(event: "partsLimit" | "filesLimit" | "fieldsLimit", listener: () => void): this;
  }
  function busboy(options: {
    headers: Record<string, string | undefined>;
    defParamCharset?: string;
    limits?: { fieldSize?: number };
  }): Busboy;
  export default busboy;
}
