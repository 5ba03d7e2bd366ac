/**
 * The card: a `popover="manual"` dialog in the top layer, inside the overlay's shadow root
 * (page CSS cannot restyle it). It says which details add up (the report's message and
 * findings), cites the rules ("why?"), and offers: redact one detail, redact all, dismiss
 * for this draft, and — when block mode held a send — post anyway, only if the
 * organisation allows it (`allowUserOverride`), and then, if it asks for a reason
 * (`requireJustification`), only once one of the fixed reasons is chosen
 * (settings/justification.ts). It takes focus only when asked to (the user activated the
 * badge, or chose to give a reason from the keyboard); mouse presses on its buttons never
 * move focus out of the editor. Escape and the close button call `close`.
 */
import type { Finding, Report } from "../protocol";
import { JUSTIFICATIONS, type Justification } from "../settings/justification";
import { guard } from "./guard";
import { badgeLabel, t } from "./labels";
import { adoptSheet, overlayRoot, shownRoot } from "./overlay";
import { listed } from "./redact";
import { overrideNow } from "./settings";

const STYLE = `
.card { position: fixed; inset: auto; margin: 0; box-sizing: border-box; width: min(360px, calc(100vw - 16px));
  max-height: min(560px, calc(100vh - 16px)); overflow: auto; padding: 12px 14px; pointer-events: auto;
  scroll-padding-bottom: 64px;
  border: 1px solid #dadce0; border-radius: 10px; background: #fff; color: #202124;
  box-shadow: 0 4px 16px rgba(0,0,0,.2); font: 13px/1.4 system-ui, sans-serif; text-align: start; }
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid #1a73e8; }
.card h2 { margin: 0 24px 6px 0; font: 600 14px/1.3 system-ui, sans-serif; color: #b3261e; }
.card h3 { margin: 10px 0 4px; font: 600 12px/1.3 system-ui, sans-serif; }
.card p { margin: 0 0 6px; }
.card ul { margin: 0; padding: 0; list-style: none; }
.card li { display: flex; gap: 8px; align-items: baseline; justify-content: space-between; padding: 2px 0; }
.card .what { font-weight: 600; }
.card .cat { color: #5f6368; font-size: 12px; }
.card .held { padding: 6px 8px; border-radius: 6px; background: #fce8e6; font-weight: 600; }
.card .actions { display: flex; flex-wrap: wrap; gap: 6px; margin: 10px -14px 0; padding: 6px 14px;
  position: sticky; bottom: -12px; background: #fff; border-top: 1px solid #f1f3f4; }
.card fieldset.justify .actions { position: static; margin: 10px 0 0; padding: 0; border: 0; }
.card button { font: 500 12px/1.2 system-ui, sans-serif; padding: 4px 10px; border-radius: 6px;
  border: 1px solid #dadce0; background: #f8f9fa; color: #202124; cursor: pointer; }
.card button:hover { background: #eef0f2; }
.card button.primary { background: #1a73e8; border-color: #1a73e8; color: #fff; }
.card button.close { position: absolute; top: 8px; right: 8px; padding: 0 6px; border: 0; background: none; font-size: 16px; }
.card .rules li { display: block; }
.card button:disabled { opacity: .5; cursor: default; }
.card fieldset.justify { margin: 10px 0 0; padding: 6px 10px 8px; border: 1px solid #dadce0; border-radius: 6px; }
.card fieldset.justify legend { padding: 0 4px; font-weight: 600; }
.card fieldset.justify label { display: flex; gap: 6px; align-items: baseline; padding: 2px 0; cursor: pointer; }
.card .note { margin: 6px 0 0; color: #5f6368; font-size: 12px; }
.card .notice { margin: 6px 0 0; padding: 6px 8px; border-radius: 6px; background: #fce8e6; color: #a50e0e; }
.card cite { font-style: normal; font-weight: 600; }
`;

export interface CardActions {
  redact(f: Finding): void;
  redactAll(): void;
  dismiss(): void;
  /** Let the held send through; `reason` is the one chosen when the organisation asks
   * for one, else null. */
  postAnyway(reason: Justification | null): void;
  /** Escape or the close button. */
  close(): void;
}

export interface CardView {
  report: Report;
  /** Whether block mode held a send (shows "post anyway", if the organisation allows it). */
  held: boolean;
}

let sheet: CSSStyleSheet | null = null;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids);
  return e;
}

function category(c: string): string {
  return c.replace(/-/g, " ");
}

