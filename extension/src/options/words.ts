/**
 * The user's own dictionary: words to ignore, and words to treat as identifying (one per
 * line). They reach the core as ignoreWords / identifyingWords; an ignored word quiets only
 * the built-in detectors' softer findings (crate/src/engine.rs). When the organisation
 * sets lockUserWords, both lists are shown read-only, with who locked them, and are not
 * used (the core drops them).
 */
import type { UserSettings } from "../settings/schema";
import { t } from "../ui/i18n";
import type { WorkerState } from "../worker/settings";
import { orgName, showLock } from "./locks";

const ignore = () => document.getElementById("ignore-words") as HTMLTextAreaElement;
const identifying = () => document.getElementById("identifying-words") as HTMLTextAreaElement;
const saveButton = () => document.getElementById("save-words") as HTMLButtonElement;

/** Whether the organisation has locked the lists (as last drawn). */
let locked = false;

function lines(s: string): string[] {
  return [...new Set(s.split("\n").map((l) => l.trim()).filter(Boolean))];
}

export function wireWords(save: (patch: UserSettings) => void): void {
  saveButton().addEventListener("click", () => {
    if (locked) return;
    save({ ignoreWords: lines(ignore().value), identifyingWords: lines(identifying().value) });
  });
}

/** Fills the boxes, unless the user is editing them; locks them if the organisation has. */
export function drawWords(state: WorkerState): void {
  locked = state.settings.lockUserWords;
  for (const [box, words] of [[ignore(), state.settings.ignoreWords], [identifying(), state.settings.identifyingWords]] as const) {
    if (locked || document.activeElement !== box) box.value = words.join("\n");
  }
  showLock(locked, state, null, [ignore(), identifying()]);
  saveButton().disabled = locked;
  const note = document.getElementById("words-lock")!;
  note.hidden = !locked;
  note.classList.toggle("lock", locked);
  note.textContent = locked ? t("optionsWordsLocked", orgName(state)) : "";
}
