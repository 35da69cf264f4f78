import type { MetadataRoute } from "next";

import { robotsFor } from "@/lib/seo/robots";

export default function robots(): MetadataRoute.Robots {
  return robotsFor();
}
