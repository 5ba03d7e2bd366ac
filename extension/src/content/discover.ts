/**
 * Finds compose boxes as the user reaches them — `focusin` on the window in the capture
 * phase, `input` on the window in the bubble phase (both seen inside open shadow roots,
 * via the event's composed path; kept across `document.open()`, see `listen.ts`) — and
 * notices when they
 * leave the page, with a MutationObserver on the document and on each open shadow root a
 * box was found in. Never polls. Frames (srcdoc and about:blank ones too) run their own
 * copy of the content script.
 */
import { composeBox, deepActiveElement, type Box } from "./boxes";
import { guard } from "./guard";
import { listen } from "./listen";

export interface Discovery {
  /** A box was focused or edited; `trusted`: by the user (the event's `isTrusted`, which
   * a page's script cannot fake; a script's `focus()` fires a trusted focusin, so only
   * input counts). */
  found(box: Box, why: "focus" | "input", trusted: boolean): void;
  /** Nodes were removed somewhere: boxes may have gone. */
  removed(): void;
}

export function discover(d: Discovery): void {
  const removals = new MutationObserver(guard((records: MutationRecord[]) => {
    if (records.some((r) => r.removedNodes.length)) d.removed();
  }));
  const watched = new WeakSet<Node>();
  const watch = (root: Node) => {
    if (watched.has(root)) return;
    watched.add(root);
    removals.observe(root, { childList: true, subtree: true });
  };
  watch(document);

  const on = (why: "focus" | "input") =>
    guard((e: Event) => {
      const box = composeBox(e.composedPath()[0]);
      if (!box) return;
      const root = box.el.getRootNode();
      if (root instanceof ShadowRoot) watch(root);
      d.found(box, why, why === "input" && e.isTrusted);
    });
  listen("focusin", on("focus"), { capture: true });
  // After the page's own handlers, never before: the browser runs microtasks after each
  // listener of a user's event, so a listener ahead of the page's would let the page's
  // observers see the keystroke before its handlers did (an editor that renders from its
  // model would revert it). Where the page stops the event, the session's keyup hears it.
  listen("input", on("input"));

  const active = composeBox(deepActiveElement(document));
  if (active) d.found(active, "focus", false);
}
