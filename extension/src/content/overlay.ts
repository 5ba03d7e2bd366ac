/**
 * The extension's own drawing surface: one `<bedside-overlay>` element per document with
 * an open shadow root, fixed over the viewport with `pointer-events: none`. For each
 * box with something to say it holds a layer (badge, and underline marks for fields).
 * The host carries `data-checks`, the number of results drawn so far, and
 * `data-checked-length`, the length of the last draft they were for, and
 * `data-context-chars`, the length of the reply context last found (never its text; for tests).
 */
import type { Kind, Verdict } from "../protocol";
import type { Rect } from "./mirror";

const STYLE = `
:host { all: initial; position: fixed; left: 0; top: 0; width: 0; height: 0;
  overflow: visible; z-index: 2147483647; pointer-events: none; }
.box { position: absolute; pointer-events: none; }
.clip { position: absolute; overflow: hidden; }
.content { position: absolute; left: 0; top: 0; }
.mirror { position: absolute; left: 0; top: 0; visibility: hidden; box-sizing: border-box;
  margin: 0; border: 0; }
.mark { position: absolute; box-sizing: border-box; border-bottom: 2px solid #d93025;
  background: rgba(217, 48, 37, 0.14); }
.mark[data-verdict="caution"] { border-bottom-color: #e37400; background: rgba(227, 116, 0, 0.14); }
.badge { position: absolute; right: 4px; bottom: 4px; padding: 1px 6px; border-radius: 9px;
  font: 600 11px/16px system-ui, sans-serif; color: #fff; background: #d93025;
  box-shadow: 0 1px 2px rgba(0,0,0,.3); white-space: nowrap; }
.badge[data-verdict="caution"] { background: #b35c00; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
`;

interface Layer {
  box: HTMLDivElement;
  clip: HTMLDivElement;
  content: HTMLDivElement;
  badge: HTMLDivElement | null;
}

let host: HTMLElement | null = null;
let root: ShadowRoot | null = null;
let checks = 0;
const layers = new Map<Element, Layer>();

function shadow(): ShadowRoot {
  if (!host || !root || !host.isConnected) {
    layers.clear();
    host = document.createElement("bedside-overlay");
    root = host.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = STYLE;
    root.append(style);
    (document.documentElement ?? document).appendChild(host);
  }
  return root;
}

function div(cls: string, parent: Node): HTMLDivElement {
  const d = document.createElement("div");
  d.className = cls;
  parent.appendChild(d);
  return d;
}

function layerFor(box: Element): Layer {
  const r = shadow();
  let layer = layers.get(box);
  if (!layer) {
    const b = div("box", r);
    const clip = div("clip", b);
    layer = { box: b, clip, content: div("content", clip), badge: null };
    layers.set(box, layer);
  }
  return layer;
}

/** Counts one drawn result, for a draft of `length` UTF-16 units, on the host. */
export function countCheck(length: number): void {
  shadow();
  host!.dataset.checks = String(++checks);
  host!.dataset.checkedLength = String(length);
}

/** Records on the host how many characters of reply context the last check was given. */
export function noteContext(chars: number): void {
  shadow();
  host!.dataset.contextChars = String(chars);
}

/** Puts the box's layer over the box as it is laid out now. Returns its content element. */
export function place(box: HTMLElement): HTMLElement {
  const l = layerFor(box);
  const r = box.getBoundingClientRect();
  const s = l.box.style;
  s.display = r.width || r.height ? "" : "none";
  s.left = `${r.left}px`;
  s.top = `${r.top}px`;
  s.width = `${r.width}px`;
  s.height = `${r.height}px`;
  const c = l.clip.style;
  c.left = `${box.clientLeft}px`;
  c.top = `${box.clientTop}px`;
  c.width = `${box.clientWidth}px`;
  c.height = `${box.clientHeight}px`;
  l.content.style.transform = `translate(${-box.scrollLeft}px, ${-box.scrollTop}px)`;
  return l.content;
}

/** Shows the badge for a verdict on the box. */
export function drawBadge(box: HTMLElement, verdict: Exclude<Verdict, "none">, kinds: Kind[], text: string, label: string): void {
  const l = layerFor(box);
  if (!l.badge) {
    l.badge = div("badge", l.box);
    l.badge.setAttribute("role", "status");
    l.badge.setAttribute("aria-live", "polite");
  }
  const b = l.badge;
  b.dataset.verdict = verdict;
  b.dataset.kinds = kinds.join(" ");
  b.title = label;
  b.replaceChildren();
  const shown = document.createElement("span");
  shown.setAttribute("aria-hidden", "true");
  shown.textContent = text;
  const spoken = document.createElement("span");
  spoken.className = "sr";
  spoken.textContent = label;
  b.append(shown, spoken);
}

/** Replaces the box's underline marks (for fields, which have no DOM ranges). */
export function drawMarks(box: HTMLElement, verdict: Verdict, rects: Rect[]): void {
  const l = layerFor(box);
  for (const m of [...l.content.querySelectorAll(":scope > .mark")]) m.remove();
  for (const r of rects) {
    const m = div("mark", l.content);
    m.dataset.verdict = verdict;
    m.style.left = `${r.left}px`;
    m.style.top = `${r.top}px`;
    m.style.width = `${r.width}px`;
    m.style.height = `${r.height}px`;
  }
}

/** Removes everything drawn for the box. */
export function removeLayer(box: Element): void {
  layers.get(box)?.box.remove();
  layers.delete(box);
}
