import { feedMimeTypes } from "./mime-types";

/** A feed document as an HTTP response with its registered media type. */
export function feedResponse(body: string, type: keyof typeof feedMimeTypes): Response {
  return new Response(body, {
    headers: {
      "Content-Type": `${feedMimeTypes[type]}; charset=utf-8`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
