import { site } from "../site";

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

/** A spelling as it counts: trimmed, inner spaces collapsed (`engineering  leadership` is not a second spelling). */
export function normalizeTagName(raw: string): string {
  return raw.trim().replace(/\s+/g, " ");
}

/** Tags of one post, deduplicated by slug, in the order written (each with this post's own spelling). */
export function toTags(names: readonly string[]): Tag[] {
  const seen = new Map<string, Tag>();
  for (const raw of names) {
    const name = normalizeTagName(raw);
    const slug = tagSlug(name);
    if (!seen.has(slug)) seen.set(slug, { name, slug });
  }
  return [...seen.values()];
}

/** The one display label of each tag slug among a set of posts. */
export type TagLabels = ReadonlyMap<string, string>;

/** One post's spelling of a tag: the post's file (for warnings) and each post's first spelling of the slug. */
export type TagUse = { name: string; file: string; line?: number; column?: number };

export type TagLabelChoice = {
  slug: string;
  label: string;
  /** The label comes from `site.tagLabels`, not from the posts. */
  pinned: boolean;
  /** Every spelling the posts use, with the uses of each. */
  spellings: Map<string, TagUse[]>;
};

/** `site.tagLabels` by slug (the first entry wins; the content check reports two entries for one slug). */
export function pinnedTagLabels(labels: readonly string[] = site.tagLabels): Map<string, string> {
  const bySlug = new Map<string, string>();
  for (const label of labels.map(normalizeTagName).filter(Boolean)) {
    if (!bySlug.has(tagSlug(label))) bySlug.set(tagSlug(label), label);
  }
  return bySlug;
}

/**
 * The rule for a tag's label: its entry in `site.tagLabels` when there is one; otherwise the spelling most posts
 * use; between spellings used equally often, the first in code-point order (capitals sort first, so
 * "Engineering Leadership" wins a tie with "engineering leadership"), which does not depend on file order.
 */
export function chooseTagLabels(
  uses: readonly TagUse[],
  pinnedLabels: readonly string[] = site.tagLabels,
): Map<string, TagLabelChoice> {
  const pinned = pinnedTagLabels(pinnedLabels);
  const bySlug = new Map<string, Map<string, TagUse[]>>();
  for (const use of uses) {
    const name = normalizeTagName(use.name);
    const slug = tagSlug(name);
    const spellings = bySlug.get(slug) ?? new Map<string, TagUse[]>();
    spellings.set(name, [...(spellings.get(name) ?? []), use]);
    bySlug.set(slug, spellings);
  }
  const choices = new Map<string, TagLabelChoice>();
  for (const [slug, spellings] of bySlug) {
    const [mostUsed] = [...spellings].sort(([a, usesA], [b, usesB]) => usesB.length - usesA.length || (a < b ? -1 : a > b ? 1 : 0));
    const label = pinned.get(slug);
    choices.set(slug, { slug, label: label ?? mostUsed![0], pinned: label !== undefined, spellings });
  }
  return choices;
}

/** The labels of every tag the posts use (each post counted once per tag). */
export function tagLabels(posts: readonly { tags: readonly Tag[] }[], pinnedLabels: readonly string[] = site.tagLabels): TagLabels {
  const uses = posts.flatMap((post, index) => post.tags.map((tag) => ({ name: tag.name, file: String(index) })));
  return new Map([...chooseTagLabels(uses, pinnedLabels)].map(([slug, choice]) => [slug, choice.label]));
}

/** The label shown for a tag slug: from the posts' labels, else `site.tagLabels`; undefined for an unknown tag. */
export function tagLabel(slug: string, labels: TagLabels = new Map()): string | undefined {
  return labels.get(slug) ?? pinnedTagLabels().get(slug);
}

/** The posts with every tag under its one label, so pages, feeds, JSON-LD and the search filter all agree. */
export function withTagLabels<T extends { tags: readonly Tag[] }>(posts: readonly T[], labels: TagLabels = tagLabels(posts)): T[] {
  return posts.map((post) => ({ ...post, tags: post.tags.map((tag) => ({ ...tag, name: labels.get(tag.slug) ?? tag.name })) }));
}

/** Every tag across posts with its count and its label (the rule above), most used first. */
export function collectTags(posts: readonly { tags: readonly Tag[] }[]): TagWithCount[] {
  const labels = tagLabels(posts);
  const counts = new Map<string, number>();
  for (const post of posts) for (const tag of post.tags) counts.set(tag.slug, (counts.get(tag.slug) ?? 0) + 1);
  return [...counts]
    .map(([slug, count]) => ({ slug, name: labels.get(slug) ?? slug, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
