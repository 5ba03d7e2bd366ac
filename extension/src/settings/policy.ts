/**
 * The one structure the Rust core compiles: the effective settings in the core's policy
 * names (see crate/src/policy.rs). Extension-only settings are included; the core accepts
 * and ignores them. `lockUserWords` is the core's too: with it, the core drops the user's
 * two word lists.
 */
import type { Settings } from "./schema";

export function corePolicy(s: Settings): Record<string, unknown> {
  return {
    mode: s.mode,
    jurisdiction: s.jurisdiction,
    hospitalNames: s.hospitalNames,
    wardNames: s.wardNames,
    placeNames: s.placeNames,
    staffNames: s.staffNames,
    ignoreWords: s.ignoreWords,
    identifyingWords: s.identifyingWords,
    customPatterns: s.customPatterns,
    lockUserWords: s.lockUserWords,
    allowUserOverride: s.allowUserOverride,
    requireJustification: s.requireJustification,
    allowPause: s.allowPause,
    supportContact: s.supportContact,
    organisationName: s.organisationName,
  };
}
