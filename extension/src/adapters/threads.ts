/**
 * Threads (www.threads.net, www.threads.com). Posts are `[data-pressable-container=true]`
 * blocks; the reply composer (a `[role=textbox]` contenteditable, in a `[role=dialog]` or
 * under the post on its page) replies to the last such block before it. A block's body is
 * its `[dir=auto]` spans outside links and buttons (the author's name and the time are links).
 */
import type { Adapter } from "./adapter";
import { closestUp, lastBefore, onSites, textsOf, threadOf } from "./dom";

const POST = '[data-pressable-container="true"]';

function body(post: Element): string {
  const spans = [...post.querySelectorAll("[dir=auto]")].filter((s) => !s.closest("a, [role=link], [role=button], time, h1, h2, h3"));
  return textsOf(spans);
}

export const threads: Adapter = {
  name: "threads",
  matches: (url) => onSites(url, "threads"),
  findContext(box) {
    const scope = closestUp(box, "[role=dialog]") ?? threadOf(box, POST);
    if (!scope) return "";
    const post = lastBefore(scope, POST, box, (p) => body(p) !== "");
    return post ? body(post) : "";
  },
};
