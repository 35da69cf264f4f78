/**
 * The islands' inline scripts (built from components/**\/*.island.ts by `npm run islands`): what the shell
 * renders and what the script policies allow by hash. Strings only, so the shell can import it anywhere.
 */
export { islandsScript, lazyModules, themeScript } from "./generated";
