/**
 * The content script's view of the settings in force: only what a page needs — the mode
 * and block mode's override rules — asked of the worker (`bedside:page`), which merges the
 * user's settings with the organisation's. The page never gets the organisation's
 * dictionaries, patterns or name, nor the user's word lists. Asked again when the worker
 * says the settings changed (`bedside:refresh`).
 * Modes: "audit" checks silently (nothing drawn), "warn" underlines and badges, "block"
 * also holds a warned draft's send; then "post anyway" lets it through, if the
 * organisation allows it, after a reason if it asks for one.
 */
import type { PageSettings, TabMessage, WorkerMessage } from "../protocol";
import { defaults, MODES } from "../settings/schema";
import { pageSettings } from "../worker/page";
import { guard, swallow } from "./guard";

export type Mode = PageSettings["mode"];

/** Until the worker answers: the defaults (warn mode, overriding allowed without a reason). */
const DEFAULTS: PageSettings = pageSettings(defaults());

let current: PageSettings = DEFAULTS;
let loaded: Promise<Mode> | null = null;
const listeners: ((m: Mode) => void)[] = [];

/** The worker's answer, checked field by field (a missing or odd field keeps its default). */
function parse(v: unknown): PageSettings {
  const r = (v && typeof v === "object" ? v : {}) as Partial<Record<keyof PageSettings, unknown>>;
  const flag = (x: unknown, d: boolean) => (typeof x === "boolean" ? x : d);
  return {
    mode: (MODES as readonly unknown[]).includes(r.mode) ? (r.mode as Mode) : DEFAULTS.mode,
    allowUserOverride: flag(r.allowUserOverride, DEFAULTS.allowUserOverride),
    requireJustification: flag(r.requireJustification, DEFAULTS.requireJustification),
  };
}

async function read(): Promise<PageSettings> {
  const ask: WorkerMessage = { type: "bedside:page" };
  return parse(await chrome.runtime.sendMessage(ask));
}

function update(next: PageSettings): void {
  const changed = next.mode !== current.mode;
  current = next;
  if (!changed) return;
  for (const fn of listeners) {
    try {
      fn(next.mode);
    } catch (e) {
      swallow(e);
    }
  }
}

function load(): Promise<Mode> {
  return read().then((s) => (update(s), s.mode), (e: unknown) => (swallow(e), current.mode));
}

/** The mode in force, once the settings are read. */
export function getMode(): Promise<Mode> {
  loaded ??= load();
  return loaded;
}

/** The mode as last read: event handlers that must decide synchronously use this. */
export function modeNow(): Mode {
  return current.mode;
}

/** Block mode's override rules as last read: whether the card offers "post anyway", and
 * whether it first asks for a reason. */
export function overrideNow(): Pick<PageSettings, "allowUserOverride" | "requireJustification"> {
  return { allowUserOverride: current.allowUserOverride, requireJustification: current.requireJustification };
}

/** Calls `fn` whenever the mode changes (the user's or the organisation's setting). */
export function onModeChange(fn: (m: Mode) => void): void {
  listeners.push(fn);
}

try {
  // No answer is sent from here (bridge.ts answers the popup).
  chrome.runtime.onMessage.addListener(guard((m: TabMessage) => {
    if (m?.type === "bedside:refresh") loaded = load();
  }));
} catch (e) {
  swallow(e);
}
