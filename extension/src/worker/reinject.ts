/**
 * Puts the content script back into tabs that were already open when Bedside was
 * installed or updated. Chromium injects manifest content scripts only into pages loaded
 * afterwards; without this, every open tab would stop warning after an automatic update
 * (its old copy stands down, see `content/lifetime.ts`) until the user reloaded it. Needs
 * the `scripting` permission and host access to the same http(s) pages the manifest's
 * content script already runs on. Tabs it cannot reach (discarded, the web store,
 * blocked by policy) are skipped; they get the script on their next load.
 */

const WEB = /^https?:/;

/** Runs in the tab's isolated world before content.js (see `content/lifetime.ts`). */
function markReinjected(): void {
  (globalThis as unknown as Record<symbol, boolean>)[Symbol.for("bedside.reinjected")] = true;
}

async function injectAll(): Promise<void> {
  const tabs = await chrome.tabs.query({});
  await Promise.all(tabs.map(async (tab) => {
    if (tab.id === undefined || tab.discarded || !WEB.test(tab.url ?? "")) return;
    try {
      const target = { tabId: tab.id, allFrames: true };
      // Tells the new copy (in the same isolated world) that it replaces one the user was
      // writing with: it may check the focused box without waiting for new input.
      await chrome.scripting.executeScript({ target, func: markReinjected });
      await chrome.scripting.executeScript({ target, files: ["content.js"] });
    } catch {
      // Not scriptable now; its next navigation injects the script as usual.
    }
  }));
}

/** Registers the listener; call once, synchronously, at the worker's start. */
export function reinjectOnInstall(): void {
  // Firefox injects manifest content scripts into open tabs itself (its build has no
  // `scripting` permission, see scripts/lib/targets.mjs).
  if (!chrome.scripting) return;
  chrome.runtime.onInstalled.addListener((details) => {
    if (details.reason === "install" || details.reason === "update") {
      injectAll().catch((e: unknown) => console.warn("Bedside: could not re-inject open tabs", e));
    }
  });
}
