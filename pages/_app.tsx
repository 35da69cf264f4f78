// The same stylesheets, in the same order, as app/layout.tsx: one design for both routers.
import "../app/globals.css";
import "@/components/layout/layout.css";
import "@/components/newsletter/newsletter.css";
import "@/components/post/post.css";
import "@/components/search/search.css";
import "@/components/share/share.css";
import "@/components/home/home.css";

import type { AppProps } from "next/app";
import Head from "next/head";

import { SiteShell } from "@/components/layout/site-shell";
import { headElements } from "@/components/seo/head-elements";
import { shellHeadTags } from "@/lib/seo/shell-head";

import { serif, serifItalic } from "../app/fonts";

/**
 * The Pages Router's shell (the post pages): the same header, footer and islands as app/layout.tsx
 * (components/layout/site-shell.tsx). next/font works here, not in _document; its variables are set on :root
 * by a small style, since the Pages Router cannot put a class on <html> from _app.
 */
export default function App({ Component, pageProps }: AppProps) {
  return (
    <>
      <Head>
        {headElements(shellHeadTags(), "shell")}
        <style
          dangerouslySetInnerHTML={{
            __html: `:root{--font-serif:${serif.style.fontFamily};--font-serif-italic:${serifItalic.style.fontFamily}}`,
          }}
        />
      </Head>
      <SiteShell>
        <Component {...pageProps} />
      </SiteShell>
    </>
  );
}
