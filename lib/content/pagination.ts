export type Page<T> = {
  items: T[];
  page: number;
  totalPages: number;
  totalItems: number;
  prevPage: number | null;
  nextPage: number | null;
};

/** Posts on one page of a list (the blog, a topic). Here rather than in lib/site.ts so next.config.ts can read it. */
export const POSTS_PER_PAGE = 20;

export function pageCount(totalItems: number, perPage: number): number {
  return Math.max(1, Math.ceil(totalItems / perPage));
}

/** Page `page` (1-based) of `items`; null when the page does not exist. */
export function paginate<T>(items: readonly T[], page: number, perPage: number): Page<T> | null {
  if (!Number.isInteger(page) || page < 1 || perPage < 1) return null;
  const totalPages = pageCount(items.length, perPage);
  if (page > totalPages) return null;
  const start = (page - 1) * perPage;
  return {
    items: items.slice(start, start + perPage),
    page,
    totalPages,
    totalItems: items.length,
    prevPage: page > 1 ? page - 1 : null,
    nextPage: page < totalPages ? page + 1 : null,
  };
}

/** The page numbers after the first (which lives at the list's own URL): `[2, 3]` for 50 items at 20 a page. */
export function laterPageNumbers(totalItems: number, perPage: number): number[] {
  return Array.from({ length: pageCount(totalItems, perPage) - 1 }, (_, i) => i + 2);
}

/** Parses a `[page]` route segment: only canonical positive integers ("2", not "02" or "2.0"). */
export function parsePageParam(value: string): number | null {
  return /^[1-9]\d*$/.test(value) ? Number(value) : null;
}
