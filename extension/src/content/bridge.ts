/**
 * The content script's side of the toolbar button and the settings: answers the popup's
 * "what can I check here?" (the last-focused compose box with its reply context, or the
 * selection), reports each box's verdict to the worker when it changes, and its frame's
 * focus (for the toolbar badge and audit counts), and re-checks every box when the worker
 * says settings changed.
 */
import type { Adapter } from "../adapters/adapter";
import type { Report, Snapshot, TabMessage, Verdict, WorkerMessage } from "../protocol";
import { deepActiveElement, type Box } from "./boxes";
import { guard, swallow } from "./guard";
import { alive } from "./lifetime";
import { readEditable } from "./textmap";

export interface BridgeDeps {
  adapter: Adapter;
  /** Forgets cached reports and checks every box again. */
  recheck(): void;
}

let last: Box | null = null;
let nextBox = 1;
const ids = new WeakMap<Element, number>();
const sent = new Map<number, string>();

/** Remembers the box the user is in: the popup checks it. */
export function noteBox(box: Box): void {
  last = box;
}

function textOf(box: Box): string {
  return box.kind === "field" ? box.el.value : readEditable(box.el).text;
}

function snapshot(adapter: Adapter): Snapshot {
  const box = last?.el.isConnected ? last : null;
  const active = deepActiveElement(document);
  return {
    origin: location.origin,
    box: box ? { text: textOf(box), context: adapter.findContext(box.el), focused: active === box.el } : null,
    selection: (getSelection()?.toString() ?? "").trim(),
  };
}

/** Whether the worker was last told that this frame has focus. */
let announcedFocus = false;

/** Sends `m` to the worker; a worker that went away (reloaded, removed) is no error. */
export function tell(m: WorkerMessage): void {
  try {
    chrome.runtime.sendMessage(m).catch(swallow);
  } catch (e) {
    swallow(e); // the extension was reloaded or removed
  }
}

/** Tells the worker the verdict for `el` (null: the box is empty or gone), if it changed,
 * and whether this frame has focus (only the focused frame's boxes set the toolbar badge:
 * a frame the user never entered cannot). A frame that gained focus since it last told
 * the worker tells it even an unchanged verdict. The verdict is the core's, even when the
 * page is quiet: the worker decides what to do. */
export function reportVerdict(el: Element, report: Report | null): void {
  if (!alive()) return; // the extension is gone: nobody to tell
  let id = ids.get(el);
  if (id === undefined) ids.set(el, (id = nextBox++));
  const verdict: Verdict = report?.verdict ?? "none";
  const kinds = report?.kinds ?? [];
  const key = `${verdict}:${kinds.join(",")}`;
  const focused = document.hasFocus();
  if ((sent.get(id) ?? "none:") === key && (announcedFocus || !focused)) return;
  sent.set(id, key);
  announcedFocus = focused;
  tell({ type: "bedside:verdict", box: id, verdict, kinds, focused });
}

/** Follows this frame's focus: once it has compose boxes, tells the worker when it gains
 * focus (the badge then follows it). Frames without boxes never wake the worker. */
function watchFocus(): void {
  window.addEventListener("focus", guard(() => {
    if ((nextBox === 1 && !last) || announcedFocus) return;
    announcedFocus = true;
    tell({ type: "bedside:focus" });
  }));
  window.addEventListener("blur", guard(() => {
    announcedFocus = false;
  }));
}

/** Answers the popup (top frame only) and the worker's "settings changed" (every frame). */
export function installBridge(deps: BridgeDeps): void {
  watchFocus();
  chrome.runtime.onMessage.addListener(guard((m: TabMessage, _sender: chrome.runtime.MessageSender, respond: (r: unknown) => void) => {
    if (m?.type === "bedside:refresh") deps.recheck();
    else if (m?.type === "bedside:snapshot" && window === window.top) respond(snapshot(deps.adapter));
  }));
}
