/**
 * The user's own dictionary: words to ignore, and words to treat as identifying (one per
 * line). They reach the core as ignoreWords / identifyingWords.
 */
import type { UserSettings } from "../settings/schema";
import type { WorkerState } from "../worker/settings";

const ignore = () => document.getElementById("ignore-words") as HTMLTextAreaElement;
const identifying = () => document.getElementById("identifying-words") as HTMLTextAreaElement;

function lines(s: string): string[] {
  return [...new Set(s.split("\n").map((l) => l.trim()).filter(Boolean))];
}

export function wireWords(save: (patch: UserSettings) => void): void {
  document.getElementById("save-words")!.addEventListener("click", () => {
    save({ ignoreWords: lines(ignore().value), identifyingWords: lines(identifying().value) });
  });
}

/** Fills the boxes, unless the user is editing them. */
export function drawWords(state: WorkerState): void {
  for (const [box, words] of [[ignore(), state.settings.ignoreWords], [identifying(), state.settings.identifyingWords]] as const) {
    if (document.activeElement !== box) box.value = words.join("\n");
  }
}
