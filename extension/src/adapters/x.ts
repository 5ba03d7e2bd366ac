/**
 * X / Twitter (x.com, twitter.com). Direct messages: the conversation
 * (`[data-testid=DmActivityContainer]`, `DmActivityViewport`, `DMDrawer`) holds
 * `[data-testid=messageEntry]` items whose text is `[data-testid=tweetText]` on a bubble;
 * the other person's bubbles sit on the left, the user's own on the right. Replies to a
 * post (`[data-testid^=tweetTextarea_]`, in the reply dialog or under the focal post)
 * reply to the last `article[data-testid=tweet]` before the box: its `tweetText`.
 * Emoji are `<img alt>`.
 */
import type { Adapter } from "./adapter";
import { closestUp, lastBefore, lastOnLeft, onDomain, textOf, threadOf } from "./dom";

const DM = '[data-testid="DmActivityContainer"], [data-testid="DmActivityViewport"], [data-testid="DMDrawer"], [data-testid="DmScrollerContainer"]';
const ENTRY_TEXT = '[data-testid="messageEntry"] [data-testid="tweetText"]';
const TWEET = 'article[data-testid="tweet"]';

function dm(box: Element): string {
  const thread = closestUp(box, DM) ?? threadOf(box, ENTRY_TEXT);
  if (!thread) return "";
  return textOf(lastOnLeft(thread, ENTRY_TEXT, box));
}

function reply(box: Element): string {
  const scope = closestUp(box, "[role=dialog]") ?? threadOf(box, TWEET);
  if (!scope) return "";
  const tweet = lastBefore(scope, TWEET, box);
  return textOf(tweet?.querySelector('[data-testid="tweetText"]'));
}

export const x: Adapter = {
  name: "x",
  matches: (url) => onDomain(url, "x.com", "twitter.com"),
  findContext(box) {
    return box.closest('[data-testid^="dmComposer"]') || closestUp(box, DM) ? dm(box) : reply(box);
  },
};
