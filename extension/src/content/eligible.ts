/**
 * Which editable elements Bedside leaves alone: search boxes and comboboxes (their text
 * is a query, not a post), one-line fields with an autocomplete list, and anything that
 * opts out —
 * `data-bedside="off"`, or the opt-outs other writing assistants honour
 * (`data-gramm="false"`, `data-gramm_editor="false"`, `data-enable-grammarly="false"`) —
 * on the element or any ancestor, across open shadow-root boundaries — and what the
 * site's adapter declares is not a compose box (`Adapter.notCompose`).
 */

const OPT_OUT = '[data-bedside="off"], [data-gramm="false"], [data-gramm_editor="false"], [data-enable-grammarly="false"]';
const QUERY_ROLES = new Set(["search", "searchbox", "combobox"]);
/** How far up to look for a search form or a combobox wrapper. */
const QUERY_DEPTH = 3;

function optedOut(el: Element): boolean {
  for (let e: Element | null = el; e; ) {
    if (e.closest(OPT_OUT)) return true;
    const root = e.getRootNode();
    e = root instanceof ShadowRoot ? root.host : null;
  }
  return false;
}

function isQuery(el: Element): boolean {
  // Autocomplete lists mark a query only on one-line inputs: multi-line composers
  // (X's, for one) announce aria-autocomplete="list" for their @mention pickers.
  const auto = el.getAttribute("aria-autocomplete");
  if (el.tagName === "INPUT" && ((auto && auto !== "none") || el.hasAttribute("list"))) return true;
  if (el.getAttribute("enterkeyhint") === "search" || el.getAttribute("inputmode") === "search") return true;
  if (el.closest("search")) return true;
  let e: Element | null = el;
  for (let depth = 0; e && depth <= QUERY_DEPTH; depth++, e = e.parentElement) {
    if (QUERY_ROLES.has(e.getAttribute("role") ?? "")) return true;
  }
  return false;
}

/** The site's own non-compose editables (its adapter's `notCompose`), or "". */
let siteQueries = "";

/** Sets the site's non-compose selector (once, as the content script starts). */
export function setSiteQueries(selector: string | undefined): void {
  siteQueries = selector ?? "";
}

/** Whether Bedside may watch `el`, an editable element the user is typing in. */
export function eligible(el: Element): boolean {
  if (siteQueries && el.closest(siteQueries)) return false;
  return !isQuery(el) && !optedOut(el);
}
