"use client";

import { useEffect, useId, useRef, useState } from "react";

import { excerptParts } from "@/lib/search/excerpt";
import { pagefindBaseUrl, pagefindScriptPath } from "@/lib/search/paths";

/** The part of Pagefind's browser API (pagefind.js, served with the index) this dialog uses. */
type PagefindResultData = {
  url: string;
  excerpt: string;
  meta: { title?: string; date?: string };
  filters: { tag?: string[] };
};
type Pagefind = {
  options(options: { excerptLength?: number; baseUrl?: string }): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<{ tag?: Record<string, number> }>;
  search(
    query: string,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] } | null>;
};

const SHOWN = 10;

let loading: Promise<Pagefind> | undefined;

/** Pagefind's loader is fetched from the build's index on the first open, outside the bundle. */
function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const url = pagefindScriptPath;
    const pagefind = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ url)) as Pagefind;
    await pagefind.options({ excerptLength: 24, baseUrl: pagefindBaseUrl });
    await pagefind.init();
    return pagefind;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

type State =
  | { kind: "loading" }
  | { kind: "ready" }
  | { kind: "results"; query: string; total: number; results: PagefindResultData[] }
  | { kind: "failed" };

function announcement(state: State, tag: string): string {
  switch (state.kind) {
    case "loading":
      return "Loading search…";
    case "ready":
      return "";
    case "failed":
      return "Search could not load. Browse the topics or the feeds instead.";
    case "results": {
      const within = tag ? ` in ${tag}` : "";
      if (state.total === 0) return `No results for “${state.query}”${within}.`;
      const shown = state.total > SHOWN ? `, showing the first ${SHOWN}` : "";
      return `${state.total} result${state.total === 1 ? "" : "s"} for “${state.query}”${within}${shown}.`;
    }
  }
}

export default function SearchDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [pagefind, setPagefind] = useState<Pagefind | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [query, setQuery] = useState("");
  const [tag, setTag] = useState("");
  const [state, setState] = useState<State>({ kind: "loading" });
  const sequence = useRef(0);
  const ids = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      input.current?.focus();
    } else if (!open && element.open) element.close();
  }, [open]);

  useEffect(() => {
    let live = true;
    loadPagefind()
      .then(async (loaded) => {
        const filters = await loaded.filters();
        if (!live) return;
        setPagefind(loaded);
        setTags(Object.keys(filters.tag ?? {}).sort((a, b) => a.localeCompare(b)));
        setState({ kind: "ready" });
      })
      .catch(() => live && setState({ kind: "failed" }));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!pagefind) return;
    const run = ++sequence.current;
    const terms = query.trim();
    // An emptied field shows no results (see `shown` below); a search still on its way is dropped.
    if (!terms) return;
    void (async () => {
      try {
        const search = await pagefind.search(terms, tag ? { filters: { tag } } : {});
        if (!search || run !== sequence.current) return;
        const results = await Promise.all(search.results.slice(0, SHOWN).map((result) => result.data()));
        if (run !== sequence.current) return;
        setState({ kind: "results", query: terms, total: search.results.length, results });
      } catch {
        if (run === sequence.current) setState({ kind: "failed" });
      }
    })();
  }, [pagefind, query, tag]);

  const shown: State = state.kind === "results" && !query.trim() ? { kind: "ready" } : state;

  return (
    <dialog ref={dialog} className="search-dialog" aria-labelledby={`${ids}-title`} onClose={onClose}>
      <div className="search-dialog__head">
        <h2 id={`${ids}-title`} className="search-dialog__title">
          Search the essays
        </h2>
        <button type="button" className="search-dialog__close" onClick={onClose}>
          Close<span className="visually-hidden"> search</span>
        </button>
      </div>
      <form role="search" className="search-dialog__form" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={`${ids}-query`}>Words to find</label>
        <input
          ref={input}
          id={`${ids}-query`}
          type="search"
          value={query}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setQuery(event.target.value)}
          aria-describedby={`${ids}-status`}
        />
        {tags.length > 0 ? (
          <>
            <label htmlFor={`${ids}-tag`}>Topic</label>
            <select id={`${ids}-tag`} value={tag} onChange={(event) => setTag(event.target.value)}>
              <option value="">All topics</option>
              {tags.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </>
        ) : null}
      </form>
      <p id={`${ids}-status`} className="search-dialog__status" role="status" aria-live="polite">
        {announcement(shown, tag)}
      </p>
      {shown.kind === "results" && shown.results.length > 0 ? (
        <ol className="search-results" aria-label="Results">
          {shown.results.map((result) => (
            <li key={result.url} className="search-result">
              <a className="search-result__title" href={result.url}>
                {result.meta.title ?? result.url}
              </a>
              {result.meta.date ? <p className="search-result__date">{result.meta.date}</p> : null}
              <p className="search-result__excerpt">
                {excerptParts(result.excerpt).map((part, index) =>
                  part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
                )}
              </p>
              {result.filters.tag?.length ? (
                <ul className="search-result__tags" aria-label="Topics">
                  {result.filters.tag.map((name) => (
                    <li key={name}>{name}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </dialog>
  );
}
