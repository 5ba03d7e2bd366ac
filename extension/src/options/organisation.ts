/**
 * What the organisation has set: the banner naming it (and its support contact), the
 * settings it could not apply (with the setting's name and the reason), and its
 * dictionaries and custom patterns, read-only.
 */
import { t } from "../ui/i18n";
import { el } from "../ui/localise";
import type { WorkerState } from "../worker/settings";
import { orgName } from "./locks";

const DICTIONARIES = ["hospitalNames", "wardNames", "placeNames", "staffNames"] as const;

export function drawOrganisation(state: WorkerState): void {
  const banner = document.getElementById("org")!;
  banner.hidden = !state.managed;
  const parts = [t("optionsManagedBy", orgName(state))];
  if (state.settings.supportContact) parts.push(t("supportContact", state.settings.supportContact));
  banner.textContent = state.managed ? parts.join(" ") : "";

  const problems = document.getElementById("problems")!;
  const list = document.getElementById("problem-list")!;
  problems.hidden = state.problems.length === 0;
  list.replaceChildren(...state.problems.map((p) => {
    const li = el("li");
    li.dataset.field = p.field;
    li.append(el("code", p.field), " ", el("span", t(p.source === "organisation" ? "problemFromOrg" : "problemFromUser", orgName(state))), " ", el("span", p.reason));
    return li;
  }));

  const section = document.getElementById("org-words")!;
  const dl = document.getElementById("org-word-list")!;
  const items: HTMLElement[] = [];
  for (const key of DICTIONARIES) {
    const words = state.settings[key];
    if (!state.locked.keys.includes(key) || !words.length) continue;
    items.push(el("dt", t(`setting_${key}`)), el("dd", words.join(", ")));
  }
  const patterns = Array.isArray(state.settings.customPatterns) ? state.settings.customPatterns : [];
  if (state.locked.keys.includes("customPatterns") && patterns.length) {
    items.push(el("dt", t("setting_customPatterns")));
    for (const p of patterns as { label?: unknown; pattern?: unknown }[]) {
      const dd = el("dd");
      dd.append(el("span", String(p?.label ?? "")), " ", el("code", String(p?.pattern ?? "")));
      items.push(dd);
    }
  }
  dl.replaceChildren(...items);
  section.hidden = items.length === 0;
}
