/**
 * The extension's own drawing surface: one plain `<div>` per document with a closed
 * shadow root, fixed over the viewport with `pointer-events: none`, styled by a
 * constructed stylesheet (so no page CSS reaches in and no `style-src` CSP blocks it).
 * A built-in element, not a custom one, so a page cannot break it by defining the name
 * first; closed, so a page's script cannot read what is drawn (a page could otherwise
 * use Bedside as an oracle: set a field's text and read the verdict). The host is in the
 * page only while something is shown (a badge or the card): none on a page where nothing
 * warns, none in audit mode or where Bedside is off.
 * The host itself sits in the page, where page CSS does reach it (`* { display: none
 * !important }`): its `:host` rule is all `!important`, and an important declaration of
 * the shadow tree's own context wins over the page's, however specific or important.
 * For each box with something to say it holds a layer: underline marks (for fields and
 * editors alike: no page-visible highlight registry), and the badge, a button that opens
 * the card. One visually hidden `role="status"` region announces warnings politely.
 * In the test build only (`probe.ts`) the root is open, the host is marked
 * `data-bedside-probe`, the page's root element carries `data-bedside-checks` (results
 * drawn so far), `data-bedside-checked-length` (the last draft's length) and
 * `data-bedside-context-chars` (the length of the reply context last found, never its
 * text), and marks and badges carry their verdicts.
 */
import { lastIncoming, type Context, type Kind, type Verdict } from "../protocol";
import { guard } from "./guard";
import type { Rect } from "./mirror";
import { PROBE, probeData } from "./probe";

const STYLE = `
:host { all: initial !important; display: block !important; position: fixed !important;
  left: 0 !important; top: 0 !important; width: 0 !important; height: 0 !important;
  overflow: visible !important; z-index: 2147483647 !important; pointer-events: none !important; }
.box { position: absolute; pointer-events: none; }
.clip { position: absolute; overflow: hidden; }
.content { position: absolute; left: 0; top: 0; }
.mirror { position: absolute; left: 0; top: 0; visibility: hidden; box-sizing: border-box;
  margin: 0; border: 0; }
.mark { position: absolute; box-sizing: border-box; border-bottom: 2px solid #d93025;
  background: rgba(217, 48, 37, 0.14); }
.mark.caution { border-bottom-color: #e37400; background: rgba(227, 116, 0, 0.14); }
.badge { position: absolute; right: 4px; bottom: 4px; }
.badge button { pointer-events: auto; cursor: pointer; margin: 0; border: 0; padding: 1px 6px;
  border-radius: 9px; font: 600 11px/16px system-ui, sans-serif; color: #fff; background: #d93025;
  box-shadow: 0 1px 2px rgba(0,0,0,.3); white-space: nowrap; }
.badge.caution button { background: #b35c00; }
.badge button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
`;

interface Layer {
  box: HTMLDivElement;
  clip: HTMLDivElement;
  content: HTMLDivElement;
  badge: HTMLDivElement | null;
  activate: () => void;
  arm: () => void;
}

let host: HTMLElement | null = null;
let root: ShadowRoot | null = null;
let sheet: CSSStyleSheet | null = null;
let checks = 0;
/** When the host was last put into the page (a live region needs a moment in the page
 * before a change to it is announced). */
let attachedAt = 0;
const layers = new Map<Element, Layer>();
/** The span each mark underlines (kept here, not in the mark's attributes). */
const spans = new WeakMap<Element, { start: number; end: number }>();
/** How long a newly attached status region waits before it speaks. */
const LIVE_SETTLE_MS = 150;

/** The overlay's shadow root, put into the page on demand (made again if the page's
 * document was replaced). */
export function overlayRoot(): ShadowRoot {
  if (!host || !root || host.ownerDocument !== document) {
    layers.clear();
    host = document.createElement("div");
    root = host.attachShadow({ mode: PROBE ? "open" : "closed" });
    if (PROBE) host.setAttribute("data-bedside-probe", "");
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
    }
    root.adoptedStyleSheets = [sheet];
    const live = div("sr announce", root);
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
  }
  if (!host.isConnected) {
    (document.documentElement ?? document).appendChild(host);
    attachedAt = performance.now();
  }
  return root;
}

