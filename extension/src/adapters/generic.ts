/**
 * The generic adapter. The message a box replies to is, in order:
 * the box's own `data-bedside-context` attribute value; else, climbing from the box to
 * its thread container, the last element marked `data-bedside-context`, else the last
 * `[data-incoming]` message, that comes before the box. The climb stops at the first
 * post-like container (article, section, dialog, form) and never reaches a page-wide
 * one (body, main, feed), so a box never borrows another post's context.
 */
import type { Adapter } from "./adapter";

/** How far up from the box the thread container may be. */
const MAX_DEPTH = 8;
/** Contexts are messages, not pages: keep the core's input bounded. */
const MAX_CONTEXT = 4000;
/** Containers that hold one post or thread: checked, then the climb stops. */
const THREAD = "article, section, dialog, form, [role=article], [role=dialog], [data-thread]";
/** Containers that hold many posts: the climb stops before them. */
const PAGE = "body, main, [role=main], [role=feed]";

function textOf(el: Element): string {
  const t = el instanceof HTMLElement ? el.innerText : (el.textContent ?? "");
  return t.trim().slice(0, MAX_CONTEXT);
}

/** The last element matching `selector` inside `scope` that comes before `box`. */
function lastBefore(scope: Element, selector: string, box: Element): Element | null {
  const all = scope.querySelectorAll(selector);
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!;
    if (el !== box && !el.contains(box) && el.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING) return el;
  }
  return null;
}

export const generic: Adapter = {
  name: "generic",
  matches: () => true,
  findContext(box: Element): string {
    const own = box.getAttribute("data-bedside-context");
    if (own) return own.slice(0, MAX_CONTEXT);
    let el = box.parentElement;
    for (let depth = 0; el && depth < MAX_DEPTH && !el.matches(PAGE); depth++, el = el.parentElement) {
      const found = lastBefore(el, "[data-bedside-context]", box) ?? lastBefore(el, "[data-incoming]", box);
      if (found) return textOf(found);
      if (el.matches(THREAD)) break;
    }
    return "";
  },
};
