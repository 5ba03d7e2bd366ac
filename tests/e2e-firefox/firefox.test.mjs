// Firefox ESR with the Firefox build (dist/firefox) installed as a temporary add-on, over
// WebDriver BiDi: it loads as an MV3 event page under its gecko id, its core answers, a
// warn-worthy draft is badged in a textarea and highlighted in a contenteditable, and
// managed settings from an enterprise policies.json reach chrome.storage.managed. One
// Firefox for all of it, started with the policy in force.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { FIREFOX, firefoxVersion, launch, namespaceProblem } from "../../scripts/lib/firefox.mjs";
import { ROOT } from "../../scripts/lib/run.mjs";
import { serve } from "../../scripts/lib/serve.mjs";
import { FIREFOX_MIN, GECKO_ID } from "../../scripts/lib/targets.mjs";

const PATIENT = "My patient in bed 4 today, 84yo retired headteacher from Hexham with dementia";
const HARMLESS = "Be patient with yourself, growth takes time";
const REPLY = "Aw thanks! Would love to grab a coffee sometime";
/** What an organisation pushes to the add-on (policies.json → "3rdparty" → its id). */
const MANAGED = { mode: "warn", jurisdiction: "uk", dictionaries: { wards: ["Ward 9", "Kielder Ward"] }, sites: { "127.0.0.1": true } };

const missing = existsSync(FIREFOX) ? null : `${FIREFOX} is not installed (setup installs it with apt-get where it can)`;
const noNamespace = missing ? null : namespaceProblem();

let env;
let server;
before(async () => {
  if (missing) return;
  server = await serve(join(ROOT, "tests", "fixtures"));
  env = await launch({
    policies: noNamespace ? null : { "3rdparty": { Extensions: { [GECKO_ID]: MANAGED } } },
  });
});
after(async () => {
  await env?.close();
  await server?.close();
});

/** Opens the demo page in a new tab. */
async function openDemo() {
  const page = await env.browser.newPage();
  await page.goto(`${server.url}demo.html`);
  return page;
}

/** Results Bedside has drawn on the page so far (its overlay host counts them). */
function checks(page) {
  return page.evaluate(() => Number(document.documentElement.dataset.bedsideChecks ?? 0));
}

/** Types `text` key by key into `selector` and waits until Bedside has drawn its result
 * for the whole draft. */
async function typeInto(page, selector, text) {
  const before = await checks(page);
  await page.click(selector);
  await page.keyboard.type(text);
  await page.waitForFunction((n, len) => {
    const d = document.documentElement.dataset;
    return Number(d.bedsideChecks ?? 0) > n && Number(d.bedsideCheckedLength) === len;
  }, { timeout: 15000 }, before, text.length);
}

/** What Bedside shows for the box: its badge (in the overlay's open shadow root, laid over
 * the box), underline marks, and the CSS highlight ranges inside the box. */
