/**
 * The contract between the content script and the background worker: the Port's name,
 * its messages, and the report the Rust core returns (see crate/src/report.rs).
 */

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
}

/** Content script → worker: check `text`, which replies to `context` ("" if none). */
export interface CheckRequest {
  id: number;
  text: string;
  context: string;
}

/** Worker → content script: the report for request `id`, or why there is none. */
export type CheckReply = { id: number; report: Report } | { id: number; error: string };
