/**
 * User Timing marks for the content script's own work, named `bedside:*` (for example
 * `bedside:input`, the time spent handling one input event), so tests and benchmarks can
 * read how long the script takes per keystroke with `performance.getEntriesByName`.
 * Only names and durations are recorded, never text.
 */

/** Runs `fn`, recording its duration as the measure `bedside:<name>`. */
export function timed<T>(name: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    try {
      performance.measure(`bedside:${name}`, { start, end: performance.now() });
    } catch {
      // User Timing unavailable: measuring is optional.
    }
  }
}
