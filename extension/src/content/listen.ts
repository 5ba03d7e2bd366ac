/**
 * Window event listeners that survive `document.open()`. Opening a document erases every
 * listener of its window and nodes — also the content script's, when an editor writes
 * its own about:blank frame after the script was injected. A MutationObserver (which
 * `document.open()` does not erase) sees the new root element and adds them again.
 */
import { guard } from "./guard";

type Entry = [type: string, fn: EventListener, options: AddEventListenerOptions];

const entries: Entry[] = [];
let root: Element | null = document.documentElement;
let watching = false;

function watch(): void {
  if (watching) return;
  watching = true;
  new MutationObserver(guard(() => {
    if (document.documentElement === root) return;
    root = document.documentElement;
    // Adding a listener that is already there is a no-op, so this is safe to repeat.
    for (const [type, fn, options] of entries) addEventListener(type, fn, options);
  })).observe(document, { childList: true });
}

/** `addEventListener` on the window, kept across `document.open()`. */
export function listen<K extends keyof WindowEventMap>(type: K, fn: (e: WindowEventMap[K]) => void, options: AddEventListenerOptions = {}): void {
  const entry: Entry = [type, fn as EventListener, options];
  entries.push(entry);
  addEventListener(type, entry[1], options);
  watch();
}
