/** The counts kept on this device: per site and per kind (audit mode), and per reason
 * given for posting anyway (block mode); never any text. */
import { readAudit, type AuditCounts, type AuditKind } from "../settings/audit";
import { JUSTIFICATIONS } from "../settings/justification";
import { t } from "../ui/i18n";
import { el } from "../ui/localise";

const KINDS: AuditKind[] = ["patient", "approach", "caution"];

export async function drawAudit(): Promise<void> {
  const audit = await readAudit();
  const reasons = drawReasons(audit);
  const table = document.getElementById("audit") as HTMLTableElement;
  const rows = Object.entries(audit?.counts ?? {});
  document.getElementById("audit-empty")!.hidden = rows.length > 0 || reasons > 0;
  table.hidden = rows.length === 0;
  if (!audit) return;
  document.getElementById("audit-since")!.textContent = t("auditSince", new Date(audit.since).toLocaleString());
  table.tBodies[0]!.replaceChildren(...rows.map(([site, per]) => {
    const tr = el("tr");
    tr.dataset.site = site;
    const th = el("th", t(`site_${site}`));
    th.scope = "row";
    tr.append(th, ...KINDS.map((k) => {
      const td = el("td", String(per?.[k] ?? 0));
      td.dataset.kind = k;
      return td;
    }));
    return tr;
  }));
}

/** The reasons given for posting anyway, one row per reason chosen at least once; returns
 * how many rows. */
function drawReasons(audit: AuditCounts | null): number {
  const reasons = audit?.reasons ?? {};
  const rows = JUSTIFICATIONS.filter((r) => (reasons[r] ?? 0) > 0).map((r) => {
    const tr = el("tr");
    tr.dataset.reason = r;
    const th = el("th", t(`justification_${r}`));
    th.scope = "row";
    tr.append(th, el("td", String(reasons[r])));
    return tr;
  });
  document.getElementById("reasons")!.hidden = rows.length === 0;
  (document.getElementById("reason-counts") as HTMLTableElement).tBodies[0]!.replaceChildren(...rows);
  return rows.length;
}