export class Card {
  private node: HTMLDivElement | null = null;
  private actions: CardActions | null = null;
  private whyOpen = false;
  /** The view and anchor last shown (the reason step redraws the card by itself). */
  private view: CardView | null = null;
  private anchor: DOMRect | null = null;
  /** Whether the card shows the reasons to choose from, and the one chosen. */
  private justifying = false;
  private reason: Justification | null = null;
  /** Said on the card until it closes or a fix goes in: the editor refused a fix. */
  private notice: string | null = null;

  get isOpen(): boolean {
    return !!this.node?.isConnected && this.node.dataset.open === "true";
  }

  private element(): HTMLDivElement {
    // The host leaves the page while nothing is shown: put it back before asking whether
    // the card is still in it.
    overlayRoot();
    if (this.node?.isConnected) return this.node;
    sheet ??= (() => {
      const s = new CSSStyleSheet();
      s.replaceSync(STYLE);
      return s;
    })();
    adoptSheet(sheet);
    const n = el("div", { className: "card", tabIndex: -1 });
    n.setAttribute("popover", "manual");
    n.setAttribute("role", "dialog");
    n.setAttribute("aria-labelledby", "bedside-card-title");
    n.addEventListener("keydown", guard((e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      e.preventDefault();
      e.stopPropagation();
      this.actions?.close();
    }));
    // Pressing a button must not take focus from the editor (or move its caret).
    n.addEventListener("mousedown", (e) => {
      if ((e.target as Element).closest("button")) e.preventDefault();
    });
    overlayRoot().append(n);
    this.node = n;
    return n;
  }

  private button(label: string, onClick: () => void, cls = ""): HTMLButtonElement {
    const b = el("button", { type: "button", className: cls }, label);
    b.addEventListener("click", guard(onClick));
    return b;
  }

  private render(view: CardView): void {
    const n = this.element();
    const a = (): CardActions => this.actions!;
    const { report } = view;
    const title = el("h2", { id: "bedside-card-title" }, badgeLabel(report.verdict, report.kinds));
    const close = this.button("×", () => a().close(), "close");
    close.setAttribute("aria-label", t("cardClose"));
    const parts: Node[] = [title, close];
    const may = overrideNow();
    if (view.held) parts.push(el("p", { className: "held" }, t(may.allowUserOverride ? "cardHeld" : "cardHeldNoOverride")));
    if (report.message) parts.push(el("p", { className: "message" }, report.message));
    if (this.notice) {
      const p = el("p", { className: "notice" }, this.notice);
      p.setAttribute("role", "alert");
      parts.push(p);
    }
    const findings = listed(report.findings);
    if (findings.length) {
      parts.push(el("h3", {}, t("cardDetails")));
      parts.push(el("ul", { className: "findings" }, ...findings.map((f) => {
        const b = this.button(t("cardRedact"), () => a().redact(f), "redact");
        b.setAttribute("aria-label", f.replacement ? t("cardRedactLabel", f.text, f.replacement) : t("cardRemoveLabel", f.text));
        b.dataset.start = String(f.start);
        b.dataset.end = String(f.end);
        return el("li", {}, el("span", {}, el("span", { className: "what" }, `“${f.text}”`), " ", el("span", { className: "cat" }, category(f.category))), b);
      })));
    }
    const why = this.button(t("cardWhy"), () => {
      this.whyOpen = !this.whyOpen;
      why.setAttribute("aria-expanded", String(this.whyOpen));
      rules.hidden = !this.whyOpen;
    }, "why");
    why.setAttribute("aria-expanded", String(this.whyOpen));
    why.setAttribute("aria-controls", "bedside-card-rules");
    const actions = el("div", { className: "actions" });
    if (findings.length) actions.append(this.button(t("cardRedactAll"), () => a().redactAll(), "redact-all primary"));
    actions.append(this.button(t("cardDismiss"), () => a().dismiss(), "dismiss"), why);
    const asking = view.held && may.allowUserOverride && may.requireJustification;
    if (view.held && may.allowUserOverride && !may.requireJustification) {
      actions.append(this.button(t("cardPostAnyway"), () => a().postAnyway(null), "post-anyway"));
    } else if (asking && !this.justifying) {
      actions.append(this.button(t("cardPostAnywayAsk"), () => this.step(true), "post-anyway"));
    }
    const rules = el("div", { className: "rules", id: "bedside-card-rules", hidden: !this.whyOpen },
      el("h3", {}, t("cardRules")),
      el("ul", {}, ...report.citations.map((c) => el("li", {}, el("cite", {}, c.source), ": ", c.rule))));
    parts.push(actions);
    if (asking && this.justifying) parts.push(this.justification(a));
    parts.push(rules);
    // A redraw (a newer report) keeps focus on the control that had it.
    const root = shownRoot();
    const focused = root && n.contains(root.activeElement) ? (root.activeElement as HTMLElement).dataset.key : undefined;
    n.replaceChildren(...parts);
    n.dataset.held = String(view.held);
    if (focused) n.querySelector<HTMLElement>(`[data-key="${focused}"]`)?.focus({ preventScroll: true });
  }

