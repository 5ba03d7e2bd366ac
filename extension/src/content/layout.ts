/**
 * Tells the drawing code when the page's layout may have moved a box: page or element
 * scroll, window resize, and a box's own size change. Coalesced to one call per frame;
 * no polling.
 */
import { guard } from "./guard";
import { listen } from "./listen";

let frame = 0;
let listener: () => void = () => {};
let resizes: ResizeObserver | null = null;

function schedule(): void {
  if (frame) return;
  frame = requestAnimationFrame(guard(() => {
    frame = 0;
    listener();
  }));
}

/** Calls `fn` (at most once a frame) after anything that may move a box. */
export function onLayout(fn: () => void): void {
  listener = fn;
  listen("scroll", schedule, { capture: true, passive: true });
  listen("resize", schedule, { passive: true });
  resizes = new ResizeObserver(schedule);
}

/** Follows (or stops following) the size of `box`. */
export function watchSize(box: Element, on: boolean): void {
  if (on) resizes?.observe(box);
  else resizes?.unobserve(box);
}
