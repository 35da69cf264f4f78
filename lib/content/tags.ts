export type Tag = { name: string; slug: string };
export type TagWithCount = Tag & { count: number };

/** A stable URL slug for a tag: `Engineering Leadership` -> `engineering-leadership`, `C++` -> `c-plus-plus`. */
export function tagSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    // Drop Latin accents (é -> e) but recompose other scripts' marks (ダ stays ダ).
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/\+/g, " plus ")
    .replace(/&/g, " and ")
    .replace(/#/g, " sharp ")
    .replace(/[^\p{Letter}\p{Mark}\p{Number}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "tag";
}

/** Tags of one post, deduplicated by slug, in the order written. */
export function toTags(names: readonly string[]): Tag[] {
  const seen = new Map<string, Tag>();
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, " ");
    const slug = tagSlug(name);
    if (!seen.has(slug)) seen.set(slug, { name, slug });
  }
  return [...seen.values()];
}

/**
 * Every tag across posts with its count. Two spellings of one tag are one tag;
 * it is displayed with its most used spelling (ties: the one seen first).
 */
export function collectTags(posts: readonly { tags: readonly Tag[] }[]): TagWithCount[] {
  const bySlug = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const post of posts) {
    for (const tag of post.tags) {
      const entry = bySlug.get(tag.slug) ?? { count: 0, spellings: new Map<string, number>() };
      entry.count += 1;
      entry.spellings.set(tag.name, (entry.spellings.get(tag.name) ?? 0) + 1);
      bySlug.set(tag.slug, entry);
    }
  }
  return [...bySlug.entries()]
    .map(([slug, { count, spellings }]) => {
      let name = "";
      let best = -1;
      for (const [spelling, uses] of spellings) {
        if (uses > best) {
          name = spelling;
          best = uses;
        }
      }
      return { slug, name, count };
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
