/**
 * Measures where characters of a textarea or text input are drawn, with the mirror-div
 * technique: a hidden div in the overlay copies the field's text and text styles, and
 * DOM Ranges over the copy give the rectangles. The field itself is only read.
 */
import type { Field } from "./boxes";
import { scaleOf } from "./overlay";

/** A rectangle relative to the element the mirror lives in. */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
  /** The span of text this rectangle underlines, when known. */
  start?: number;
  end?: number;
  /** The text underlined (the test build shows it on the mark). */
  text?: string;
}

const COPIED = [
  "fontFamily", "fontSize", "fontWeight", "fontStyle", "fontVariant", "fontStretch",
  "fontKerning", "fontFeatureSettings", "lineHeight", "letterSpacing", "wordSpacing",
  "textTransform", "textIndent", "textAlign", "tabSize", "direction", "wordBreak",
  "paddingTop", "paddingRight", "paddingBottom", "paddingLeft",
] as const;

function mirrorIn(content: HTMLElement): HTMLDivElement {
  const found = content.querySelector<HTMLDivElement>(":scope > .mirror");
  if (found) return found;
  const m = content.ownerDocument.createElement("div");
  m.className = "mirror";
  content.prepend(m);
  return m;
}

/** `r`, measured on screen, in the pixels of a layer's content whose on-screen box is
 * `base` and scale `k` (overlay.ts `scaleOf`). */
export function inContent(r: DOMRect, base: DOMRect, k: { x: number; y: number }): Omit<Rect, "start" | "end"> {
  return { left: (r.left - base.left) / k.x, top: (r.top - base.top) / k.y, width: r.width / k.x, height: r.height / k.y };
}

/** The rectangles of each `[start, end)` span of `field`'s text, relative to `content`. */
export function measure(field: Field, spans: { start: number; end: number }[], content: HTMLElement): Rect[] {
  const cs = getComputedStyle(field);
  const m = mirrorIn(content);
  for (const p of COPIED) m.style[p] = cs[p];
  const area = field.tagName === "TEXTAREA";
  m.style.whiteSpace = area ? "pre-wrap" : "pre";
  m.style.overflowWrap = area ? "break-word" : "normal";
  m.style.width = area ? `${field.clientWidth}px` : "max-content";
  if (!area) {
    // An input centres its single line vertically in its content box.
    const pad = parseFloat(cs.paddingTop) + parseFloat(cs.paddingBottom);
    m.style.lineHeight = `${Math.max(0, field.clientHeight - pad)}px`;
  }
  m.textContent = field.value;
  const node = m.firstChild;
  const rects: Rect[] = [];
  if (!node) return rects;
  const len = field.value.length;
  const base = content.getBoundingClientRect();
  const k = scaleOf(content);
  const range = content.ownerDocument.createRange();
  for (const s of spans) {
    range.setStart(node, Math.min(Math.max(0, s.start), len));
    range.setEnd(node, Math.min(Math.max(s.start, s.end), len));
    for (const r of range.getClientRects()) {
      if (r.width > 0) rects.push({ ...inContent(r, base, k), start: s.start, end: s.end });
    }
  }
  return rects;
}
