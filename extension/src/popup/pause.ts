/**
 * The popup's "pause on this site for an hour" button (and "resume"), unless the
 * organisation's policy sets allowPause to false — then it says so instead.
 */
import { pause, resume } from "../settings/pause";
import { t } from "../ui/i18n";
import type { WorkerState } from "../worker/settings";

function time(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
}

/** Shows the pause controls for `origin` (an http(s) origin from the tab's content script). */
export function drawPause(state: WorkerState, origin: string | null, redraw: () => void): void {
  const part = document.getElementById("pause-part")!;
  const button = document.getElementById("pause") as HTMLButtonElement;
  const note = document.getElementById("pause-note")!;
  if (!origin) {
    part.hidden = true;
    return;
  }
  part.hidden = false;
  const host = new URL(origin).host;
  const until = state.pauses[origin] ?? 0;
  const org = state.settings.organisationName || t("yourOrganisation");
  if (!state.settings.allowPause) {
    button.disabled = true;
    button.textContent = t("popupPause", host);
    note.textContent = t("popupPauseNotAllowed", org);
    note.classList.add("lock");
    return;
  }
  button.disabled = false;
  note.classList.remove("lock");
  button.textContent = until ? t("popupResume", host) : t("popupPause", host);
  note.textContent = until ? t("popupPausedUntil", host, time(until)) : "";
  button.onclick = () => {
    (until ? resume(origin) : pause(origin).then(() => undefined)).then(redraw, (e: unknown) => {
      note.textContent = String(e);
    });
  };
}
