/**
 * One compose box being watched: debounces its changes, reads its text (a bounded window
 * of it for huge drafts) and reply context, asks the core (through the cache), and draws
 * each answer as it lands (the rules' at once, then the scorer's) — underlines and a
 * badge — or nothing for verdict "none", a dismissed draft
 * or audit mode. Stale answers are dropped. A box is checked only once the user has
 * worked in it (a trusted key, pointer, input, paste, drop or composition event in the
 * box): a page's script that focuses a field and fills it is not the user writing, and
 * must not learn what Bedside makes of its text. It also runs the box's card: fixes, dismiss,
 * and the send gate's "post anyway".
 */
import type { Adapter } from "../adapters/adapter";
import type { Finding, Report } from "../protocol";
import type { Justification } from "../settings/justification";
import type { Box } from "./boxes";
import { reportVerdict } from "./bridge";
import type { ReportCache } from "./cache";
import type { Card } from "./card";
import { readCaret, restore, type Caret } from "./caret";
import type { CoreClient } from "./client";
import { applyEdit } from "./fix";
import { swallow } from "./guard";
import { noteJustification } from "./justify";
import { badgeLabel, badgeText, t } from "./labels";
import { watchSize } from "./layout";
import { inContent, measure } from "./mirror";
import { announce, badgeButton, countCheck, drawBadge, drawMarks, noteContext, place, removeLayer, scaleOf, tidyOverlay, trimMarks } from "./overlay";
import { timed } from "./perf";
import { editFor, editsForAll } from "./redact";
import { modeNow, overrideNow } from "./settings";
import { rangeFor, readEditable, type TextMap } from "./textmap";
import { shiftReport, WINDOW, windowAround } from "./window";

/** Quiet time after the last change before a draft is checked. */
export const DEBOUNCE_MS = 150;
/** How much of a dismissed draft's start identifies it. */
const DISMISS_PREFIX = 12;
/** How long a held send waits for the checker before it goes through unjudged. */
const HOLD_LIMIT_MS = 3000;
/** How often a held send's draft is checked again when it changed during the check. */
const HOLD_ROUNDS = 3;
/** Drafts longer than this get the badge but no underline marks (measuring would stall). */
const MARKS_LIMIT = 50_000;
/** The user's own events in a box that let Bedside check it (`isTrusted` ones only).
 * Each comes before the box's text changes, or after the page has handled the change —
 * never `input`, which Bedside must hear only after the page (discover.ts). */
const USER_EVENTS = ["keydown", "keyup", "pointerdown", "beforeinput", "paste", "drop", "compositionend"] as const;

/** What all sessions of a document share: the core, the cache, the adapter, the card. */
export interface Deps {
  client: CoreClient;
  cache: ReportCache;
  adapter: Adapter;
  ui: { card: Card; owner: Session | null };
}

interface Read {
  text: string;
  map: TextMap | null;
}

export class Session {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shown: { text: string; report: Report } | null = null;
  /** The last report for the box's current draft, drawn or not; `final` once the
   * scorer's report replaced the rules' early one. */
  private latest: { text: string; report: Report; final: boolean } | null = null;
  /** Sends held (block mode) until the draft they would post has been checked: each
   * replays its send if the check lets it through. */
  private waiting: Array<() => void> = [];
  /** Whether Enter in this box has been seen to make a new line rather than send. */
  private newline = false;
  private mutations: MutationObserver | null = null;
  /** The start of the dismissed draft; a draft that does not start so is a new one. */
  private dismissed: string | null = null;
  private allowNext = false;
  /** The reason given for the one allowed send, counted when it goes through. */
  private justified: Justification | null = null;
  /** Set while the one allowed send is going through (its click, then its submit). */
  private passing = false;
  private held = false;
  private caret: Caret | null = null;
  private spoken = "";
  /** Whether the user has worked in this box (see the module's doc). */
  private trusted = false;
  /** For an editor: the report and box width its marks were measured for. Marks sit in
   * the layer's scrolled content, so a move or scroll needs no new measure; a new
   * report or a new width (the text wraps anew) does. */
  private measured: { report: Report; width: number } | null = null;

