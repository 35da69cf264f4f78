/** The search dialog's states and what its status region says in each (pure, so tested without a browser). */

/** The part of Pagefind's browser API (pagefind.js, served with the index) the dialog uses. */
export type PagefindResultData = {
  url: string;
  excerpt: string;
  meta: { title?: string; date?: string };
  filters: { tag?: string[] };
};

export type Pagefind = {
  options(options: { excerptLength?: number; baseUrl?: string }): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<{ tag?: Record<string, number> }>;
  search(
    query: string,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] } | null>;
};

/** Results shown at most; the status says how many there are in all. */
export const SHOWN = 10;

export type SearchState =
  | { kind: "loading" }
  | { kind: "ready" }
  | { kind: "results"; query: string; total: number; results: PagefindResultData[] }
  | { kind: "failed" };

export function announcement(state: SearchState, tag: string): string {
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
