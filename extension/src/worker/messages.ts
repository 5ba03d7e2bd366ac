/**
 * The worker's one-off messages: the popup's "check this text" and "what are the
 * settings", the options page's state, and content scripts' verdict reports (for the badge
 * and the audit counts). Only the extension's own pages and content scripts can send them.
 */
import { check } from "../core";
import type { Kind, Verdict, WorkerMessage } from "../protocol";
import { noteVerdict } from "./badge";
import { workerState } from "./settings";

const VERDICTS: readonly string[] = ["none", "caution", "warn"];

function isMessage(m: unknown): m is WorkerMessage {
  return !!m && typeof m === "object" && typeof (m as { type?: unknown }).type === "string";
}

async function answer(m: WorkerMessage, sender: chrome.runtime.MessageSender): Promise<unknown> {
  switch (m.type) {
    case "bedside:check":
      await workerState(); // the policy is compiled before the first check
      return { report: await check(String(m.text), String(m.context ?? "")) };
    case "bedside:state":
      return await workerState();
    case "bedside:verdict":
      if (typeof m.box !== "number" || !VERDICTS.includes(m.verdict) || !Array.isArray(m.kinds)) return null;
      await noteVerdict(sender, m.box, m.verdict as Verdict, m.kinds.filter((k): k is Kind => k === "patient" || k === "approach"));
      return null;
  }
}

/** Registers the listener; call once, synchronously, at the worker's start. */
export function listenForMessages(): void {
  chrome.runtime.onMessage.addListener((m: unknown, sender, respond) => {
    if (sender.id !== chrome.runtime.id || !isMessage(m) || !m.type.startsWith("bedside:")) return false;
    answer(m, sender).then(respond, (e: unknown) => respond({ error: String(e) }));
    return true;
  });
}
