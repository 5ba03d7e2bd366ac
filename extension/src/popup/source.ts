/**
 * Which text the popup checks, in order of preference: the compose box focused in the tab
 * (with the message it replies to), the page's selection, the box that had focus last,
 * else nothing (the user pastes text into the popup). The tab is the active one, or the
 * one named by `?tab=<id>` (so the popup can also be opened as a page, e.g. by tests).
 */
import type { Context, Snapshot, TabMessage } from "../protocol";

export type SourceKind = "box" | "selection" | "paste";

export interface Source {
  kind: SourceKind;
  text: string;
  context: Context;
}

/** The tab the popup is about, or undefined (no tab: only pasted text). */
export async function targetTab(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get("tab");
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Asks the tab's top frame what it can offer; null when it has no Bedside content
 * script (a browser page, the web store, a page that has not finished loading). */
export async function snapshot(tabId: number | undefined): Promise<Snapshot | null> {
  if (tabId === undefined) return null;
  try {
    const msg: TabMessage = { type: "bedside:snapshot" };
    const s = (await chrome.tabs.sendMessage(tabId, msg, { frameId: 0 })) as Snapshot | undefined;
    return s && typeof s.origin === "string" ? s : null;
  } catch {
    return null;
  }
}

export function chooseSource(s: Snapshot | null): Source | null {
  if (!s) return null;
  const box = s.box && s.box.text.trim() ? s.box : null;
  if (box?.focused) return { kind: "box", text: box.text, context: box.context };
  if (s.selection) return { kind: "selection", text: s.selection, context: "" };
  if (box) return { kind: "box", text: box.text, context: box.context };
  return null;
}
