// Stylesheets live beside what they style but are imported here and by routes, not by each component:
// imported from components (some of them client components) Next splits them into several render-blocking
// files per page. Globals first, so the others come after it in the cascade and can refine it.
import "./globals.css";
import "@/components/layout/layout.css";
import "@/components/newsletter/newsletter.css";
import "@/components/post/post.css";
import "@/components/search/search.css";

import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";

import { ThemeScript } from "@/components/layout/inline-scripts";
import { SiteShell } from "@/components/layout/site-shell";
import { rootMetadata } from "@/lib/seo/metadata";
import { site } from "@/lib/site";

import { serif, serifItalic } from "./fonts";

// Site-wide defaults (metadataBase from SITE_URL, title template, Open Graph, feed autodiscovery); pages refine them.
export const metadata: Metadata = rootMetadata();

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#15171a" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={site.language} className={`${serif.variable} ${serifItalic.variable}`} suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body>
        <SiteShell>{children}</SiteShell>
      </body>
    </html>
  );
}
