import { closestTarget, isPlainClick, loadIsland, typingIn } from "@/components/islands/dom";

/**
 * The header's search: a link to /search that works without JavaScript; with it, the link (or `/` anywhere
 * outside a field) opens the search dialog, whose module (search-dialog.island.ts, a file of its own) and
 * Pagefind load on the first open only. The trigger names Pagefind's loader (`data-pagefind`, from
 * lib/search/paths.ts on the server), so the index's address is decided in one place.
 */

declare const SEARCH_DIALOG_MODULE: string;

type DialogModule = typeof import("./search-dialog.island");

function loadDialog(): Promise<DialogModule> {
  return loadIsland<DialogModule>(SEARCH_DIALOG_MODULE);
}

async function open(trigger: HTMLAnchorElement): Promise<void> {
  try {
    (await loadDialog()).openSearch(trigger);
  } catch {
    // The module could not load (offline): the link's own page explains the other ways.
    location.assign(trigger.href);
  }
}

export function initSearchTrigger(doc: Document = document): void {
  const trigger = () => doc.querySelector<HTMLAnchorElement>("a.search-trigger[data-pagefind]");
  doc.addEventListener("click", (event) => {
    const link = closestTarget<HTMLAnchorElement>(event, "a.search-trigger[data-pagefind]");
    if (!link || !isPlainClick(event as MouseEvent)) return;
    event.preventDefault();
    void open(link);
  });
  doc.addEventListener("click", (event) => {
    // /search's "open search" button: the same dialog.
    if (!closestTarget(event, "[data-open-search]")) return;
    const link = trigger();
    if (link) void open(link);
  });
  doc.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.metaKey || event.ctrlKey || event.altKey || typingIn(event.target)) return;
    const link = trigger();
    if (!link || event.defaultPrevented) return;
    event.preventDefault();
    void open(link);
  });
  // Announced only now that the key works.
  for (const link of doc.querySelectorAll("a.search-trigger[data-pagefind]"))
    link.setAttribute("aria-keyshortcuts", "/");
  for (const opener of doc.querySelectorAll<HTMLElement>("[data-open-search-hint]")) opener.hidden = false;
}
