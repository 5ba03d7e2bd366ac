// The options page: every string localised, light and dark themes, 200% zoom; the user's
// jurisdiction, words, site switches and mode reach the core and the content script.
import assert from "node:assert/strict";
import { after, afterEach, before, test } from "node:test";
import { drawn, openDemo, start, typeInto } from "./browser.mjs";
import { changeOption, checkPasted, openExtensionPage, resetSettings, tabIdOf, waitForBadge } from "./pages.mjs";

const PATIENT = "My patient in bed 4 today, 84yo retired headteacher from Hexham with dementia";

let env;
before(async () => {
  env = await start();
});
afterEach(() => resetSettings(env));
after(() => env?.close());

test("the options page is fully localised, themed and reflows at 200% zoom", async () => {
  const page = await env.context.newPage();
  const cdp = await env.context.newCDPSession(page);
  await cdp.send("Emulation.setDeviceMetricsOverride", { width: 480, height: 800, deviceScaleFactor: 2, mobile: false });
  await page.goto(`chrome-extension://${env.extensionId}/options.html`);
  await page.waitForSelector("body[data-ready]");
  const empty = await page.evaluate(() => [...document.querySelectorAll("[data-i18n]")].filter((e) => !e.textContent.trim() || e.textContent === e.dataset.i18n).map((e) => e.dataset.i18n));
  assert.deepEqual(empty, [], "every data-i18n string is filled from _locales");
  assert.equal(await page.locator("input[name=site]").count(), 12);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at 200% (${overflow}px)`);
  await page.emulateMedia({ colorScheme: "light" });
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(light, "rgb(255, 255, 255)");
  assert.notEqual(dark, light, "a dark theme");
  // The keyboard reaches the mode, the jurisdiction and the sites.
  const seen = new Set();
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    seen.add(await page.evaluate(() => document.activeElement?.name || document.activeElement?.id));
  }
  for (const name of ["mode", "jurisdiction", "site"]) assert.ok(seen.has(name), `Tab reaches ${name}: ${[...seen]}`);
  await page.close();
});

test("the jurisdiction chosen changes the rules the core cites", async () => {
  const page = await openExtensionPage(env, "options.html");
  await changeOption(page, () => page.selectOption("#jurisdiction", "au"));
  const r = await checkPasted(env, PATIENT);
  assert.ok(r.citations.some((c) => c.includes("AHPRA")), `cites AHPRA: ${r.citations}`);
  assert.ok(!r.citations.some((c) => c.includes("GMC")));
  await page.close();
});

test("the user's words to ignore and to treat as identifying reach the core", async () => {
  const page = await openExtensionPage(env, "options.html");
  assert.ok((await checkPasted(env, PATIENT)).findings.some((f) => f.includes("headteacher")));
  assert.ok(!(await checkPasted(env, "My patient Zorblax was in today")).findings.some((f) => f.includes("Zorblax")));
  await page.fill("#ignore-words", "headteacher\n");
  await page.fill("#identifying-words", "Zorblax");
  await changeOption(page, () => page.click("#save-words"));
  assert.match(await page.textContent("#status"), /Saved/);
  assert.ok(!(await checkPasted(env, PATIENT)).findings.some((f) => f.includes("headteacher")), "an ignored word is not flagged");
  assert.ok((await checkPasted(env, "My patient Zorblax was in today")).findings.some((f) => f.includes("Zorblax")), "an identifying word is flagged");
  await page.close();
});

test("a site switched off shows no warnings there; other sites still warn", async () => {
  const html = await (await fetch(`${env.url}demo.html`)).text();
  await env.context.route("https://www.facebook.com/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: html }));
  const options = await openExtensionPage(env, "options.html");
  await changeOption(options, () => options.uncheck("input[name=site][value=facebook]"));
  const fb = await env.context.newPage();
  await fb.goto("https://www.facebook.com/");
  await typeInto(fb, "#post-box", PATIENT);
  assert.equal((await drawn(fb, "#post-box")).verdict, null, "nothing on facebook");
  const other = await openDemo(env);
  await typeInto(other, "#post-box", PATIENT);
  assert.equal((await drawn(other, "#post-box")).verdict, "warn", "still warns elsewhere");
  // Switching it back on re-checks the open box.
  await changeOption(options, () => options.check("input[name=site][value=facebook]"));
  await fb.waitForFunction(() => document.querySelector("[data-bedside-probe]")?.shadowRoot?.querySelector(".badge"), null, { timeout: 10000 });
  await env.context.unroute("https://www.facebook.com/**");
  for (const p of [fb, other, options]) await p.close();
});

test("audit mode shows nothing and counts per site and kind, never text", async () => {
  const options = await openExtensionPage(env, "options.html");
  await changeOption(options, () => options.check("input[name=mode][value=audit]"));
  const demo = await openDemo(env);
  const tabId = await tabIdOf(env, demo);
  await typeInto(demo, "#post-box", PATIENT);
  assert.equal((await drawn(demo, "#post-box")).verdict, null, "no warning shown");
  await options.waitForFunction(() => document.querySelector("#audit tr[data-site=other] td[data-kind=patient]")?.textContent === "1", null, { timeout: 10000 });
  assert.equal(await env.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), "", "no toolbar badge");
  const stored = JSON.stringify(await env.worker.evaluate(() => chrome.storage.local.get(null)));
  for (const word of ["84yo", "Hexham", "patient in", "127.0.0.1"]) assert.ok(!stored.includes(word), `no text kept (${word})`);
  // Back to warn: the open draft is re-checked and shown.
  await changeOption(options, () => options.check("input[name=mode][value=warn]"));
  await waitForBadge(env, tabId, "!");
  await demo.waitForFunction(() => document.querySelector("[data-bedside-probe]")?.shadowRoot?.querySelector(".badge"), null, { timeout: 10000 });
  assert.equal((await drawn(demo, "#post-box")).verdict, "warn");
  await demo.close();
  await options.close();
});

test("settings of the wrong type are reported by name, and the rest still apply", async () => {
  const page = await openExtensionPage(env, "options.html");
  await changeOption(page, () => env.worker.evaluate(() =>
    chrome.storage.local.set({ bedsideSettings: { mode: 5, jurisdiction: "us", ignoreWords: "headteacher" } })));
  const problems = await page.$$eval("#problem-list li", (lis) => lis.map((li) => ({ field: li.dataset.field, text: li.textContent })));
  assert.deepEqual(problems.map((p) => p.field).sort(), ["ignoreWords", "mode"]);
  assert.match(problems.find((p) => p.field === "mode").text, /5 is not one of: audit, warn, block/);
  assert.match(problems.find((p) => p.field === "ignoreWords").text, /must be a list of text \(got string\)/);
  assert.equal(await page.$eval("input[name=mode]:checked", (r) => r.value), "warn", "the safe default");
  assert.equal(await page.inputValue("#jurisdiction"), "us", "the valid setting applies");
  await page.close();
});
