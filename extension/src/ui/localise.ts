/**
 * Fills an extension page's strings from _locales at load: `data-i18n` (text content),
 * `data-i18n-title`, `data-i18n-aria-label` and `data-i18n-placeholder`; sets the
 * document's language and direction from the browser's UI locale.
 */
import { t } from "./i18n";

/** [dataset key, the data attribute, the attribute it fills]. */
const ATTRS = [
  ["i18nTitle", "data-i18n-title", "title"],
  ["i18nAriaLabel", "data-i18n-aria-label", "aria-label"],
  ["i18nPlaceholder", "data-i18n-placeholder", "placeholder"],
] as const;

export function localise(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>("[data-i18n]")) el.textContent = t(el.dataset.i18n!);
  for (const [data, selector, attr] of ATTRS) {
    for (const el of root.querySelectorAll<HTMLElement>(`[${selector}]`)) {
      el.setAttribute(attr, t(el.dataset[data]!));
    }
  }
  if (root === document) {
    document.documentElement.lang = t("@@ui_locale").replace("_", "-");
    document.documentElement.dir = t("@@bidi_dir") === "rtl" ? "rtl" : "ltr";
  }
}

/** Creates an element with inert text (textContent, never HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}
