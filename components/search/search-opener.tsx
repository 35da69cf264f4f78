"use client";

import { useSyncExternalStore } from "react";

const noop = () => () => {};

/** On /search with JavaScript: a button that opens the header's search dialog (nothing without JavaScript). */
export function SearchOpener() {
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  if (!hydrated) return null;
  return (
    <p>
      With JavaScript on: press <kbd>/</kbd> on any page, or{" "}
      <button
        type="button"
        className="button"
        onClick={() => document.querySelector<HTMLAnchorElement>("a.search-trigger")?.click()}
      >
        open search
      </button>
    </p>
  );
}
