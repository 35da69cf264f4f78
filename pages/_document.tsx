import { Head, Html, Main, NextScript } from "next/document";

import { ThemeScript } from "@/components/layout/inline-scripts";
import { site } from "@/lib/site";

/** The document around the Pages Router's pages: the language, and the theme applied before first paint. */
export default function Document() {
  return (
    <Html lang={site.language}>
      <Head>
        <ThemeScript />
      </Head>
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
