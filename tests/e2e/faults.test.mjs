// Faults: the service worker stopped mid-session (through the DevTools protocol) — the
// next keystroke still gets its warning; the extension reloaded (as an update does) —
// the old content script stands down without a trace or an error and the re-injected one
// warns in the open tab, no page reload needed; a compose box the site detaches and
// re-attaches, or replaces with a fresh copy (as React re-mounts do), warns again.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { checks, drawn, openDemo, start, typeInto, waitForCheck } from "./browser.mjs";

const PATIENT = "My patient in bed 4 today, 84yo retired headteacher from Hexham with dementia";

let env;
before(async () => {
  env = await start();
});
after(() => env?.close());

/** The overlays on the page: how many results each drew, and its badges. */
const overlays = (page) => page.evaluate(() => [...document.querySelectorAll("[data-bedside-probe]")].map((h) => ({
  checks: Number(document.documentElement.dataset.bedsideChecks ?? 0), badges: [...h.shadowRoot.querySelectorAll(".badge")].map((b) => b.dataset.verdict),
})));

/** Types `text` at the end of the focused box, and waits for the check of `total` chars. */
async function typeMore(page, text, total) {
  const n = await checks(page);
  await page.keyboard.type(text);
  await waitForCheck(page, n, total);
}

test("the worker is stopped mid-session: the next keystroke still gets a warning", async (t) => {
  const page = await openDemo(env);
  const draft = "My patient in bed 4 today, 84y"; // a caution; the next "o" makes it a warning
  await typeInto(page, "#post-box", draft);
  assert.equal((await drawn(page, "#post-box")).verdict, "caution");
  const cdp = await env.context.newCDPSession(page);
  const stopped = new Promise((resolve) => cdp.on("ServiceWorker.workerVersionUpdated", ({ versions }) => {
    if (versions.some((v) => v.scriptURL.startsWith(`chrome-extension://${env.extensionId}/`) && v.runningStatus === "stopped")) resolve();
  }));
  await cdp.send("ServiceWorker.enable");
  await cdp.send("ServiceWorker.stopAllWorkers");
  await stopped;
  const t0 = performance.now();
  await typeMore(page, "o", draft.length + 1);
  t.diagnostic(`worker restart to result: ${(performance.now() - t0).toFixed(0)} ms (includes the 150 ms debounce)`);
  const d = await drawn(page, "#post-box");
  assert.equal(d.verdict, "warn");
  assert.equal(d.value, `${draft}o`, "nothing typed was lost");
  await cdp.detach();
  // Later tests talk to the worker: make sure they get the running one.
  env.worker = env.context.serviceWorkers().at(-1) ?? await env.context.waitForEvent("serviceworker");
  assert.equal(await env.worker.evaluate(() => chrome.runtime.id), env.extensionId);
  await page.close();
});

test("after the extension reloads, the old content script stands down and the open tab warns again", async () => {
  // Chromium keeps a command-line extension enabled across reloads in developer mode only.
  const ext = await env.context.newPage();
  await ext.goto("chrome://extensions");
  await ext.evaluate(() => new Promise((r) => chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }, r)));
  await ext.close();

  const page = await openDemo(env);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && !/Failed to load resource/.test(m.text()) && errors.push(m.text()));
  await typeInto(page, "#post-box", PATIENT);
  assert.deepEqual((await overlays(page)).map((o) => o.badges), [["warn"]]);

  // Mark the old copy's overlay, so the wait below cannot mistake it for the new one's.
  await page.evaluate(() => { document.querySelector("[data-bedside-probe]").dataset.old = "1"; });
  const restarted = env.context.waitForEvent("serviceworker");
  await env.worker.evaluate(() => setTimeout(() => chrome.runtime.reload(), 50));
  env.worker = await restarted;
  // The old copy removed its overlay; the new one, injected by the worker, checked the
  // focused box at once: one overlay, a fresh count, the warning back.
  await page.waitForFunction(() => {
    const hosts = document.querySelectorAll("[data-bedside-probe]");
    return hosts.length === 1 && !hosts[0].dataset.old && document.documentElement.dataset.bedsideChecks === "1" &&
      hosts[0].shadowRoot.querySelector(".badge");
  }, null, { timeout: 10000 });
  await typeMore(page, " again", PATIENT.length + 6);
  assert.deepEqual(await overlays(page), [{ checks: 2, badges: ["warn"] }]);
  assert.equal(await page.inputValue("#post-box"), `${PATIENT} again`);
  // A box the old copy had never seen is found by the new one.
  await typeInto(page, "#comment-box", PATIENT);
  assert.equal((await drawn(page, "#comment-box")).highlighted.length > 0, true);
  assert.deepEqual(errors, [], "nothing thrown into the page");
  await page.close();
});

const REMOUNTS = {
  "detached and re-attached": (sel) => {
    const box = document.querySelector(sel);
    const parent = box.parentNode;
    const next = box.nextSibling;
    box.remove();
    return new Promise((r) => setTimeout(() => r(parent.insertBefore(box, next)), 50));
  },
  "replaced with a fresh copy": (sel) => {
    const box = document.querySelector(sel);
    const copy = box.cloneNode(true);
    if ("value" in box) copy.value = box.value;
    box.replaceWith(copy);
  },
};

for (const [how, remount] of Object.entries(REMOUNTS)) {
  for (const box of ["#post-box", "#comment-box"]) {
    test(`a compose box ${how} by the site (${box}) is picked up again and warns`, async () => {
      const page = await openDemo(env);
      await typeInto(page, box, PATIENT);
      assert.equal((await drawn(page, box)).verdict, "warn");
      await page.evaluate(remount, box);
      // Nothing is left over the old box.
      await page.waitForFunction(() => !document.querySelector("[data-bedside-probe]")?.shadowRoot.querySelector(".badge"));
      await page.click(box);
      await page.keyboard.press("End");
      await typeMore(page, "!", PATIENT.length + 1);
      const d = await drawn(page, box);
      assert.equal(d.verdict, "warn");
      if (box === "#comment-box") assert.ok(d.highlighted.length > 0, "the details are underlined again");
      await page.close();
    });
  }
}
