type Relatable = { slug: string; publishDate: string; tags: readonly { slug: string }[] };

/** Up to `limit` other posts sharing the most tags with `post`; ties go to the newer post. */
export function relatedPosts<T extends Relatable>(post: Relatable, posts: readonly T[], limit = 3): T[] {
  const own = new Set(post.tags.map((t) => t.slug));
  return posts
    .filter((p) => p.slug !== post.slug)
    .map((p) => ({ p, shared: p.tags.filter((t) => own.has(t.slug)).length }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared || b.p.publishDate.localeCompare(a.p.publishDate) || a.p.slug.localeCompare(b.p.slug))
    .slice(0, limit)
    .map(({ p }) => p);
}

/** Neighbours in a newest-first list: `newer` is the next post published after this one. */
export function adjacentPosts<T extends { slug: string }>(post: { slug: string }, newestFirst: readonly T[]) {
  const index = newestFirst.findIndex((p) => p.slug === post.slug);
  if (index === -1) return { newer: null, older: null };
  return { newer: newestFirst[index - 1] ?? null, older: newestFirst[index + 1] ?? null };
}
