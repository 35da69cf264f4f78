import type { Heading } from "@/lib/content/analyze";

function TocLinks({ headings }: { headings: readonly Heading[] }) {
  return (
    <ol className="toc__list">
      {headings.map((heading) => (
        <li key={heading.id} className={heading.depth === 3 ? "toc__item toc__item--sub" : "toc__item"}>
          <a href={`#${heading.id}`}>{heading.text}</a>
        </li>
      ))}
    </ol>
  );
}

/**
 * Collapsible on phones (a native <details>, no script), a sticky column on
 * wide screens. Both are rendered; CSS shows the one that fits.
 */
export function TableOfContents({ headings }: { headings: readonly Heading[] }) {
  if (headings.length < 2) return null;
  return (
    <>
      <details className="toc toc--inline">
        <summary>On this page</summary>
        <TocLinks headings={headings} />
      </details>
      <nav className="toc toc--aside" aria-label="On this page">
        <p className="toc__title" aria-hidden="true">
          On this page
        </p>
        <TocLinks headings={headings} />
      </nav>
    </>
  );
}
