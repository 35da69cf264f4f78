import type { Tag } from "@/lib/content/tags";
import { tagPath } from "@/lib/routes";

type Props = {
  tags: readonly Tag[];
  label?: string;
  /** On a post page: the tags become the search index's topic filter. */
  searchFilter?: boolean;
};

export function TagList({ tags, label = "Topics", searchFilter = false }: Props) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag.slug}>
          <a href={tagPath(tag.slug)} className="tag" {...(searchFilter ? { "data-pagefind-filter": "tag" } : {})}>
            {tag.name}
          </a>
        </li>
      ))}
    </ul>
  );
}
