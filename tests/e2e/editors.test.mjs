// Every kind of compose box social sites use, with the real editor libraries: typing a
// warn draft key by key underlines the right words and shows the badge without taking
// focus; a harmless draft shows nothing; redacting one detail from the card goes through
// the editor's own input path (its document, read through its API, is what the user
// should have, and the caret stays where the user left it); Ctrl+Z takes it back.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  badgePoint, caretOf, cardPoint, clickAt, HARMLESS, openFixture, PATIENT, probe, scopeOf,
  startEditors, typeDraft, waitForCaret, waitForDocument,
} from "./editors-lib.mjs";

/** fixture page, the box's selector (through shadow roots), the iframe it is in, if any. */
export const CASES = [
  { name: "textarea", box: "#box", field: true },
  { name: "lexical", box: "#box" },
  { name: "draft", box: ".public-DraftEditor-content" },
  { name: "prosemirror", box: ".ProseMirror" },
  { name: "quill", box: ".ql-editor" },
  { name: "slate", box: "[data-slate-editor]" },
  { name: "csp", box: "#box" },
  { name: "csp", box: "#area", field: true },
  { name: "shadow", box: "#box" },
  { name: "shadow", box: "#area", field: true },
  { name: "iframe", frame: "srcdoc", box: "#box" },
  { name: "iframe", frame: "same", box: "#box", field: true },
  { name: "iframe", frame: "blank", box: "#box" },
  { name: "body", box: "body" },
  { name: "codemirror", box: ".cm-content" },
  { name: "tinymce", frame: "box_ifr", box: "#tinymce" },
  { name: "ckeditor", box: ".ck-editor__editable" },
];

/** How far from the end the user moves the caret before opening the card. */
const BACK = 10;

let env;
before(async () => {
  env = await startEditors();
});
after(() => env?.close());

for (const c of CASES) {
  const label = `${c.name}${c.frame ? ` (iframe ${c.frame})` : ""} ${c.box}`;
  describe(label, () => {
    test("a warn draft is underlined on the right words and badged; focus stays", async () => {
      const page = await openFixture(env, c.name);
      const scope = await scopeOf(page, c.frame);
      await typeDraft(scope, c.box, PATIENT, page);
      await waitForDocument(scope, c.box, PATIENT);
      // The status region speaks a moment after it is put into the page (so it is heard).
      await scope.waitForFunction(() => document.querySelector("[data-bedside-probe]")?.shadowRoot?.querySelector(".announce")?.textContent,
        null, { timeout: 2000 }).catch(() => {});
      const d = await probe(scope, c.box);
      assert.equal(d.verdict, "warn");
      assert.equal(d.button, "BUTTON", "the badge is a button");
      assert.match(d.announced, /may identify a patient/, "announced politely");
      const words = c.field ? d.marks.map((m) => m.text) : d.highlighted;
      for (const w of ["84yo", "Hexham", "dementia"]) {
        assert.ok(words.some((t) => t === w), `"${w}" is underlined (got ${JSON.stringify(words)})`);
      }
      assert.ok(words.every((t) => PATIENT.includes(t)), "every underline covers typed text");
      if (c.field) assert.ok(d.marks.every((m) => m.inside && m.w > 0), "marks sit inside the box");
      assert.ok(d.focused, "focus stays in the box");
      assert.equal(d.cardOpen, false, "the card does not open by itself");
      assert.deepEqual(await caretOf(scope, c.box), [PATIENT.length, PATIENT.length], "the caret is at the end");
      await page.close();
    });

    test("a harmless draft shows nothing", async () => {
      const page = await openFixture(env, c.name);
      const scope = await scopeOf(page, c.frame);
      await typeDraft(scope, c.box, HARMLESS, page);
      await waitForDocument(scope, c.box, HARMLESS);
      const d = await probe(scope, c.box);
      assert.equal(d.badges, 0, "no badge");
      assert.deepEqual(d.highlighted, [], "no highlights");
      assert.deepEqual(d.marks, [], "no marks");
      await page.close();
    });

    test("redacting a detail goes through the editor, keeps the caret, and undoes", async () => {
      const page = await openFixture(env, c.name);
      const scope = await scopeOf(page, c.frame);
      await typeDraft(scope, c.box, PATIENT, page);
      for (let i = 0; i < BACK; i++) await page.keyboard.press("ArrowLeft");
      const caret = PATIENT.length - BACK;
      assert.deepEqual(await caretOf(scope, c.box), [caret, caret]);

      await clickAt(page, scope, await badgePoint(scope, c.box));
      await scope.waitForFunction(() => document.querySelector("[data-bedside-probe]")?.shadowRoot.querySelector(".card:popover-open"));
      await clickAt(page, scope, await cardPoint(scope, "redact", "Hexham"));
      const redacted = PATIENT.replace("Hexham", "[place]");
      await waitForDocument(scope, c.box, redacted);
      const shift = "[place]".length - "Hexham".length;
      await waitForCaret(scope, c.box, [caret + shift, caret + shift]);
      assert.ok((await probe(scope, c.box)).focused, "focus is back in the box");

      await page.keyboard.press("Control+z");
      await waitForDocument(scope, c.box, PATIENT);
      await page.close();
    });
  });
}
