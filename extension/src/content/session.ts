/**
 * One compose box being watched: debounces its changes, reads its text and reply
 * context, asks the core (through the cache), and draws the answer — underlines and a
 * badge — or nothing at all for verdict "none". Stale answers are dropped.
 */
import type { Adapter } from "../adapters/adapter";
import type { Report } from "../protocol";
import type { Box } from "./boxes";
import { reportVerdict } from "./bridge";
import type { ReportCache } from "./cache";
import type { CoreClient } from "./client";
import { swallow } from "./guard";
import { clearHighlights, highlightsSupported, setHighlights } from "./highlight";
import { badgeLabel, badgeText } from "./labels";
import { watchSize } from "./layout";
import { measure } from "./mirror";
import { countCheck, drawBadge, drawMarks, noteContext, place, removeLayer } from "./overlay";
import { rangeFor, readEditable, type TextMap } from "./textmap";

/** Quiet time after the last change before a draft is checked. */
export const DEBOUNCE_MS = 150;

export interface Deps {
  client: CoreClient;
  cache: ReportCache;
  adapter: Adapter;
}

interface Read {
  text: string;
  map: TextMap | null;
}

export class Session {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shown: { text: string; report: Report } | null = null;
  private mutations: MutationObserver | null = null;

  constructor(readonly box: Box, private deps: Deps) {
    if (box.kind === "editable") {
      // Editors may change their text without input events (paste handlers, undo).
      this.mutations = new MutationObserver(() => this.schedule());
      this.mutations.observe(box.el, { characterData: true, childList: true, subtree: true });
    }
  }

  /** Checks the box after `delay` ms of quiet. */
  schedule(delay = DEBOUNCE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), delay);
  }

  private read(): Read {
    const b = this.box;
    if (b.kind === "field") return { text: b.el.value, map: null };
    const map = readEditable(b.el);
    return { text: map.text, map };
  }

  private run(): void {
    try {
      const { text } = this.read();
      if (!text.trim()) return this.draw(text, null, null);
      const context = this.deps.adapter.findContext(this.box.el);
      noteContext(context.length);
      const cached = this.deps.cache.get(text, context);
      if (cached) return this.settle(text, cached);
      this.deps.client.check(text, context).then((report) => {
        this.deps.cache.set(text, context, report);
        this.settle(text, report);
      }, swallow);
    } catch (e) {
      swallow(e);
    }
  }

  /** Draws `report` if the box still holds `text` (otherwise a newer check is due). */
  private settle(text: string, report: Report): void {
    try {
      if (!this.box.el.isConnected) return;
      const now = this.read();
      if (now.text !== text) return;
      this.draw(text, report, now.map);
    } catch (e) {
      swallow(e);
    }
  }

  private draw(text: string, report: Report | null, map: TextMap | null): void {
    countCheck(text.length);
    const el = this.box.el;
    reportVerdict(el, report);
    if (!report || report.verdict === "none" || report.quiet) {
      this.shown = null;
      clearHighlights(el);
      removeLayer(el);
      watchSize(el, false);
      return;
    }
    this.shown = { text, report };
    watchSize(el, true);
    const verdict = report.verdict;
    if (map && highlightsSupported()) {
      const ranges = report.findings.map((f) => rangeFor(map, f.start, f.end)).filter((r): r is Range => !!r);
      setHighlights(el, verdict, ranges);
    }
    drawBadge(el, verdict, report.kinds, badgeText(), badgeLabel(verdict, report.kinds));
    this.place();
  }

  /** Re-positions what is drawn after the layout moved. */
  place(): void {
    if (!this.shown) return;
    const el = this.box.el;
    const content = place(el);
    const { verdict, findings } = this.shown.report;
    if (this.box.kind === "field") {
      drawMarks(el, verdict, measure(this.box.el, findings, content));
    } else if (!highlightsSupported()) {
      // Without the Highlight API, draw the ranges' rectangles in the overlay instead.
      const map = readEditable(el);
      if (map.text !== this.shown.text) return;
      const base = content.getBoundingClientRect();
      const rects = findings.flatMap((f) => [...(rangeFor(map, f.start, f.end)?.getClientRects() ?? [])])
        .map((r) => ({ left: r.left - base.left, top: r.top - base.top, width: r.width, height: r.height }));
      drawMarks(el, verdict, rects);
    }
  }

  /** Whether something is drawn for this box. */
  get showing(): boolean {
    return this.shown !== null;
  }

  /** A change is coming: drop field marks at or after the first changed character. */
  edited(): void {
    if (this.box.kind !== "field" || !this.shown) return;
    const now = this.box.el.value;
    const old = this.shown.text;
    let same = 0;
    while (same < now.length && same < old.length && now[same] === old[same]) same++;
    const kept = this.shown.report.findings.filter((f) => f.end <= same);
    if (kept.length === this.shown.report.findings.length) return;
    this.shown = { text: old, report: { ...this.shown.report, findings: kept } };
    this.place();
  }

  /** Stops watching and removes what was drawn. */
  dispose(): void {
    clearTimeout(this.timer);
    reportVerdict(this.box.el, null);
    this.mutations?.disconnect();
    clearHighlights(this.box.el);
    removeLayer(this.box.el);
    watchSize(this.box.el, false);
  }
}
