"use client";

import { lazy, Suspense, useEffect, useRef, useState } from "react";

import { searchPath } from "@/lib/routes";

// The dialog and Pagefind load on the first open only: until then a page carries just this button.
const SearchDialog = lazy(() => import("./search-dialog"));

function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}

/**
 * The header's search: a link to /search that works without JavaScript; with it, the link (or `/`
 * anywhere outside a field) opens the search dialog instead.
 */
export function SearchTrigger() {
  const [open, setOpen] = useState(false);
  const [requested, setRequested] = useState(false);
  const link = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== "/" || event.metaKey || event.ctrlKey || event.altKey || typingIn(event.target)) return;
      if (event.defaultPrevented) return;
      event.preventDefault();
      setRequested(true);
      setOpen(true);
    }
    document.addEventListener("keydown", onKey);
    // The `/` shortcut is announced only once its listener is attached: before hydration the key does nothing
    // (the link still works). Set on the element, not through state, so announcing it costs no second render.
    const trigger = link.current;
    trigger?.setAttribute("aria-keyshortcuts", "/");
    return () => {
      document.removeEventListener("keydown", onKey);
      trigger?.removeAttribute("aria-keyshortcuts");
    };
  }, []);

  return (
    <>
      <a
        href={searchPath}
        className="search-trigger"
        aria-haspopup="dialog"
        ref={link}
        onClick={(event) => {
          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
          event.preventDefault();
          setRequested(true);
          setOpen(true);
        }}
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
      {requested ? (
        <Suspense fallback={null}>
          <SearchDialog open={open} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
