/**
 * The content script's view of the mode in force: the user's setting, or the
 * organisation's, which wins (read through the shared settings store).
 * Modes: "audit" checks silently (nothing drawn), "warn" underlines and badges, "block"
 * also holds a warned draft's send until the user chooses "post anyway".
 */
import { effectiveSettings, onSettingsChanged } from "../settings/store";
import { swallow } from "./guard";

export type Mode = "audit" | "warn" | "block";

const DEFAULT_MODE: Mode = "warn";
const MODES: readonly Mode[] = ["audit", "warn", "block"];

let current: Mode = DEFAULT_MODE;
let loaded: Promise<Mode> | null = null;
const listeners: ((m: Mode) => void)[] = [];

function parse(v: unknown): Mode | null {
  return MODES.includes(v as Mode) ? (v as Mode) : null;
}

async function read(): Promise<Mode> {
  const eff = await effectiveSettings();
  return parse(eff.settings.mode) ?? DEFAULT_MODE;
}

function update(m: Mode): void {
  if (m === current) return;
  current = m;
  for (const fn of listeners) {
    try {
      fn(m);
    } catch (e) {
      swallow(e);
    }
  }
}

/** The mode in force, once the settings are read. */
export function getMode(): Promise<Mode> {
  loaded ??= read().then((m) => (update(m), m), (e: unknown) => (swallow(e), current));
  return loaded;
}

/** The mode as last read: event handlers that must decide synchronously use this. */
export function modeNow(): Mode {
  return current;
}

/** Calls `fn` whenever the mode changes (the user's or the organisation's setting). */
export function onModeChange(fn: (m: Mode) => void): void {
  listeners.push(fn);
}

try {
  onSettingsChanged(() => {
    loaded = read().then((m) => (update(m), m), (e: unknown) => (swallow(e), current));
  });
} catch (e) {
  swallow(e);
}
