/** Asks the worker for the settings as it applies them (with the core's problems). */
import type { WorkerMessage } from "../protocol";
import type { WorkerState } from "../worker/settings";

export async function workerStateFromPage(): Promise<WorkerState> {
  const m: WorkerMessage = { type: "bedside:state" };
  const r = (await chrome.runtime.sendMessage(m)) as WorkerState | { error: string };
  if ("error" in r) throw new Error(r.error);
  return r;
}
