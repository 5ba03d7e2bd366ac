/**
 * YouTube (www.youtube.com, m.youtube.com). Comment boxes are `#contenteditable-root`
 * inside `ytd-commentbox`. A reply box opens inside the comment it answers
 * (`ytd-comment-view-model`, formerly `ytd-comment-renderer`, in a
 * `ytd-comment-thread-renderer`): that comment's `#content-text`. The top-level box
 * replies to the video (its title, `ytd-watch-metadata h1`) or community post.
 */
import type { Adapter } from "./adapter";
import { closestUp, firstText, onSites, textOf } from "./dom";

const COMMENT = "ytd-comment-view-model, ytd-comment-renderer";

export const youtube: Adapter = {
  name: "youtube",
  matches: (url) => onSites(url, "youtube"),
  findContext(box) {
    const comment = closestUp(box, COMMENT);
    if (comment) return textOf(comment.querySelector("#content-text"));
    const post = closestUp(box, "ytd-backstage-post-thread-renderer, ytd-post-renderer");
    if (post) return firstText(post, "#content-text");
    return firstText(document, "ytd-watch-metadata #title h1, ytd-watch-metadata h1, h1.title");
  },
};
