import { compileMDX } from "next-mdx-remote/rsc";

import { rehypePlugins, remarkPlugins } from "@/lib/content/mdx-pipeline";

import { mdxComponents } from "./mdx-components";

/** Compiles a post's MDX on the server (at build time for static pages); nothing of the compiler reaches the browser. */
export async function PostBody({ source }: { source: string }) {
  const { content } = await compileMDX({
    source,
    components: mdxComponents,
    options: {
      parseFrontmatter: false,
      mdxOptions: { format: "mdx", remarkPlugins, rehypePlugins },
    },
  });
  return <div className="prose">{content}</div>;
}
