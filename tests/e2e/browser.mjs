// Shared e2e helpers: Chromium with the real unpacked extension, the fixtures served over
// http, and page probes that read what Bedside drew (its overlay's open shadow root and
// the document's CSS highlights) without touching the page.
import { join } from "node:path";
import { launch } from "../../scripts/lib/chromium.mjs";
import { ROOT } from "../../scripts/lib/run.mjs";
import { serve } from "../../scripts/lib/serve.mjs";

export { EXTENSION_ID } from "../../scripts/lib/chromium.mjs";

/** Starts the fixture server and the browser; `close()` stops both. */
export async function start() {
  const server = await serve(join(ROOT, "tests", "fixtures"));
  const browser = await launch();
  return {
    ...browser,
    url: server.url,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Opens the demo page in a new tab. */
export async function openDemo(env) {
  const page = await env.context.newPage();
  await page.goto(`${env.url}demo.html`);
  return page;
}

/** How many results Bedside has drawn on the page so far. */
export function checks(page) {
  return page.evaluate(() => Number(document.querySelector("bedside-overlay")?.dataset.checks ?? 0));
}

/** Waits until Bedside has drawn a result, after the first `after`, for a draft of `length`. */
export async function waitForCheck(page, after, length) {
  await page.waitForFunction(([n, len]) => {
    const host = document.querySelector("bedside-overlay");
    return Number(host?.dataset.checks ?? 0) > n && Number(host?.dataset.checkedLength) === len;
  }, [after, length], { timeout: 10000 });
}

/** Types `text` into the box `selector` like a person (click, then key by key), and waits
 * until Bedside has drawn its result for the whole draft. */
export async function typeInto(page, selector, text) {
  const before = await checks(page);
  await page.click(selector);
  await page.locator(selector).pressSequentially(text);
  await waitForCheck(page, before, text.length);
}

/** Everything Bedside shows for the box `selector`: badge, overlay marks, highlight ranges. */
export function drawn(page, selector) {
  return page.evaluate((sel) => {
    const box = document.querySelector(sel);
    const root = document.querySelector("bedside-overlay")?.shadowRoot;
    const badges = [...(root?.querySelectorAll(".badge") ?? [])];
    // The badge for this box is the one whose layer sits over it.
    const r = box.getBoundingClientRect();
    const badge = badges.find((b) => {
      const l = b.parentElement.getBoundingClientRect();
      return Math.abs(l.left - r.left) < 1 && Math.abs(l.top - r.top) < 1;
    });
    const marks = badge ? [...badge.parentElement.querySelectorAll(".mark")] : [];
    const highlighted = [];
    for (const name of ["bedside-warn", "bedside-caution"]) {
      for (const range of CSS.highlights.get(name) ?? []) {
        if (box.contains(range.startContainer)) highlighted.push({ name, text: range.toString() });
      }
    }
    return {
      verdict: badge?.dataset.verdict ?? null,
      kinds: badge?.dataset.kinds ?? null,
      label: badge?.textContent ?? null,
      // Warnings are announced by the overlay's one polite status region.
      role: badge ? (root.querySelector(".announce")?.getAttribute("role") ?? null) : null,
      marks: marks.map((m) => ({ w: m.getBoundingClientRect().width, h: m.getBoundingClientRect().height })),
      highlighted,
      value: box.value ?? box.textContent,
      focused: document.activeElement === box,
    };
  }, selector);
}
