/**
 * Writes synthetic posts (realistic length and structure) for benchmarks and
 * the pagination end-to-end fixture:
 *   tsx tooling/shared/generate-posts.ts --out DIR --count 100 [--drafts 2] [--seed 1]
 * Deterministic for a given seed, so two runs build the same site.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { seededRandom } from "./seeded-random";

const TAGS = [
  "Engineering Leadership",
  "On-call",
  "Incidents",
  "Culture",
  "Code Review",
  "Management",
  "Strategy",
  "Hiring",
  "Delivery",
  "Platform Teams",
  "Architecture",
  "Feedback",
  "Career Growth",
  "Planning",
  "Remote Work",
];
const WORDS = (
  "team engineers manager incident review rotation budget pager handover delivery trust feedback goal quarter " +
  "system service alert runbook meeting decision owner risk deploy release backlog roadmap promise habit practice " +
  "conversation expectation measure outcome signal noise ownership context priority capacity estimate learning"
).split(" ");

export function generatePosts(options: { out: string; count: number; drafts?: number; seed?: number }): string[] {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const sentence = (min = 8, max = 22) => {
    const n = min + Math.floor(random() * (max - min));
    const words = Array.from({ length: n }, () => pick(WORDS));
    return `${words[0]!.charAt(0).toUpperCase()}${words[0]!.slice(1)} ${words.slice(1).join(" ")}.`;
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 4) }, () => sentence()).join(" ");

  const postsDir = path.join(options.out, "posts");
  rmSync(postsDir, { recursive: true, force: true });
  mkdirSync(postsDir, { recursive: true });
  const start = Date.UTC(2019, 0, 1);
  const slugs: string[] = [];
  for (let i = 0; i < options.count; i++) {
    const slug = `synthetic-post-${String(i + 1).padStart(5, "0")}`;
    const date = new Date(start + i * 86_400_000 * 1.5).toISOString().slice(0, 10);
    // Like the real blog, one tag is on nearly every post, so tag pages paginate too.
    const tags = [...new Set([TAGS[0]!, pick(TAGS), pick(TAGS)])];
    const draft = i >= options.count - (options.drafts ?? 0);
    const sections = Array.from({ length: 5 }, (_, s) => {
      const parts = [`## Section ${s + 1}: the ${pick(WORDS)} ${pick(WORDS)}`, paragraph(), paragraph()];
      if (s === 1)
        parts.push(
          `### A closer look at ${pick(WORDS)}`,
          paragraph(),
          `- ${sentence(4, 9)}\n- ${sentence(4, 9)}\n- ${sentence(4, 9)}`,
        );
      if (s === 2) parts.push('> — "Can we ship the fix tonight?"\n> — "Not until the migration has a rollback."');
      if (s === 3)
        parts.push(
          '```ts title="example.ts" {2}\nexport function budget(pages: number) {\n  return pages <= 2;\n}\n```',
        );
      if (s === 4)
        parts.push(
          `| Week | Primary | Secondary |\n| --- | --- | --- |\n| 1 | ${pick(WORDS)} | ${pick(WORDS)} |\n| 2 | ${pick(WORDS)} | ${pick(WORDS)} |`,
        );
      return parts.join("\n\n");
    });
    const text = [
      "---",
      `title: "Synthetic post ${i + 1}: on ${pick(WORDS)} and ${pick(WORDS)}"`,
      `description: "${sentence(10, 20)}"`,
      `publishDate: ${date}`,
      `tags: [${tags.map((t) => JSON.stringify(t)).join(", ")}]`,
      ...(draft ? ["draft: true"] : []),
      "---",
      "",
      `**${sentence(3, 6)}** ${paragraph()}`,
      "",
      sections.join("\n\n"),
      "",
    ].join("\n");
    writeFileSync(path.join(postsDir, `${slug}.mdx`), text);
    slugs.push(slug);
  }
  return slugs;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("generate-posts.ts")) {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      count: { type: "string", default: "100" },
      drafts: { type: "string", default: "0" },
      seed: { type: "string", default: "1" },
    },
  });
  if (!values.out) {
    console.error("usage: tsx tooling/shared/generate-posts.ts --out DIR --count N [--drafts K] [--seed S]");
    process.exit(2);
  }
  const slugs = generatePosts({
    out: values.out,
    count: Number(values.count),
    drafts: Number(values.drafts),
    seed: Number(values.seed),
  });
  console.log(`wrote ${slugs.length} posts to ${path.join(values.out, "posts")}`);
}
