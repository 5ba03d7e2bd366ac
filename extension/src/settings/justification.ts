/**
 * The fixed reasons a user can give for posting a held draft anyway, when the
 * organisation's policy sets requireJustification. A reason is one of these categories,
 * never free text; the device keeps only how often each was chosen (settings/audit.ts).
 * Each has a string in _locales, `justification_<id>`.
 */

export const JUSTIFICATIONS = ["notPatient", "consented", "public", "handover", "other"] as const;
export type Justification = (typeof JUSTIFICATIONS)[number];

export function isJustification(v: unknown): v is Justification {
  return (JUSTIFICATIONS as readonly unknown[]).includes(v);
}
