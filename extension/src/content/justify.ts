/**
 * Tells the worker the reason a user gave for posting a held draft anyway: only its
 * category (settings/justification.ts), which the worker counts on the device. Never any
 * of the draft's text, nor the page's address.
 */
import type { WorkerMessage } from "../protocol";
import type { Justification } from "../settings/justification";
import { swallow } from "./guard";

export function noteJustification(reason: Justification): void {
  const m: WorkerMessage = { type: "bedside:justified", reason };
  try {
    chrome.runtime.sendMessage(m).catch(swallow);
  } catch (e) {
    swallow(e); // the extension was reloaded or removed
  }
}
