/** How a setting the organisation has locked looks: disabled, with who set it. */
import { t } from "../ui/i18n";
import type { WorkerState } from "../worker/settings";

export function orgName(state: WorkerState): string {
  return state.settings.organisationName || t("yourOrganisation");
}

/** Disables `inputs` and shows `note` ("Set by St Elsewhere NHS Trust") when `locked`. */
export function showLock(locked: boolean, state: WorkerState, note: HTMLElement | null, inputs: Iterable<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>): void {
  for (const i of inputs) {
    i.disabled = locked;
    if (locked) i.dataset.locked = "1";
    else delete i.dataset.locked;
  }
  if (!note) return;
  note.hidden = !locked;
  note.classList.toggle("lock", locked);
  note.textContent = locked ? t("lockedBy", orgName(state)) : "";
}
