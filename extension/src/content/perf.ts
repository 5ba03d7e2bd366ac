/**
 * User Timing measures for the content script's own work, named `bedside:*` (for example
 * `bedside:input`, the time spent handling one input event), so tests and benchmarks can
 * read how long the script takes per keystroke with `performance.getEntriesByName`.
 * Test build only (`probe.ts`): the page's performance timeline is readable by the page's
 * own scripts and analytics, so the shipped build records nothing there.
 * Only names and durations are recorded, never text.
 */
import { PROBE } from "./probe";

/** Runs `fn`; in the test build, records its duration as the measure `bedside:<name>`. */
export function timed<T>(name: string, fn: () => T): T {
  if (!PROBE) return fn();
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
