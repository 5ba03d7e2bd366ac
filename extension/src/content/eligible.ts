/**
 * Which editable elements Bedside leaves alone: search boxes and comboboxes (their text
 * is a query, not a post), one-line fields with an autocomplete list, and anything that
 * opts out —
 * `data-bedside="off"`, or the opt-outs other writing assistants honour
 * (`data-gramm="false"`, `data-gramm_editor="false"`, `data-enable-grammarly="false"`) —
 * on the element or any ancestor, across open shadow-root boundaries.
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

/** Whether Bedside may watch `el`, an editable element the user is typing in. */
export function eligible(el: Element): boolean {
  return !isQuery(el) && !optedOut(el);
}
