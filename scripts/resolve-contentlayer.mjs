/**
 * Preloaded by the enquiry scripts (`tsx --import ./scripts/resolve-contentlayer.mjs …`):
 * `contentlayer/generated` is a tsconfig path to a folder, which Node's ESM
 * resolver (used by tsx) does not open, so point it at the generated index.
 * Run `npm run content` (or `npm run build`) first.
 */
import { register } from "node:module";
import { pathToFileURL } from "node:url";

const target = pathToFileURL(`${process.cwd()}/.contentlayer/generated/index.mjs`).href;
const hooks = `export async function resolve(specifier, context, nextResolve) {
  return specifier === "contentlayer/generated" ? { url: ${JSON.stringify(target)}, shortCircuit: true } : nextResolve(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
