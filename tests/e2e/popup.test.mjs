// The toolbar check button, opened as a page (`popup.html?tab=<id>`): it checks another
// tab's focused compose box, else its selection, else pasted text, and shows the full
// report; the toolbar badge follows the tab's worst draft; pausing a site stops warnings.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ROOT } from "../../scripts/lib/run.mjs";
import { checks, drawn, openDemo, start, typeInto, waitForCheck } from "./browser.mjs";
import { badgeText, openExtensionPage, openPopupFor, popupReport, tabIdOf, waitForBadge } from "./pages.mjs";

const PATIENT = "My patient in bed 4 today, 84yo retired headteacher from Hexham with dementia";

let env;
before(async () => {
  env = await start();
});
after(() => env?.close());

test("the manifest declares the popup, the shortcut, the options page and the icons", async () => {
  const m = await env.worker.evaluate(() => chrome.runtime.getManifest());
  assert.equal(m.action.default_popup, "popup.html");
  assert.equal(m.commands._execute_action.suggested_key.default, "Ctrl+Shift+Y");
  assert.equal(m.options_ui.page, "options.html");
  for (const size of ["16", "32", "48", "128"]) assert.ok(m.icons[size], `icon ${size}`);
  const commands = await env.worker.evaluate(() => chrome.commands.getAll());
  assert.ok(commands.some((c) => c.name === "_execute_action" && c.shortcut), "the shortcut is registered");
});

test("the popup checks the focused compose box of another tab and shows the full report", async () => {
  const demo = await openDemo(env);
  await typeInto(demo, "#post-box", PATIENT);
  const popup = await openPopupFor(env, demo);
  const r = await popupReport(popup);
  assert.equal(r.source, "box");
  assert.equal(r.verdict, "warn");
  assert.match(r.verdictText, /may identify a patient/i);
  assert.equal(r.text, PATIENT, "the checked text is shown exactly");
  for (const w of ["84yo", "bed 4", "dementia"]) assert.ok(r.marks.some((m) => m.includes(w)), `"${w}" is highlighted (${JSON.stringify(r.marks)})`);
  assert.ok(r.findings.some((f) => /age/i.test(f) && f.includes("84yo") && f.includes("[age]")), `a finding names the age and its replacement: ${JSON.stringify(r.findings)}`);
  assert.ok(r.citations.length >= 1 && r.citations.some((c) => /GMC|HIPAA/.test(c)), "the rule is cited");
  assert.ok(!r.redacted.includes("84yo") && r.redacted.includes("[age]"), `redacted: ${r.redacted}`);
  assert.ok(await popup.evaluate(() => document.activeElement?.id === "verdict"), "focus lands on the verdict");
  // docs/USING.md's screenshot (docs/popup.png with UPDATE_SCREENSHOTS=1, else under dist/).
  const shots = join(ROOT, process.env.UPDATE_SCREENSHOTS ? "docs" : "dist");
  mkdirSync(shots, { recursive: true });
  await popup.setViewportSize({ width: 460, height: 900 });
  await popup.evaluate(() => document.activeElement?.blur());
  await popup.screenshot({ path: join(shots, "popup.png"), fullPage: true });

  // Copy redacted text puts exactly the redacted text on the clipboard: paste it back.
  await popup.click("#copy");
  await popup.waitForFunction(() => document.querySelector("#copied")?.textContent);
  assert.equal(await popup.textContent("#copied"), "Copied.");
  await popup.focus("#paste");
  await popup.keyboard.press("Control+V");
  assert.equal(await popup.inputValue("#paste"), r.redacted);

  await popup.close();
  await demo.close();
});

test("the popup checks the page's selection when no box has focus", async () => {
  const page = await env.context.newPage();
  await page.goto(`${env.url}selection.html`);
  await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById("quote"));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  const popup = await openPopupFor(env, page);
  const r = await popupReport(popup);
  assert.equal(r.source, "selection");
  assert.equal(r.text, PATIENT);
  assert.equal(r.verdict, "warn");
  await popup.close();
  await page.close();
});

