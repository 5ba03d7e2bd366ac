/**
 * Pausing Bedside on one site (an origin) for a while, from the popup. Pauses live in
 * chrome.storage.local as {origin: until (ms since the epoch)}. An expired pause is
 * forgotten, its site's address removed from storage, whenever pauses are read (and by
 * the worker when the next one ends, `worker/pauses.ts`).
 */
import { effectiveSettings, LockedError } from "./store";

export const PAUSE_STORAGE_KEY = "bedsidePauses";
/** How long the popup's pause lasts. */
export const PAUSE_MS = 60 * 60 * 1000;

type Pauses = Record<string, number>;

async function stored(): Promise<Pauses> {
  const v: unknown = (await chrome.storage.local.get(PAUSE_STORAGE_KEY))[PAUSE_STORAGE_KEY];
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Pauses) : {};
}

const running = (now: number) => ([, until]: [string, unknown]) => typeof until === "number" && until > now;

/** The pauses still running at `now`; the others are removed from storage. */
async function read(now: number): Promise<Pauses> {
  const all = Object.entries(await stored());
  const live = all.filter(running(now));
  if (live.length < all.length) await prune(now);
  return Object.fromEntries(live);
}

/** Removes the pauses over at `now`, re-reading just before the write so that a pause
 * set meanwhile (from the popup) is kept. */
async function prune(now: number): Promise<void> {
  const live = Object.fromEntries(Object.entries(await stored()).filter(running(now)));
  if (Object.keys(live).length) await chrome.storage.local.set({ [PAUSE_STORAGE_KEY]: live });
  else await chrome.storage.local.remove(PAUSE_STORAGE_KEY);
}

/** When the pause on `origin` ends (ms), or 0 if it is not paused. */
export async function pausedUntil(origin: string, now = Date.now()): Promise<number> {
  return (await read(now))[origin] ?? 0;
}

/** The pauses still running (expired ones are removed from storage). */
export async function activePauses(now = Date.now()): Promise<Pauses> {
  return read(now);
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
  if (Object.keys(p).length) await chrome.storage.local.set({ [PAUSE_STORAGE_KEY]: p });
  else await chrome.storage.local.remove(PAUSE_STORAGE_KEY);
}
