import type { HeadTag } from "./head-tags";

/**
 * What the App Router adds to every page's head from app/layout.tsx's viewport and the icon and manifest files
 * in app/ (app/icon.svg, app/favicon.ico, app/apple-icon.tsx, app/manifest.ts), for the Pages Router's pages.
 * The e2e suite compares these with an App Router page's head, so the two cannot drift apart.
 */
export function shellHeadTags(): HeadTag[] {
  return [
    { tag: "meta", attrs: { name: "viewport", content: "width=device-width, initial-scale=1" } },
    { tag: "meta", attrs: { name: "theme-color", media: "(prefers-color-scheme: light)", content: "#fbfaf7" } },
    { tag: "meta", attrs: { name: "theme-color", media: "(prefers-color-scheme: dark)", content: "#15171a" } },
    { tag: "link", attrs: { rel: "manifest", href: "/manifest.webmanifest" } },
    { tag: "link", attrs: { rel: "icon", href: "/favicon.ico", type: "image/x-icon", sizes: "32x32" } },
    { tag: "link", attrs: { rel: "icon", href: "/icon.svg", type: "image/svg+xml", sizes: "any" } },
    { tag: "link", attrs: { rel: "apple-touch-icon", href: "/apple-icon", type: "image/png", sizes: "180x180" } },
  ];
}
