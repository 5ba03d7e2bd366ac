/**
 * Checks raw settings (from the organisation's managed storage or the user's own
 * storage) one by one. A value of the wrong type or out of range is reported with the
 * setting's name and the reason, and left out, so its safe default applies; every other
 * setting still applies. The organisation's lists are cut to the caps of `limits.ts`
 * (what is cut is reported the same way). Custom patterns are left to the core, which
 * compiles them.
 */
import { t } from "../ui/i18n";
import { JURISDICTIONS, MANAGED_KEYS, MODES, USER_KEYS, type Settings } from "./schema";
import { capList, capPatterns } from "./limits";
import { isSiteId, SITE_IDS, type SiteId } from "./sites";

/** A setting that could not be used. */
export interface Problem {
  field: string;
  reason: string;
  source: "organisation" | "user";
}

/** The usable part of one source of settings. */
export interface Checked {
  values: Partial<Omit<Settings, "sites">>;
  sites: Partial<Record<SiteId, boolean>>;
  problems: Problem[];
}

type Source = Problem["source"];

const LISTS = ["ignoreWords", "identifyingWords", "hospitalNames", "wardNames", "placeNames", "staffNames"] as const;
const FLAGS = ["allowUserOverride", "requireJustification", "lockUserWords", "allowPause"] as const;
const TEXTS = ["supportContact", "organisationName"] as const;

function typeName(v: unknown): string {
  return Array.isArray(v) ? "list" : v === null ? "null" : typeof v;
}

function stringList(v: unknown, field: string, out: Problem[], source: Source): string[] | undefined {
  if (!Array.isArray(v)) {
    out.push({ field, source, reason: t("reasonNotList", typeName(v)) });
    return undefined;
  }
  const bad = v.findIndex((x) => typeof x !== "string");
  if (bad >= 0) {
    out.push({ field: `${field}[${bad}]`, source, reason: t("reasonNotText", typeName(v[bad])) });
    return undefined;
  }
  return (v as string[]).map((s) => s.trim()).filter(Boolean);
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], field: string, out: Problem[], source: Source): T | undefined {
  if (typeof v === "string" && (allowed as readonly string[]).includes(v)) return v as T;
  out.push({ field, source, reason: t("reasonOneOf", JSON.stringify(v) ?? typeName(v), allowed.join(", ")) });
  return undefined;
}

function siteList(v: unknown, field: string, out: Problem[], source: Source): SiteId[] {
  const list = stringList(v, field, out, source) ?? [];
  const sites: SiteId[] = [];
  list.forEach((s, i) => {
    if (isSiteId(s)) sites.push(s);
    else out.push({ field: `${field}[${i}]`, source, reason: t("reasonUnknownSite", s, SITE_IDS.join(", ")) });
  });
  return sites;
}

/** Checks the settings an organisation pushed (chrome.storage.managed). */
export function checkManaged(raw: Record<string, unknown>): Checked {
  const out: Checked = { values: {}, sites: {}, problems: [] };
  const p = out.problems;
  const src: Source = "organisation";
  for (const [key, v] of Object.entries(raw)) {
    if (!(MANAGED_KEYS as readonly string[]).includes(key)) {
      p.push({ field: key, source: src, reason: t("reasonUnknownSetting") });
      continue;
    }
    if (key === "mode") out.values.mode = oneOf(v, MODES, key, p, src);
    else if (key === "jurisdiction") out.values.jurisdiction = oneOf(v, JURISDICTIONS, key, p, src);
    else if (key === "enabledSites") for (const s of siteList(v, key, p, src)) out.sites[s] = true;
    else if (key === "customPatterns") out.values.customPatterns = capPatterns(v, p, src);
    else if ((LISTS as readonly string[]).includes(key)) out.values[key as (typeof LISTS)[number]] = stringList(capList(v, key, p, src), key, p, src);
    else if ((FLAGS as readonly string[]).includes(key)) {
      if (typeof v === "boolean") out.values[key as (typeof FLAGS)[number]] = v;
      else p.push({ field: key, source: src, reason: t("reasonNotFlag", typeName(v)) });
    } else if ((TEXTS as readonly string[]).includes(key)) {
      if (typeof v === "string") out.values[key as (typeof TEXTS)[number]] = v.trim();
      else p.push({ field: key, source: src, reason: t("reasonNotText", typeName(v)) });
    }
  }
  // Disabled wins over enabled: a site named in both is off.
  if ("disabledSites" in raw) {
    for (const s of siteList(raw.disabledSites, "disabledSites", p, src)) {
      if (out.sites[s]) p.push({ field: "disabledSites", source: src, reason: t("reasonSiteInBoth", s) });
      out.sites[s] = false;
    }
  }
  for (const k of Object.keys(out.values) as (keyof Checked["values"])[]) {
    if (out.values[k] === undefined) delete out.values[k];
  }
  return out;
}

/** Checks the user's own settings (chrome.storage.local). */
export function checkUser(raw: Record<string, unknown>): Checked {
  const out: Checked = { values: {}, sites: {}, problems: [] };
  const p = out.problems;
  const src: Source = "user";
  for (const [key, v] of Object.entries(raw)) {
    if (!(USER_KEYS as readonly string[]).includes(key)) continue;
    if (key === "mode") out.values.mode = oneOf(v, MODES, key, p, src);
    else if (key === "jurisdiction") out.values.jurisdiction = oneOf(v, JURISDICTIONS, key, p, src);
    else if (key === "ignoreWords" || key === "identifyingWords") out.values[key] = stringList(v, key, p, src);
    else if (key === "sites" && v && typeof v === "object" && !Array.isArray(v)) {
      for (const [s, on] of Object.entries(v)) if (isSiteId(s) && typeof on === "boolean") out.sites[s] = on;
    }
  }
  for (const k of Object.keys(out.values) as (keyof Checked["values"])[]) {
    if (out.values[k] === undefined) delete out.values[k];
  }
  return out;
}
