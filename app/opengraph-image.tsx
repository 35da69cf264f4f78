import { defaultOgImage } from "@/lib/seo/metadata";
import { ogImageSize, ogImageType } from "@/lib/og/config";
import { renderDefaultCard } from "@/lib/og/render";

// The site-wide share card (home, lists, tags, contact), written to a PNG at build time.
export const alt = defaultOgImage.alt;
export const size = ogImageSize;
export const contentType = ogImageType;
export const dynamic = "force-static";

export default function Image() {
  return renderDefaultCard();
}
