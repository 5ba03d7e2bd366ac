/**
 * What a page's content script may know of the settings: the mode and block mode's two
 * override rules, nothing else. The organisation's dictionaries, custom patterns, name and
 * contact, and the user's word lists stay in the worker (they reach the core, not pages).
 */
import type { PageSettings } from "../protocol";
import type { Settings } from "../settings/schema";

export function pageSettings(s: Settings): PageSettings {
  return {
    mode: s.mode,
    allowUserOverride: s.allowUserOverride,
    requireJustification: s.requireJustification,
  };
}
