import Link from "next/link";

import type { SeriesPosition } from "@/lib/content/series";

/** At the top of a post in a series: "Part 2 of 4", the series' page and every part, this one marked. */
export function SeriesNav({ position }: { position: SeriesPosition }) {
  const { series, part, total } = position;
  return (
    <nav className="series-nav" aria-label={`Series: ${series.name}`}>
      <p className="series-nav__where">
        Part {part} of {total} in the series <Link href={series.url}>{series.name}</Link>
      </p>
      <ol className="series-nav__parts">
        {series.parts.map((post, index) =>
          index + 1 === part ? (
            <li key={post.slug} aria-current="page">
              {post.title}
            </li>
          ) : (
            <li key={post.slug}>
              <Link href={post.url}>{post.title}</Link>
            </li>
          ),
        )}
      </ol>
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
          <Link href={next.url} rel="next">
            {next.title}
          </Link>
        </p>
      ) : (
        <p>
          This is the last part of <Link href={series.url}>{series.name}</Link>.
        </p>
      )}
    </nav>
  );
}
