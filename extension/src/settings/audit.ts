/**
 * The device's counts: in audit mode, how many drafts became warn-worthy, per site and per
 * kind; in block mode, how often each reason was given for posting a held draft anyway.
 * Never any text, and never the page's address: only one of the twelve site ids, or
 * "other", and only a reason's category (settings/justification.ts).
 */
import type { Kind, Verdict } from "../protocol";
import type { Justification } from "./justification";
import type { SiteId } from "./sites";

export const AUDIT_STORAGE_KEY = "bedsideAudit";

export type AuditKind = Kind | "caution";

export interface AuditCounts {
  /** When counting started (ms since the epoch). */
  since: number;
  counts: Partial<Record<SiteId | "other", Partial<Record<AuditKind, number>>>>;
  /** How many times each reason was given for posting anyway. */
  reasons?: Partial<Record<Justification, number>>;
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

/** Changes the stored counts with `edit` (writes are serialised). */
function update(edit: (a: AuditCounts) => void): Promise<void> {
  queue = queue.then(async () => {
    const a = (await readAudit()) ?? { since: Date.now(), counts: {} };
    edit(a);
    await chrome.storage.local.set({ [AUDIT_STORAGE_KEY]: a });
  }).catch((e: unknown) => console.error("Bedside: audit count not saved", e));
  return queue;
}

/** Adds one to each of `kinds` for `site`. */
export function countAudit(site: SiteId | "other", kinds: AuditKind[]): Promise<void> {
  if (!kinds.length) return queue;
  return update((a) => {
    const per = (a.counts[site] ??= {});
    for (const k of kinds) per[k] = (per[k] ?? 0) + 1;
  });
}

/** Adds one to the count of `reason` (a category: no text, no site). */
export function countJustification(reason: Justification): Promise<void> {
  return update((a) => {
    const per = (a.reasons ??= {});
    per[reason] = (per[reason] ?? 0) + 1;
  });
}
