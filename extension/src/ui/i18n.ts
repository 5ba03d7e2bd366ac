/**
 * Strings from _locales (chrome.i18n), usable in every extension context. A missing
 * message shows its key, so a forgotten string is visible rather than blank.
 */

/** The message `key`, with `$1`… placeholders filled from `subs`. */
export function t(key: string, ...subs: (string | number)[]): string {
  let s = "";
  try {
    s = chrome.i18n.getMessage(key, subs.map(String));
  } catch {
    // No extension context (a test page, or the extension was reloaded).
  }
  return s || key;
}
