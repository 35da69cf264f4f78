/** On /search with JavaScript: a button that opens the header's search dialog (shown by the island, hidden without). */
export function SearchOpener() {
  return (
    <p data-open-search-hint="" hidden suppressHydrationWarning>
      With JavaScript on: press <kbd>/</kbd> on any page, or{" "}
      <button type="button" className="button" data-open-search="">
        open search
      </button>
    </p>
  );
}