function drawn(page, selector) {
  return page.evaluate((sel) => {
    const box = document.querySelector(sel);
    const root = document.querySelector("[data-bedside-probe]")?.shadowRoot;
    const r = box.getBoundingClientRect();
    const badge = [...(root?.querySelectorAll(".badge") ?? [])].find((b) => {
      const l = b.parentElement.getBoundingClientRect();
      return Math.abs(l.left - r.left) < 1 && Math.abs(l.top - r.top) < 1;
    });
    const marks = badge ? [...badge.parentElement.querySelectorAll(".mark")] : [];
    // An editor's underlined spans: its marks (one per line a span covers), by span.
    const highlighted = [];
    if (!("value" in box)) {
      const seen = new Set();
      for (const m of marks) {
        const key = `${m.dataset.start}:${m.dataset.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        highlighted.push({ name: `bedside-${m.dataset.verdict}`, text: m.dataset.text });
      }
    }
    return {
      verdict: badge?.dataset.verdict ?? null,
      kinds: badge?.dataset.kinds ?? null,
      label: badge?.textContent ?? null,
      marks: ("value" in box ? marks : []).map((m) => ({ w: m.getBoundingClientRect().width, h: m.getBoundingClientRect().height })),
      highlighted,
      value: box.value ?? box.textContent,
      focused: document.activeElement === box,
    };
  }, selector);
}

const skip = missing ? { skip: missing } : {};

test("Firefox loads the build as an MV3 event page under its gecko id", skip, async () => {
  const version = firefoxVersion();
  assert.ok(parseFloat(version) >= parseFloat(FIREFOX_MIN), `Firefox ${version} is at least strict_min_version ${FIREFOX_MIN}`);
  assert.equal(env.extensionId, GECKO_ID);
  const page = await env.openHook();
  const m = await page.evaluate(() => chrome.runtime.getManifest());
  assert.equal(m.manifest_version, 3);
  // (Firefox reports the scripts as full moz-extension: URLs.)
  assert.deepEqual(m.background.scripts.map((s) => new URL(s, "moz-extension://x/").pathname), ["/background.js"]);
  assert.equal(m.background.type, "module");
  // (Firefox reports absent optional keys as null.)
  assert.equal(m.background.service_worker ?? null, null);
  assert.equal(m.key ?? null, null);
  assert.equal(m.browser_specific_settings.gecko.id, GECKO_ID);
  assert.match(m.content_security_policy.extension_pages, /'wasm-unsafe-eval'/);
  assert.deepEqual(m.permissions, ["storage"]);
  // The background's wasm core answers on the "bedside" Port, as content scripts use it:
  // the rules' early report, then the final one (the rules and the scorer).
  const report = await page.evaluate((text) => new Promise((resolve, reject) => {
    const port = chrome.runtime.connect({ name: "bedside" });
    port.onMessage.addListener((reply) => (reply.error ? reject(new Error(reply.error)) : reply.final && resolve(reply.report)));
    port.postMessage({ id: 1, text, context: "" });
  }), PATIENT);
  assert.equal(report.verdict, "warn");
  assert.ok(report.kinds.includes("patient"));
  await page.close();
});

test("a patient-identifying post in a textarea is badged and underlined", skip, async () => {
  const page = await openDemo();
  await typeInto(page, "#post-box", PATIENT);
  const d = await drawn(page, "#post-box");
  assert.equal(d.value, PATIENT, "the textarea holds exactly what was typed");
  assert.equal(d.verdict, "warn");
  assert.match(d.kinds, /patient/);
  assert.match(d.label, /may identify a patient/);
  assert.ok(d.marks.length >= 2 && d.marks.every((m) => m.w > 0 && m.h > 0), `underline marks drawn (got ${JSON.stringify(d.marks)})`);
  assert.ok(d.focused, "focus stays in the box");
  await page.close();
});

test("a patient-identifying comment in a contenteditable is badged and highlighted", skip, async () => {
  const page = await openDemo();
  await typeInto(page, "#comment-box", PATIENT);
  const d = await drawn(page, "#comment-box");
  assert.equal(d.value, PATIENT, "the editor holds exactly what was typed");
  assert.equal(d.verdict, "warn");
  assert.match(d.kinds, /patient/);
  const words = d.highlighted.map((h) => h.text);
  for (const w of ["84yo", "Hexham"]) {
    assert.ok(words.some((t) => t.includes(w)), `"${w}" is highlighted (got ${JSON.stringify(words)})`);
  }
  assert.equal(await page.$eval("#comment-box", (e) => e.children.length), 0, "the editor's DOM is untouched");
  assert.ok(d.focused, "focus stays in the box");
  await page.close();
});

test("a reply to a patient's personal approach in a DM is badged as an approach", skip, async () => {
  const page = await openDemo();
  await typeInto(page, "#dm-box", REPLY);
  const d = await drawn(page, "#dm-box");
  assert.equal(d.value, REPLY);
  assert.equal(d.verdict, "warn");
  assert.match(d.kinds, /approach/);
  await page.close();
});

test("a harmless draft shows nothing", skip, async () => {
  const page = await openDemo();
  await typeInto(page, "#post-box", HARMLESS);
  const d = await drawn(page, "#post-box");
  assert.equal(d.value, HARMLESS);
  assert.equal(d.verdict, null, "no badge");
  await page.close();
});

test("managed settings from a policies.json reach chrome.storage.managed", missing ? skip : noNamespace ? { skip: `no private mount namespace for a temporary policies.json: ${noNamespace}` } : {}, async () => {
  const page = await env.openHook();
  assert.deepEqual(await page.evaluate(() => chrome.storage.managed.get()), MANAGED);
  assert.deepEqual(await page.evaluate(() => chrome.storage.managed.get("mode")), { mode: "warn" });
  // Read-only for the add-on, as Chromium's managed storage is.
  await assert.rejects(page.evaluate(() => chrome.storage.managed.set({ mode: "audit" })));
  await page.close();
});
