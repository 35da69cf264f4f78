/**
 * Small DOM helpers for the vanilla islands (components/islands/main.ts): building elements without
 * innerHTML (every text goes in as text), finding the element an event is about, and a status message
 * that clears itself.
 */

type Child = Node | string | null | undefined | false;

/** An element with attributes (`true` → present, `false`/undefined → absent) and children (strings as text). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, "");
    else if (typeof value === "string") element.setAttribute(name, value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

/** The element matching `selector` that the event happened in, or null. */
export function closestTarget<E extends Element = HTMLElement>(event: Event, selector: string): E | null {
  const target = event.target;
  return target instanceof Element ? target.closest<E>(selector) : null;
}

/** Whether a click is a plain left click (no modifier asks the browser for a new tab or window). */
export function isPlainClick(event: MouseEvent): boolean {
  return !(
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  );
}

/** How long a "Copied" confirmation stays visible. */
export const CONFIRMATION_MS = 2500;

const timers = new WeakMap<Element, number>();

/** Shows `message` in a status element, cleared after CONFIRMATION_MS. */
export function flash(status: HTMLElement, message: string): void {
  status.textContent = message;
  if (status.dataset.visible !== undefined) status.dataset.visible = message ? "true" : "false";
  window.clearTimeout(timers.get(status));
  timers.set(
    status,
    window.setTimeout(() => {
      status.textContent = "";
      if (status.dataset.visible !== undefined) status.dataset.visible = "false";
    }, CONFIRMATION_MS),
  );
}

/** Whether the reader is typing in a field (a shortcut key must not steal the keystroke). */
export function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}

/**
 * Loads an ES module by address at run time (Pagefind, from a lazy island). Through a parameter, so the bundler
 * leaves a native `import()` and never tries to resolve or inline the address.
 */
export function importModule<T>(url: string): Promise<T> {
  return import(/* webpackIgnore: true */ url) as Promise<T>;
}

type Registry = Record<string, unknown>;
const registry = (): Registry => ((window as unknown as { __islands?: Registry }).__islands ??= {});

/** Called last by a lazy island module (`registerIsland(import.meta.url, { … })`): hands its exports to the loader. */
export function registerIsland(url: string, exports: unknown): void {
  registry()[url] = exports;
}

const loading = new Map<string, Promise<unknown>>();

/**
 * Loads a lazy island module (search dialog, quote popover, sign-up sender) with a `<script type="module">`
 * element rather than `import()`: under a nonce policy with 'strict-dynamic' (/contact) a script inserted by a
 * trusted script may load, while an `import()` from the inline islands script (allowed by hash, without a
 * nonce) is refused. The module registers its exports (registerIsland); a failed load can be tried again.
 */
export function loadIsland<T>(path: string): Promise<T> {
  const url = new URL(path, location.href).href;
  let pending = loading.get(url) as Promise<T> | undefined;
  if (!pending) {
    pending = new Promise<T>((resolve, reject) => {
      const script = document.createElement("script");
      script.type = "module";
      script.src = url;
      script.onload = () =>
        url in registry() ? resolve(registry()[url] as T) : reject(new Error(`${url} registered nothing`));
      script.onerror = () => reject(new Error(`could not load ${url}`));
      document.head.append(script);
    });
    pending.catch(() => loading.delete(url));
    loading.set(url, pending);
  }
  return pending;
}
