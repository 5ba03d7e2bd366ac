/**
 * Expired pauses are forgotten, so no site's address stays in storage after its pause:
 * the worker prunes them at its start and, while it runs, when the next pause ends (a
 * timer, not an alarm: no extra permission; a worker stopped meanwhile prunes at its next
 * start, and every read of the pauses prunes too).
 */
import { activePauses, PAUSE_STORAGE_KEY } from "../settings/pause";

/** The longest a timer may wait (setTimeout's limit is 2^31 - 1 ms). */
const MAX_WAIT_MS = 2 ** 31 - 1;

let timer: ReturnType<typeof setTimeout> | undefined;

/** Prunes now, then sets the timer for the next pause to end. */
async function pruneAndWait(): Promise<void> {
  clearTimeout(timer);
  const ends = Object.values(await activePauses());
  if (!ends.length) return;
  const wait = Math.min(Math.max(Math.min(...ends) - Date.now(), 0) + 1, MAX_WAIT_MS);
  timer = setTimeout(() => void pruneAndWait().catch(report), wait);
}

function report(e: unknown): void {
  console.error("Bedside: expired pauses not pruned", e);
}

/** Prunes at the worker's start and whenever the pauses change; call once, synchronously. */
export function watchPauses(): void {
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === "local" && PAUSE_STORAGE_KEY in changes) void pruneAndWait().catch(report);
  });
  void pruneAndWait().catch(report);
}
