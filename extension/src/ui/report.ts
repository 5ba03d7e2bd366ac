/**
 * Draws a core report on an extension page: the checked text with each finding's span
 * highlighted, the findings with their suggested replacements, and the rules they fall
 * under. All user text goes in through textContent, so it is always inert.
 */
import type { Finding, Report } from "../protocol";
import { categoryLabel } from "./categories";
import { t } from "./i18n";
import { el } from "./localise";

/** The verdict in words, e.g. "May identify a patient". */
export function verdictText(r: Report): string {
  if (r.verdict === "none") return t("verdictNone");
  if (r.verdict === "caution") return t("verdictCaution");
  return r.kinds.includes("patient") || !r.kinds.includes("approach") ? t("verdictWarnPatient") : t("verdictWarnApproach");
}

/** The text split at every finding boundary; marked pieces name their categories. */
export function drawText(into: HTMLElement, text: string, findings: readonly Finding[], cls: string): void {
  into.replaceChildren();
  const cuts = new Set([0, text.length]);
  for (const f of findings) {
    cuts.add(Math.max(0, Math.min(text.length, f.start)));
    cuts.add(Math.max(0, Math.min(text.length, f.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    const piece = text.slice(a, b);
    const over = findings.filter((f) => f.start <= a && f.end >= b);
    if (!over.length) {
      into.append(piece);
      continue;
    }
    const mark = el("mark", piece, cls);
    mark.title = [...new Set(over.map((f) => categoryLabel(f.category)))].join(", ");
    into.append(mark);
  }
}

/** The findings as a list: what it is, the words, and the suggested replacement. */
export function drawFindings(into: HTMLElement, findings: readonly Finding[]): void {
  into.replaceChildren();
  const seen = new Set<string>();
  for (const f of findings) {
    const key = `${f.start}:${f.end}:${f.category}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const li = el("li");
    li.append(el("span", categoryLabel(f.category), "category"), " ", el("q", f.text));
    if (f.replacement) li.append(" ", el("span", t("replaceWith", f.replacement), "replacement"));
    into.append(li);
  }
}

/** The rules the report cites: source, then the rule. */
export function drawCitations(into: HTMLElement, r: Report): void {
  into.replaceChildren();
  for (const c of r.citations) {
    const li = el("li");
    li.append(el("strong", c.source), el("span", c.rule, "rule"));
    into.append(li);
  }
}
