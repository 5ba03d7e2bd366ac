/**
 * Messenger (www.messenger.com, and facebook.com's /messages and chat popups; Instagram's
 * DMs run the same client). The conversation is a grid labelled "Messages in conversation
 * with …" whose messages are `[role=row]`s; the context is the thread's last few
 * messages, each marked the other person's or the user's own. Direction comes from the rows' visually
 * hidden headings (h3 in 2022, h4 in 2025): each run of messages starts with one saying
 * "You sent" for the user's own, else the sender's name; follow-up rows have none and
 * belong to the run above; a date separator (`data-scope="date_break"`) ends a run. Only
 * where no heading says (a run cut off above) does geometry decide: own bubbles sit on
 * the right. Message text is in `[dir=auto]` elements — those drawn on a bubble, where
 * the page's style shows bubbles (names, times and read receipts are not on one); in
 * 2025 the bubbles' colours come from an external stylesheet, so any text of the row.
 */
import type { Context, ThreadMessage } from "../protocol";
import type { Adapter } from "./adapter";
import { before, conversation, inBubble, onSites, outermost, precedes, side, textOf, threadOf } from "./dom";

const GRID = '[aria-label^="Messages in conversation"], [aria-label^="Messages in chat"], [role=grid][aria-label*="onversation"]';
/** What Meta's row headings say for the user's own messages. */
const OWN = /^(you sent|you replied|you:)/i;
const HEADING = "h1, h2, h3, h4, h5, h6";
const DATE_BREAK = '[data-scope="date_break"]';

type Direction = "own" | "theirs" | null;

/** Each innermost row of `grid` with the direction its run's heading gives (null: no
 * heading above it since the last date separator). */
function rowsWithDirection(grid: Element): Map<Element, Direction> {
  const out = new Map<Element, Direction>();
  let run: Direction = null;
  for (const row of grid.querySelectorAll("[role=row]")) {
    if (row.querySelector("[role=row]")) continue; // only innermost rows
    if (row.matches(DATE_BREAK) || row.querySelector(DATE_BREAK)) {
      run = null;
      continue;
    }
    const said = row.querySelector(HEADING)?.textContent?.trim();
    if (said) run = OWN.test(said) ? "own" : "theirs";
    out.set(row, run);
  }
  return out;
}

/** The message text of `row`: its `[dir=auto]` texts outside the heading and controls,
 * those on a bubble when the page draws bubbles (`bubbled`). */
function rowText(row: Element, grid: Element): { text: string; first: Element | null; bubbled: boolean } {
  const heading = row.querySelector(HEADING);
  const texts = [...row.querySelectorAll("[dir=auto]")].filter((t) => !heading?.contains(t) && !t.closest("a, [role=link], [role=button]"));
  const bubbled = texts.filter((t) => inBubble(t, grid));
  const chosen = bubbled.length ? bubbled : texts;
  const top = outermost(chosen);
  return { text: top.map(textOf).join("\n").trim(), first: top[0] ?? null, bubbled: bubbled.length > 0 };
}

/** The messages before `box` in a Meta DM thread, oldest first, each the other
 * person's or the user's own (the last few, bounded: `conversation`), or "". */
export function metaThread(box: Element): Context {
  const scope = threadOf(box, GRID);
  if (!scope) return "";
  const grid = before(scope, GRID, box).next().value;
  if (!grid) return "";
  const rows = [...rowsWithDirection(grid)].filter(([row]) => precedes(row, box)).map(([row, dir]) => ({ dir, ...rowText(row, grid) }));
  // Where the page draws bubbles, a row with no text on one (a date line, a notice) is
  // no message.
  const drawn = rows.some((r) => r.bubbled);
  const messages: ThreadMessage[] = [];
  for (const { dir, text, first, bubbled } of rows) {
    if (!text || !first || (drawn && !bubbled)) continue;
    // No heading to go by: the other person's messages sit on the left, the user's on
    // the right; a row in the middle (a notice) is neither.
    const at = dir ?? { left: "theirs", right: "own" }[side(first, grid) as string];
    if (at) messages.push({ from: at === "own" ? "me" : "them", text });
  }
  return conversation(messages);
}

export const messenger: Adapter = {
  name: "messenger",
  matches: (url) => onSites(url, "messenger", "facebook"),
  findContext: metaThread,
};
