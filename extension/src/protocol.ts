/**
 * The contract between the content script and the background worker: the Port's name,
 * its messages, and the report the Rust core returns (see crate/src/report.rs).
 */
import type { Justification } from "./settings/justification";
import type { Mode } from "./settings/schema";

/** The long-lived Port every content script opens to the worker. */
export const PORT_NAME = "bedside";

export type Verdict = "none" | "caution" | "warn";
export type Kind = "patient" | "approach";

/** One span of the draft, in UTF-16 code units (JavaScript string indices). */
export interface Finding {
  start: number;
  end: number;
  category: string;
  text: string;
  replacement: string;
}

export interface Citation {
  source: string;
  rule: string;
}

/** The core's whole answer for one draft. */
export interface Report {
  verdict: Verdict;
  kinds: Kind[];
  findings: Finding[];
  message: string;
  citations: Citation[];
  suggestion: string | null;
  /** Set by the worker (never by the core) when nothing may be shown for this page:
   * Bedside is off on the site, paused on it, or in audit mode. */
  quiet?: Quiet;
}

/** Why a report must not be shown on the page. */
export type Quiet = "site" | "paused" | "audit";

/** One message of a thread a draft replies to: the other person's, or the writer's own. */
export interface ThreadMessage {
  from: "them" | "me";
  text: string;
}

/** What a draft replies to: "" (nothing), one message (the other person's), or the last
 * few messages of the thread, oldest first, newest last (the core's `Thread`). */
export type Context = string | ThreadMessage[];

/** The most a thread sent as context holds, in characters, and in messages. */
export const CONTEXT_CHARS = 2000;
export const CONTEXT_MESSAGES = 12;

/** Whether `c` is a well-formed context, within the bounds above. */
export function isContext(c: unknown): c is Context {
  if (typeof c === "string") return c.length <= CONTEXT_CHARS * 2;
  if (!Array.isArray(c) || c.length > CONTEXT_MESSAGES) return false;
  let chars = 0;
  for (const m of c as Partial<ThreadMessage>[]) {
    if (!m || (m.from !== "them" && m.from !== "me") || typeof m.text !== "string") return false;
    chars += m.text.length;
  }
  return chars <= CONTEXT_CHARS * 2;
}

/** The other person's last message in `c` ("" if none). */
export function lastIncoming(c: Context): string {
  if (typeof c === "string") return c;
  for (let i = c.length - 1; i >= 0; i--) if (c[i]!.from === "them" && c[i]!.text.trim()) return c[i]!.text;
  return "";
}

/** Content script → worker: check `text`, which replies to `context` ("" if none). */
export interface CheckRequest {
  id: number;
  text: string;
  context: Context;
}

/** Worker → content script: a report for request `id`, or why there is none. A request
 * gets the rules' report first (`final: false`, drawn at once) and then the report of the
 * rules and the scorer (`final: true`); without a scorer, one final reply. */
export type CheckReply = { id: number; report: Report; final: boolean } | { id: number; error: string };

/** One-off messages (chrome.runtime.sendMessage) to the worker, from the popup, the
 * options page and the content script. `bedside:state` (every setting, the organisation's
 * dictionaries included) is answered only to the extension's own pages; a content script
 * asks `bedside:page` and gets `PageSettings`. */
export type WorkerMessage =
  | { type: "bedside:check"; text: string; context: Context }
  | { type: "bedside:state" }
  | { type: "bedside:page" }
  /** A box's verdict changed; `focused`: whether its frame's document has focus. */
  | { type: "bedside:verdict"; box: number; verdict: Verdict; kinds: Kind[]; focused: boolean }
  /** The sending frame (one with compose boxes) gained focus: its boxes set the badge. */
  | { type: "bedside:focus" }
  | { type: "bedside:justified"; reason: Justification };

/** The settings a page's content script needs, and nothing more (no dictionaries, no
 * patterns, no organisation name): the worker's answer to `bedside:page`. */
export interface PageSettings {
  mode: Mode;
  /** Block mode: the card offers "post anyway" for a held send. */
  allowUserOverride: boolean;
  /** Block mode: "post anyway" first asks for a reason, one of `JUSTIFICATIONS`. */
  requireJustification: boolean;
}

/** The worker → the extension's open pages (popup, options): settings were reloaded. */
export type PageMessage = { type: "bedside:reloaded" };

/** Messages to a tab's content scripts (chrome.tabs.sendMessage). */
export type TabMessage = { type: "bedside:snapshot" } | { type: "bedside:refresh" };

/** A tab's answer to "bedside:snapshot": what the popup can check there. */
export interface Snapshot {
  origin: string;
  /** The compose box that had focus last (with the message it replies to), if any. */
  box: { text: string; context: Context; focused: boolean } | null;
  /** The page's selected text ("" if none). */
  selection: string;
}
