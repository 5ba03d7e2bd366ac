/**
 * The toolbar badge: each tab's worst verdict among its compose boxes, while one is
 * warn-worthy ("!" for warn, "?" for caution, with a tooltip), cleared when all are fixed.
 * Content scripts report each box's verdict when it changes; boxes on a page that must stay
 * quiet (site off, paused) do not count, and in audit mode they are counted, not shown.
 */
import type { Kind, Verdict } from "../protocol";
import { auditKinds, countAudit } from "../settings/audit";
import { siteOfUrl } from "../settings/sites";
import { t } from "../ui/i18n";
import { quietFor } from "./quiet";
import { workerState } from "./settings";

interface Entry {
  verdict: Verdict;
  kinds: Kind[];
  url: string | undefined;
}

const RANK: Record<Verdict, number> = { none: 0, caution: 1, warn: 2 };
const COLOUR: Record<Exclude<Verdict, "none">, string> = { warn: "#B3261E", caution: "#8A5300" };

/** Tab → (document and box) → that box's latest verdict. */
const tabs = new Map<number, Map<string, Entry>>();

async function redraw(tabId: number): Promise<void> {
  const state = await workerState();
  let worst: Entry | null = null;
  for (const e of tabs.get(tabId)?.values() ?? []) {
    if (quietFor(state, e.url)) continue;
    if (!worst || RANK[e.verdict] > RANK[worst.verdict]) worst = e;
  }
  const v = worst && worst.verdict !== "none" ? worst : null;
  try {
    await chrome.action.setBadgeText({ tabId, text: v ? (v.verdict === "warn" ? "!" : "?") : "" });
    if (v) {
      await chrome.action.setBadgeBackgroundColor({ tabId, color: COLOUR[v.verdict as "warn" | "caution"] });
      await chrome.action.setBadgeTextColor?.({ tabId, color: "#FFFFFF" });
    }
    const title = !v ? t("actionTitle")
      : v.verdict === "caution" ? t("labelCaution")
      : v.kinds.includes("patient") || !v.kinds.includes("approach") ? t("labelWarnPatient") : t("labelWarnApproach");
    await chrome.action.setTitle({ tabId, title });
  } catch {
    // The tab has gone.
  }
}

/** Records box `box`'s verdict in the sender's tab, counts it in audit mode, redraws. */
export async function noteVerdict(sender: chrome.runtime.MessageSender, box: number, verdict: Verdict, kinds: Kind[]): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return;
  const key = `${sender.documentId ?? sender.frameId ?? 0}:${box}`;
  let entries = tabs.get(tabId);
  if (!entries) tabs.set(tabId, (entries = new Map()));
  const before = entries.get(key)?.verdict ?? "none";
  if (verdict === "none") entries.delete(key);
  else entries.set(key, { verdict, kinds, url: sender.url });
  const state = await workerState();
  if (RANK[verdict] > RANK[before] && quietFor(state, sender.url) === "audit") {
    await countAudit(siteOfUrl(sender.url), auditKinds(verdict, kinds));
  }
  await redraw(tabId);
}

/** Redraws every tab's badge (after the settings or the pauses changed). */
export async function redrawAll(): Promise<void> {
  for (const tabId of tabs.keys()) await redraw(tabId);
}

/** Forgets a tab's boxes when it navigates or closes. Call once at the worker's start. */
export function watchTabs(): void {
  chrome.tabs.onRemoved.addListener((tabId) => tabs.delete(tabId));
  chrome.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status === "loading" && tabs.delete(tabId)) void redraw(tabId);
  });
}
