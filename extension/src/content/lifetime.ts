/**
 * Whether this copy of the content script is still the one in charge. A copy stands down
 * — for good: every guarded callback becomes a no-op and the stand-down hooks remove what
 * it drew — when the extension it belongs to went away (reloaded, updated or removed:
 * `chrome.runtime.id` is gone and its Port disconnected), or when a newer copy was
 * injected into the same page (the worker re-injects open tabs after an update, and
 * Firefox also injects into open tabs itself; copies that share a global hand over).
 */
const KEY = Symbol.for("bedside.content");

let down = false;
const hooks: (() => void)[] = [];

/** Stops this copy: runs the stand-down hooks once. */
export function standDown(): void {
  if (down) return;
  down = true;
  for (const fn of hooks.splice(0)) {
    try {
      fn();
    } catch {
      // Nothing of ours may throw into the page; the rest of the hooks still run.
    }
  }
}

/** Whether this copy may still act; notices (and stands down) if its extension is gone. */
export function alive(): boolean {
  if (down) return false;
  let id: string | undefined;
  try {
    id = chrome.runtime?.id;
  } catch {
    id = undefined;
  }
  if (!id) standDown();
  return !down;
}

/** Calls `fn` when this copy stands down. */
export function onStandDown(fn: () => void): void {
  hooks.push(fn);
}

/** Makes this copy the one in charge: an earlier copy sharing our global stands down. */
export function claim(): void {
  const g = globalThis as unknown as Record<symbol, { standDown?: () => void } | undefined>;
  const previous = g[KEY];
  g[KEY] = { standDown };
  try {
    previous?.standDown?.();
  } catch {
    // A copy from a removed extension may be unreachable; it stands down on its own.
  }
}

/** Whether the worker injected this copy into an open tab after an update (it replaces
 * a copy the user was already writing with: `worker/reinject.ts`). */
export function reinjected(): boolean {
  return (globalThis as unknown as Record<symbol, unknown>)[Symbol.for("bedside.reinjected")] === true;
}
