/**
 * Tells the worker the reason a user gave for posting a held draft anyway: only its
 * category (settings/justification.ts), which the worker counts on the device. Never any
 * of the draft's text, nor the page's address.
 */
import type { Justification } from "../settings/justification";
import { tell } from "./bridge";

export function noteJustification(reason: Justification): void {
  tell({ type: "bedside:justified", reason });
}
