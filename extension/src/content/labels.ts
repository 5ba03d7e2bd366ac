/** The content script's words, from the extension's _locales (English if unavailable). */
import type { Kind, Verdict } from "../protocol";

const FALLBACK: Record<string, string> = {
  badgeText: "⚠ Bedside",
  labelWarnPatient: "Bedside: may identify a patient",
  labelWarnApproach: "Bedside: this replies to a patient's personal approach",
  labelCaution: "Bedside: take care, this draft is about patients",
};

/** The localised message `key`, with `$1`… filled from `subs`. */
export function t(key: string, ...subs: string[]): string {
  try {
    const m = chrome.i18n.getMessage(key, subs);
    if (m) return m;
  } catch {
    // The extension was reloaded: its APIs are gone from this page.
  }
  return FALLBACK[key] ?? key;
}

export function badgeText(): string {
  return t("badgeText");
}

/** What a screen reader says for a verdict, e.g. "Bedside: may identify a patient". */
export function badgeLabel(verdict: Verdict, kinds: Kind[]): string {
  if (verdict === "caution") return t("labelCaution");
  return t(kinds.includes("patient") || !kinds.includes("approach") ? "labelWarnPatient" : "labelWarnApproach");
}
