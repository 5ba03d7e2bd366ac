/** A small least-recently-used cache of reports, keyed by draft and context. */
import type { Context, Report } from "../protocol";

const LIMIT = 64;

export class ReportCache {
  private map = new Map<string, Report>();

  private static key(text: string, context: Context): string {
    const c = typeof context === "string" ? context : JSON.stringify(context);
    return `${typeof context === "string" ? "s" : "t"}${c.length}:${c}\u0000${text}`;
  }

  get(text: string, context: Context): Report | undefined {
    const k = ReportCache.key(text, context);
    const r = this.map.get(k);
    if (r) {
      this.map.delete(k);
      this.map.set(k, r);
    }
    return r;
  }

  /** Forgets every report (the settings changed). */
  clear(): void {
    this.map.clear();
  }

  set(text: string, context: Context, report: Report): void {
    this.map.set(ReportCache.key(text, context), report);
    if (this.map.size > LIMIT) this.map.delete(this.map.keys().next().value!);
  }
}
