/**
 * Pausing Bedside on one site (an origin) for a while, from the popup. Pauses live in
 * chrome.storage.local as {origin: until (ms since the epoch)}; an expired one is ignored.
 */
import { effectiveSettings, LockedError } from "./store";

export const PAUSE_STORAGE_KEY = "bedsidePauses";
/** How long the popup's pause lasts. */
export const PAUSE_MS = 60 * 60 * 1000;

type Pauses = Record<string, number>;

async function read(): Promise<Pauses> {
  const got = await chrome.storage.local.get(PAUSE_STORAGE_KEY);
  const v = got[PAUSE_STORAGE_KEY];
  return v && typeof v === "object" ? (v as Pauses) : {};
}

/** When the pause on `origin` ends (ms), or 0 if it is not paused. */
export async function pausedUntil(origin: string, now = Date.now()): Promise<number> {
  const until = (await read())[origin] ?? 0;
  return until > now ? until : 0;
}

/** The pauses still running. */
export async function activePauses(now = Date.now()): Promise<Pauses> {
  return Object.fromEntries(Object.entries(await read()).filter(([, until]) => until > now));
}

/** Pauses `origin` for `ms`; refused (LockedError) when the organisation forbids pausing. */
export async function pause(origin: string, ms = PAUSE_MS): Promise<number> {
  if (!(await effectiveSettings()).settings.allowPause) throw new LockedError(["allowPause"]);
  const until = Date.now() + ms;
  await chrome.storage.local.set({ [PAUSE_STORAGE_KEY]: { ...(await activePauses()), [origin]: until } });
  return until;
}

export async function resume(origin: string): Promise<void> {
  const p = await activePauses();
  delete p[origin];
  await chrome.storage.local.set({ [PAUSE_STORAGE_KEY]: p });
}
