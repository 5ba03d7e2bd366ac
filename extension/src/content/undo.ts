/**
 * Undo checkpoints around a fix, for editors whose own undo manager would not see the
 * fix as a step of its own. TinyMCE records an undo level on an `input` of type
 * `insertReplacementText` (what a spellchecker's replacement fires), but not on the
 * `insertText` input that `execCommand` makes: without a checkpoint before and after,
 * Ctrl+Z after a redaction went back to the last level TinyMCE had — often the empty
 * draft. Only editors known to need it are told (their content body's marker class):
 * an extra input event is noise to the others.
 */

/** Content bodies whose editor takes an input event as an undo checkpoint. */
const CHECKPOINTED = ".mce-content-body";

/** Tells the box's editor to record its undo level now (before or after a fix). */
export function checkpoint(el: HTMLElement): void {
  if (!el.matches(CHECKPOINTED)) return;
  el.dispatchEvent(new InputEvent("input", { inputType: "insertReplacementText", bubbles: true, composed: true }));
}
