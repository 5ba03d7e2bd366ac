/**
 * The background service worker: owns the wasm core and answers content scripts on the
 * long-lived "bedside" Port, one reply per request, tagged with the request's id.
 * Listeners are registered synchronously, as MV3 requires.
 */
import { check } from "./core";
import { PORT_NAME, type CheckReply, type CheckRequest } from "./protocol";
import { redrawAll, watchTabs } from "./worker/badge";
import { listenForMessages } from "./worker/messages";
import { quietFor } from "./worker/quiet";
import { afterSettingsChange, watchSettings, workerState } from "./worker/settings";

function isRequest(m: unknown): m is CheckRequest {
  const r = m as Partial<CheckRequest> | null;
  return !!r && typeof r.id === "number" && typeof r.text === "string" && typeof r.context === "string";
}

chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== PORT_NAME) return;
  let open = true;
  port.onDisconnect.addListener(() => {
    open = false;
  });
  port.onMessage.addListener((msg: unknown) => {
    if (!isRequest(msg)) return;
    // The settings first: the core is compiled with the policy, and the page may be quiet.
    workerState().then(async (state): Promise<CheckReply> => {
      const report = await check(msg.text, msg.context);
      const quiet = quietFor(state, port.sender?.url);
      return { id: msg.id, report: quiet ? { ...report, quiet } : report };
    }).catch((e: unknown): CheckReply => ({ id: msg.id, error: String(e) })).then((reply) => {
      if (open) port.postMessage(reply);
    });
  });
});

listenForMessages();
watchSettings();
watchTabs();
afterSettingsChange(() => void redrawAll());
// Load the settings and compile the core now, so the first draft does not wait.
workerState().catch((e: unknown) => console.error("Bedside: the core did not load", e));
