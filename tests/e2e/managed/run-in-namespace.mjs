// Runs inside a private mount namespace where /etc/chromium is a tmpfs holding the test's
// policy file (see ../managed.test.mjs): starts Chromium with Bedside, exercises one
// managed scenario, and prints one line of JSON with what it observed. It asserts
// nothing itself; the test does. Usage: node run-in-namespace.mjs <scenario>
import { readdirSync, readFileSync } from "node:fs";
import { drawn, openDemo, start, typeInto } from "../browser.mjs";
import { openExtensionPage, openPopupFor, popupReport, tabIdOf, waitForBadge } from "../pages.mjs";

const scenario = process.argv[2];
const NUMBER = "Patient RX123456 was rude again";
// Without "St Elsewhere" in hospitalNames the core sees no place here, and does not warn.
const HOSPITAL = "Worked at st elsewhere with my patient who was so rude";
const out = { scenario };
const env = await start();
try {
  out.policyFiles = readdirSync("/etc/chromium/policies/managed");
  out.policyFile = JSON.parse(readFileSync(`/etc/chromium/policies/managed/${out.policyFiles[0]}`, "utf8"));
  out.managed = await env.worker.evaluate(() => chrome.storage.managed.get(null));

  // The options page: what is locked, by whom, what could not be used.
  const options = await openExtensionPage(env, "options.html");
  out.options = await options.evaluate(() => ({
    banner: document.querySelector("#org")?.textContent ?? "",
    bannerHidden: document.querySelector("#org")?.hidden,
    modeChecked: document.querySelector("input[name=mode]:checked")?.value ?? null,
    modeDisabled: [...document.querySelectorAll("input[name=mode]")].every((r) => r.disabled),
    modeLockNote: document.querySelector("#mode .lock-note")?.textContent ?? "",
    jurisdiction: document.querySelector("#jurisdiction")?.value,
    jurisdictionDisabled: document.querySelector("#jurisdiction")?.disabled,
    sites: Object.fromEntries([...document.querySelectorAll("input[name=site]")].map((i) => [i.value, { on: i.checked, locked: i.disabled }])),
    problems: [...document.querySelectorAll("#problem-list li")].map((li) => ({ field: li.dataset.field, text: li.textContent })),
    orgWords: document.querySelector("#org-word-list")?.textContent ?? "",
    wordsEditable: !document.querySelector("#ignore-words")?.disabled,
  }));

  // The user tries to change a locked setting anyway: the control is re-enabled by hand
  // (as a determined user could in devtools) and clicked; the store must refuse it.
  const other = out.options.modeChecked === "warn" ? "audit" : "warn";
  await options.evaluate(() => document.querySelectorAll("input[name=mode]").forEach((r) => (r.disabled = false)));
  await options.click(`input[name=mode][value=${other}]`);
  await options.waitForFunction(() => /Not changed/.test(document.querySelector("#status")?.textContent ?? ""), null, { timeout: 10000 });
  await options.waitForFunction(() => [...document.querySelectorAll("input[name=mode]")].every((r) => r.disabled), null, { timeout: 10000 });
  out.override = await options.evaluate(() => ({
    status: document.querySelector("#status")?.textContent ?? "",
    modeChecked: document.querySelector("input[name=mode]:checked")?.value ?? null,
  }));
  out.override.userStorage = await env.worker.evaluate(() => chrome.storage.sync.get(null));

  // A compose box: the custom pattern and the hospital name take effect.
  const demo = await openDemo(env);
  const tabId = await tabIdOf(env, demo);
  await typeInto(demo, "#post-box", NUMBER);
  out.numberBox = await drawn(demo, "#post-box");
  await typeInto(demo, "#comment-box", HOSPITAL);
  out.hospitalBox = await drawn(demo, "#comment-box");
  if (scenario !== "audit") await waitForBadge(env, tabId, "!");
  out.badge = await env.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

  // The popup: the full report for the focused box, what is locked, the pause control.
  await demo.click("#post-box");
  const popup = await openPopupFor(env, demo);
  out.popup = {
    ...(await popupReport(popup)),
    managed: await popup.textContent("#managed"),
    managedHidden: await popup.evaluate(() => document.querySelector("#managed").hidden),
    pauseDisabled: await popup.evaluate(() => document.querySelector("#pause").disabled),
    pauseNote: await popup.textContent("#pause-note"),
  };
  await popup.fill("#paste", HOSPITAL);
  await popup.click("#paste-form button[type=submit]");
  await popup.waitForFunction(() => document.querySelector("#source")?.dataset.source === "paste");
  out.popupHospital = await popupReport(popup);

  if (scenario === "audit") {
    await options.bringToFront();
    await options.waitForFunction(() => document.querySelector("#audit tr[data-site=other] td[data-kind=patient]"), null, { timeout: 10000 });
    out.audit = await options.evaluate(() => Object.fromEntries([...document.querySelectorAll("#audit tbody tr")].map((tr) =>
      [tr.dataset.site, Object.fromEntries([...tr.querySelectorAll("td")].map((td) => [td.dataset.kind, Number(td.textContent)]))])));
    out.auditStored = await env.worker.evaluate(() => chrome.storage.local.get("bedsideAudit"));
  }
} catch (e) {
  out.error = String(e?.stack ?? e);
} finally {
  await env.close();
}
console.log(JSON.stringify(out));
