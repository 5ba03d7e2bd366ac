/**
 * Instagram (www.instagram.com). Direct messages (/direct/t/…) use Meta's messaging client:
 * a grid labelled "Messages in conversation with …", `[role=row]` messages, own bubbles on
 * the right — read as for Messenger. A comment box under a post (`textarea` labelled
 * "Add a comment…") replies to the post's caption: in the 2025 markup the first `h1` of
 * the post's `article` or dialog; in the 2026 post page (no article, dialog or `h1`, all
 * in `main`) the last text of the block holding the one `time[datetime]` that is not a
 * comment's (comments' times link to `/c/<id>/`).
 */
import type { Adapter } from "./adapter";
import { closestUp, firstText, onSites, textOf } from "./dom";
import { metaThread } from "./messenger";

/** How far up from the caption's time its block may be. */
const CAPTION_DEPTH = 4;

/** The caption of a 2026 post page around `box`, or "". */
function caption2026(box: Element): string {
  const main = closestUp(box, "main, [role=main]");
  if (!main) return "";
  const times = [...main.querySelectorAll("time[datetime]")].filter((t) => !t.closest('a[href*="/c/"]'));
  if (times.length !== 1) return "";
  const time = times[0]!;
  let block = time.parentElement;
  for (let i = 0; block && block !== main && i < CAPTION_DEPTH; i++, block = block.parentElement) {
    const spans = [...block.querySelectorAll("span")].filter((s) => !s.closest("a") && !s.contains(time) && textOf(s).trim());
    const last = spans.at(-1);
    if (last) return textOf(last).trim();
  }
  return "";
}

export const instagram: Adapter = {
  name: "instagram",
  // The DM inbox's search, in the thread list.
  notCompose: 'input[name="searchInput"], [role="navigation"][aria-label="Thread list"] input',
  matches: (url) => onSites(url, "instagram"),
  findContext(box) {
    const dm = metaThread(box);
    if (dm.length) return dm;
    const post = closestUp(box, "article, [role=dialog]");
    const caption = post ? firstText(post, "h1") : "";
    return caption || caption2026(box);
  },
};
