/**
 * How much of an organisation's policy Bedside uses: a policy of any size is cut to these
 * caps before it is held, shown or compiled, and what is cut is reported by name like any
 * setting that could not be used. The core applies the same caps to every list it is given
 * (crate/src/policy.rs, checked equal by crate/tests/policy_limits.rs); admin/README.md
 * documents them. Characters are counted as Unicode code points, as the core counts them.
 */
import { t } from "../ui/i18n";
import type { Problem } from "./validate";

/** The most entries a word list keeps (the first ones). */
export const MAX_LIST_ENTRIES = 500;
/** The longest word-list entry kept, in characters. */
export const MAX_ENTRY_CHARS = 200;
/** The most custom patterns read (the first ones). Their length (at most 500 characters,
 * `MAX_PATTERN_CHARS` in crate/src/policy.rs) is the core's check, with their syntax: it
 * names a pattern by its index, which cutting the list's tail leaves as given. */
export const MAX_PATTERNS = 100;

type Source = Problem["source"];

function chars(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** The first `max` of `items`; if there were more, says how many were cut. */
function first<T>(items: readonly T[], max: number, field: string, out: Problem[], source: Source): T[] {
  if (items.length > max) out.push({ field, source, reason: t("reasonTooMany", items.length, max, items.length - max) });
  return items.slice(0, max);
}

/** A word list as given (before its type is checked), cut to its first `MAX_LIST_ENTRIES`
 * entries, with each text entry longer than `MAX_ENTRY_CHARS` characters blanked (blank
 * entries are dropped with the list's empty ones), so entries keep their index. */
export function capList(v: unknown, field: string, out: Problem[], source: Source): unknown {
  if (!Array.isArray(v)) return v;
  return first(v as unknown[], MAX_LIST_ENTRIES, field, out, source).map((s, i) => {
    if (typeof s !== "string" || chars(s) <= MAX_ENTRY_CHARS) return s;
    out.push({ field: `${field}[${i}]`, source, reason: t("reasonTooLong", MAX_ENTRY_CHARS) });
    return "";
  });
}

/** `customPatterns` as given, cut to its first `MAX_PATTERNS` entries; the core checks
 * each of those (type, length, syntax). */
export function capPatterns(v: unknown, out: Problem[], source: Source): unknown {
  return Array.isArray(v) ? first(v as unknown[], MAX_PATTERNS, "customPatterns", out, source) : v;
}
