/**
 * Every setting Bedside has, its type and its safe default. Setting names are the
 * managed-policy names (see extension/managed_schema.json) and the core's policy names.
 */
import { SITE_IDS, type SiteId } from "./sites";

export const MODES = ["audit", "warn", "block"] as const;
export type Mode = (typeof MODES)[number];

export const JURISDICTIONS = ["general", "uk", "us", "au", "ca"] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export interface CustomPattern {
  label: string;
  pattern: string;
}

/** The effective settings: defaults, then the user's, then the organisation's. */
export interface Settings {
  mode: Mode;
  jurisdiction: Jurisdiction;
  /** Per-site switch: false turns Bedside off on that site. */
  sites: Record<SiteId, boolean>;
  /** The user's own words never to flag. */
  ignoreWords: string[];
  /** The user's own words to treat as identifying. */
  identifyingWords: string[];
  hospitalNames: string[];
  wardNames: string[];
  placeNames: string[];
  staffNames: string[];
  /** Passed to the core as given; the core reports entries that do not compile. */
  customPatterns: unknown;
  /** Block mode: whether the card offers "post anyway" for a held send. */
  allowUserOverride: boolean;
  /** Block mode: whether "post anyway" first asks for a reason (settings/justification.ts). */
  requireJustification: boolean;
  /** The organisation turned the user's two word lists off: they are shown read-only and
   * not used (the core drops them, crate/src/policy.rs). */
  lockUserWords: boolean;
  allowPause: boolean;
  supportContact: string;
  organisationName: string;
}

/** What the user may set on the options page (stored in chrome.storage.local, never sync). */
export type UserSettings = Partial<Pick<Settings, "mode" | "jurisdiction" | "ignoreWords" | "identifyingWords">> & {
  sites?: Partial<Record<SiteId, boolean>>;
};
export const USER_KEYS = ["mode", "jurisdiction", "sites", "ignoreWords", "identifyingWords"] as const;
export type UserKey = (typeof USER_KEYS)[number];

/** The settings an organisation can push (the keys of managed_schema.json). */
export const MANAGED_KEYS = [
  "mode", "allowUserOverride", "requireJustification", "jurisdiction", "enabledSites", "disabledSites",
  "hospitalNames", "wardNames", "placeNames", "staffNames", "customPatterns", "lockUserWords", "allowPause",
  "supportContact", "organisationName",
] as const;
export type ManagedKey = (typeof MANAGED_KEYS)[number];

export function defaults(): Settings {
  return {
    mode: "warn",
    jurisdiction: "general",
    sites: Object.fromEntries(SITE_IDS.map((s) => [s, true])) as Record<SiteId, boolean>,
    ignoreWords: [],
    identifyingWords: [],
    hospitalNames: [],
    wardNames: [],
    placeNames: [],
    staffNames: [],
    customPatterns: [],
    allowUserOverride: true,
    requireJustification: false,
    lockUserWords: false,
    allowPause: true,
    supportContact: "",
    organisationName: "",
  };
}

/** chrome.storage keys. */
export const USER_STORAGE_KEY = "bedsideSettings";
