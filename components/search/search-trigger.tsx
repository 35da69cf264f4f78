import { searchPath } from "@/lib/routes";
import { pagefindScriptPath } from "@/lib/search/paths";

/**
 * The header's search: a link to /search that works without JavaScript; with it the island
 * (search-trigger.island.ts) opens the search dialog instead, loading Pagefind from the index named here.
 */
export function SearchTrigger() {
  return (
    <a
      href={searchPath}
      className="search-trigger header-button"
      aria-haspopup="dialog"
      data-pagefind={pagefindScriptPath}
      title="Search the essays"
      suppressHydrationWarning
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        width="18"
        height="18"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <circle cx="11" cy="11" r="7" />
        <path d="m20 20-4-4" />
      </svg>
      <span className="search-trigger__label">Search</span>
    </a>
  );
}
