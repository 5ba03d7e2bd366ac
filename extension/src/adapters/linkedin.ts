/**
 * LinkedIn (www.linkedin.com). Messaging, full page and overlay bubbles alike: each event
 * is an `li.msg-s-message-list__event` holding a `.msg-s-event-listitem`, with the
 * modifier `msg-s-event-listitem--other` when the other person sent it; its text is in
 * `.msg-s-event-listitem__body`. The compose box is `.msg-form__contenteditable`.
 * Comments: a reply box inside a comment (`article.comments-comment-entity` or
 * `.comments-comment-item`) replies to that comment's `.comments-comment-item__main-content`;
 * a box under a post replies to the post's text (`.update-components-text`).
 */
import type { Adapter } from "./adapter";
import { closestUp, firstText, lastBefore, onDomain, textOf, threadOf } from "./dom";

const COMMENT = "article.comments-comment-entity, .comments-comment-item, article.comments-comment-item";
const COMMENT_TEXT = ".comments-comment-item__main-content, .comments-comment-entity__content, .update-components-text";
const POST = ".feed-shared-update-v2, [data-urn^='urn:li:activity'], [data-id^='urn:li:activity']";
const POST_TEXT = ".feed-shared-update-v2__description .update-components-text, .update-components-text, .feed-shared-text";

function message(box: Element): string {
  // The form sits beside the event list: the thread is the nearest ancestor holding both.
  const thread = threadOf(box, ".msg-s-event-listitem");
  if (!thread) return "";
  const other = lastBefore(thread, ".msg-s-event-listitem--other", box, (el) => textOf(el.querySelector(".msg-s-event-listitem__body")) !== "");
  return textOf(other?.querySelector(".msg-s-event-listitem__body"));
}

function comment(box: Element): string {
  const c = closestUp(box, COMMENT);
  if (c) return firstText(c, COMMENT_TEXT);
  const post = closestUp(box, POST);
  return post ? firstText(post, POST_TEXT) : "";
}

export const linkedin: Adapter = {
  name: "linkedin",
  matches: (url) => onDomain(url, "linkedin.com"),
  findContext(box) {
    if (box.closest(".msg-form, .msg-form__contenteditable") || box.matches(".msg-form__contenteditable")) return message(box);
    return comment(box);
  },
};
