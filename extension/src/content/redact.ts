/**
 * Turns a report's findings into edits: the list the card shows (one entry per span),
 * and for "redact all" the fewest edits that cover every finding — overlapping findings
 * give way to the widest, and neighbours on one line merge into one edit, so one undo
 * step takes the whole redaction back.
 */
import type { Finding } from "../protocol";

export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

/** One finding per distinct span, in the order they appear. */
export function listed(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return [...findings]
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((f) => {
      const k = `${f.start}:${f.end}`;
      return !seen.has(k) && (seen.add(k), true);
    });
}

/** The edit for one finding; an empty replacement also takes one space next to it. */
export function editFor(text: string, f: Finding): Edit {
  let { start, end } = f;
  if (!f.replacement) {
    if (text[end] === " " && (start === 0 || text[start - 1] === " ")) end++;
    else if (start > 0 && text[start - 1] === " ") start--;
  }
  return { start, end, replacement: f.replacement };
}

/** Edits that redact every finding, last first (so earlier offsets stay valid). */
export function editsForAll(text: string, findings: Finding[]): Edit[] {
  const outer: Edit[] = [];
  let reach = -1;
  for (const f of listed(findings)) {
    if (f.start < reach) continue;
    outer.push(editFor(text, f));
    reach = f.end;
  }
  const merged: Edit[] = [];
  for (const e of outer) {
    const prev = merged[merged.length - 1];
    if (prev && e.start >= prev.end && !text.slice(prev.end, e.start).includes("\n")) {
      prev.replacement += text.slice(prev.end, e.start) + e.replacement;
      prev.end = e.end;
    } else merged.push({ ...e });
  }
  return merged.reverse();
}

/** Where a caret at `at` belongs after `edit`. */
export function caretAfter(at: number, edit: Edit): number {
  if (at <= edit.start) return at;
  if (at >= edit.end) return at + edit.replacement.length - (edit.end - edit.start);
  return edit.start + edit.replacement.length;
}
