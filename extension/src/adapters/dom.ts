/**
 * Small DOM helpers the site adapters share: reading a message's text (with emoji that
 * sites draw as `<img alt="😊">`), keeping it bounded, finding what comes before the
 * compose box, and telling the other person's chat bubbles from the user's own by which
 * side of the thread they sit on (every supported DM view puts the user's own messages
 * on the right), and bounding a conversation's last messages.
 */
import { CONTEXT_CHARS, CONTEXT_MESSAGES, type Context, type ThreadMessage } from "../protocol";
import { siteOf, type SiteId } from "../settings/sites";

/** Contexts are messages, not pages: only the last this many characters are kept. */
export const MAX_CONTEXT = CONTEXT_CHARS;

/** Elements after which a line break separates text, as `innerText` would. */
const BLOCK = new Set(["DIV", "P", "BR", "LI", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "SECTION", "ARTICLE", "PRE", "TR"]);
/** Emoji drawn as images (Twitter, WhatsApp, Facebook, Mastodon) keep their alt text. */
const EMOJI = /\p{Extended_Pictographic}/u;

/** Keeps the end of `text` (the most recent part of a long message), whitespace tidied. */
export function clip(text: string): string {
  const t = text.replace(/[ \t\f\v\u00a0]+/g, " ").replace(/\s*\n\s*/g, "\n").trim();
  if (t.length <= MAX_CONTEXT) return t;
  let start = t.length - MAX_CONTEXT;
  // Never start in the middle of a surrogate pair.
  const c = t.charCodeAt(start);
  if (c >= 0xdc00 && c <= 0xdfff) start++;
  return t.slice(start).trim();
}

/** The last messages of a conversation, oldest first, as context: empty ones dropped,
 * each clipped, then as many of the newest as fit `CONTEXT_MESSAGES` and `CONTEXT_CHARS`
 * (the newest always, clipped). "" when none is the other person's: a thread of the
 * user's own messages replies to nobody. */
export function conversation(messages: ThreadMessage[]): Context {
  const kept: ThreadMessage[] = [];
  let chars = 0;
  for (let i = messages.length - 1; i >= 0 && kept.length < CONTEXT_MESSAGES; i--) {
    const text = clip(messages[i]!.text);
    if (!text) continue;
    if (kept.length && chars + text.length > CONTEXT_CHARS) break;
    kept.unshift({ from: messages[i]!.from, text });
    chars += text.length;
  }
  return kept.some((m) => m.from === "them") ? kept : "";
}

/** The elements of `els` that no other of them contains, in their order. */
export function outermost<T extends Element>(els: T[]): T[] {
  return els.filter((e) => !els.some((o) => o !== e && o.contains(e)));
}

/** The texts of the outermost of `els`, a line each. */
export function textsOf(els: Element[]): string {
  return outermost(els).map(textOf).join("\n").trim();
}

/** The outermost elements matching `selector` in `thread` before `box` that are drawn on
 * bubbles, as a conversation: those on the left the other person's, on the right the
 * user's own (a notice in the middle is neither). */
export function bySide(thread: Element, selector: string, box: Element): Context {
  const all = [...thread.querySelectorAll(selector)].filter((t) => precedes(t, box) && inBubble(t, thread));
  const messages: ThreadMessage[] = [];
  for (const t of outermost(all)) {
    const at = side(t, thread);
    const text = textOf(t);
    if (text && (at === "left" || at === "right")) messages.push({ from: at === "left" ? "them" : "me", text });
  }
  return conversation(messages);
}

/** A context made to fit (a message clipped to its end, a thread to its newest part). */
export function fit(context: Context): Context {
  return typeof context === "string" ? clip(context) : conversation(context);
}

/** The visible text of `el`: text nodes, emoji images' alt text, line breaks between blocks.
 * Script, style and elements hidden with `hidden` or `aria-hidden` are skipped. */
export function textOf(el: Element | null | undefined): string {
  if (!el) return "";
  const out: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE) {
      out.push((n as Text).data);
      return;
    }
    if (n.nodeType !== Node.ELEMENT_NODE) return;
    const e = n as Element;
    const tag = e.tagName;
    if (tag === "SCRIPT" || tag === "STYLE" || tag === "TEMPLATE" || e.hasAttribute("hidden") || e.getAttribute("aria-hidden") === "true") return;
    if (tag === "IMG") {
      const alt = e.getAttribute("alt") ?? "";
      if (alt.length <= 16 && EMOJI.test(alt)) out.push(alt);
      return;
    }
    for (let c = e.firstChild; c; c = c.nextSibling) walk(c);
    if (BLOCK.has(tag)) out.push("\n");
  };
  walk(el);
  return clip(out.join(""));
}

