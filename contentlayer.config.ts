import { defineDocumentType, makeSource } from "contentlayer2/source-files";

// Field shapes mirror lib/content/schema.ts; zod then validates the values
// (scripts/build-content.ts runs it before this, lib/content/posts.ts after).
export const Post = defineDocumentType(() => ({
  name: "Post",
  filePathPattern: "posts/**/*.mdx",
  contentType: "mdx",
  fields: {
    title: { type: "string", required: true },
    description: { type: "string", required: true },
    publishDate: { type: "date", required: true },
    updatedDate: { type: "date", required: false },
    tags: { type: "list", of: { type: "string" }, default: [] },
    draft: { type: "boolean", default: false },
    cta: { type: "string", required: false },
  },
}));

export default makeSource({
  contentDirPath: process.env.CONTENT_DIR ?? "content",
  documentTypes: [Post],
  disableImportAliasWarning: true,
  // contentlayer2 skips a bad document with a warning by default; we want the build to stop.
  onMissingOrIncompatibleData: "fail",
  onExtraFieldData: "fail",
  onUnknownDocuments: "fail",
  // MDX is compiled by next-mdx-remote at render time; skip contentlayer's bundling here.
  mdx: { remarkPlugins: [], rehypePlugins: [] },
});
