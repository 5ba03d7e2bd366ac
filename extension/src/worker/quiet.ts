/**
 * Whether a page may show warnings: not when Bedside is switched off for its site, paused
 * on its origin, or in audit mode (then it only counts).
 */
import type { Quiet } from "../protocol";
import { siteOfUrl } from "../settings/sites";
import type { WorkerState } from "./settings";

/** Why nothing may be shown on the page at `url` (a frame's address), or undefined. */
export function quietFor(state: WorkerState, url: string | undefined, now = Date.now()): Quiet | undefined {
  const site = siteOfUrl(url);
  if (site !== "other" && !state.settings.sites[site]) return "site";
  let origin = "";
  try {
    origin = url ? new URL(url).origin : "";
  } catch {
    // Not a URL: no pause can apply.
  }
  if (state.settings.allowPause && (state.pauses[origin] ?? 0) > now) return "paused";
  if (state.settings.mode === "audit") return "audit";
  return undefined;
}
