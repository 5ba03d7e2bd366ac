/**
 * The toolbar badge: the worst verdict among the compose boxes of the tab's focused frame,
 * while one is warn-worthy ("!" for warn, "?" for caution, with a tooltip), cleared when
 * all are fixed. Content scripts report each box's verdict when it changes, with whether
 * their frame has focus, and say when their frame gains it. Only the frame the user is in
 * sets the badge — the frame that last had focus, else the top frame — so a frame the user
 * never entered (a cross-origin ad) cannot, and only a focused frame's rising verdicts are
 * audit-counted. Boxes on a page that must stay quiet (site off, paused) do not count, and
 * in audit mode they are counted, not shown.
 */
import type { Kind, Verdict } from "../protocol";
import { auditKinds, countAudit } from "../settings/audit";
import { siteOfUrl } from "../settings/sites";
import { t } from "../ui/i18n";
import { pageOf, quietFor } from "./quiet";
import { workerState } from "./settings";

interface Entry {
  verdict: Verdict;
  kinds: Kind[];
  url: string | undefined;
}

/** One document of a tab: its boxes' latest verdicts. */
interface Frame {
  top: boolean;
  boxes: Map<number, Entry>;
}

interface Tab {
  frames: Map<string, Frame>;
  /** The frame that last said it has focus, if any has. */
  focused: string | null;
}

const RANK: Record<Verdict, number> = { none: 0, caution: 1, warn: 2 };
const COLOUR: Record<Exclude<Verdict, "none">, string> = { warn: "#B3261E", caution: "#8A5300" };

const tabs = new Map<number, Tab>();

/** The document a message came from (a frame keeps its id until it navigates). */
function frameKey(sender: chrome.runtime.MessageSender): string {
  return sender.documentId ?? `frame:${sender.frameId ?? 0}`;
}

/** The sender's tab and frame records, made on first use; null without a tab. */
function frameOf(sender: chrome.runtime.MessageSender): { tabId: number; tab: Tab; key: string; frame: Frame } | null {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return null;
  let tab = tabs.get(tabId);
  if (!tab) tabs.set(tabId, (tab = { frames: new Map(), focused: null }));
  const key = frameKey(sender);
  let frame = tab.frames.get(key);
  if (!frame) tab.frames.set(key, (frame = { top: sender.frameId === 0, boxes: new Map() }));
  return { tabId, tab, key, frame };
}

/** Drops a frame's record once it holds no verdict and is not the focused one (frames
 * come and go: ads rotate, documents navigate). */
function forgetIfEmpty(tab: Tab, key: string | null): void {
  if (key !== null && key !== tab.focused && !tab.frames.get(key)?.boxes.size) tab.frames.delete(key);
}

/** The boxes that set the badge: the focused frame's, else the top frame's. */
function shownBoxes(tab: Tab | undefined): Iterable<Entry> {
  if (!tab) return [];
  const frame = (tab.focused !== null ? tab.frames.get(tab.focused) : undefined)
    ?? [...tab.frames.values()].find((f) => f.top);
  return frame?.boxes.values() ?? [];
}

async function redraw(tabId: number): Promise<void> {
  const state = await workerState();
  let worst: Entry | null = null;
  for (const e of shownBoxes(tabs.get(tabId))) {
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

/** Records box `box`'s verdict in the sender's frame, counts it in audit mode (if the
 * frame has focus), redraws. `focused`: whether the frame's document had focus. */
export async function noteVerdict(
  sender: chrome.runtime.MessageSender, box: number, verdict: Verdict, kinds: Kind[], focused: boolean,
): Promise<void> {
  const at = frameOf(sender);
  if (!at) return;
  const before = at.frame.boxes.get(box)?.verdict ?? "none";
  if (verdict === "none") at.frame.boxes.delete(box);
  else at.frame.boxes.set(box, { verdict, kinds, url: pageOf(sender) });
  if (focused && at.tab.focused !== at.key) {
    const was = at.tab.focused;
    at.tab.focused = at.key;
    forgetIfEmpty(at.tab, was);
  }
  forgetIfEmpty(at.tab, at.key);
  const state = await workerState();
  if (focused && RANK[verdict] > RANK[before] && quietFor(state, pageOf(sender)) === "audit") {
    await countAudit(siteOfUrl(pageOf(sender)), auditKinds(verdict, kinds));
  }
  await redraw(at.tabId);
}

/** The sender's frame gained focus: its boxes set the badge from now on. */
export async function noteFocus(sender: chrome.runtime.MessageSender): Promise<void> {
  const at = frameOf(sender);
  if (!at || at.tab.focused === at.key) return;
  const was = at.tab.focused;
  at.tab.focused = at.key;
  forgetIfEmpty(at.tab, was);
  await redraw(at.tabId);
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
