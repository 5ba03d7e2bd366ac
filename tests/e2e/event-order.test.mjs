// Bedside never changes the order in which a page sees its own events: the browser runs
// microtasks after each listener of a user's event, so a listener of Bedside's that ran
// before the page's own would let the page's observers see a keystroke before its
// handlers had (the model editor fixture reverts every such keystroke). Bedside hears
// input after the page — and still checks a box whose input events the page stops.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openFixture, PATIENT, probe, startEditors, typeDraft } from "./editors-lib.mjs";

let env;
before(async () => {
  env = await startEditors();
});
after(() => env?.close());

const state = (page) => page.evaluate(() => ({ model: window.readEditor(), dom: document.querySelector("#box").textContent }));

test("an editor that renders from its own model keeps every keystroke, and is checked", async () => {
  const page = await openFixture(env, "model");
  await typeDraft(page, "#box", PATIENT);
  assert.deepEqual(await state(page), { model: PATIENT, dom: PATIENT }, "nothing typed was reverted");
  assert.equal((await probe(page, "#box")).verdict, "warn", "and the draft was checked");

  // The fixture does catch the fault: one empty capture-phase listener of the page's own
  // on the window, and the next keystrokes are lost.
  await page.evaluate(() => addEventListener("input", () => {}, { capture: true }));
  await page.keyboard.type(" more");
  assert.deepEqual(await state(page), { model: PATIENT, dom: PATIENT }, "a capture listener ahead of the box's reverts keystrokes");
  await page.close();
});

test("a box whose input events the page stops at the box is still checked", async () => {
  const page = await openFixture(env, "model");
  await typeDraft(page, "#quiet", PATIENT);
  assert.equal((await probe(page, "#quiet")).verdict, "warn");
  assert.equal(await page.inputValue("#quiet"), PATIENT);
  await page.close();
});
