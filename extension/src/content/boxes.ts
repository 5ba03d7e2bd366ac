/**
 * Recognises compose boxes: textareas, text inputs, and contenteditable editing hosts
 * (which covers role="textbox" editors). Read-only, disabled, search, combobox and
 * opted-out fields are not boxes (see `eligible.ts`); neither is a role="textbox" that
 * is not editable (a canvas editor, say), whose text the script cannot read.
 */
import { eligible } from "./eligible";

/** A plain text field: its text is `value`, with no DOM ranges. */
export type Field = HTMLTextAreaElement | HTMLInputElement;
export type Box = { kind: "field"; el: Field } | { kind: "editable"; el: HTMLElement };

function isField(el: Element): el is Field {
  if (el.tagName === "TEXTAREA") return true;
  return el.tagName === "INPUT" && (el as HTMLInputElement).type === "text";
}

/** The compose box that `target` (an event's innermost target) belongs to, if any. */
export function composeBox(target: EventTarget | null | undefined): Box | null {
  if (!target || !(target as Node).nodeType) return null;
  const node = target as Node;
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!el) return null;
  if (isField(el)) return el.readOnly || el.disabled || !eligible(el) ? null : { kind: "field", el };
  const html = el as HTMLElement;
  if (!html.isContentEditable) return null;
  // Walk up to the editing host: the outermost contenteditable ancestor.
  let host = html;
  while (host.parentElement && host.parentElement.isContentEditable) host = host.parentElement;
  return eligible(host) ? { kind: "editable", el: host } : null;
}

/** The focused element, looking inside open shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}