  constructor(readonly box: Box, private deps: Deps) {
    const trust = (e: Event) => {
      if (!e.isTrusted) return;
      // A field's keyup also re-checks it: the page may stop its input events at the box
      // (an editable's changes reach the MutationObserver below whatever the page does).
      if (this.trusted && !(e.type === "keyup" && box.kind === "field")) return;
      this.trusted = true;
      this.schedule();
    };
    for (const type of USER_EVENTS) box.el.addEventListener(type, trust, { passive: true });
    if (box.kind === "editable") {
      // Editors may change their text without input events (paste handlers, undo).
      this.mutations = new MutationObserver(() => timed("mutation", () => this.schedule()));
      this.mutations.observe(box.el, { characterData: true, childList: true, subtree: true });
    }
    // Remember the caret as focus leaves (for the badge or the card), to put it back.
    box.el.addEventListener("focusout", () => this.remember());
  }

  /** Notes a trusted event in the box seen before this session existed. */
  trust(): void {
    this.trusted = true;
  }

  /** Checks the box after `delay` ms of quiet (once the user has worked in it). */
  schedule(delay = DEBOUNCE_MS): void {
    if (!this.trusted) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => timed("check", () => this.run()), delay);
  }

  private read(): Read {
    const b = this.box;
    if (b.kind === "field") return { text: b.el.value, map: null };
    const map = readEditable(b.el);
    return { text: map.text, map };
  }

  /** Checks the draft now; resolves once its final report is settled (or dropped). */
  private run(): Promise<void> {
    try {
      const { text, map } = this.read();
      if (this.dismissed !== null && !text.startsWith(this.dismissed)) this.dismissed = null;
      if (!text.trim()) {
        this.dismissed = null;
        this.latest = null;
        this.draw(text, null, null, true);
        return Promise.resolve();
      }
      const caret = text.length > WINDOW ? (readCaret(this.box, map ?? undefined)?.end ?? null) : null;
      const slice = windowAround(text, caret);
      const context = this.deps.adapter.findContext(this.box.el);
      noteContext(context);
      const cached = this.deps.cache.get(slice.text, context);
      if (cached) {
        this.settle(text, shiftReport(cached, slice.start), true);
        return Promise.resolve();
      }
      // The rules' report is drawn as soon as it comes; the scorer's follows it.
      const early = (report: Report) => timed("draw", () => this.settle(text, shiftReport(report, slice.start), false));
      return this.deps.client.check(slice.text, context, early).then((report) => {
        this.deps.cache.set(slice.text, context, report);
        timed("draw", () => this.settle(text, shiftReport(report, slice.start), true));
      }, swallow);
    } catch (e) {
      swallow(e);
      return Promise.resolve();
    }
  }

  /** Draws `report` if the box still holds `text` (otherwise a newer check is due).
   * `final`: the last report for this draft (not the rules' early one). */
  private settle(text: string, report: Report, final: boolean): void {
    try {
      if (!this.box.el.isConnected) return;
      const now = this.read();
      if (now.text !== text) return;
      this.latest = { text, report, final };
      this.draw(text, report, now.map, final);
    } catch (e) {
      swallow(e);
    }
  }

  private draw(text: string, report: Report | null, map: TextMap | null, final: boolean): void {
    if (final) countCheck(text.length);
    const el = this.box.el;
    reportVerdict(el, report);
    const quiet =
      !report || report.verdict === "none" || report.quiet !== undefined || this.dismissed !== null || modeNow() === "audit";
    if (quiet || !report) {
      this.shown = null;
      this.spoken = "";
      this.measured = null;
      removeLayer(el);
      watchSize(el, false);
      if (this.deps.ui.owner === this && !(report && this.held)) this.closeCard(false);
      return;
    }
    this.shown = { text, report };
    watchSize(el, true);
    const verdict = report.verdict as Exclude<Report["verdict"], "none">;
    const label = badgeLabel(verdict, report.kinds);
    drawBadge(el, {
      verdict, kinds: report.kinds, text: badgeText(), label, hint: t("badgeHint"),
      arm: () => this.remember(),
      activate: () => this.openCard(true, false),
    });
    // Spoken once the draft's last report is in: the rules' early one may be raised (or,
    // as a caution, quieted) by the scorer's a few milliseconds later, and a screen
    // reader should hear the verdict that stands, once.
    if (final && label !== this.spoken) {
      this.spoken = label;
      announce(label);
    }
    this.place();
    if (this.deps.ui.owner === this && this.deps.ui.card.isOpen) this.showCard(false);
  }

  /** Re-positions what is drawn after the layout moved. */
  place(): void {
    if (!this.shown) return;
    const el = this.box.el;
    const content = place(el);
    const { verdict, findings } = this.shown.report;
    if (this.box.kind === "field") {
      drawMarks(el, verdict, this.box.el.value.length > MARKS_LIMIT ? [] : measure(this.box.el, findings, content));
    } else if (this.measured?.report !== this.shown.report || this.measured.width !== el.clientWidth) {
      // The ranges' rectangles, drawn in the overlay (a highlight registry would be the
      // page's to read). Only spans before the first change since the check still stand.
      this.measured = { report: this.shown.report, width: el.clientWidth };
      const map = readEditable(el);
      const same = map.text.length > MARKS_LIMIT ? 0 : sharedPrefix(map.text, this.shown.text);
      const base = content.getBoundingClientRect();
      const k = scaleOf(content);
      const rects = findings.filter((f) => f.end <= same).flatMap((f) =>
        [...(rangeFor(map, f.start, f.end)?.getClientRects() ?? [])].filter((r) => r.width > 0).map((r) => ({
          ...inContent(r, base, k), start: f.start, end: f.end, text: map.text.slice(f.start, f.end),
        })));
      drawMarks(el, verdict, rects);
    }
    if (this.deps.ui.owner === this) this.deps.ui.card.position(this.anchor());
  }

  /** Whether something is drawn for this box. */
  get showing(): boolean {
    return this.shown !== null;
  }

  /** A change is coming: an emptied box starts a new draft; drop field marks at or after
   * the first changed character. */
  edited(): void {
    if (this.dismissed !== null && this.blank()) this.dismissed = null;
    if (!this.shown) return;
    if (this.box.kind !== "field") {
      // Drop the marks from the first change on; the rest stay where they were drawn.
      const now = readEditable(this.box.el).text;
      if (now.length <= MARKS_LIMIT) trimMarks(this.box.el, sharedPrefix(now, this.shown.text));
      return;
    }
    const now = this.box.el.value;
    const old = this.shown.text;
    const same = sharedPrefix(now, old);
    const kept = this.shown.report.findings.filter((f) => f.end <= same);
    if (kept.length === this.shown.report.findings.length) return;
    this.shown = { text: old, report: { ...this.shown.report, findings: kept } };
    this.place();
  }

  private blank(): boolean {
    const b = this.box;
    return !(b.kind === "field" ? b.el.value : (b.el.textContent ?? "")).trim();
  }

  /** Stops watching and removes what was drawn. */
  dispose(): void {
    clearTimeout(this.timer);
    reportVerdict(this.box.el, null);
    this.mutations?.disconnect();
    removeLayer(this.box.el);
    watchSize(this.box.el, false);
    if (this.deps.ui.owner === this) this.closeCard(false);
  }

  // ── The card ────────────────────────────────────────────────────────────────────────

  /** Remembers where the caret is, if it is in the box. */
  remember(): void {
    try {
      this.caret = readCaret(this.box) ?? this.caret;
    } catch (e) {
      swallow(e);
    }
  }

  private anchor(): DOMRect {
    return (badgeButton(this.box.el) ?? this.box.el).getBoundingClientRect();
  }

  /** Opens the card for the current report. `focus`: the user asked for it (badge). */
  openCard(focus: boolean, held: boolean): void {
    const report = this.latest?.report;
    if (!report || report.verdict === "none") return;
    const { ui } = this.deps;
    if (ui.owner && ui.owner !== this) ui.owner.closeCard(false);
    ui.owner = this;
    this.held = held;
    if (focus) this.remember();
    this.showCard(focus);
    badgeButton(this.box.el)?.setAttribute("aria-expanded", "true");
  }

  private showCard(focus: boolean): void {
    const report = this.latest?.report;
    if (!report) return;
    this.deps.ui.card.show({ report, held: this.held }, this.anchor(), {
      redact: (f) => void this.redact(f),
      redactAll: () => void this.redactAll(),
      dismiss: () => this.dismiss(),
      postAnyway: (reason) => this.postAnyway(reason),
      close: () => this.closeCard(true),
    }, focus);
  }

  /** Closes the card; with `refocus`, focus goes back to the box, caret where it was. */
  closeCard(refocus: boolean): void {
    const { ui } = this.deps;
    if (ui.owner !== this) return;
    const hadFocus = ui.card.hasFocus();
    ui.card.hide();
    tidyOverlay();
    ui.owner = null;
    this.held = false;
    badgeButton(this.box.el)?.setAttribute("aria-expanded", "false");
    if (refocus || hadFocus) restore(this.box, this.caret);
  }

  private async redact(f: Finding): Promise<void> {
    const text = this.latest?.text;
    if (text === undefined) return;
    await this.apply([editFor(text, f)]);
  }

  private async redactAll(): Promise<void> {
    const latest = this.latest;
    if (!latest) return;
    await this.apply(editsForAll(latest.text, latest.report.findings));
  }

  private async apply(edits: ReturnType<typeof editsForAll>): Promise<void> {
    const fromCard = this.deps.ui.card.hasFocus();
    let caret = fromCard ? this.caret : (readCaret(this.box) ?? this.caret);
    let ok = true;
    for (const e of edits) {
      if (!(ok = await applyEdit(this.box, e, caret))) break;
      caret = readCaret(this.box);
    }
    this.caret = caret;
    // A refused fix is said on the card, never passed over as if it had gone in.
    if (this.deps.ui.owner === this) this.deps.ui.card.fixResult(ok);
    this.schedule(0);
  }

  private dismiss(): void {
    this.dismissed = (this.latest?.text ?? "").slice(0, DISMISS_PREFIX);
    this.closeCard(true);
    if (this.latest) this.draw(this.latest.text, this.latest.report, null, true);
  }

  /** Lets the next send through — if the organisation allows it, and with a reason if
   * it asks for one. */
  private postAnyway(reason: Justification | null): void {
    const rules = overrideNow();
    if (!rules.allowUserOverride || (rules.requireJustification && !reason)) return;
    this.allowNext = true;
    this.justified = reason;
    this.closeCard(true);
  }

  // ── The send gate ───────────────────────────────────────────────────────────────────

  /** Whether a send from this box must be stopped (block mode). A draft whose final
   * report is in: stopped if it warns, and the card says why — unless "post anyway"
   * let this one send through (never when the organisation forbids it). A draft not yet
   * checked, or changed since: stopped and checked at once, then `replay` sends it if it
   * does not warn. `trusted`: the send is the user's own (a page's script sending a
   * draft the user never worked on learns nothing from the gate). */
  gateSend(trusted: boolean, replay: () => void, enter = false): boolean {
    if (modeNow() !== "block" || this.passing) return false;
    if (trusted) this.trusted = true;
    if (this.waiting.length) {
      this.waiting.push(replay);
      return true;
    }
    const text = this.read().text;
    const latest = this.latest;
    if (latest?.final && latest.text === text) return this.holdChecked(latest.report);
    if (!this.trusted || !text.trim() || (enter && this.newline)) return false;
    this.waiting.push(replay);
    void this.checkHeld();
    return true;
  }

  /** Notes that Enter in this box makes a new line (a replayed Enter went unhandled):
   * later Enters are not held while the draft is being checked, so none lands late. */
  enterMakesNewline(): void {
    this.newline = true;
  }

  /** For a checked draft: whether its send is stopped (and the card opened). */
  private holdChecked(report: Report): boolean {
    if (report.verdict !== "warn") return false;
    if (this.allowNext && overrideNow().allowUserOverride) {
      this.allowNext = false;
      if (this.justified) noteJustification(this.justified);
      this.justified = null;
      this.pass([]);
      return false;
    }
    this.openCard(false, true);
    return true;
  }

  /** Checks the draft behind held sends (again, if it changed meanwhile), then opens the
   * card or replays them. A checker that does not answer in time lets them through:
   * Bedside never swallows a send it could not judge. */
  private async checkHeld(): Promise<void> {
    clearTimeout(this.timer);
    for (let round = 0; round < HOLD_ROUNDS; round++) {
      let late = false;
      await Promise.race([this.run(), new Promise((r) => setTimeout(() => r((late = true)), HOLD_LIMIT_MS))]);
      if (late) break;
      const latest = this.latest;
      if (!latest?.final || latest.text !== this.read().text) continue;
      // Decided as for a draft checked before its send (the card, or "post anyway").
      if (modeNow() === "block" && this.holdChecked(latest.report)) {
        this.waiting = [];
        return;
      }
      break;
    }
    this.pass(this.waiting.splice(0));
  }

  /** Runs `sends` (and lets what each sets off — a click, then a submit) past the gate. */
  private pass(sends: Array<() => void>): void {
    this.passing = true;
    for (const send of sends) {
      try {
        send();
      } catch (e) {
        swallow(e);
      }
    }
    setTimeout(() => (this.passing = false), 0);
  }
}

/** How many leading UTF-16 units `a` and `b` share. */
function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
