/**
 * Underlines spans of contenteditable boxes with the CSS Custom Highlight API: named
 * highlights over live DOM Ranges, styled by a constructed stylesheet adopted into the
 * box's document or shadow root. The editor's DOM is never touched.
 */
import type { Verdict } from "../protocol";

type Shown = Exclude<Verdict, "none">;
const NAMES: Record<Shown, string> = { warn: "bedside-warn", caution: "bedside-caution" };

const CSS_TEXT = `
::highlight(bedside-warn) {
  background-color: rgba(217, 48, 37, 0.14);
  text-decoration: underline wavy #d93025;
  text-decoration-skip-ink: none;
}
::highlight(bedside-caution) {
  background-color: rgba(227, 116, 0, 0.14);
  text-decoration: underline wavy #e37400;
  text-decoration-skip-ink: none;
}`;

const byBox = new Map<Element, { verdict: Shown; ranges: Range[] }>();
const styled = new WeakSet<Document | ShadowRoot>();
let sheet: CSSStyleSheet | null = null;

/** Whether this browser has the CSS Custom Highlight API. */
export function highlightsSupported(): boolean {
  return typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight === "function";
}

function adoptStyle(root: Node): void {
  if (!(root instanceof Document || root instanceof ShadowRoot) || styled.has(root)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS_TEXT);
  }
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  styled.add(root);
}

/** The document's highlight for `verdict`, made if missing. Every copy of the content
 * script in the page (an orphan from before an update and its successor) shares it, so
 * each adds and removes only its own ranges. */
function shared(verdict: Shown): Highlight {
  let h = CSS.highlights.get(NAMES[verdict]);
  if (!h) {
    h = new Highlight();
    CSS.highlights.set(NAMES[verdict], h);
  }
  return h;
}

/** Shows `ranges` of `box` underlined for `verdict`, replacing the box's previous ones. */
export function setHighlights(box: Element, verdict: Shown, ranges: Range[]): void {
  clearHighlights(box);
  adoptStyle(box.getRootNode());
  byBox.set(box, { verdict, ranges });
  const h = shared(verdict);
  for (const r of ranges) h.add(r);
}

/** Removes the box's underlines. */
export function clearHighlights(box: Element): void {
  const was = byBox.get(box);
  if (!was) return;
  byBox.delete(box);
  const h = CSS.highlights.get(NAMES[was.verdict]);
  if (!h) return;
  for (const r of was.ranges) h.delete(r);
  if (!h.size) CSS.highlights.delete(NAMES[was.verdict]);
}
