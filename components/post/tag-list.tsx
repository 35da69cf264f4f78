import Link from "next/link";

import type { Tag } from "@/lib/content/tags";
import { tagPath } from "@/lib/routes";

export function TagList({ tags, label = "Topics" }: { tags: readonly Tag[]; label?: string }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag.slug}>
          <Link href={tagPath(tag.slug)} className="tag">
            {tag.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
