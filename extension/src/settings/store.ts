/**
 * The source of truth for settings, in every extension context (worker, popup, options,
 * content script): defaults ← the user's (chrome.storage.local: never the browser's sync
 * servers) ← the organisation's (chrome.storage.managed). A setting the organisation sets
 * is locked: it wins, even when its value is invalid (then the safe default applies), and
 * the store refuses to write it. Settings an older version kept in chrome.storage.sync
 * are read from there until the worker has moved them (`migrate.ts`).
 */
import { checkManaged, checkUser, type Problem } from "./validate";
import { defaults, USER_STORAGE_KEY, type Settings, type UserSettings } from "./schema";
import type { SiteId } from "./sites";

export interface Effective {
  settings: Settings;
  /** Settings the organisation has set, which the user cannot change. */
  locked: { keys: (keyof Settings)[]; sites: SiteId[] };
  /** Whether any setting comes from the organisation. */
  managed: boolean;
  /** Settings that could not be used (the core adds its own, e.g. custom patterns). */
  problems: Problem[];
}

export interface Raw {
  managed: Record<string, unknown>;
  user: Record<string, unknown>;
}

/** Thrown by `saveUser` when a change touches a locked setting. */
export class LockedError extends Error {
  constructor(readonly fields: string[]) {
    super(`locked by the organisation: ${fields.join(", ")}`);
  }
}

function asObject(v: unknown): Record<string, unknown> {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** The user's settings: chrome.storage.local's, else (not yet migrated) an older
 * version's in chrome.storage.sync, read only. */
async function readUser(): Promise<unknown> {
  const none = () => ({}) as Record<string, unknown>;
  const local = await chrome.storage.local.get(USER_STORAGE_KEY).catch(none);
  if (local[USER_STORAGE_KEY] !== undefined) return local[USER_STORAGE_KEY];
  return (await chrome.storage.sync.get(USER_STORAGE_KEY).catch(none))[USER_STORAGE_KEY];
}

/** Reads both sources. Managed storage is empty (or unsupported) without a policy. */
export async function readRaw(): Promise<Raw> {
  const managed = await chrome.storage.managed.get(null).catch(() => ({}));
  return { managed: asObject(managed), user: asObject(await readUser()) };
}

/** Merges the sources (pure: also used by tests and the worker). */
export function merge(raw: Raw): Effective {
  const settings = defaults();
  const user = checkUser(raw.user);
  const org = checkManaged(raw.managed);
  const lockedKeys = new Set<keyof Settings>();
  for (const key of Object.keys(raw.managed)) {
    if (key in settings && key !== "sites") lockedKeys.add(key as keyof Settings);
  }
  Object.assign(settings, user.values);
  Object.assign(settings.sites, user.sites);
  // A locked setting whose value is invalid keeps its safe default, not the user's value.
  const base = defaults();
  for (const k of lockedKeys) (settings as unknown as Record<string, unknown>)[k] = base[k];
  Object.assign(settings, org.values);
  Object.assign(settings.sites, org.sites);
  return {
    settings,
    locked: { keys: [...lockedKeys], sites: Object.keys(org.sites) as SiteId[] },
    managed: Object.keys(raw.managed).length > 0,
    problems: [...org.problems, ...user.problems],
  };
}

export async function effectiveSettings(): Promise<Effective> {
  return merge(await readRaw());
}

/** The locked settings among those `patch` would change. */
export function lockedFields(eff: Effective, patch: UserSettings): string[] {
  const out: string[] = [];
  for (const k of Object.keys(patch) as (keyof UserSettings)[]) {
    if (k === "sites") {
      for (const s of Object.keys(patch.sites ?? {}) as SiteId[]) {
        if (eff.locked.sites.includes(s)) out.push(`sites.${s}`);
      }
    } else if (eff.locked.keys.includes(k)) out.push(k);
  }
  return out;
}

/** Saves the user's change; refuses (LockedError) if it touches a locked setting. */
export async function saveUser(patch: UserSettings): Promise<void> {
  const raw = await readRaw();
  const refused = lockedFields(merge(raw), patch);
  if (refused.length) throw new LockedError(refused);
  const next: UserSettings = { ...(raw.user as UserSettings), ...patch };
  if (patch.sites) next.sites = { ...(raw.user.sites as UserSettings["sites"]), ...patch.sites };
  await chrome.storage.local.set({ [USER_STORAGE_KEY]: next });
  // An older version's copy (now merged into `next`) must not stay on the sync servers.
  await chrome.storage.sync.remove(USER_STORAGE_KEY).catch(() => {});
}

/** Calls `cb` when the user's or the organisation's settings change (sync included:
 * an older version's settings there apply until they are moved to local). */
export function onSettingsChanged(cb: () => void): void {
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === "managed" || ((area === "local" || area === "sync") && USER_STORAGE_KEY in changes)) cb();
  });
}
