/**
 * The background service worker: owns the wasm core and answers content scripts on the
 * long-lived "bedside" Port, tagged with the request's id: the rules' report at once, then
 * the report with the learned scorer's verdict (protocol.ts, CheckReply).
 * Listeners are registered synchronously, as MV3 requires.
 */
import { checkInPasses } from "./core";
import { isContext, PORT_NAME, type CheckReply, type CheckRequest, type Report } from "./protocol";
import { redrawAll, watchTabs } from "./worker/badge";
import { migrateUserSettings } from "./settings/migrate";
import { listenForMessages } from "./worker/messages";
import { watchPauses } from "./worker/pauses";
import { pageOf, quietFor } from "./worker/quiet";
import { reinjectOnInstall } from "./worker/reinject";
import { afterSettingsChange, watchSettings, workerState } from "./worker/settings";

function isRequest(m: unknown): m is CheckRequest {
  const r = m as Partial<CheckRequest> | null;
  return !!r && typeof r.id === "number" && typeof r.text === "string" && isContext(r.context);
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
    const post = (reply: CheckReply) => {
      if (open) port.postMessage(reply);
    };
    workerState().then(async (state): Promise<CheckReply> => {
      const quiet = quietFor(state, pageOf(port.sender));
      const tag = (r: Report): Report => (quiet ? { ...r, quiet } : r);
      const { rules, full } = await checkInPasses(msg.text, msg.context);
      if (!full) return { id: msg.id, report: tag(rules), final: true };
      post({ id: msg.id, report: tag(rules), final: false });
      // The scorer's pass in a task of its own: other tabs' rules answers go out first.
      await new Promise((resolve) => setTimeout(resolve, 0));
      return { id: msg.id, report: tag(await full()), final: true };
    }).catch((e: unknown): CheckReply => ({ id: msg.id, error: String(e) })).then(post);
  });
});

listenForMessages();
reinjectOnInstall();
watchSettings();
watchTabs();
watchPauses();
afterSettingsChange(() => void redrawAll());
// Settings an older version kept on the sync servers move to this device (once).
migrateUserSettings().catch((e: unknown) => console.error("Bedside: settings not moved off sync storage", e));
// Load the settings and compile the core now, so the first draft does not wait.
workerState().catch((e: unknown) => console.error("Bedside: the core did not load", e));