/** The overlay's root if it is in the page, without putting it there. */
export function shownRoot(): ShadowRoot | null {
  return host?.isConnected ? root : null;
}

/** Takes the host out of the page once nothing is shown in it (no layer, no open card). */
export function tidyOverlay(): void {
  if (!host?.isConnected || layers.size || root?.querySelector(".card:popover-open, .card[data-open=true]")) return;
  host.remove();
}

/** Says `words` politely to screen readers (through the overlay's status region). */
export function announce(words: string): void {
  const live = overlayRoot().querySelector(".announce");
  if (!live) return;
  const wait = LIVE_SETTLE_MS - (performance.now() - attachedAt);
  if (wait <= 0) live.textContent = words;
  else setTimeout(() => (live.textContent = words), wait);
}

/** Adds a stylesheet (the card's) to the overlay's shadow root once. */
export function adoptSheet(extra: CSSStyleSheet): void {
  const r = overlayRoot();
  if (!r.adoptedStyleSheets.includes(extra)) r.adoptedStyleSheets = [...r.adoptedStyleSheets, extra];
}

function div(cls: string, parent: Node): HTMLDivElement {
  const d = document.createElement("div");
  d.className = cls;
  parent.appendChild(d);
  return d;
}

function layerFor(box: Element): Layer {
  const r = overlayRoot();
  let layer = layers.get(box);
  if (!layer) {
    const b = div("box", r);
    const clip = div("clip", b);
    layer = { box: b, clip, content: div("content", clip), badge: null, activate: () => {}, arm: () => {} };
    layers.set(box, layer);
  }
  return layer;
}

/** Test build only: counts one drawn final result (the rules' early report is not
 * counted), for a draft of `length` UTF-16 units, on the root element (which stays while
 * the host comes and goes). */
export function countCheck(length: number): void {
  const doc = document.documentElement;
  if (!PROBE || !doc) return;
  probeData(doc, "bedsideChecks", ++checks);
  probeData(doc, "bedsideCheckedLength", length);
}

/** Test build only: records on the root element the reply context the last check was
 * given — the length of the other person's last message in it, and the shape of a
 * thread ("T" for each of theirs, "M" for each of the user's own, oldest first) —
 * never its text. */
export function noteContext(context: Context): void {
  const doc = document.documentElement;
  if (!PROBE || !doc) return;
  probeData(doc, "bedsideContextChars", lastIncoming(context).length);
  probeData(doc, "bedsideContextThread", typeof context === "string" ? "" : context.map((m) => (m.from === "them" ? "T" : "M")).join(""));
}

/** How much bigger than its layout each layer's content is drawn on screen (CSS `zoom`
 * and `transform: scale` on the box or its ancestors), by content element. */
const scales = new WeakMap<Element, { x: number; y: number }>();

/** The on-screen scale of a layer's content (see `place`): a rectangle measured on
 * screen, relative to the content, divided by it is in the content's own pixels. */
export function scaleOf(content: Element): { x: number; y: number } {
  return scales.get(content) ?? { x: 1, y: 1 };
}

/** Puts the box's layer over the box as it is laid out now. Returns its content element.
 * The layer has the box's layout size (so a mirror and the box's own metrics — client
 * size, borders, scroll — line up inside it) and is scaled to the box's size on screen,
 * less the zoom the overlay itself is under (it hangs from the root element). */
export function place(box: HTMLElement): HTMLElement {
  const l = layerFor(box);
  const r = box.getBoundingClientRect();
  const w = box.offsetWidth || r.width;
  const h = box.offsetHeight || r.height;
  const k = { x: w ? r.width / w : 1, y: h ? r.height / h : 1 };
  const ambient = parseFloat(getComputedStyle(document.documentElement).zoom) || 1;
  scales.set(l.content, k);
  const s = l.box.style;
  s.display = r.width || r.height ? "" : "none";
  s.left = `${r.left / ambient}px`;
  s.top = `${r.top / ambient}px`;
  s.width = `${w}px`;
  s.height = `${h}px`;
  const scaled = Math.abs(k.x / ambient - 1) > 1e-3 || Math.abs(k.y / ambient - 1) > 1e-3;
  s.transformOrigin = "0 0";
  s.transform = scaled ? `scale(${k.x / ambient}, ${k.y / ambient})` : "";
  const c = l.clip.style;
  c.left = `${box.clientLeft}px`;
  c.top = `${box.clientTop}px`;
  c.width = `${box.clientWidth}px`;
  c.height = `${box.clientHeight}px`;
  l.content.style.transform = `translate(${-box.scrollLeft}px, ${-box.scrollTop}px)`;
  return l.content;
}

