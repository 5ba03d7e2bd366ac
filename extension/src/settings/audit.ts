/**
 * Audit-mode counts: how many drafts became warn-worthy, per site and per kind. Never any
 * text, and never the page's address: only one of the twelve site ids, or "other".
 */
import type { Kind, Verdict } from "../protocol";
import type { SiteId } from "./sites";

export const AUDIT_STORAGE_KEY = "bedsideAudit";

export type AuditKind = Kind | "caution";

export interface AuditCounts {
  /** When counting started (ms since the epoch). */
  since: number;
  counts: Partial<Record<SiteId | "other", Partial<Record<AuditKind, number>>>>;
}

export async function readAudit(): Promise<AuditCounts | null> {
  const got = await chrome.storage.local.get(AUDIT_STORAGE_KEY);
  const v = got[AUDIT_STORAGE_KEY] as AuditCounts | undefined;
  return v && typeof v === "object" && v.counts ? v : null;
}

/** The kinds one warn-worthy draft counts under. */
export function auditKinds(verdict: Verdict, kinds: readonly Kind[]): AuditKind[] {
  if (verdict === "caution") return ["caution"];
  if (verdict === "warn") return kinds.length ? [...kinds] : ["patient"];
  return [];
}

let queue: Promise<void> = Promise.resolve();

/** Adds one to each of `kinds` for `site` (writes are serialised). */
export function countAudit(site: SiteId | "other", kinds: AuditKind[]): Promise<void> {
  if (!kinds.length) return queue;
  queue = queue.then(async () => {
    const a = (await readAudit()) ?? { since: Date.now(), counts: {} };
    const per = (a.counts[site] ??= {});
    for (const k of kinds) per[k] = (per[k] ?? 0) + 1;
    await chrome.storage.local.set({ [AUDIT_STORAGE_KEY]: a });
  }).catch((e: unknown) => console.error("Bedside: audit count not saved", e));
  return queue;
}