test("the popup checks pasted text, and shows it inert", async () => {
  const page = await env.context.newPage();
  await page.goto(`${env.url}selection.html`); // nothing focused, nothing selected
  const popup = await openPopupFor(env, page);
  assert.equal(await popup.evaluate(() => document.querySelector("#result").hidden), true, "nothing to check yet");
  assert.ok(await popup.evaluate(() => document.activeElement?.id === "paste"), "focus is in the paste box");
  const hostile = `<img src=x onerror="document.title='pwned'"> ${PATIENT}`;
  await popup.fill("#paste", hostile);
  await popup.keyboard.press("Control+Enter");
  await popup.waitForFunction(() => document.querySelector("#verdict")?.dataset.verdict);
  const r = await popupReport(popup);
  assert.equal(r.source, "paste");
  assert.equal(r.verdict, "warn");
  assert.equal(r.text, hostile, "the markup is shown as text");
  assert.equal(r.elementsInText, 0, "no element other than <mark> was created from the text");
  assert.notEqual(await popup.title(), "pwned");
  await popup.close();
  await page.close();
});

test("the toolbar badge shows the tab's worst draft and clears when it is fixed", async () => {
  const demo = await openDemo(env);
  const tabId = await tabIdOf(env, demo);
  assert.equal(await badgeText(env, tabId), "");
  await typeInto(demo, "#post-box", PATIENT);
  await waitForBadge(env, tabId, "!");
  const title = await env.worker.evaluate((tabId) => chrome.action.getTitle({ tabId }), tabId);
  assert.match(title, /may identify a patient/);
  // Fix the draft: delete it all.
  const before = await checks(demo);
  await demo.fill("#post-box", "");
  await demo.fill("#post-box", "Lovely walk home after the shift");
  await waitForCheck(demo, before, "Lovely walk home after the shift".length);
  await waitForBadge(env, tabId, "");
  await demo.close();
});

test("pausing a site from the popup stops its warnings, and resuming brings them back", async () => {
  const demo = await openDemo(env);
  const tabId = await tabIdOf(env, demo);
  await typeInto(demo, "#post-box", PATIENT);
  assert.equal((await drawn(demo, "#post-box")).verdict, "warn");
  await waitForBadge(env, tabId, "!");

  const popup = await openPopupFor(env, demo);
  const label = await popup.textContent("#pause");
  assert.match(label, /Pause on 127\.0\.0\.1:\d+ for an hour/);
  await popup.click("#pause");
  await demo.waitForFunction(() => !document.querySelector("[data-bedside-probe]")?.shadowRoot?.querySelector(".badge"), null, { timeout: 10000 });
  await waitForBadge(env, tabId, "");
  await popup.waitForFunction(() => /Resume/.test(document.querySelector("#pause")?.textContent ?? ""));
  assert.match(await popup.textContent("#pause-note"), /Paused on 127\.0\.0\.1:\d+ until/);

  // A new warn-worthy draft on the paused site is checked but not shown.
  await typeInto(demo, "#comment-box", PATIENT);
  assert.equal((await drawn(demo, "#comment-box")).verdict, null, "no badge while paused");
  assert.deepEqual((await drawn(demo, "#comment-box")).highlighted, [], "no highlights while paused");

  await popup.click("#pause"); // resume
  await demo.waitForFunction(() => document.querySelector("[data-bedside-probe]")?.shadowRoot?.querySelector(".badge"), null, { timeout: 10000 });
  await waitForBadge(env, tabId, "!");
  await popup.close();
  await demo.close();
});

test("the popup works at 200% zoom and from the keyboard", async () => {
  const page = await env.context.newPage();
  await page.goto(`${env.url}selection.html`);
  const tabId = await tabIdOf(env, page);
  const popup = await env.context.newPage();
  // 200% zoom of a 400 px wide popup = a 200 CSS-pixel-per-rem-doubled layout: emulate with
  // a device scale factor of 2 on a narrow viewport.
  await popup.setViewportSize({ width: 400, height: 700 });
  const cdp = await env.context.newCDPSession(popup);
  await cdp.send("Emulation.setDeviceMetricsOverride", { width: 400, height: 700, deviceScaleFactor: 2, mobile: false });
  await popup.goto(`chrome-extension://${env.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector("body[data-ready]");
  await popup.keyboard.type(PATIENT);
  await popup.keyboard.press("Control+Enter");
  await popup.waitForFunction(() => document.querySelector("#verdict")?.dataset.verdict === "warn");
  const overflow = await popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
  // Tab reaches the controls in order.
  const order = [];
  for (let i = 0; i < 6; i++) {
    await popup.keyboard.press("Tab");
    order.push(await popup.evaluate(() => document.activeElement?.id || document.activeElement?.tagName));
  }
  assert.ok(order.includes("copy") && order.includes("options"), `keyboard reaches copy and options: ${order}`);
  await popup.close();
  await page.close();
});
