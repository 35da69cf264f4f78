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

/** Under the opening of a post, below wide screens: one line that opens (a native <details>, no script). */
export function TocInline({ headings }: { headings: readonly Heading[] }) {
  if (headings.length < 2) return null;
  return (
    <details className="toc toc--inline">
      <summary>On this page</summary>
      <TocLinks headings={headings} />
    </details>
  );
}

/** Wide screens: a sticky column beside the article. Both forms are rendered; CSS shows the one that fits. */
export function TocAside({ headings }: { headings: readonly Heading[] }) {
  if (headings.length < 2) return null;
  return (
    <nav className="toc toc--aside" aria-label="On this page">
      <p className="toc__title" aria-hidden="true">
        On this page
      </p>
      <TocLinks headings={headings} />
    </nav>
  );
}
