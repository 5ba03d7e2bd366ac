/**
 * The toolbar popup: checks the focused compose box of the tab, else its selection, else
 * text pasted here, and shows the full report — verdict, highlighted spans, findings with
 * their replacements, the rules cited, and "copy redacted text". Also: pause on this site,
 * what the organisation has locked, and the options page.
 */
import type { Report, WorkerMessage } from "../protocol";
import type { WorkerState } from "../worker/settings";
import { t } from "../ui/i18n";
import { localise } from "../ui/localise";
import { redact } from "../ui/redact";
import { drawCitations, drawFindings, drawText, verdictText } from "../ui/report";
import { drawPause } from "./pause";
import { chooseSource, snapshot, targetTab, type Source } from "./source";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function ask<T>(m: WorkerMessage): Promise<T> {
  return chrome.runtime.sendMessage(m).then((r: unknown) => {
    if (r && typeof r === "object" && "error" in r) throw new Error(String((r as { error: unknown }).error));
    return r as T;
  });
}

const SOURCE_TEXT: Record<Source["kind"], string> = {
  box: "popupSourceBox",
  selection: "popupSourceSelection",
  paste: "popupSourcePaste",
};

function show(src: Source, report: Report): void {
  const result = $("result");
  result.hidden = false;
  result.dataset.verdict = report.verdict;
  $("source").textContent = t(SOURCE_TEXT[src.kind]);
  $("source").dataset.source = src.kind;
  const verdict = $("verdict");
  verdict.textContent = verdictText(report);
  verdict.dataset.verdict = report.verdict;
  $("message").textContent = report.message;
  drawText($("text"), src.text, report.findings, report.verdict === "warn" ? "warn" : "caution");
  $("findings-part").hidden = report.findings.length === 0;
  drawFindings($("findings"), report.findings);
  $("citations-part").hidden = report.citations.length === 0;
  drawCitations($("citations"), report);
  $("suggestion-part").hidden = !report.suggestion;
  $("suggestion").textContent = report.suggestion ?? "";
  const redacted = redact(src.text, report.findings);
  $("redact-part").hidden = redacted === src.text;
  $("redacted").textContent = redacted;
  $("copied").textContent = "";
  $("copy").onclick = () => {
    navigator.clipboard.writeText(redacted).then(
      () => ($("copied").textContent = t("popupCopied")),
      () => ($("copied").textContent = t("popupCopyFailed")),
    );
  };
}

async function checkAndShow(src: Source): Promise<void> {
  const { report } = await ask<{ report: Report }>({ type: "bedside:check", text: src.text, context: src.context });
  show(src, report);
}

function drawManaged(state: WorkerState): void {
  const p = $("managed");
  p.hidden = !state.managed;
  if (!state.managed) return;
  const org = state.settings.organisationName || t("yourOrganisation");
  const parts = [t("popupManagedBy", org)];
  if (state.locked.keys.includes("mode")) parts.push(t("popupManagedMode", t(`mode_${state.settings.mode}`)));
  if (state.settings.supportContact) parts.push(t("supportContact", state.settings.supportContact));
  p.textContent = parts.join(" ");
}

async function main(): Promise<void> {
  localise();
  $("options").onclick = () => void chrome.runtime.openOptionsPage();
  const paste = $("paste") as HTMLTextAreaElement;
  const checkPasted = () => {
    if (paste.value.trim()) void checkAndShow({ kind: "paste", text: paste.value, context: "" }).catch(fail);
  };
  $("paste-form").addEventListener("submit", (e) => {
    e.preventDefault();
    checkPasted();
  });
  paste.addEventListener("paste", () => setTimeout(checkPasted, 0));
  paste.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      checkPasted();
    }
  });

  const tabId = await targetTab();
  const snap = await snapshot(tabId);
  const redrawState = async () => {
    const state = await ask<WorkerState>({ type: "bedside:state" });
    drawManaged(state);
    drawPause(state, snap?.origin.startsWith("http") ? snap.origin : null, () => void redrawState().catch(fail));
  };
  await redrawState();
  const src = chooseSource(snap);
  if (src) {
    await checkAndShow(src);
    $("verdict").focus();
  } else {
    paste.focus();
  }
  document.body.dataset.ready = "1";
}

function fail(e: unknown): void {
  const p = $("message");
  p.textContent = t("popupError", String(e));
  $("result").hidden = false;
  document.body.dataset.ready = "1";
}

main().catch(fail);
