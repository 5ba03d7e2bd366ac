/**
 * The options page: the user's settings (mode, jurisdiction, sites, their own words), what
 * the organisation has locked and could not apply, and the audit counts. Changes are saved
 * through the store, which refuses a locked setting; the page redraws when the worker has
 * applied a change.
 */
import type { PageMessage } from "../protocol";
import { AUDIT_STORAGE_KEY } from "../settings/audit";
import type { UserSettings } from "../settings/schema";
import { LockedError, saveUser } from "../settings/store";
import { t } from "../ui/i18n";
import { localise } from "../ui/localise";
import { workerStateFromPage } from "./ask";
import { drawAudit } from "./audit";
import { buildSites, drawControls, wireControls } from "./controls";
import { orgName } from "./locks";
import { drawOrganisation } from "./organisation";
import { drawWords, wireWords } from "./words";

const status = (s: string) => (document.getElementById("status")!.textContent = s);

async function draw(): Promise<void> {
  const state = await workerStateFromPage();
  drawOrganisation(state);
  drawControls(state);
  drawWords(state);
  await drawAudit();
  document.body.dataset.ready = String(Number(document.body.dataset.ready ?? 0) + 1);
}

function save(patch: UserSettings): void {
  status("");
  saveUser(patch).then(() => status(t("optionsSaved")), async (e: unknown) => {
    if (e instanceof LockedError) {
      const state = await workerStateFromPage();
      status(t("optionsRefusedLocked", e.fields.join(", "), orgName(state)));
      await draw(); // put the control back as the organisation set it
    } else {
      status(t("optionsSaveFailed", String(e)));
    }
  });
}

localise();
buildSites(save);
wireControls(save);
wireWords(save);
chrome.runtime.onMessage.addListener((m: PageMessage) => {
  if (m?.type === "bedside:reloaded") void draw();
});
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && AUDIT_STORAGE_KEY in changes) void drawAudit();
});
draw().catch((e: unknown) => status(t("optionsSaveFailed", String(e))));
