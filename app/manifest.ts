import type { MetadataRoute } from "next";

import { site } from "@/lib/site";

// Name, colours and icons for "Add to home screen"; the icons are the files beside this one (icon.svg, apple-icon.tsx).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: site.name,
    short_name: site.name,
    description: site.tagline,
    start_url: "/",
    display: "browser",
    background_color: "#fbfaf7",
    theme_color: "#a23f14",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/apple-icon", sizes: "180x180", type: "image/png" },
    ],
  };
}
