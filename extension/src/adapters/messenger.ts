/**
 * Messenger (www.messenger.com, and facebook.com's /messages and chat popups; Instagram's
 * DMs run the same client). The conversation is a grid labelled "Messages in conversation
 * with …" whose messages are `[role=row]`s. Direction comes from the rows' visually
 * hidden headings (h3 in 2022, h4 in 2025): each run of messages starts with one saying
 * "You sent" for the user's own, else the sender's name; follow-up rows have none and
 * belong to the run above; a date separator (`data-scope="date_break"`) ends a run. Only
 * where no heading says (a run cut off above) does geometry decide: own bubbles sit on
 * the right. Message text is in `[dir=auto]` elements — those drawn on a bubble, where
 * the page's style shows bubbles (names, times and read receipts are not on one); in
 * 2025 the bubbles' colours come from an external stylesheet, so any text of the row.
 */
import type { Adapter } from "./adapter";
import { before, inBubble, onDomain, side, textOf, threadOf } from "./dom";

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
 * those on a bubble when the page draws bubbles. */
function rowText(row: Element, grid: Element): { text: string; first: Element | null } {
  const heading = row.querySelector(HEADING);
  const texts = [...row.querySelectorAll("[dir=auto]")].filter((t) => !heading?.contains(t) && !t.closest("a, [role=link], [role=button]"));
  const bubbled = texts.filter((t) => inBubble(t, grid));
  const chosen = bubbled.length ? bubbled : texts;
  const top = chosen.filter((t) => !chosen.some((o) => o !== t && o.contains(t)));
  return { text: top.map(textOf).join("\n").trim(), first: top[0] ?? null };
}

/** The text of the last incoming message before `box` in a Meta DM thread, or "". */
export function lastIncomingRow(box: Element): string {
  const scope = threadOf(box, GRID);
  if (!scope) return "";
  const grid = before(scope, GRID, box).next().value;
  if (!grid) return "";
  const direction = rowsWithDirection(grid);
  for (const row of before(grid, "[role=row]", box)) {
    const dir = direction.get(row);
    if (dir === undefined || dir === "own") continue;
    const { text, first } = rowText(row, grid);
    if (!text || !first) continue;
    // No heading to go by: the other person's messages sit on the left.
    if (dir === null && side(first, grid) !== "left") continue;
    return text;
  }
  return "";
}

export const messenger: Adapter = {
  name: "messenger",
  matches: (url) => onDomain(url, "messenger.com", "facebook.com"),
  findContext: lastIncomingRow,
};
