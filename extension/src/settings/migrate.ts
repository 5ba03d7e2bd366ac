/**
 * The once-off move of the user's settings off the browser's sync servers: versions up to
 * 0.1 kept them in chrome.storage.sync, which the browser uploads to its account servers.
 * At each worker start, settings found there are moved to chrome.storage.local (unless
 * local already holds the user's settings, which win) and removed from sync.
 */
import { USER_STORAGE_KEY } from "./schema";

/** Moves an older version's settings from sync to local; resolves to whether any were
 * found in sync. Safe to run any number of times. */
export async function migrateUserSettings(): Promise<boolean> {
  const synced = await chrome.storage.sync.get(USER_STORAGE_KEY).catch(() => ({}) as Record<string, unknown>);
  if (synced[USER_STORAGE_KEY] === undefined) return false;
  const local = await chrome.storage.local.get(USER_STORAGE_KEY);
  if (local[USER_STORAGE_KEY] === undefined) {
    await chrome.storage.local.set({ [USER_STORAGE_KEY]: synced[USER_STORAGE_KEY] });
  }
  await chrome.storage.sync.remove(USER_STORAGE_KEY);
  return true;
}
