/**
 * Bluesky (bsky.app). The post composer (`[data-testid=composerTextInput]`, a ProseMirror
 * editor) shows the post being replied to above it, in an element labelled "Expand or
 * collapse the full post you are replying to": its last `[dir=auto]` text is the post.
 * Chat (/messages/…) is React Native Web with no test ids on messages: the box is a
 * `textarea`, each message's text a `[dir=auto]` element on a bubble, the other person's
 * bubbles on the left of the list and the user's own on the right; a chat box replies to
 * the conversation's last few messages, each marked theirs or the user's.
 */
import type { Context } from "../protocol";
import type { Adapter } from "./adapter";
import { bySide, closestUp, lastOnLeft, onSites, textOf } from "./dom";

const REPLYING_TO = '[aria-label*="you are replying to" i]';

function replyingTo(box: Element): string {
  const scope = closestUp(box, '[role=dialog], [aria-modal="true"]') ?? document;
  const post = scope.querySelector(REPLYING_TO);
  if (!post) return "";
  const texts = post.querySelectorAll("[dir=auto]");
  return textOf(texts[texts.length - 1] ?? post);
}

/** The chat's last few messages before `box`, each the other person's (on the left) or
 * the user's own (on the right). */
function chat(box: Element): Context {
  // The thread is the nearest ancestor that holds messages on the left before the box.
  let el = box.parentElement;
  for (let i = 0; el && i < 14 && el !== document.body; i++, el = el.parentElement) {
    if (lastOnLeft(el, "[dir=auto]", box)) return bySide(el, "[dir=auto]", box);
  }
  return "";
}

export const bluesky: Adapter = {
  name: "bluesky",
  matches: (url) => onSites(url, "bluesky"),
  findContext(box) {
    return replyingTo(box) || (box.tagName === "TEXTAREA" ? chat(box) : "");
  },
};
