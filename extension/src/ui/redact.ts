/**
 * Applies a report's suggested replacements to its text: "copy redacted text". Overlapping
 * findings are resolved outermost-first (for the same span, the specific identifier — "[age]" —
 * over the generic "a patient"); findings without a replacement (venting words, approach
 * cues) are left as written.
 */
import type { Finding } from "../protocol";

const generic = (f: Finding) => (f.category === "patient-reference" ? 1 : 0);

/** The findings that get replaced, in order, none overlapping. */
export function replaced(findings: readonly Finding[]): Finding[] {
  const sorted = findings.filter((f) => f.replacement && f.end > f.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || generic(a) - generic(b));
  const out: Finding[] = [];
  for (const f of sorted) if (!out.length || f.start >= out[out.length - 1]!.end) out.push(f);
  return out;
}

export function redact(text: string, findings: readonly Finding[]): string {
  let out = "";
  let at = 0;
  for (const f of replaced(findings)) {
    out += text.slice(at, f.start) + f.replacement;
    at = f.end;
  }
  return out + text.slice(at);
}
