// What Bedside keeps in chrome.storage, and where: the user's settings (their own word
// lists among them) stay on the device — chrome.storage.local, never chrome.storage.sync,
// which the browser uploads — and settings an earlier version left in sync are moved to
// local (and removed from sync) when the worker starts; an expired pause's site is removed
// from storage when pauses are read, and by the worker's timer when a pause ends.
import assert from "node:assert/strict";
import { after, afterEach, before, test } from "node:test";
import { start } from "./browser.mjs";
import { changeOption, checkPasted, openExtensionPage, resetSettings } from "./pages.mjs";

const PATIENT = "My patient in bed 4 today, 84yo retired headteacher from Hexham with dementia";

let env;
before(async () => {
  env = await start();
});
afterEach(() => resetSettings(env));
after(() => env?.close());

const stored = (area, key) => env.worker.evaluate(([a, k]) => chrome.storage[a].get(k), [area, key]);

/** Polls `f` until it returns true. */
async function until(f, what, timeout = 10000) {
  const end = Date.now() + timeout;
  while (!(await f())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The running service worker (a stopped one is started again by any event; Playwright
 * may hand back a new Worker for it). */
async function liveWorker() {
  for (let i = 0; i < 200; i++) {
    for (const w of [...env.context.serviceWorkers()].reverse()) {
      if (await w.evaluate(() => chrome.runtime.id).catch(() => null)) return w;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("no running service worker");
}

/** Stops the service worker (DevTools protocol) and waits until it reports stopped. */
async function stopWorker() {
  const page = await env.context.newPage();
  const cdp = await env.context.newCDPSession(page);
  const stopped = new Promise((resolve) => cdp.on("ServiceWorker.workerVersionUpdated", ({ versions }) => {
    if (versions.some((v) => v.scriptURL.startsWith(`chrome-extension://${env.extensionId}/`) && v.runningStatus === "stopped")) resolve();
  }));
  await cdp.send("ServiceWorker.enable");
  await cdp.send("ServiceWorker.stopAllWorkers");
  await stopped;
  await cdp.detach();
  await page.close();
}

test("words saved on the options page stay on the device: sync holds nothing of Bedside's", async () => {
  const page = await openExtensionPage(env, "options.html");
  await page.fill("#ignore-words", "headteacher");
  await page.fill("#identifying-words", "Zorblax");
  await changeOption(page, () => page.click("#save-words"));
  assert.match(await page.textContent("#status"), /Saved/);
  assert.deepEqual(await stored("sync", null), {}, "nothing in chrome.storage.sync");
  const local = (await stored("local", "bedsideSettings")).bedsideSettings;
  assert.deepEqual([local?.ignoreWords, local?.identifyingWords], [["headteacher"], ["Zorblax"]], "the words are in chrome.storage.local");
  // And they are the ones in force.
  assert.ok(!(await checkPasted(env, PATIENT)).findings.some((f) => f.includes("headteacher")));
  await page.close();
});

test("settings an earlier version kept in sync apply, and move to local when the worker starts", async () => {
  const old = { jurisdiction: "au", identifyingWords: ["Zorblax"] };
  await env.worker.evaluate((s) => chrome.storage.sync.set({ bedsideSettings: s }), old);
  // Before the move they already apply (read from sync).
  await until(async () => (await checkPasted(env, "My patient Zorblax was in today")).findings.some((f) => f.includes("Zorblax")),
    "the old settings apply");

  await stopWorker();
  const options = await openExtensionPage(env, "options.html"); // wakes the worker
  env.worker = await liveWorker();
  await until(async () => Object.keys(await stored("sync", null)).length === 0, "sync emptied");
  assert.deepEqual((await stored("local", "bedsideSettings")).bedsideSettings, old, "moved to local as they were");
  assert.equal(await options.inputValue("#jurisdiction"), "au");
  const r = await checkPasted(env, PATIENT);
  assert.ok(r.citations.some((c) => c.includes("AHPRA")), `still in force: ${r.citations}`);

  // Local settings win over a leftover in sync, which is removed all the same.
  await env.worker.evaluate(() => chrome.storage.sync.set({ bedsideSettings: { jurisdiction: "us" } }));
  await stopWorker();
  await options.reload();
  await options.waitForSelector("body[data-ready]");
  env.worker = await liveWorker();
  await until(async () => Object.keys(await stored("sync", null)).length === 0, "sync emptied again");
  assert.equal((await stored("local", "bedsideSettings")).bedsideSettings.jurisdiction, "au");
  await options.close();
});

test("an expired pause's site is removed from storage, on reading and when a pause ends", async () => {
  const now = await env.worker.evaluate(() => Date.now());
  await env.worker.evaluate((p) => chrome.storage.local.set({ bedsidePauses: p }), {
    "http://expired.example": now - 1000,
    "http://soon.example": now + 2000,
    "http://later.example": now + 3600 * 1000,
  });
  const pauses = async () => (await stored("local", "bedsidePauses")).bedsidePauses ?? {};
  // The worker reads the pauses when they change: the expired one goes at once.
  await until(async () => !("http://expired.example" in (await pauses())), "the expired pause removed");
  assert.deepEqual(Object.keys(await pauses()).sort(), ["http://later.example", "http://soon.example"]);
  // Nothing reads the pauses again: the worker's timer removes the next when it ends.
  await until(async () => !("http://soon.example" in (await pauses())), "the ended pause removed", 8000);
  assert.deepEqual(Object.keys(await pauses()), ["http://later.example"]);
  // The last one resumed: no key left at all.
  await env.worker.evaluate(() => chrome.storage.local.set({ bedsidePauses: { "http://gone.example": Date.now() - 1 } }));
  await until(async () => !("bedsidePauses" in (await stored("local", "bedsidePauses"))), "no pauses key left");
});
