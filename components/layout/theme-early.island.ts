/** The inline script in <head> (lib/islands): runs before first paint, so a stored theme never flashes the other. */
import { applyStoredTheme } from "./theme-state";

applyStoredTheme();
