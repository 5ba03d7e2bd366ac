/**
 * X / Twitter (x.com, twitter.com). Direct messages: the conversation
 * (`[data-testid=DmActivityContainer]`, `DmActivityViewport`, `DMDrawer`) holds
 * `[data-testid=messageEntry]` items whose text is `[data-testid=tweetText]` on a bubble;
 * the other person's bubbles sit on the left, the user's own on the right; a DM replies
 * to the conversation's last few messages, each marked theirs or the user's. Replies to a
 * post (`[data-testid^=tweetTextarea_]`, in the reply dialog or under the focal post)
 * reply to the last `article[data-testid=tweet]` before the box: its `tweetText`.
 * Emoji are `<img alt>`.
 */
import type { Context } from "../protocol";
import type { Adapter } from "./adapter";
import { bySide, closestUp, lastBefore, onSites, textOf, threadOf } from "./dom";

const DM = '[data-testid="DmActivityContainer"], [data-testid="DmActivityViewport"], [data-testid="DMDrawer"], [data-testid="DmScrollerContainer"]';
const ENTRY_TEXT = '[data-testid="messageEntry"] [data-testid="tweetText"]';
const TWEET = 'article[data-testid="tweet"]';

/** A DM conversation's last few messages before `box`: bubbles on the left are the
 * other person's, on the right the user's own (notices in the middle are neither). */
function dm(box: Element): Context {
  const thread = closestUp(box, DM) ?? threadOf(box, ENTRY_TEXT);
  return thread ? bySide(thread, ENTRY_TEXT, box) : "";
}

function reply(box: Element): string {
  const scope = closestUp(box, "[role=dialog]") ?? threadOf(box, TWEET);
  if (!scope) return "";
  const tweet = lastBefore(scope, TWEET, box);
  return textOf(tweet?.querySelector('[data-testid="tweetText"]'));
}

export const x: Adapter = {
  name: "x",
  matches: (url) => onSites(url, "x"),
  findContext(box) {
    return box.closest('[data-testid^="dmComposer"]') || closestUp(box, DM) ? dm(box) : reply(box);
  },
};
