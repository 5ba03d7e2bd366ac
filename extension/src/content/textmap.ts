/**
 * Reads a contenteditable's text the way a person sees it (text nodes, with a newline
 * for each <br> and block boundary) and maps UTF-16 offsets in that text back to DOM
 * Ranges over its text nodes. Reading never changes the DOM.
 */

const BLOCKS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE",
  "FOOTER", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "OL", "P", "PRE",
  "SECTION", "TABLE", "TR", "UL",
]);

export interface TextMap {
  text: string;
  /** The text nodes, in document order. */
  nodes: Text[];
  /** Where each node's data starts in `text`. */
  starts: number[];
}

/** The text of `root` and where each of its text nodes sits in it. */
export function readEditable(root: Element): TextMap {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = "";
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) {
      nodes.push(n as Text);
      starts.push(text.length);
      text += (n as Text).data;
    } else if (n.nodeName === "BR") {
      text += "\n";
    } else if (BLOCKS.has(n.nodeName) && text && !text.endsWith("\n")) {
      text += "\n";
    }
  }
  return { text, nodes, starts };
}

/** The DOM point for `offset`; inside a synthetic newline it snaps forward or back. */
function point(map: TextMap, offset: number, forward: boolean): [Text, number] | null {
  const { nodes, starts } = map;
  if (!nodes.length) return null;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo]!;
  const at = offset - starts[lo]!;
  if (at <= node.length) return [node, Math.max(0, at)];
  const next = nodes[lo + 1];
  return forward && next ? [next, 0] : [node, node.length];
}

/** A Range over `[start, end)` of the map's text, or null if it covers no text. */
export function rangeFor(map: TextMap, start: number, end: number): Range | null {
  const a = point(map, start, true);
  const b = point(map, end, false);
  if (!a || !b) return null;
  const range = a[0].ownerDocument.createRange();
  range.setStart(a[0], a[1]);
  range.setEnd(b[0], b[1]);
  return range.collapsed ? null : range;
}

/** The offset in the map's text of the DOM point (`node`, `offset`) inside its root. */
export function offsetAt(map: TextMap, node: Node, offset: number): number {
  if (node.nodeType === Node.TEXT_NODE) {
    const i = map.nodes.indexOf(node as Text);
    if (i >= 0) return map.starts[i]! + Math.min(offset, (node as Text).length);
  }
  // An element point: the first text node at or after it, found by binary search.
  const doc = node.ownerDocument ?? document;
  const probe = doc.createRange();
  let lo = 0;
  let hi = map.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    probe.setStart(map.nodes[mid]!, 0);
    // comparePoint: -1 when the point is before the probe's start.
    if (probe.comparePoint(node, offset) <= 0) hi = mid;
    else lo = mid + 1;
  }
  return lo < map.nodes.length ? map.starts[lo]! : map.text.length;
}

/** A collapsed Range at `offset` of the map's text, or null when it has no text nodes. */
export function caretAt(map: TextMap, offset: number): Range | null {
  const p = point(map, offset, false);
  if (!p) return null;
  const range = p[0].ownerDocument.createRange();
  range.setStart(p[0], p[1]);
  return range;
}
