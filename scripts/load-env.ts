/**
 * Loads .env files for the CLI scripts the way `next start` does, so the
 * scripts see the same configuration as the server. Earlier files win, and
 * variables already set in the environment are never overridden.
 */
import { existsSync } from "node:fs";

const mode =
  process.env.NODE_ENV === "test" ? "test" : process.env.NODE_ENV === "development" ? "development" : "production";
const files = [`.env.${mode}.local`, ...(mode === "test" ? [] : [".env.local"]), `.env.${mode}`, ".env"];

for (const file of files) {
  if (existsSync(file)) process.loadEnvFile(file);
}
