// Runs inside a private mount namespace where /etc/chromium is a tmpfs holding the test's
// policy file (see ../managed.test.mjs): starts Chromium with Bedside, exercises one
// managed scenario, and prints one line of JSON with what it observed. It asserts
// nothing itself; the test does. Usage: node run-in-namespace.mjs <scenario>
// The send gate's page (tests/fixtures/editors/gate.html) must be built first.
import { readdirSync, readFileSync } from "node:fs";
import { drawn, openDemo, start, typeInto } from "../browser.mjs";
import { PATIENT } from "../editors-lib.mjs";
import { drawCount, openExtensionPage, openPopupFor, popupReport, tabIdOf, waitForBadge } from "../pages.mjs";

const scenario = process.argv[2];
const NUMBER = "Patient RX123456 was rude again";
// Without "St Elsewhere" in hospitalNames the core sees no place here, and does not warn.
const HOSPITAL = "Worked at st elsewhere with my patient who was so rude";
// The user's own words: some overlap the organisation's name and pattern (which must stay
// flagged), one a soft built-in finding (quieted, unless the lists are locked), and one
// is a word to treat as identifying (flagged, unless locked).
const USER_WORDS = { ignoreWords: ["St Elsewhere", "RX123456", "headteacher"], identifyingWords: ["gardening"] };
const WORDS = "My patient in bed 4 today, 84yo retired headteacher, loves gardening";
/** Scenarios that seed the user's words, and those that try the send gate. */
const SEEDED = ["block", "locked"];
const GATED = ["block", "locked", "justify"];
const out = { scenario };

/** What the card shows (the probe build's open overlay). */
function cardState(page) {
  return page.evaluate(() => {
    const card = document.querySelector("[data-bedside-probe]")?.shadowRoot?.querySelector(".card");
    return {
      open: !!card?.matches(":popover-open"),
      held: card?.dataset.held === "true",
      heldText: card?.querySelector(".held")?.textContent ?? "",
      buttons: [...(card?.querySelectorAll("button") ?? [])].map((b) => ({ cls: b.className, text: b.textContent, disabled: b.disabled })),
      reasons: [...(card?.querySelectorAll(".justify input[type=radio]") ?? [])].map((r) => ({ value: r.value, label: r.closest("label").textContent })),
    };
  });
}

const sent = (page) => page.evaluate(() => window.sent);
const settle = () => new Promise((r) => setTimeout(r, 400));

/** The send gate under this scenario's policy: a warned draft, Enter, and the card. */
async function tryGate(env) {
  const page = await env.context.newPage();
  await page.goto(`${env.url}editors/gate.html`);
  await page.waitForFunction(() => window.editorReady === true);
  await typeInto(page, "#post-box", PATIENT);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("[data-bedside-probe]")?.shadowRoot?.querySelector(".card[data-held=true]:popover-open"), null, { timeout: 10000 });
  const g = { held: await cardState(page), sentAfterEnter: await sent(page) };
  const postAnyway = page.locator("button.post-anyway");
  if (scenario === "locked") {
    // Enter again, and the form's own submit button: still held.
    await page.keyboard.press("Enter");
    await page.click("#post button[type=submit]");
    await settle();
    g.again = await cardState(page);
    g.sentAfterRetry = await sent(page);
  } else if (scenario === "justify") {
    await postAnyway.click();
    g.asked = await cardState(page);
    if (!g.asked.reasons.length) {
      // No reason asked for: see what the next Enter does, and stop here.
      await page.keyboard.press("Enter");
      await settle();
      g.sentBeforeReason = await sent(page);
      await page.close();
      return g;
    }
    // Sending before a reason is chosen is still held.
    await page.locator("#post-box").press("Enter");
    await settle();
    g.sentBeforeReason = await sent(page);
    g.stillAsked = await cardState(page);
    await page.locator("input[name=bedside-justification][value=handover]").check();
    g.chosen = await cardState(page);
    await page.locator("button.justify-post").click();
    g.afterPost = await cardState(page);
    g.focusedBox = await page.evaluate(() => document.activeElement?.id ?? null);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.sent.length === 1, null, { timeout: 10000 });
    g.sent = await sent(page);
  } else {
    await postAnyway.click();
    g.afterPost = await cardState(page);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.sent.length === 1, null, { timeout: 10000 });
    g.sent = await sent(page);
  }
  await page.close();
  return g;
}

