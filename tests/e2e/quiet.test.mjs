// A harmless draft shows nothing at all and is left exactly as typed. (The worker stopped
// mid-session is in faults.test.mjs.)
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { drawn, EXTENSION_ID, openDemo, start, typeInto } from "./browser.mjs";

const HARMLESS = "Be patient with yourself, growth takes time";

let env;
before(async () => {
  env = await start();
});
after(() => env?.close());

test("the extension loads with its fixed id and its core answers", async () => {
  assert.equal(env.extensionId, EXTENSION_ID);
  const manifest = await env.worker.evaluate(() => chrome.runtime.getManifest());
  assert.equal(manifest.manifest_version, 3);
  assert.match(manifest.content_security_policy.extension_pages, /'wasm-unsafe-eval'/);
  assert.deepEqual(manifest.permissions, ["storage", "scripting"]);
});

// (Not the DM box: any reply to a patient's personal approach warns, however harmless.)
for (const box of ["#post-box", "#comment-box"]) {
  test(`a harmless draft in ${box} shows nothing and is unchanged`, async () => {
    const page = await openDemo(env);
    await typeInto(page, box, HARMLESS);
    const d = await drawn(page, box);
    assert.equal(d.value, HARMLESS, "what was typed is exactly what the box holds");
    assert.equal(d.verdict, null, "no badge");
    assert.deepEqual(d.marks, [], "no marks");
    assert.deepEqual(d.highlighted, [], "no highlights");
    const badges = await page.evaluate(() => document.querySelector("[data-bedside-probe]")?.shadowRoot?.querySelectorAll(".badge").length ?? 0);
    assert.equal(badges, 0);
    assert.ok(d.focused, "focus stays in the box");
  });
}
