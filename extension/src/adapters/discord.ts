/**
 * Discord (discord.com). The channel's messages are `li[id^="chat-messages-"]` in
 * `ol[data-list-id="chat-messages"]`; a message that starts a group has a header with
 * `[id^="message-username-"]` and an avatar whose URL holds the author's user id
 * (`/avatars/<id>/`); the messages after it, without a header, are by the same author.
 * The text is `[id^="message-content-"]`. The user's own id is in the avatar of the
 * account panel (`section[aria-label="User area"]`); failing that, in a DM the other
 * person's name is in the compose box's label, "Message @Name". The box replies to the
 * channel's last few messages, each marked someone else's or the user's own.
 */
import type { ThreadMessage } from "../protocol";
import type { Adapter } from "./adapter";
import { conversation, onSites, precedes, textOf, threadOf } from "./dom";

const ITEM = 'li[id^="chat-messages-"]';
const AVATAR_ID = /\/avatars\/(\d+)\//;
/** The preview of the message a reply answers, shown above the reply. */
const REPLY = '[id^="message-reply-context-"], [class*="repliedMessage"]';

function avatarId(scope: Element | null): string | null {
  for (const img of scope?.querySelectorAll("img") ?? []) {
    if (img.closest(REPLY)) continue;
    const m = AVATAR_ID.exec(img.getAttribute("src") ?? "");
    if (m) return m[1]!;
  }
  return null;
}

function contentOf(item: Element): string {
  // A reply shows the message it answers first (`[id^="message-reply-context-"]`): skip it.
  const own = [...item.querySelectorAll('[id^="message-content-"]')].filter((c) => !c.closest(REPLY));
  return textOf(own[own.length - 1]);
}

export const discord: Adapter = {
  name: "discord",
  matches: (url) => onSites(url, "discord"),
  findContext(box) {
    const thread = threadOf(box, ITEM);
    if (!thread) return "";
    const me = avatarId(document.querySelector('section[aria-label="User area"], [class*="panels"]'));
    const label = box.getAttribute("aria-label") ?? "";
    const them = /^Message @(.+)$/.exec(label)?.[1]?.trim() ?? null;
    if (!me && !them) return "";
    let id: string | null = null;
    let name = "";
    const messages: ThreadMessage[] = [];
    for (const item of thread.querySelectorAll(ITEM)) {
      if (!precedes(item, box)) break;
      const user = item.querySelector('[id^="message-username-"]');
      if (user) {
        name = (user.textContent ?? "").trim();
        id = avatarId(item.querySelector("h3")?.parentElement ?? item);
      }
      // By author id where both are known, else by the DM's other name; a group start
      // whose author cannot be told is left out.
      const incoming = me && id ? id !== me : them !== null && name ? name === them : null;
      const text = contentOf(item);
      if (incoming !== null && text) messages.push({ from: incoming ? "them" : "me", text });
    }
    return conversation(messages);
  },
};
