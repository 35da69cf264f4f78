import { serializeJsonLd, type JsonLd } from "@/lib/seo/json-ld";

/** Structured data in the page, escaped so no value can break out of the script element. */
export function JsonLdScript({ data }: { data: JsonLd }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
