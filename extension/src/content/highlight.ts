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

function rebuild(): void {
  for (const verdict of Object.keys(NAMES) as Shown[]) {
    const ranges: Range[] = [];
    for (const v of byBox.values()) if (v.verdict === verdict) ranges.push(...v.ranges);
    if (ranges.length) CSS.highlights.set(NAMES[verdict], new Highlight(...ranges));
    else CSS.highlights.delete(NAMES[verdict]);
  }
}

/** Shows `ranges` of `box` underlined for `verdict`, replacing the box's previous ones. */
export function setHighlights(box: Element, verdict: Shown, ranges: Range[]): void {
  adoptStyle(box.getRootNode());
  byBox.set(box, { verdict, ranges });
  rebuild();
}

/** Removes the box's underlines. */
export function clearHighlights(box: Element): void {
  if (byBox.delete(box)) rebuild();
}
