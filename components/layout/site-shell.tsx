import type { ReactNode } from "react";

import { IslandsScript } from "./inline-scripts";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/**
 * What every page has around its content, for both routers: app/layout.tsx (App Router) and pages/_app.tsx
 * (the post pages, served without the framework's runtime). The islands' script comes last, so the elements it
 * enhances are parsed when it runs.
 */
export function SiteShell({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
      <IslandsScript />
    </>
  );
}
