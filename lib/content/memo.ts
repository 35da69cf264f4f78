/**
 * Results computed from a post's text, kept by that text. `next dev` evaluates the content modules again after
 * every save, and reading and rendering every post again each time made a save take seconds to show; the cache
 * lives on `globalThis`, which survives that, so only the post that changed is computed again. Bounded: the
 * oldest entries go first.
 */

const LIMIT = 500;

export function memoByText<T>(name: string, compute: (text: string) => T): (text: string) => T {
  const store = globalThis as unknown as Record<symbol, Map<string, T> | undefined>;
  const key = Symbol.for(`steady-state.content.${name}`);
  const cache = (store[key] ??= new Map<string, T>());
  return (text) => {
    if (cache.has(text)) return cache.get(text)!;
    const value = compute(text);
    if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(text, value);
    return value;
  };
}
