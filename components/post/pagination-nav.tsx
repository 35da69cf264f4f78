import type { Page } from "@/lib/content/pagination";

/** Older/newer page links; `hrefFor(1)` must be the list's first page. */
export function PaginationNav({ page, hrefFor }: { page: Page<unknown>; hrefFor: (n: number) => string }) {
  if (page.totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {page.prevPage ? (
        <a href={hrefFor(page.prevPage)} rel="prev" className="pagination__link">
          ← Newer posts
        </a>
      ) : (
        <span />
      )}
      <span className="pagination__status" aria-current="page">
        Page {page.page} of {page.totalPages}
      </span>
      {page.nextPage ? (
        <a href={hrefFor(page.nextPage)} rel="next" className="pagination__link">
          Older posts →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