/** Whether `el` comes before `box` in the document and is not one of its ancestors. */
export function precedes(el: Element, box: Element): boolean {
  return el !== box && !el.contains(box) && !box.contains(el) &&
    (el.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/** The elements matching `selector` inside `scope` that come before `box`, last first. */
export function* before(scope: ParentNode, selector: string, box: Element): Generator<Element> {
  const all = scope.querySelectorAll(selector);
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!;
    if (precedes(el, box)) yield el;
  }
}

/** The last element matching `selector` inside `scope` before `box` that passes `keep`. */
export function lastBefore(scope: ParentNode, selector: string, box: Element, keep: (el: Element) => boolean = () => true): Element | null {
  for (const el of before(scope, selector, box)) if (keep(el)) return el;
  return null;
}

/** The first non-empty text of the first element matching one of `selectors` in `scope`. */
export function firstText(scope: ParentNode, selectors: string): string {
  for (const el of scope.querySelectorAll(selectors)) {
    const t = textOf(el);
    if (t) return t;
  }
  return "";
}

/** Which side of `thread` the message `el` sits on; "centre" for date lines and notices. */
export function side(el: Element, thread: Element): "left" | "right" | "centre" | "none" {
  const r = el.getBoundingClientRect();
  if (!r.width || !r.height) return "none";
  const c = thread.getBoundingClientRect();
  const left = r.left - c.left;
  const right = c.right - r.right;
  if (Math.abs(left - right) < 16) return "centre";
  return left < right ? "left" : "right";
}

function background(el: Element): string {
  const bg = getComputedStyle(el).backgroundColor;
  return !bg || bg === "transparent" || /^rgba\(.*,\s*0\)$/.test(bg) ? "" : bg;
}

/** The colour behind `el`: its own background or the nearest ancestor's. */
function backdrop(el: Element | null): string {
  for (; el; el = el.parentElement) {
    const bg = background(el);
    if (bg) return bg;
  }
  return "";
}

/** Whether `el` is drawn on a bubble inside `thread`: it or an ancestor at most `levels`
 * up, below the thread, has a background other than the thread's (message text has one;
 * timestamps, names and read receipts sit on the thread's own background). */
export function inBubble(el: Element, thread: Element, levels = 4): boolean {
  const behind = backdrop(thread);
  let e: Element | null = el;
  for (let i = 0; e && e !== thread && i <= levels; i++, e = e.parentElement) {
    const bg = background(e);
    if (bg && bg !== behind) return true;
  }
  return false;
}

/** The last message before `box` in `thread` on the other person's side (the left), where
 * messages are the elements matching `selector` (drawn on bubbles, when `bubbles`). */
export function lastOnLeft(thread: Element, selector: string, box: Element, bubbles = true): Element | null {
  return lastBefore(thread, selector, box, (el) => side(el, thread) === "left" && (!bubbles || inBubble(el, thread)) && textOf(el) !== "");
}

/** The closest ancestor of `box` (itself excluded) matching `selector`, across open shadow roots. */
export function closestUp(box: Element, selector: string): Element | null {
  let n: Node | null = box.parentNode;
  while (n) {
    if (n.nodeType === Node.ELEMENT_NODE && (n as Element).matches(selector)) return n as Element;
    n = n instanceof ShadowRoot ? n.host : n.parentNode;
  }
  return null;
}

/** Whether `url` is a page of one of the sites `ids` (by the hosts `settings/sites.ts` lists). */
export function onSites(url: URL, ...ids: SiteId[]): boolean {
  const site = siteOf(url.hostname);
  return site !== "other" && ids.includes(site);
}

/** The nearest ancestor of `box` (at most `depth` levels up) that holds an element matching
 * `selector` placed before the box: the thread the box belongs to. Stops at `<body>`. */
export function threadOf(box: Element, selector: string, depth = 14): Element | null {
  let el = box.parentElement;
  for (let i = 0; el && i < depth && el !== document.body; i++, el = el.parentElement) {
    if (lastBefore(el, selector, box)) return el;
  }
  return null;
}
