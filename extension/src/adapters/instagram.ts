/**
 * Instagram (www.instagram.com). Direct messages (/direct/t/…) use Meta's messaging client:
 * a grid labelled "Messages in conversation with …", `[role=row]` messages, own bubbles on
 * the right — read as for Messenger. A comment box under a post (`textarea` labelled
 * "Add a comment…") replies to the post's caption, the first `h1` of the post's `article`.
 */
import type { Adapter } from "./adapter";
import { closestUp, firstText, onDomain } from "./dom";
import { lastIncomingRow } from "./messenger";

export const instagram: Adapter = {
  name: "instagram",
  // The DM inbox's search, in the thread list.
  notCompose: 'input[name="searchInput"], [role="navigation"][aria-label="Thread list"] input',
  matches: (url) => onDomain(url, "instagram.com"),
  findContext(box) {
    const dm = lastIncomingRow(box);
    if (dm) return dm;
    const post = closestUp(box, "article, [role=dialog]");
    return post ? firstText(post, "h1") : "";
  },
};
