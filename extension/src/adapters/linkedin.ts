/**
 * LinkedIn (www.linkedin.com). Messaging, full page and overlay bubbles alike: each event
 * is an `li.msg-s-message-list__event` holding a `.msg-s-event-listitem`, with the
 * modifier `msg-s-event-listitem--other` when the other person sent it; its text is in
 * `.msg-s-event-listitem__body`. The compose box is `.msg-form__contenteditable`; it
 * replies to the conversation's last few messages, each marked theirs or the user's.
 * Comments: a reply box inside a comment (`article.comments-comment-entity` or
 * `.comments-comment-item`) replies to that comment's `.comments-comment-item__main-content`;
 * a box under a post replies to the post's text (`.update-components-text`).
 */
import type { Context, ThreadMessage } from "../protocol";
import type { Adapter } from "./adapter";
import { closestUp, conversation, firstText, onSites, precedes, textOf, threadOf } from "./dom";

const COMMENT = "article.comments-comment-entity, .comments-comment-item, article.comments-comment-item";
const COMMENT_TEXT = ".comments-comment-item__main-content, .comments-comment-entity__content, .update-components-text";
const POST = ".feed-shared-update-v2, [data-urn^='urn:li:activity'], [data-id^='urn:li:activity']";
const POST_TEXT = ".feed-shared-update-v2__description .update-components-text, .update-components-text, .feed-shared-text";

/** The conversation's last few messages before `box`, each the other person's or the
 * user's own. */
function message(box: Element): Context {
  // The form sits beside the event list: the thread is the nearest ancestor holding both.
  const thread = threadOf(box, ".msg-s-event-listitem");
  if (!thread) return "";
  const messages: ThreadMessage[] = [...thread.querySelectorAll(".msg-s-event-listitem")]
    .filter((el) => precedes(el, box))
    .map((el) => ({
      from: el.matches(".msg-s-event-listitem--other") ? ("them" as const) : ("me" as const),
      text: textOf(el.querySelector(".msg-s-event-listitem__body")),
    }));
  return conversation(messages);
}

function comment(box: Element): string {
  const c = closestUp(box, COMMENT);
  if (c) return firstText(c, COMMENT_TEXT);
  const post = closestUp(box, POST);
  return post ? firstText(post, POST_TEXT) : "";
}

export const linkedin: Adapter = {
  name: "linkedin",
  matches: (url) => onSites(url, "linkedin"),
  findContext(box) {
    if (box.closest(".msg-form, .msg-form__contenteditable") || box.matches(".msg-form__contenteditable")) return message(box);
    return comment(box);
  },
};
