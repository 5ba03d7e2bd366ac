/**
 * The test build's window into what the content script drew. `PROBE` is a constant the
 * build sets (esbuild `define`, scripts/lib/probe.mjs): false in the shipped build, where
 * every use below is dead code and is dropped, true only in the test build
 * (dist/probe-chromium, dist/probe-firefox). In the test build the overlay's shadow root
 * is open, its host is marked `data-bedside-probe`, drawn elements carry their verdicts and
 * spans as `data-*` attributes, and the content script records User Timing measures. The
 * shipped build puts none of these where a page could read them.
 */
declare const __PROBE__: boolean;

/** Whether this is the test build. */
export const PROBE: boolean = __PROBE__;

/** Sets `el.dataset[key]` in the test build only. */
export function probeData(el: HTMLElement, key: string, value: string | number): void {
  if (PROBE) el.dataset[key] = String(value);
}
