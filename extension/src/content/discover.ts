/**
 * Finds compose boxes as the user reaches them — `focusin` and `input`, listened for on
 * the document in the capture phase (and so inside open shadow roots, via the event's
 * composed path) — and notices when they leave the page, with a MutationObserver.
 */
import { composeBox, deepActiveElement, type Box } from "./boxes";
import { guard } from "./guard";

export interface Discovery {
  /** A box was focused or edited. */
  found(box: Box, why: "focus" | "input"): void;
  /** Nodes were removed somewhere: boxes may have gone. */
  removed(): void;
}

export function discover(d: Discovery): void {
  const on = (why: "focus" | "input") =>
    guard((e: Event) => {
      const box = composeBox(e.composedPath()[0]);
      if (box) d.found(box, why);
    });
  document.addEventListener("focusin", on("focus"), true);
  document.addEventListener("input", on("input"), true);

  new MutationObserver(guard((records: MutationRecord[]) => {
    if (records.some((r) => r.removedNodes.length)) d.removed();
  })).observe(document, { childList: true, subtree: true });

  const active = composeBox(deepActiveElement(document));
  if (active) d.found(active, "focus");
}
