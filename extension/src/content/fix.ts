/**
 * Applies an edit through the editor's own input path, so the site's editor model stays
 * true and the editor's (or the browser's) undo takes it back. The span is selected in
 * the box; then, in a contenteditable, cancelable `beforeinput`s (with a DataTransfer and
 * the span as target range) are offered in turn — `insertReplacementText`, then
 * `insertText` (`deleteContent`, then `deleteContentBackward`, for a removal) — until the
 * box holds the edited text: editors that take input from beforeinput (Slate, Lexical,
 * in-house ones that know only some types) apply it to their model and cancel it, and
 * Chromium's `execCommand` fires none for them. If nobody took it (and in fields),
 * `execCommand('insertText')` changes the text like typing and fires `input`, which
 * editors that watch the DOM (ProseMirror, Quill, Draft.js) and the browser's own undo
 * follow; a field whose `execCommand` is refused gets the text with `setRangeText` and an
 * `input` event. The result is read again a frame later — an editor whose model did not
 * take the edit draws its old text back — and only then reported. Editors whose undo
 * would not see the fix as a step are told before and after (`undo.ts`). Afterwards the
 * caret is put where the user left it, shifted by the edit.
 */
import type { Box } from "./boxes";
import { select, type Caret } from "./caret";
import { caretAfter, type Edit } from "./redact";
import { checkpoint } from "./undo";
import { readEditable } from "./textmap";

/** How long to wait for the editor to notice the new selection before typing over it. */
const SELECTION_SETTLE_MS = 100;

function textOf(box: Box): string {
  return box.kind === "field" ? box.el.value : readEditable(box.el).text;
}

/** Resolves after the document reports a selection change (or a short while). */
function selectionSettled(doc: Document): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      doc.removeEventListener("selectionchange", done);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, SELECTION_SETTLE_MS);
    doc.addEventListener("selectionchange", done);
  });
}

/** Dispatches the edit as a beforeinput of `inputType`; whether an editor (or, for a
 * field, we) took it. */
function offerBeforeInput(box: Box, replacement: string, inputType = "insertReplacementText"): boolean {
  const doc = box.el.ownerDocument;
  const dataTransfer = new DataTransfer();
  dataTransfer.setData("text/plain", replacement);
  const sel = doc.getSelection();
  const targetRanges = sel && sel.rangeCount ? [new StaticRange(sel.getRangeAt(0))] : [];
  const ev = new InputEvent("beforeinput", {
    inputType, data: inputType.startsWith("delete") ? null : replacement, dataTransfer, targetRanges,
    bubbles: true, cancelable: true, composed: true,
  });
  box.el.dispatchEvent(ev);
  if (!ev.defaultPrevented && box.kind === "field") {
    // Nobody handled it: a plain field can still take the edit, announced as input.
    const { selectionStart: s, selectionEnd: e } = box.el;
    box.el.setRangeText(replacement, s ?? 0, e ?? 0, "end");
    box.el.dispatchEvent(new InputEvent("input", { inputType: "insertReplacementText", data: replacement, bubbles: true, composed: true }));
    return true;
  }
  return ev.defaultPrevented;
}

/** One task later: editors (React, Lexical) commit their DOM in a microtask or task. */
const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));
/** After the next frame: an editor that redraws from its model has done so. */
const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** The beforeinput types offered in turn, for a replacement or a removal. */
const REPLACE_TYPES = ["insertReplacementText", "insertText"];
const DELETE_TYPES = ["deleteContent", "deleteContentBackward"];

/**
 * Replaces `edit`'s span of the box's text with its replacement. `caret` is where the user
 * left the caret. Resolves to whether the box now holds the edited text.
 */
export async function applyEdit(box: Box, edit: Edit, caret: Caret | null): Promise<boolean> {
  const before = textOf(box);
  if (edit.start < 0 || edit.end > before.length || edit.start > edit.end) return false;
  const want = before.slice(0, edit.start) + edit.replacement + before.slice(edit.end);
  const doc = box.el.ownerDocument;
  const span = { start: edit.start, end: edit.end };
  box.el.focus({ preventScroll: true });
  if (!select(box, span)) return false;
  if (box.kind === "editable") {
    checkpoint(box.el);
    await selectionSettled(doc);
    // Editors that take their input from beforeinput (Slate, Lexical) apply it to their
    // model and cancel it; Chromium's execCommand would not fire one for them. An editor
    // may cancel a type it does not know and do nothing: then the next type is offered.
    for (const type of edit.replacement ? REPLACE_TYPES : DELETE_TYPES) {
      if (offerBeforeInput(box, edit.replacement, type)) await nextTask();
      if (textOf(box) !== before) break;
      select(box, span);
    }
  }
  if (textOf(box) === before) {
    const ok = edit.replacement
      ? doc.execCommand("insertText", false, edit.replacement)
      : doc.execCommand("delete", false);
    if (!ok && box.kind === "field") offerBeforeInput(box, edit.replacement);
    if (box.kind === "editable") await nextTask();
  }
  // An editor whose model did not take the edit draws its old text back by now.
  if (box.kind === "editable" && textOf(box) === want) {
    checkpoint(box.el);
    await nextFrame();
  }
  const after = textOf(box);
  const at = caret ?? { start: before.length, end: before.length };
  select(box, { start: caretAfter(at.start, edit), end: caretAfter(at.end, edit) });
  return after === want;
}
