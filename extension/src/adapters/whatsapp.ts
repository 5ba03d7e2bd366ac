/**
 * WhatsApp Web (web.whatsapp.com). The open chat is `#main`; each message row holds a
 * `.message-in` (from the other person) or `.message-out` (the user's own) container,
 * and the row's `data-id` starts `false_` for incoming and `true_` for outgoing. The text
 * is in `.copyable-text[data-pre-plain-text] .selectable-text` (a quoted message inside a
 * bubble is in `.quoted-mention`, which is not what is replied to). Emoji are `<img alt>`.
 * The context is the chat's last few messages, each marked incoming or the user's own.
 */
import type { ThreadMessage } from "../protocol";
import type { Adapter } from "./adapter";
import { closestUp, conversation, onSites, outermost, precedes, textOf } from "./dom";

const INCOMING = '.message-in, [data-id^="false_"]';
const OUTGOING = '.message-out, [data-id^="true_"]';

function body(msg: Element): string {
  const texts = [...msg.querySelectorAll(".selectable-text")].filter((t) => !t.closest(".quoted-mention, [aria-label='Quoted message']"));
  const main = texts.find((t) => t.closest("[data-pre-plain-text]")) ?? texts[0];
  return textOf(main);
}

export const whatsapp: Adapter = {
  name: "whatsapp",
  matches: (url) => onSites(url, "whatsapp"),
  // The chat-list search: a second Lexical editor, in the side pane.
  notCompose: '#side [contenteditable="true"], [contenteditable="true"][data-tab="3"]',
  findContext(box) {
    const chat = closestUp(box, "#main") ?? closestUp(box, '[data-testid="conversation-panel-wrapper"]');
    if (!chat) return "";
    // The outermost message containers before the box, in order. One that is both (an
    // incoming row holding an outgoing container) is not trusted either way.
    const all = [...chat.querySelectorAll(`${INCOMING}, ${OUTGOING}`)].filter((el) => precedes(el, box));
    const messages: ThreadMessage[] = [];
    for (const el of outermost(all)) {
      const incoming = el.matches(INCOMING) || !!el.querySelector(INCOMING);
      const outgoing = el.matches(OUTGOING) || !!el.querySelector(OUTGOING);
      if (incoming === outgoing) continue;
      const text = body(el);
      if (text) messages.push({ from: incoming ? "them" : "me", text });
    }
    return conversation(messages);
  },
};
