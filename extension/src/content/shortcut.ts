/**
 * The keyboard way to the card: Alt+Shift+B in a compose box that shows a badge opens the
 * card and moves focus into it (Escape brings focus back with the caret where it was).
 */
import { composeBox } from "./boxes";
import { guard } from "./guard";
import { listen } from "./listen";
import type { Session } from "./session";

export function installShortcut(sessionOf: (el: Element) => Session | undefined): void {
  listen("keydown", guard((e: KeyboardEvent) => {
    if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey || e.code !== "KeyB") return;
    const box = composeBox(e.composedPath()[0]);
    const s = box && sessionOf(box.el);
    if (!s?.showing) return;
    e.preventDefault();
    e.stopPropagation();
    // One task later, so the editor has taken in the caret moves queued before this key
    // (ProseMirror learns them from selectionchange) before focus leaves it.
    setTimeout(guard(() => s.openCard(true, false)), 0);
  }), { capture: true });
}