export interface BadgeSpec {
  verdict: Exclude<Verdict, "none">;
  kinds: Kind[];
  text: string;
  label: string;
  hint: string;
  /** Called when the user activates the badge's button (click, Enter, Space). */
  activate: () => void;
  /** Called before the button takes focus from the box (pointer down). */
  arm: () => void;
}

/** Shows the badge for a verdict on the box. */
export function drawBadge(box: HTMLElement, spec: BadgeSpec): void {
  const l = layerFor(box);
  l.activate = spec.activate;
  l.arm = spec.arm;
  if (!l.badge) {
    const b = div("badge", l.box);
    const button = document.createElement("button");
    button.type = "button";
    button.setAttribute("aria-haspopup", "dialog");
    button.setAttribute("aria-expanded", "false");
    button.addEventListener("pointerdown", guard(() => layers.get(box)?.arm()));
    button.addEventListener("click", guard(() => layers.get(box)?.activate()));
    b.append(button);
    l.badge = b;
  }
  const b = l.badge;
  b.classList.toggle("caution", spec.verdict === "caution");
  probeData(b, "verdict", spec.verdict);
  probeData(b, "kinds", spec.kinds.join(" "));
  const button = b.firstElementChild as HTMLButtonElement;
  if (button.title === spec.label) return;
  button.title = spec.label;
  button.setAttribute("aria-keyshortcuts", "Alt+Shift+B");
  const shown = document.createElement("span");
  shown.setAttribute("aria-hidden", "true");
  shown.textContent = spec.text;
  const spoken = document.createElement("span");
  spoken.className = "sr";
  spoken.textContent = `${spec.label}. ${spec.hint}`;
  button.replaceChildren(shown, spoken);
}

/** The badge's button for the box, if one is shown. */
export function badgeButton(box: Element): HTMLButtonElement | null {
  return (layers.get(box)?.badge?.firstElementChild as HTMLButtonElement | null) ?? null;
}

/** Replaces the box's underline marks. In the test build each mark carries its verdict and
 * the span it underlines as `data-start`/`data-end` (offsets) and `data-text`. */
export function drawMarks(box: HTMLElement, verdict: Verdict, rects: Rect[]): void {
  const l = layerFor(box);
  for (const m of [...l.content.querySelectorAll(":scope > .mark")]) m.remove();
  for (const r of rects) {
    const m = div(verdict === "caution" ? "mark caution" : "mark", l.content);
    if (r.start !== undefined && r.end !== undefined) spans.set(m, { start: r.start, end: r.end });
    probeData(m, "verdict", verdict);
    if (r.start !== undefined) probeData(m, "start", r.start);
    if (r.end !== undefined) probeData(m, "end", r.end);
    if (r.text !== undefined) probeData(m, "text", r.text);
    m.style.left = `${r.left}px`;
    m.style.top = `${r.top}px`;
    m.style.width = `${r.width}px`;
    m.style.height = `${r.height}px`;
  }
}

/** Removes the box's marks of spans that end after `before` (the text changed there). */
export function trimMarks(box: Element, before: number): void {
  const l = layers.get(box);
  if (!l) return;
  for (const m of [...l.content.querySelectorAll(":scope > .mark")]) {
    const span = spans.get(m);
    if (span && span.end > before) m.remove();
  }
}

/** Removes the overlay from the page (this copy of the script stood down). */
export function removeOverlay(): void {
  // The test build's counters belong to this copy: a successor counts from zero.
  if (PROBE) for (const key of ["bedsideChecks", "bedsideCheckedLength", "bedsideContextChars", "bedsideContextThread"]) delete document.documentElement?.dataset[key];
  host?.remove();
  host = null;
  root = null;
  layers.clear();
}

/** Removes everything drawn for the box (and the host, if nothing else is shown). */
export function removeLayer(box: Element): void {
  layers.get(box)?.box.remove();
  layers.delete(box);
  tidyOverlay();
}
