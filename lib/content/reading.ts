const WORDS_PER_MINUTE = 230;

/** Words a reader reads: prose and code, without Markdown/MDX syntax, URLs or frontmatter. */
export function countWords(markdown: string): number {
  const text = markdown
    .replace(/^---[\s\S]*?\n---\s*\n/, "")
    .replace(/^```.*$/gm, " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[\^[^\]]+\]:?/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/https?:\/\/\S+/g, " ");
  const words = text.match(/[\p{Letter}\p{Number}][\p{Letter}\p{Number}'’_-]*/gu);
  return words ? words.length : 0;
}

/** Whole minutes, rounded up, never below one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

export function readingTimeLabel(minutes: number): string {
  return `${minutes} min read`;
}
