/**
 * The background service worker: owns the wasm core and answers content scripts on the
 * long-lived "bedside" Port, one reply per request, tagged with the request's id.
 * Listeners are registered synchronously, as MV3 requires.
 */
import { check, warmUp } from "./core";
import { PORT_NAME, type CheckReply, type CheckRequest } from "./protocol";

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
    check(msg.text, msg.context).then(
      (report): CheckReply => ({ id: msg.id, report }),
      (e: unknown): CheckReply => ({ id: msg.id, error: String(e) }),
    ).then((reply) => {
      if (open) port.postMessage(reply);
    });
  });
});

warmUp();
