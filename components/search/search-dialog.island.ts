/**
 * The search dialog, loaded (as a module of its own) on the first open: a native modal <dialog> (focus stays in
 * it, Escape closes it at once and keeps the words for the next open, focus returns to the trigger), Pagefind
 * imported from the index the trigger names, a topic filter, results announced in a status region. Excerpts are
 * split into text and <mark> parts and inserted as text, so a hostile title or body shows literally.
 */
import { h, importModule, registerIsland } from "@/components/islands/dom";
import { excerptParts } from "@/lib/search/excerpt";
import { pagefindBaseUrl } from "@/lib/search/base-url";

import { announcement, SHOWN, type Pagefind, type PagefindResultData, type SearchState } from "./search-state";

let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(url: string): Promise<Pagefind> {
  pagefind ??= (async () => {
    const loaded = await importModule<Pagefind>(url);
    await loaded.options({ excerptLength: 24, baseUrl: pagefindBaseUrl });
    await loaded.init();
    return loaded;
  })();
  pagefind.catch(() => {
    pagefind = undefined;
  });
  return pagefind;
}

let dialog: HTMLDialogElement | undefined;
let opener: HTMLElement | null = null;

function result(data: PagefindResultData): HTMLLIElement {
  const excerpt = h("p", { class: "search-result__excerpt" });
  for (const part of excerptParts(data.excerpt)) excerpt.append(part.marked ? h("mark", {}, part.text) : part.text);
  const tags = data.filters.tag ?? [];
  return h(
    "li",
    { class: "search-result" },
    h("a", { class: "search-result__title", href: data.url }, data.meta.title ?? data.url),
    data.meta.date ? h("p", { class: "search-result__date" }, data.meta.date) : null,
    excerpt,
    tags.length
      ? h("ul", { class: "search-result__tags", "aria-label": "Topics" }, ...tags.map((t) => h("li", {}, t)))
      : null,
  );
}

function build(indexUrl: string): HTMLDialogElement {
  const input = h("input", {
    id: "search-query",
    type: "search",
    maxlength: "200",
    autocomplete: "off",
    spellcheck: "false",
    "aria-describedby": "search-status",
    enterkeyhint: "search",
  });
  const select = h("select", { id: "search-topic" }, h("option", { value: "" }, "All topics"));
  const topic = h(
    "div",
    { class: "search-dialog__field", hidden: true },
    h("label", { for: "search-topic" }, "Topic"),
    select,
  );
  const status = h("p", { id: "search-status", class: "search-dialog__status", role: "status", "aria-live": "polite" });
  const list = h("ol", { class: "search-results", "aria-label": "Results", hidden: true });
  const close = h(
    "button",
    { type: "button", class: "search-dialog__close" },
    "Close",
    h("span", { class: "visually-hidden" }, " search"),
  );
  const form = h(
    "form",
    { role: "search", class: "search-dialog__form" },
    h(
      "div",
      { class: "search-dialog__field search-dialog__field--query" },
      h("label", { for: "search-query" }, "Words to find"),
      input,
    ),
    topic,
  );
  const element = h(
    "dialog",
    { class: "search-dialog", "aria-labelledby": "search-title" },
    h(
      "div",
      { class: "search-dialog__head" },
      h("h2", { id: "search-title", class: "search-dialog__title" }, "Search the essays"),
      close,
    ),
    form,
    status,
    list,
  );

  let state: SearchState = { kind: "loading" };
  let sequence = 0;
  const render = (next: SearchState) => {
    state = next;
    const shown: SearchState = state.kind === "results" && !input.value.trim() ? { kind: "ready" } : state;
    status.textContent = announcement(shown, select.value);
    list.replaceChildren(...(shown.kind === "results" ? shown.results.map(result) : []));
    list.hidden = list.childElementCount === 0;
  };

  const search = async () => {
    const run = ++sequence;
    const terms = input.value.trim();
    if (!terms) return render(state);
    try {
      const loaded = await loadPagefind(indexUrl);
      const found = await loaded.search(terms, select.value ? { filters: { tag: select.value } } : {});
      if (!found || run !== sequence) return;
      const results = await Promise.all(found.results.slice(0, SHOWN).map((r) => r.data()));
      if (run === sequence) render({ kind: "results", query: terms, total: found.results.length, results });
    } catch {
      if (run === sequence) render({ kind: "failed" });
    }
  };

  form.addEventListener("submit", (event) => event.preventDefault());
  input.addEventListener("input", search);
  select.addEventListener("change", search);
  close.addEventListener("click", () => element.close());
  // Escape closes the dialog in one press, whatever the field holds (the words stay for the next open); a
  // search field's own Escape would only clear it first.
  element.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    element.close();
  });
  element.addEventListener("close", () => opener?.focus());
  // A click on the backdrop (outside the dialog's box) closes it, as on the rest of the web.
  element.addEventListener("click", (event) => {
    if (event.target !== element) return;
    const box = element.getBoundingClientRect();
    const inside =
      event.clientX >= box.left &&
      event.clientX <= box.right &&
      event.clientY >= box.top &&
      event.clientY <= box.bottom;
    if (!inside) element.close();
  });

  render(state);
  loadPagefind(indexUrl)
    .then(async (loaded) => {
      const tags = Object.keys((await loaded.filters()).tag ?? {}).sort((a, b) => a.localeCompare(b));
      select.append(...tags.map((name) => h("option", { value: name }, name)));
      topic.hidden = tags.length === 0;
      render({ kind: "ready" });
      if (input.value.trim()) void search();
    })
    .catch(() => render({ kind: "failed" }));
  return element;
}

/** Opens the dialog (built on the first call) over the page; `trigger` names the index and gets focus back. */
export function openSearch(trigger: HTMLElement): void {
  const indexUrl = trigger.dataset.pagefind;
  if (!indexUrl) throw new Error("the search trigger names no index (data-pagefind)");
  dialog ??= document.body.appendChild(build(indexUrl));
  opener = trigger;
  if (!dialog.open) dialog.showModal();
  dialog.querySelector<HTMLInputElement>("input[type=search]")?.focus();
}

registerIsland(import.meta.url, { openSearch });
