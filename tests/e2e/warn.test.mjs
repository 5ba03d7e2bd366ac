// Typing a warn-worthy draft into each kind of compose box shows the underline and the
// badge, and leaves what was typed exactly as typed.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { drawn, openDemo, start, typeInto } from "./browser.mjs";

const PATIENT = "My patient in bed 4 today, 84yo retired headteacher from Hexham with dementia";
const REPLY = "Aw thanks! Would love to grab a coffee sometime";

let env;
before(async () => {
  env = await start();
});
after(() => env?.close());

test("a patient-identifying post in a textarea is underlined and badged", async () => {
  const page = await openDemo(env);
  await typeInto(page, "#post-box", PATIENT);
  const d = await drawn(page, "#post-box");
  assert.equal(d.value, PATIENT, "the textarea's value is exactly what was typed");
  assert.equal(d.verdict, "warn");
  assert.match(d.kinds, /patient/);
  assert.equal(d.role, "status");
  assert.match(d.label, /may identify a patient/);
  assert.ok(d.marks.length >= 2, `underline marks drawn over the textarea (got ${d.marks.length})`);
  assert.ok(d.marks.every((m) => m.w > 0 && m.h > 0), "marks have a size");
  assert.ok(d.focused, "focus stays in the box");
});

test("a patient-identifying comment in a contenteditable is highlighted over the right words", async () => {
  const page = await openDemo(env);
  await typeInto(page, "#comment-box", PATIENT);
  const d = await drawn(page, "#comment-box");
  assert.equal(d.value, PATIENT, "the editor's text is exactly what was typed");
  assert.equal(d.verdict, "warn");
  const words = d.highlighted.map((h) => h.text);
  assert.ok(d.highlighted.every((h) => h.name === "bedside-warn"));
  for (const w of ["84yo", "Hexham"]) {
    assert.ok(words.some((t) => t.includes(w)), `"${w}" is highlighted (got ${JSON.stringify(words)})`);
  }
  assert.ok(words.every((t) => PATIENT.includes(t)), "every highlight covers typed text");
  assert.equal(await page.$eval("#comment-box", (e) => e.children.length), 0, "the editor's DOM is untouched");
  assert.ok(d.focused, "focus stays in the box");
});

test("a reply to a patient's personal approach in a DM is badged as an approach", async () => {
  const page = await openDemo(env);
  await typeInto(page, "#dm-box", REPLY);
  const d = await drawn(page, "#dm-box");
  assert.equal(d.value, REPLY);
  assert.equal(d.verdict, "warn");
  assert.match(d.kinds, /approach/);
  assert.match(d.label, /personal approach/);
});
