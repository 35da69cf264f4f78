import Link from "next/link";
import type { ComponentPropsWithoutRef } from "react";

import { publicImageSize } from "@/lib/content/images";
import { site } from "@/lib/site";

type AnchorProps = ComponentPropsWithoutRef<"a">;

const ownOrigin = new URL(site.url).origin;

/** Same-site links navigate client-side; others leave with no opener and no referrer. */
function MdxLink({ href = "", children, ...rest }: AnchorProps) {
  if (href.startsWith("#")) {
    return (
      <a href={href} {...rest}>
        {children}
      </a>
    );
  }
  if (href.startsWith("/") && !href.startsWith("//")) {
    return (
      <Link href={href} {...rest}>
        {children}
      </Link>
    );
  }
  if (/^https?:\/\//i.test(href) && new URL(href).origin === ownOrigin) {
    const url = new URL(href);
    return (
      <Link href={`${url.pathname}${url.search}${url.hash}`} {...rest}>
        {children}
      </Link>
    );
  }
  return (
    <a href={href} rel="noopener noreferrer" {...rest}>
      {children}
    </a>
  );
}

function MdxImage({ alt = "", src, ...rest }: ComponentPropsWithoutRef<"img">) {
  const size = typeof src === "string" ? publicImageSize(src) : undefined;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- static files from public/ (often SVG) need no optimiser; intrinsic size is set to avoid layout shift
    <img alt={alt} src={src} loading="lazy" decoding="async" {...size} {...rest} />
  );
}

function MdxTable(props: ComponentPropsWithoutRef<"table">) {
  // A wide table scrolls inside its own focusable region instead of widening the page.
  return (
    <div className="table-scroll" role="region" aria-label="Table (scrolls sideways)" tabIndex={0}>
      <table {...props} />
    </div>
  );
}

function MdxPre(props: ComponentPropsWithoutRef<"pre">) {
  // Long code lines scroll; keyboard users need to be able to focus the region to scroll it.
  return <pre tabIndex={0} {...props} />;
}

export const mdxComponents = {
  a: MdxLink,
  img: MdxImage,
  table: MdxTable,
  pre: MdxPre,
};
