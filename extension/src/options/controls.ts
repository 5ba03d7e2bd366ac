/**
 * The options page's switches: mode, jurisdiction and the twelve sites. Each change is
 * saved at once through the store, which refuses a locked setting.
 */
import { MODES, type Jurisdiction, type Mode, type UserSettings } from "../settings/schema";
import { SITE_IDS, type SiteId } from "../settings/sites";
import { t } from "../ui/i18n";
import { el } from "../ui/localise";
import type { WorkerState } from "../worker/settings";
import { showLock } from "./locks";

export type Save = (patch: UserSettings) => void;

/** Builds the site switches once. */
export function buildSites(save: Save): void {
  const box = document.getElementById("sites")!;
  for (const id of SITE_IDS) {
    const label = el("label");
    const input = el("input");
    input.type = "checkbox";
    input.name = "site";
    input.value = id;
    input.addEventListener("change", () => save({ sites: { [id]: input.checked } as Partial<Record<SiteId, boolean>> }));
    label.append(input, " ", el("span", t(`site_${id}`)), el("span", "", "lock-badge"));
    box.append(label);
  }
}

export function wireControls(save: Save): void {
  for (const r of document.querySelectorAll<HTMLInputElement>("input[name=mode]")) {
    r.addEventListener("change", () => r.checked && save({ mode: r.value as Mode }));
  }
  const j = document.getElementById("jurisdiction") as HTMLSelectElement;
  j.addEventListener("change", () => save({ jurisdiction: j.value as Jurisdiction }));
}

export function drawControls(state: WorkerState): void {
  const s = state.settings;
  const radios = [...document.querySelectorAll<HTMLInputElement>("input[name=mode]")];
  for (const r of radios) r.checked = r.value === s.mode && (MODES as readonly string[]).includes(r.value);
  showLock(state.locked.keys.includes("mode"), state, document.querySelector("#mode .lock-note"), radios);

  const j = document.getElementById("jurisdiction") as HTMLSelectElement;
  j.value = s.jurisdiction;
  showLock(state.locked.keys.includes("jurisdiction"), state, document.getElementById("jurisdiction-lock"), [j]);

  for (const input of document.querySelectorAll<HTMLInputElement>("input[name=site]")) {
    const id = input.value as SiteId;
    input.checked = s.sites[id];
    const locked = state.locked.sites.includes(id);
    showLock(locked, state, null, [input]);
    const badge = input.parentElement!.querySelector<HTMLElement>(".lock-badge")!;
    badge.textContent = locked ? ` ${t("lockedShort")}` : "";
    badge.className = locked ? "lock-badge lock muted" : "lock-badge";
    input.title = locked ? t("lockedBy", state.settings.organisationName || t("yourOrganisation")) : "";
  }
}
