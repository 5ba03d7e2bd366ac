/**
 * The send gate (block mode): Enter without Shift in a compose box, a click on the site's
 * send button, or a form submission, while the box holds a warned draft, opens the card
 * instead of posting; a draft not checked yet is held until it is, then sent
 * (replay.ts) or carded. Listens on `window` in the capture phase, and stops the event
 * there with `preventDefault` and `stopImmediatePropagation`.
 * A send button is a submit button of the box's form, or an element labelled "send"
 * (`aria-label` or `data-testid`) within a few ancestors of the box.
 */
import { composeBox } from "./boxes";
import { guard } from "./guard";
import { listen } from "./listen";
import { replayClick, replayEnter, replaySubmit } from "./replay";
import type { Session } from "./session";

const SEND = 'button[type=submit], input[type=submit], [aria-label*="send" i], [data-testid*="send" i]';
const CLICKABLE = `button, [role=button], input[type=submit], ${SEND}`;
/** How far up from the box a send button's shared container may be. */
const NEAR = 6;

function stop(e: Event): void {
  e.preventDefault();
  e.stopImmediatePropagation();
}

function formOf(el: Element): HTMLFormElement | null {
  return (el as HTMLInputElement).form ?? el.closest("form");
}

/** Whether `button` is the send button for the box `el`. */
function sends(button: Element, el: Element): boolean {
  const form = formOf(el);
  if (form && button.matches("button[type=submit], input[type=submit]") && formOf(button) === form) return true;
  if (!button.matches('[aria-label*="send" i], [data-testid*="send" i]')) return false;
  let up: Element | null = el;
  for (let i = 0; up && i < NEAR; i++, up = up.parentElement ?? ((up.getRootNode() as ShadowRoot).host ?? null)) {
    if (up.contains(button)) return true;
  }
  return false;
}

/** Installs the gate; `sessions` lists the boxes being watched. */
export function installGate(sessions: () => Iterable<Session>, sessionOf: (el: Element) => Session | undefined): void {
  listen("keydown", guard((e: KeyboardEvent) => {
    if (e.key !== "Enter" || e.shiftKey || e.isComposing || e.altKey) return;
    const box = composeBox(e.composedPath()[0]);
    const s = box && sessionOf(box.el);
    if (!s || !s.gateSend(e.isTrusted, replayEnter(e, () => s.enterMakesNewline()), true)) return;
    stop(e);
  }), { capture: true });

  listen("click", guard((e: MouseEvent) => {
    const target = e.composedPath()[0];
    const button = target instanceof Element ? target.closest(CLICKABLE) : null;
    if (!button || !button.matches(SEND)) return;
    for (const s of sessions()) {
      if (!sends(button, s.box.el) || !s.gateSend(e.isTrusted, replayClick(button))) continue;
      stop(e);
      return;
    }
  }), { capture: true });

  listen("submit", guard((e: SubmitEvent) => {
    const form = e.composedPath()[0];
    if (!(form instanceof HTMLFormElement)) return;
    for (const s of sessions()) {
      if (formOf(s.box.el) !== form || !s.gateSend(e.isTrusted, replaySubmit(form, e.submitter))) continue;
      stop(e);
      return;
    }
  }), { capture: true });
}
