// Underlines sit under their words when the box is drawn bigger than its layout: CSS
// `zoom` on an ancestor or on the box, `transform: scale` on an ancestor, an editable
// under zoom. The truth is the browser's own: for a field, the caret positions just
// inside each mark's ends (caretPositionFromPoint) are its span's ends; for an editable,
// each mark covers its span's own client rectangle.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openFixture, PATIENT, startEditors, typeDraft } from "./editors-lib.mjs";

let env;
before(async () => {
  env = await startEditors();
});
after(() => env?.close());

/** For each mark over the box `id`: its span, and where the browser says its centre is. */
const marksOver = (page, id) => page.evaluate((sel) => {
  const box = document.getElementById(sel);
  const r = box.getBoundingClientRect();
  const root = document.querySelector("[data-bedside-probe]").shadowRoot;
  const marks = [...root.querySelectorAll(".mark")].filter((m) => {
    const b = m.getBoundingClientRect();
    return b.top >= r.top - 2 && b.bottom <= r.bottom + 2 && b.left >= r.left - 2 && b.right <= r.right + 2;
  });
  return marks.map((m) => {
    const b = m.getBoundingClientRect();
    const start = Number(m.dataset.start), end = Number(m.dataset.end);
    if ("value" in box) {
      // The caret positions nearest the mark's two ends, just inside them.
      const y = b.top + b.height / 2;
      const at = (x) => {
        const c = document.caretPositionFromPoint(x, y);
        return c?.offsetNode === box ? c.offset : -1;
      };
      return { start, end, from: at(b.left + 2), to: at(b.right - 2) };
    }
    // The span's own rectangles, from a range over the editable's text.
    const text = box.firstChild;
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, end);
    const want = [...range.getClientRects()];
    const off = Math.min(...want.map((w) => Math.abs(w.left - b.left) + Math.abs(w.bottom - b.bottom) + Math.abs(w.width - b.width)));
    return { start, end, off };
  });
}, id);

for (const [id, root] of [["ancestor-zoom"], ["own-zoom"], ["scaled"], ["scaled", "1.25"]]) {
  test(`a field under ${id}${root ? `, the page's root zoomed ${root}` : ""}: every mark lies over its own span`, async () => {
    const page = await openFixture(env, "zoom");
    // Zoom on the root element reaches Bedside's overlay too (it hangs from the root).
    if (root) await page.evaluate((z) => (document.documentElement.style.zoom = z), root);
    await typeDraft(page, `#${id}`, PATIENT);
    const marks = await marksOver(page, id);
    assert.ok(marks.length >= 2, `marks drawn over the box: ${JSON.stringify(marks)}`);
    for (const m of marks) {
      const word = PATIENT.slice(m.start, m.end);
      assert.ok(Math.abs(m.from - m.start) <= 1 && Math.abs(m.to - m.end) <= 1, `mark "${word}" [${m.start}, ${m.end}) lies over [${m.from}, ${m.to})`);
    }
    await page.close();
  });
}

test("an editable under zoom: every mark covers its span's rectangle", async () => {
  const page = await openFixture(env, "zoom");
  await typeDraft(page, "#zoomed-edit", PATIENT);
  const marks = await marksOver(page, "zoomed-edit");
  assert.ok(marks.length >= 2, JSON.stringify(marks));
  for (const m of marks) assert.ok(m.off < 3, `mark ${PATIENT.slice(m.start, m.end)} is ${m.off.toFixed(1)} px off`);
  await page.close();
});
