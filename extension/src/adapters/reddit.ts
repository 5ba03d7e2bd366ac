/**
 * Reddit (www.reddit.com, old.reddit.com). New Reddit: a reply composer opens inside the
 * `shreddit-comment` it answers, whose own text is its `[slot=comment]` child; a composer
 * outside any comment replies to the `shreddit-post` (`[slot=title]` and `[slot=text-body]`).
 * Old Reddit: the reply `form.usertext` (a `textarea`) sits in the `.child` of the
 * `.thing.comment` it answers (text: `.entry .usertext-body .md`); the top-level form
 * replies to the link post (`.thing.link`: `a.title` and its self-text).
 */
import type { Adapter } from "./adapter";
import { closestUp, onSites, textOf } from "./dom";

function shreddit(box: Element): string {
  const comment = closestUp(box, "shreddit-comment");
  if (comment) {
    const own = [...comment.querySelectorAll("[slot=comment]")].find((c) => closestUp(c, "shreddit-comment") === comment);
    return textOf(own);
  }
  const post = document.querySelector("shreddit-post");
  if (!post) return "";
  const title = textOf(post.querySelector("[slot=title]")) || (post.getAttribute("post-title") ?? "");
  return [title, textOf(post.querySelector("[slot=text-body]"))].filter(Boolean).join("\n");
}

function old(box: Element): string {
  const comment = closestUp(box, ".thing.comment");
  if (comment) return textOf(comment.querySelector(":scope > .entry .usertext-body .md"));
  const link = document.querySelector(".thing.link");
  if (!link) return "";
  return [textOf(link.querySelector("a.title")), textOf(link.querySelector(".entry .usertext-body .md"))].filter(Boolean).join("\n");
}

export const reddit: Adapter = {
  name: "reddit",
  matches: (url) => onSites(url, "reddit"),
  findContext(box) {
    return document.querySelector("shreddit-app, shreddit-post, shreddit-comment") ? shreddit(box) : old(box);
  },
};
