/**
 * Preloaded by the newsletter scripts (`tsx --import ./scripts/resolve-contentlayer.mjs …`),
 * which still reach `contentlayer/generated` through lib/newsletter/runtime.ts:
 * it is a tsconfig path to a folder, which Node's ESM resolver (used by tsx)
 * does not open, so point it at the generated index. The enquiry scripts do
 * without it (lib/content/generated-posts.ts). Run `npm run content` first.
 */
import { register } from "node:module";
import { pathToFileURL } from "node:url";

const target = pathToFileURL(`${process.cwd()}/.contentlayer/generated/index.mjs`).href;
const hooks = `export async function resolve(specifier, context, nextResolve) {
  return specifier === "contentlayer/generated" ? { url: ${JSON.stringify(target)}, shortCircuit: true } : nextResolve(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
