/**
 * Reads and restores a compose box's selection as offsets in its text, so the caret can be
 * put back where the user left it after the card took focus or a fix changed the text.
 * Selections inside open shadow roots are read with `getComposedRanges` where the browser
 * has it, else Chromium's `ShadowRoot.getSelection`.
 */
import type { Box } from "./boxes";
import { caretAt, offsetAt, rangeFor, readEditable, type TextMap } from "./textmap";

export interface Caret {
  start: number;
  end: number;
}

type ComposedSelection = Selection & {
  getComposedRanges?: (opts: { shadowRoots: ShadowRoot[] }) => StaticRange[];
};

/** The live selection's boundary points for a node in `root` (a document or shadow root). */
function selectionIn(root: Node): { start: [Node, number]; end: [Node, number] } | null {
  const doc = root.ownerDocument ?? (root as Document);
  const sel = doc.getSelection() as ComposedSelection | null;
  if (!sel || !sel.rangeCount) return null;
  if (root instanceof ShadowRoot) {
    const r = sel.getComposedRanges?.({ shadowRoots: [root] })[0] ??
      (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.()?.getRangeAt(0);
    if (!r) return null;
    return { start: [r.startContainer, r.startOffset], end: [r.endContainer, r.endOffset] };
  }
  const r = sel.getRangeAt(0);
  return { start: [r.startContainer, r.startOffset], end: [r.endContainer, r.endOffset] };
}

/** The box's selection as text offsets, or null when it is not inside the box. */
export function readCaret(box: Box, map?: TextMap): Caret | null {
  if (box.kind === "field") {
    const { selectionStart: s, selectionEnd: e } = box.el;
    return s === null || e === null ? null : { start: s, end: e };
  }
  const sel = selectionIn(box.el.getRootNode());
  if (!sel || !box.el.contains(sel.start[0]) || !box.el.contains(sel.end[0])) return null;
  const m = map ?? readEditable(box.el);
  return { start: offsetAt(m, ...sel.start), end: offsetAt(m, ...sel.end) };
}

/** Selects `[start, end)` of the box's text (a caret when equal). */
export function select(box: Box, c: Caret, map?: TextMap): boolean {
  if (box.kind === "field") {
    box.el.setSelectionRange(c.start, c.end);
    return true;
  }
  const m = map ?? readEditable(box.el);
  const range = c.start === c.end ? caretAt(m, c.start) : rangeFor(m, c.start, c.end);
  const sel = box.el.ownerDocument.getSelection();
  if (!range || !sel) return false;
  sel.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
  return true;
}

/** Focuses the box without scrolling and puts the selection back to `c`. */
export function restore(box: Box, c: Caret | null): void {
  box.el.focus({ preventScroll: true });
  if (c) select(box, c);
}
