/** The audit counts kept on this device: per site and per kind, never any text. */
import { readAudit, type AuditKind } from "../settings/audit";
import { t } from "../ui/i18n";
import { el } from "../ui/localise";

const KINDS: AuditKind[] = ["patient", "approach", "caution"];

export async function drawAudit(): Promise<void> {
  const audit = await readAudit();
  const table = document.getElementById("audit") as HTMLTableElement;
  const rows = Object.entries(audit?.counts ?? {});
  document.getElementById("audit-empty")!.hidden = rows.length > 0;
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
