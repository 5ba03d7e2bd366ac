// The card by keyboard and its actions: Alt+Shift+B opens it with focus inside, Escape
// brings focus back to the editor with the caret where it was; "why?" shows the rules;
// "redact all" is one undo step; "dismiss" hides the warning for this draft only.
// And the boxes Bedside must leave alone (search, comboboxes, opt-outs, an editor it
// cannot read) get nothing.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { checks, waitForCheck } from "./browser.mjs";
import {
  badgePoint, caretOf, cardPoint, clickAt, openFixture, PATIENT, probe, scopeOf, startEditors, typeDraft, waitForCaret, waitForDocument,
} from "./editors-lib.mjs";

let env;
before(async () => {
  env = await startEditors();
});
after(() => env?.close());

const card = (page) => page.evaluate(() => {
  const c = document.querySelector("[data-bedside-probe]")?.shadowRoot.querySelector(".card");
  return { open: !!c?.matches(":popover-open"), rules: c?.querySelector(".rules")?.hidden === false ? c.querySelector(".rules").textContent : null };
});

for (const [name, box] of [["textarea", "#box"], ["lexical", "#box"], ["prosemirror", ".ProseMirror"]]) {
  test(`${name}: Alt+Shift+B opens the card with focus; Escape returns focus and caret`, async () => {
    const page = await openFixture(env, name);
    await typeDraft(page, box, PATIENT);
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowLeft");
    const at = PATIENT.length - 5;
    await page.keyboard.press("Alt+Shift+B");
    await page.waitForFunction(() => document.querySelector("[data-bedside-probe]")?.shadowRoot.querySelector(".card:popover-open"));
    const d = await probe(page, box);
    assert.ok(d.cardFocused, "focus is in the card");
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => !document.querySelector("[data-bedside-probe]")?.shadowRoot.querySelector(".card:popover-open"));
    assert.ok((await probe(page, box)).focused, "focus is back in the editor");
    await waitForCaret(page, box, [at, at]);
    await page.keyboard.type("!");
    await waitForDocument(page, box, `${PATIENT.slice(0, at)}!${PATIENT.slice(at)}`);
    await page.close();
  });
}

test("why? shows the rules; redact all is one undo step", async () => {
  const page = await openFixture(env, "lexical");
  await typeDraft(page, "#box", PATIENT);
  await page.keyboard.press("Alt+Shift+B");
  await page.waitForFunction(() => document.querySelector("[data-bedside-probe]")?.shadowRoot.querySelector(".card:popover-open"));
  assert.equal((await card(page)).rules, null, "the rules start folded");
  await clickAt(page, page, await cardPoint(page, "why"));
  assert.match((await card(page)).rules, /GMC/, "the cited rules are shown");
  await clickAt(page, page, await cardPoint(page, "redact-all"));
  await page.waitForFunction(() => !/Hexham|84yo|dementia|headteacher/.test(window.readEditor()));
  const redacted = await page.evaluate(() => window.readEditor());
  assert.ok(!/bed 4|today/.test(redacted), `every detail is gone: ${redacted}`);
  await page.keyboard.press("Control+z");
  await waitForDocument(page, "#box", PATIENT);
  await page.close();
});

test("dismiss hides the warning for this draft, and a new draft warns again", async () => {
  const page = await openFixture(env, "textarea");
  await typeDraft(page, "#box", PATIENT);
  await page.keyboard.press("Alt+Shift+B");
  await page.waitForFunction(() => document.querySelector("[data-bedside-probe]")?.shadowRoot.querySelector(".card:popover-open"));
  await clickAt(page, page, await cardPoint(page, "dismiss"));
  await page.waitForFunction(() => !document.querySelector("[data-bedside-probe]")?.shadowRoot.querySelector(".badge"));
  assert.equal((await card(page)).open, false);
  assert.ok((await probe(page, "#box")).focused, "focus is back in the box");
  await page.keyboard.type(" again");
  const n = await checks(page);
  await waitForCheck(page, n, PATIENT.length + 6).catch(() => {});
  assert.equal((await probe(page, "#box")).badges, 0, "still dismissed while the draft goes on");
  await page.fill("#box", "");
  await typeDraft(page, "#box", PATIENT);
  assert.equal((await probe(page, "#box")).verdict, "warn", "a new draft warns again");
  await page.close();
});

test("search boxes, comboboxes, opted-out boxes and an unreadable editor are left alone", async () => {
  const page = await openFixture(env, "skip");
  for (const id of ["search", "searchbox", "combo", "auto", "listed", "gramm", "grammarly", "off", "canvas"]) {
    await page.click(`#${id}`);
    await page.keyboard.type(PATIENT);
  }
  // The control box is checked after all the others: once it is badged, they had their turn.
  await typeDraft(page, "#control", PATIENT);
  const badges = await page.evaluate(() => document.querySelector("[data-bedside-probe]")?.shadowRoot.querySelectorAll(".badge").length);
  assert.equal(badges, 1, "only the control box is badged");
  assert.equal((await probe(page, "#control")).verdict, "warn");
  assert.equal(await page.evaluate(() => CSS.highlights.size), 0, "nothing is highlighted");
  assert.deepEqual(await caretOf(page, "#control"), [PATIENT.length, PATIENT.length]);
  await page.close();
});

test("tinymce: in its 243 px editing frame the card fits, every action in view", async () => {
  const page = await openFixture(env, "tinymce");
  const frame = await scopeOf(page, "box_ifr");
  await typeDraft(frame, "#tinymce", PATIENT, page);
  await clickAt(page, frame, await badgePoint(frame, "#tinymce"));
  await frame.waitForFunction(() => document.querySelector("[data-bedside-probe]")?.shadowRoot.querySelector(".card:popover-open"));
  const view = await frame.evaluate(() => {
    const root = document.querySelector("[data-bedside-probe]").shadowRoot;
    const c = root.querySelector(".card");
    const r = c.getBoundingClientRect();
    // Each of the card's own actions: inside the frame's viewport, and what is drawn
    // at its centre (not covered, not scrolled away).
    const actions = [...c.querySelectorAll(".actions > button")].map((b) => {
      const br = b.getBoundingClientRect();
      const hit = root.elementFromPoint(br.left + br.width / 2, br.top + br.height / 2);
      return { cls: b.className, inView: br.top >= 0 && br.bottom <= innerHeight && br.left >= 0 && br.right <= innerWidth, hit: hit === b || b.contains(hit) };
    });
    return { top: r.top, bottom: r.bottom, height: innerHeight, actions };
  });
  assert.ok(view.actions.length >= 3, JSON.stringify(view));
  for (const a of view.actions) assert.ok(a.inView && a.hit, `${a.cls} is in view: ${JSON.stringify(view)}`);
  assert.ok(view.top >= 0 && view.bottom <= view.height, `the card fits the frame: ${JSON.stringify(view)}`);
  await page.close();
});
