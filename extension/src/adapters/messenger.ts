/**
 * Messenger (www.messenger.com, and facebook.com's /messages and chat popups; Instagram's
 * DMs run the same client). The conversation is a grid labelled "Messages in conversation
 * with …" whose messages are `[role=row]`s; a row's visually hidden heading says
 * "You sent" for the user's own messages, and own bubbles sit on the right of the grid
 * while the other person's sit on the left. Message text is in `[dir=auto]` elements drawn
 * on a bubble (which names, times and read receipts are not).
 */
import type { Adapter } from "./adapter";
import { before, inBubble, onDomain, side, textOf, threadOf } from "./dom";

const GRID = '[aria-label^="Messages in conversation"], [aria-label^="Messages in chat"], [role=grid][aria-label*="onversation"]';
/** What Meta's row headings say for the user's own messages. */
const OWN = /^(you sent|you replied|you:)/i;

/** The text of the last incoming message before `box` in a Meta DM thread, or "". */
export function lastIncomingRow(box: Element): string {
  const scope = threadOf(box, GRID);
  if (!scope) return "";
  const grid = before(scope, GRID, box).next().value;
  if (!grid) return "";
  for (const row of before(grid, '[role=row]', box)) {
    if (row.querySelector("[role=row]")) continue; // only innermost rows
    const heading = row.querySelector("h1, h2, h3, h4, h5, h6");
    const said = heading?.textContent?.trim() ?? "";
    if (OWN.test(said)) continue;
    const texts = [...row.querySelectorAll("[dir=auto]")].filter((t) => !heading?.contains(t) && !t.closest("a, [role=link], [role=button]") && inBubble(t, grid));
    const top = texts.filter((t) => !texts.some((o) => o !== t && o.contains(t)));
    if (!top.length) continue;
    if (!said && side(top[0]!, grid) !== "left") continue;
    const text = top.map(textOf).join("\n").trim();
    if (text) return text;
  }
  return "";
}

export const messenger: Adapter = {
  name: "messenger",
  matches: (url) => onDomain(url, "messenger.com", "facebook.com"),
  findContext: lastIncomingRow,
};
