/** The badge's words, from the extension's _locales (English if they are unavailable). */
import type { Kind, Verdict } from "../protocol";

const FALLBACK: Record<string, string> = {
  badgeText: "⚠ Bedside",
  labelWarnPatient: "Bedside: may identify a patient",
  labelWarnApproach: "Bedside: this replies to a patient's personal approach",
  labelCaution: "Bedside: take care, this draft is about patients",
};

function message(key: string): string {
  try {
    return chrome.i18n.getMessage(key) || FALLBACK[key]!;
  } catch {
    return FALLBACK[key]!;
  }
}

export function badgeText(): string {
  return message("badgeText");
}

/** What a screen reader says for a verdict, e.g. "Bedside: may identify a patient". */
export function badgeLabel(verdict: Verdict, kinds: Kind[]): string {
  if (verdict === "caution") return message("labelCaution");
  return message(kinds.includes("patient") || !kinds.includes("approach") ? "labelWarnPatient" : "labelWarnApproach");
}
