/**
 * The worker's one-off messages: the popup's "check this text" and "what are the
 * settings", the options page's state, and content scripts' questions and reports: the
 * settings a page needs, each box's verdict and its frame's focus (for the badge and the
 * audit counts), and the reason given for posting a held draft anyway (counted, by
 * category). Only the extension's own pages and content scripts can send them; the whole
 * state goes only to its pages.
 */
import { check } from "../core";
import { isContext, type Kind, type Verdict, type WorkerMessage } from "../protocol";
import { countJustification } from "../settings/audit";
import { isJustification } from "../settings/justification";
import { noteFocus, noteVerdict } from "./badge";
import { pageSettings } from "./page";
import { workerState } from "./settings";

const VERDICTS: readonly string[] = ["none", "caution", "warn"];

function isMessage(m: unknown): m is WorkerMessage {
  return !!m && typeof m === "object" && typeof (m as { type?: unknown }).type === "string";
}

/** Whether `sender` is one of the extension's own pages (popup, options), not a content
 * script in a web page. */
function fromExtensionPage(sender: chrome.runtime.MessageSender): boolean {
  return typeof sender.url === "string" && sender.url.startsWith(chrome.runtime.getURL(""));
}

async function answer(m: WorkerMessage, sender: chrome.runtime.MessageSender): Promise<unknown> {
  switch (m.type) {
    case "bedside:check":
      await workerState(); // the policy is compiled before the first check
      return { report: await check(String(m.text), isContext(m.context) ? m.context : "") };
    case "bedside:state":
      if (!fromExtensionPage(sender)) return { error: "bedside:state is for the extension's pages" };
      return await workerState();
    case "bedside:page":
      return pageSettings((await workerState()).settings);
    case "bedside:justified": {
      // Counted only when the policy asks for a reason (block mode, overriding allowed).
      const { settings } = await workerState();
      const asked = settings.mode === "block" && settings.allowUserOverride && settings.requireJustification;
      if (asked && isJustification(m.reason)) await countJustification(m.reason);
      return null;
    }
    case "bedside:verdict":
      if (typeof m.box !== "number" || !VERDICTS.includes(m.verdict) || !Array.isArray(m.kinds)) return null;
      await noteVerdict(sender, m.box, m.verdict as Verdict, m.kinds.filter((k): k is Kind => k === "patient" || k === "approach"), m.focused === true);
      return null;
    case "bedside:focus":
      await noteFocus(sender);
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
