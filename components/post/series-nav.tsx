import type { SeriesPosition } from "@/lib/content/series";

/**
 * At the top of a post in a series: one line, "Part 2 of 4 in the series …", that opens (a native <details>, no
 * script) onto the series' page and every part, this one marked. Closed by default, so the essay starts on the
 * first screen of a phone.
 */
export function SeriesNav({ position }: { position: SeriesPosition }) {
  const { series, part, total } = position;
  return (
    <nav className="series-nav" aria-label={`Series: ${series.name}`}>
      <details className="series-nav__details">
        <summary className="series-nav__where">
          Part {part} of {total} in the series {series.name}
        </summary>
        <p className="series-nav__home">
          <a href={series.url}>The series: {series.name}</a>
        </p>
        <ol className="series-nav__parts">
          {series.parts.map((post, index) =>
            index + 1 === part ? (
              <li key={post.slug} aria-current="page">
                {post.title}
              </li>
            ) : (
              <li key={post.slug}>
                <a href={post.url}>{post.title}</a>
              </li>
            ),
          )}
        </ol>
      </details>
    </nav>
  );
}

/** At the end of a post in a series: the next part, or the way back to the series when this is the last. */
export function SeriesNext({ position }: { position: SeriesPosition }) {
  const { series, next, part, total } = position;
  return (
    <nav className="series-nav series-nav--end" aria-label={`Next in the series: ${series.name}`}>
      {next ? (
        <p>
          Next in {series.name} (part {part + 1} of {total}):{" "}
          <a href={next.url} rel="next">
            {next.title}
          </a>
        </p>
      ) : (
        <p>
          This is the last part of <a href={series.url}>{series.name}</a>.
        </p>
      )}
    </nav>
  );
}
