import { describeCounted, type HeldReview } from "@/lib/contact/held-review";

/**
 * /admin/funnel's held review: enquiries stored but not emailed (a limit tripped), likely-real first
 * (lib/contact/held-rank.ts), newest first within a rank, with what a flood made the store count instead of keep.
 * The same list as `npm run enquiries -- --held` and the held digest.
 */
export function HeldReviewList({ review }: { review: HeldReview }) {
  const counted = describeCounted(review.counted);
  return (
    <section aria-labelledby="held-review-title" className="admin-held">
      <h2 id="held-review-title">Held for review</h2>
      <p>
        {review.held === 0
          ? "Nothing is held."
          : `${review.held} stored but not emailed (a limit tripped), likely-real first. Release one with npm run enquiries -- --release <id>, or mark it with --mark-spam <id>.`}
      </p>
      {review.entries.length > 0 ? (
        <ol className="admin-held__list">
          {review.entries.map((entry) => (
            <li key={entry.id} className="admin-held__item">
              <p className="admin-held__who">
                <strong>{entry.name}</strong> &lt;{entry.email}&gt; · {entry.topic}
                {entry.qualifiers ? ` · ${entry.qualifiers}` : ""}
                {entry.sourceSlug ? ` · from ${entry.sourceSlug}` : ""}
              </p>
              <p className="admin-held__meta">
                {`${entry.createdAt.slice(0, 16).replace("T", " ")} UTC${entry.isNew ? " · new" : ""} · held: ${entry.why}`}
                <br />
                Signs: {entry.signs}
              </p>
              <p className="admin-held__message">
                {entry.message.slice(0, 300)}
                {entry.message.length > 300 ? "…" : ""}
              </p>
              <p className="admin-held__id">id {entry.id}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {review.held > review.entries.length ? (
        <p>{review.held - review.entries.length} more, ranked lower: npm run enquiries -- --held lists them all.</p>
      ) : null}
      {counted ? <p className="admin-held__counted">{counted}</p> : null}
    </section>
  );
}
