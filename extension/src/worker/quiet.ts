/**
 * Whether a page may show warnings: not when Bedside is switched off for its site, paused
 * on its origin, or in audit mode (then it only counts). A frame follows its tab's page
 * (`pageOf`): an editor's about:srcdoc frame, or another site's frame inside a paused or
 * switched-off page, is as quiet as the page the user sees in the address bar.
 */
import type { Quiet } from "../protocol";
import { siteOfUrl } from "../settings/sites";
import type { WorkerState } from "./settings";

/** The address that decides for a message's sender: its tab's page (the extension has
 * host access to every page it runs in, so the tab's URL is known), else the sending
 * frame's origin (an about:srcdoc or about:blank frame's is its parent's), else its URL. */
export function pageOf(sender: chrome.runtime.MessageSender | undefined): string | undefined {
  const origin = sender?.origin && sender.origin !== "null" ? sender.origin : undefined;
  return sender?.tab?.url || origin || sender?.url;
}

/** Why nothing may be shown on the page at `url` (the tab's address, `pageOf`), or undefined. */
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
