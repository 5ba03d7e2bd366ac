/**
 * Facebook (www.facebook.com, m. and web.). Comments are `[role=article]` elements
 * labelled "Comment by …" / "Reply by …"; their text is the `[dir=auto]` blocks outside
 * links and buttons (the author's name, the time, "Like" and "Reply" are links/buttons).
 * A reply box (`[role=textbox]` contenteditable labelled "Reply to Name", or any box in
 * the comment's list item) replies to the nearest comment before it, preferring one by
 * that Name; the top-level box ("Write a comment…") replies to the post, whose text is
 * `[data-ad-rendering-role=story_message]` / `[data-ad-comet-preview=message]` /
 * `[data-ad-preview=message]`, before the box. Where a post has none of those markers (an
 * auto-translated post, an aggregated birthday post's sub-posts, a photo page's caption),
 * a comment box in a form replies to the nearest text before it that is not a comment,
 * a link, a control or a heading — climbing from the box, so a sub-post's box finds its
 * own sub-post, and never the owner's own comment just above it; a translation is read
 * whole (its `blockquote`). A post's boundary is `[aria-posinset]`, a
 * `[data-pagelet^=FeedUnit]`, a `[role=dialog]`, `[role=main]` or a photo page's
 * `[role=complementary]`: never another post's comments.
 * Messenger conversations on facebook.com are read by the messenger adapter.
 */
import type { Adapter } from "./adapter";
import { closestUp, lastBefore, onSites, textOf, textsOf } from "./dom";

const POST = '[aria-posinset], [data-pagelet^="FeedUnit"], [role=dialog], [role=main], [role=complementary]';
/** What is never a post's message: comments, names and times (links), controls, headings. */
const NOT_MESSAGE = "[role=article], a, [role=link], [role=button], h1, h2, h3, h4, h5, h6";
/** Shorter texts near a box are names, counts and times, not a message. */
const MIN_MESSAGE = 12;
const POST_TEXT = '[data-ad-rendering-role="story_message"], [data-ad-comet-preview="message"], [data-ad-preview="message"]';
const COMMENT = "[role=article]";

/** A comment's own text (not its replies', not its author's name or actions). */
function body(comment: Element): string {
  const blocks = [...comment.querySelectorAll("[dir=auto]")].filter((b) =>
    b.closest(COMMENT) === comment && !b.closest("a, [role=link], [role=button], h1, h2, h3, h4, h5, h6"));
  return textsOf(blocks);
}

function isReplyBox(box: Element): boolean {
  const label = box.getAttribute("aria-label") ?? box.getAttribute("aria-placeholder") ?? "";
  if (/^reply\b/i.test(label)) return true;
  // Any language: a reply box sits in the list item of the comment it answers.
  const item = closestUp(box, "li, [role=listitem]");
  return !!item && lastBefore(item, COMMENT, box) !== null;
}

/** The top-level `[dir=auto]` blocks of `scope` that are message text, joined. */
function blocksOf(scope: Element): string {
  return textsOf([...scope.querySelectorAll("[dir=auto]")].filter((b) => !b.closest(NOT_MESSAGE)));
}

/** For a comment box in a form on a post without markers: the nearest message before
 * it, climbing from the box to the post's boundary `post`, or "". */
function unmarkedMessage(box: Element, post: Element): string {
  if (!closestUp(box, "form")) return "";
  const keep = (el: Element) => !el.closest(NOT_MESSAGE) && textOf(el).trim().length >= MIN_MESSAGE;
  for (let el = box.parentElement; el && el !== post.parentElement; el = el.parentElement) {
    const found = lastBefore(el, "[dir=auto]", box, keep);
    if (!found) continue;
    const quote = found.closest("blockquote");
    return quote && el.contains(quote) ? blocksOf(quote) : textOf(found).trim();
  }
  return "";
}

export const facebook: Adapter = {
  name: "facebook",
  matches: (url) => onSites(url, "facebook"),
  findContext(box) {
    const post = closestUp(box, POST);
    if (!post) return "";
    if (isReplyBox(box)) {
      const name = /^reply to (.+?)(?:…|\.\.\.)?$/i.exec(box.getAttribute("aria-label") ?? "")?.[1]?.trim();
      // The nearest comment before the box, climbing: the one whose list item holds the box.
      for (let el = box.parentElement; el && el !== post.parentElement; el = el.parentElement) {
        const byName = name ? lastBefore(el, COMMENT, box, (c) => (c.getAttribute("aria-label") ?? "").includes(name) && body(c) !== "") : null;
        const any = byName ?? lastBefore(el, COMMENT, box, (c) => body(c) !== "");
        if (any) return body(any);
      }
    }
    // The post's text comes before its comment box (a new-post composer has none).
    return textOf(lastBefore(post, POST_TEXT, box)) || unmarkedMessage(box, post);
  },
};
