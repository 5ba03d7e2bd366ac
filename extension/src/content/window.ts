/**
 * Bounds what is sent to the core: a draft longer than `WINDOW` UTF-16 units (a pasted
 * log, a 1 MiB paste) is checked only in a window of that size around the caret, cut at
 * whitespace, and the report's offsets are mapped back to the whole draft.
 */
import type { Report } from "../protocol";

/** The most text one check covers. */
export const WINDOW = 20_000;
/** How far a cut may move to land on whitespace. */
const SNAP = 200;

export interface Slice {
  /** Where the window starts in the whole draft. */
  start: number;
  text: string;
}

function snap(text: string, at: number, forward: boolean): number {
  for (let i = 0; i < SNAP; i++) {
    const j = forward ? at + i : at - i;
    if (j <= 0 || j >= text.length) break;
    if (/\s/.test(text[j]!)) return forward ? j : j + 1;
  }
  return at;
}

/** The part of `text` to check, given the caret at `caret` (or the end when unknown). */
export function windowAround(text: string, caret: number | null): Slice {
  if (text.length <= WINDOW) return { start: 0, text };
  const at = Math.min(Math.max(caret ?? text.length, 0), text.length);
  let start = Math.max(0, Math.min(at - WINDOW / 2, text.length - WINDOW));
  let end = start + WINDOW;
  if (start > 0) start = snap(text, start, true);
  if (end < text.length) end = snap(text, end, false);
  // Never cut a surrogate pair in two.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start]!)) start++;
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end]!)) end--;
  return { start, text: text.slice(start, end) };
}

/** The report for a window, with its findings' offsets moved into the whole draft. */
export function shiftReport(report: Report, by: number): Report {
  if (!by) return report;
  return { ...report, findings: report.findings.map((f) => ({ ...f, start: f.start + by, end: f.end + by })) };
}
