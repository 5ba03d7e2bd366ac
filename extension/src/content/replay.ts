/**
 * Re-sending a send the gate held while its draft was checked (block mode): the site sees
 * the same Enter, click or submission again, as a script's event, and where nothing of
 * the site's took the Enter, Bedside does what the browser would have done with it (a
 * field submits its form; a text area or editor gets its new line), so no keystroke is
 * lost.
 */

/** The Enter keydown `e` again, on the element it was aimed at; `newline` is told when
 * nothing of the site's took it (in that box Enter makes a new line, not a send). */
export function replayEnter(e: KeyboardEvent, newline: () => void): () => void {
  const target = e.composedPath()[0];
  const init = {
    key: e.key, code: e.code, location: e.location, repeat: false,
    ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, shiftKey: e.shiftKey,
    bubbles: true, cancelable: true, composed: true,
    // Legacy fields many sites still test (`e.keyCode === 13`).
    keyCode: 13, which: 13, charCode: 0,
  } as KeyboardEventInit;
  return () => {
    if (!(target instanceof Element) || !target.isConnected) return;
    if (!target.dispatchEvent(new KeyboardEvent("keydown", init))) return;
    if (!target.dispatchEvent(new KeyboardEvent("keypress", { ...init, charCode: 13 } as KeyboardEventInit))) return;
    newline();
    enterDefault(target);
  };
}

/** What the browser does with an Enter nobody prevented. */
function enterDefault(target: Element): void {
  if (target instanceof HTMLInputElement) {
    target.form?.requestSubmit();
  } else if (target instanceof HTMLTextAreaElement || (target as HTMLElement).isContentEditable) {
    const doc = target.ownerDocument;
    if (doc.activeElement !== target && !target.contains(doc.activeElement)) return;
    // execCommand keeps the edit on the box's undo stack and fires the usual input events;
    // an editor that makes its own paragraphs (from `beforeinput`) is asked first.
    if (target instanceof HTMLTextAreaElement) return void doc.execCommand("insertText", false, "\n");
    const asked = new InputEvent("beforeinput", { inputType: "insertParagraph", bubbles: true, cancelable: true, composed: true });
    if (target.dispatchEvent(asked)) doc.execCommand("insertParagraph");
  }
}

/** The click on `button` again. */
export function replayClick(button: Element): () => void {
  return () => {
    if (button.isConnected) (button as HTMLElement).click();
  };
}

/** The submission of `form` again (by the same submit button, if one was used). */
export function replaySubmit(form: HTMLFormElement, submitter: HTMLElement | null): () => void {
  return () => {
    if (form.isConnected) form.requestSubmit(submitter?.isConnected && submitter.matches("[type=submit]") ? submitter : undefined);
  };
}
