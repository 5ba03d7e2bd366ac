/**
 * The worker's view of the settings: loads the effective settings, compiles them into the
 * core's checker (one policy structure), reports what could not be used — on the worker's
 * console, naming the setting and the reason — and, whenever the user's settings, the
 * organisation's policy or the pauses change, does it again and tells every tab to re-check.
 */
import { usePolicy } from "../core";
import type { PageMessage } from "../protocol";
import { PAUSE_STORAGE_KEY, activePauses } from "../settings/pause";
import { corePolicy } from "../settings/policy";
import { effectiveSettings, onSettingsChanged, type Effective } from "../settings/store";
import type { Problem } from "../settings/validate";

/** Everything the worker, the popup and the options page need to know about settings. */
export interface WorkerState extends Effective {
  /** Origin → when its pause ends (ms). */
  pauses: Record<string, number>;
}

let current: Promise<WorkerState> | null = null;
const listeners: (() => void)[] = [];

/** Core errors name fields such as "customPatterns[1].pattern": whose setting is it? */
function sourceOf(eff: Effective, field: string): Problem["source"] {
  const top = field.split(/[[.]/)[0] ?? field;
  return (eff.locked.keys as string[]).includes(top) ? "organisation" : "user";
}

async function load(): Promise<WorkerState> {
  const eff = await effectiveSettings();
  const coreErrors = await usePolicy(corePolicy(eff.settings)).catch((e: unknown) => {
    console.error("Bedside: the core did not load", e);
    return [];
  });
  for (const p of eff.problems) console.warn(`Bedside: setting \`${p.field}\` (${p.source}): ${p.reason}`);
  const problems = [...eff.problems, ...coreErrors.map((e) => ({ ...e, source: sourceOf(eff, e.field) }))];
  return { ...eff, problems, pauses: await activePauses() };
}

/** The current state (loaded on first use). */
export function workerState(): Promise<WorkerState> {
  current ??= load().catch((e: unknown) => {
    current = null;
    throw e;
  });
  return current;
}

/** Calls `cb` after the settings were reloaded and the core recompiled. */
export function afterSettingsChange(cb: () => void): void {
  listeners.push(cb);
}

async function reload(): Promise<void> {
  current = null;
  await workerState().catch((e: unknown) => console.error("Bedside: settings not loaded", e));
  for (const cb of listeners) cb();
  const reloaded: PageMessage = { type: "bedside:reloaded" };
  chrome.runtime.sendMessage(reloaded).catch(() => {}); // no page open: nobody to tell
  // Content scripts cache reports and hold drawn warnings: ask every tab to re-check.
  const tabs = await chrome.tabs.query({});
  for (const tab of tabs) {
    if (tab.id !== undefined) chrome.tabs.sendMessage(tab.id, { type: "bedside:refresh" }).catch(() => {});
  }
}

/** Registers the change listeners; call once, synchronously, at the worker's start. */
export function watchSettings(): void {
  onSettingsChanged(() => void reload());
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === "local" && PAUSE_STORAGE_KEY in changes) void reload();
  });
}