  /** The reasons to choose from before a held send may go through, one category each. */
  private justification(a: () => CardActions): HTMLFieldSetElement {
    const post = this.button(t("cardJustifyPost"), () => {
      if (this.reason) a().postAnyway(this.reason);
    }, "justify-post primary");
    post.disabled = this.reason === null;
    post.dataset.key = "justify-post";
    const choices = JUSTIFICATIONS.map((id) => {
      const input = el("input", { type: "radio", name: "bedside-justification", value: id, checked: this.reason === id });
      input.dataset.key = `justify-${id}`;
      input.addEventListener("change", guard(() => {
        this.reason = id;
        post.disabled = false;
      }));
      return el("label", {}, input, t(`justification_${id}`));
    });
    const back = this.button(t("cardJustifyBack"), () => this.step(false), "justify-back");
    back.dataset.key = "justify-back";
    return el("fieldset", { className: "justify" },
      el("legend", {}, t("cardJustifyPrompt")), ...choices,
      el("p", { className: "note" }, t("cardJustifyNote")),
      el("div", { className: "actions" }, post, back));
  }

  /** Shows (`on`) or leaves the reason step; from the keyboard, focus follows. */
  private step(on: boolean): void {
    const keyboard = this.hasFocus();
    this.justifying = on;
    if (!on) this.reason = null;
    if (!this.view) return;
    this.render(this.view);
    if (this.anchor) this.position(this.anchor);
    if (keyboard) this.node?.querySelector<HTMLElement>(on ? ".justify input" : "button.post-anyway")?.focus({ preventScroll: true });
  }

  /** Puts the card next to `anchor` (the badge, or the box), inside the viewport. */
  position(anchor: DOMRect): void {
    this.anchor = anchor;
    const n = this.node;
    if (!n || !this.isOpen) return;
    const w = n.offsetWidth;
    const h = n.offsetHeight;
    const vw = document.documentElement.clientWidth || innerWidth;
    const vh = document.documentElement.clientHeight || innerHeight;
    const left = Math.min(Math.max(8, anchor.right - w), vw - w - 8);
    const below = anchor.bottom + 6;
    const top = below + h <= vh - 8 ? below : Math.max(8, anchor.top - h - 6);
    n.style.left = `${left}px`;
    n.style.top = `${top}px`;
  }

  /** Shows (or refreshes) the card for `view`; takes focus only if `focus`. */
  show(view: CardView, anchor: DOMRect, actions: CardActions, focus: boolean): void {
    const wasOpen = this.isOpen;
    if (!wasOpen || !view.held) {
      this.justifying = false;
      this.reason = null;
    }
    if (!wasOpen) this.whyOpen = false;
    this.actions = actions;
    this.view = view;
    this.render(view);
    const n = this.node!;
    n.dataset.open = "true";
    if (!wasOpen) {
      if (typeof n.showPopover === "function") {
        if (!n.matches(":popover-open")) n.showPopover();
      } else n.style.display = "block";
    }
    this.position(anchor);
    if (focus) n.focus({ preventScroll: true });
  }

  /** Says on the open card whether the last fix went in (`ok`), or that the editor
   * did not take it: then the draft is as it was and the user must edit by hand. */
  fixResult(ok: boolean): void {
    const notice = ok ? null : t("cardFixFailed");
    if (notice === this.notice) return;
    this.notice = notice;
    if (this.view && this.isOpen) this.render(this.view);
    if (this.anchor) this.position(this.anchor);
  }

  /** Hides the card. */
  hide(): void {
    this.notice = null;
    const n = this.node;
    if (!n || n.dataset.open !== "true") return;
    n.dataset.open = "false";
    if (typeof n.hidePopover === "function") {
      if (n.matches(":popover-open")) n.hidePopover();
    } else n.style.display = "none";
  }

  /** Whether focus is inside the card. */
  hasFocus(): boolean {
    const r = shownRoot();
    if (!r) return false;
    return !!this.node && !!r.activeElement && this.node.contains(r.activeElement);
  }
}