/** The options page's word lists. */
function wordsState(options) {
  return options.evaluate(() => ({
    ignore: document.querySelector("#ignore-words").value,
    ignoreDisabled: document.querySelector("#ignore-words").disabled,
    identifyingDisabled: document.querySelector("#identifying-words").disabled,
    saveDisabled: document.querySelector("#save-words").disabled,
    lockHidden: document.querySelector("#words-lock")?.hidden ?? true,
    lockNote: document.querySelector("#words-lock")?.textContent ?? "",
  }));
}
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
  // Re-enabling and clicking happen in one task: the page re-renders (and re-disables)
  // whenever storage changes, so two separate steps race with it.
  await options.evaluate((value) => {
    document.querySelectorAll("input[name=mode]").forEach((r) => (r.disabled = false));
    document.querySelector(`input[name=mode][value=${value}]`).click();
  }, other);
  await options.waitForFunction(() => /Not changed/.test(document.querySelector("#status")?.textContent ?? ""), null, { timeout: 10000 });
  await options.waitForFunction(() => [...document.querySelectorAll("input[name=mode]")].every((r) => r.disabled), null, { timeout: 10000 });
  out.override = await options.evaluate(() => ({
    status: document.querySelector("#status")?.textContent ?? "",
    modeChecked: document.querySelector("input[name=mode]:checked")?.value ?? null,
  }));
  out.override.userStorage = await env.worker.evaluate(async () => ({
    ...(await chrome.storage.local.get("bedsideSettings")),
    ...(await chrome.storage.sync.get(null)),
  }));

  // The user's own words: saved from the settings page where it lets them; where the
  // organisation locked them, as if saved before the lock (in the store's storage).
  if (SEEDED.includes(scenario)) {
    const before = await drawCount(options);
    if (scenario === "locked") {
      out.wordsLockedBefore = await wordsState(options);
      await env.worker.evaluate((w) => chrome.storage.local.set({ bedsideSettings: w }), USER_WORDS);
    } else {
      await options.fill("#ignore-words", USER_WORDS.ignoreWords.join("\n"));
      await options.fill("#identifying-words", USER_WORDS.identifyingWords.join("\n"));
      await options.click("#save-words");
    }
    // The worker applies them and the page draws them again (the test checks it did).
    out.wordsRedrawn = await options.waitForFunction((n) => Number(document.body.dataset.ready ?? 0) > n, before, { timeout: 10000 })
      .then(() => true, () => false);
    out.wordsAfter = await wordsState(options);
  }

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
  if (SEEDED.includes(scenario)) {
    await popup.fill("#paste", WORDS);
    await popup.click("#paste-form button[type=submit]");
    await popup.waitForFunction((t) => document.querySelector("#text")?.textContent === t, WORDS);
    out.popupWords = await popupReport(popup);
  }

  if (GATED.includes(scenario)) out.gate = await tryGate(env);
  if (scenario === "justify" || scenario === "block") {
    await options.bringToFront();
    if (scenario === "justify" && out.gate.sent) {
      await options.waitForFunction(() => document.querySelector("#reason-counts tr[data-reason=handover]"), null, { timeout: 10000 });
    }
    out.reasons = await options.evaluate(() => ({
      hidden: document.querySelector("#reasons")?.hidden ?? true,
      rows: Object.fromEntries([...document.querySelectorAll("#reason-counts tbody tr")].map((tr) => [tr.dataset.reason, { label: tr.querySelector("th").textContent, count: Number(tr.querySelector("td").textContent) }])),
    }));
    out.auditStored = await env.worker.evaluate(() => chrome.storage.local.get("bedsideAudit"));
  }

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
