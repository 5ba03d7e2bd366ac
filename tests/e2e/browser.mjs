// Shared e2e helpers: Chromium with the real unpacked extension, the fixtures served over
// http, and page probes that read what Bedside drew without touching the page. The
// probes need the test build (dist/probe-chromium: an open overlay marked
// `data-bedside-probe`, counters on the root element; scripts/lib/probe.mjs); tests of
// what a page can see start the shipped build with `start({ shipped: true })`.
import { join } from "node:path";
import { EXTENSION_DIR, launch } from "../../scripts/lib/chromium.mjs";
import { PROBE_DIRS } from "../../scripts/lib/probe.mjs";
import { ROOT } from "../../scripts/lib/run.mjs";
import { serve } from "../../scripts/lib/serve.mjs";

export { EXTENSION_ID } from "../../scripts/lib/chromium.mjs";

/** Starts the fixture server and the browser with the test build (`shipped`: the build
 * users get; `args`: more Chromium switches); `close()` stops both. */
export async function start({ shipped = false, args = [] } = {}) {
  const server = await serve(join(ROOT, "tests", "fixtures"));
  const browser = await launch({ dir: shipped ? EXTENSION_DIR : PROBE_DIRS.chromium, args });
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
  return page.evaluate(() => Number(document.documentElement.dataset.bedsideChecks ?? 0));
}

/** Waits until Bedside has drawn a result, after the first `after`, for a draft of `length`. */
export async function waitForCheck(page, after, length) {
  await page.waitForFunction(([n, len]) => {
    const d = document.documentElement.dataset;
    return Number(d.bedsideChecks ?? 0) > n && Number(d.bedsideCheckedLength) === len;
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
    const root = document.querySelector("[data-bedside-probe]")?.shadowRoot;
    const badges = [...(root?.querySelectorAll(".badge") ?? [])];
    // The badge for this box is the one whose layer sits over it.
    const r = box.getBoundingClientRect();
    const badge = badges.find((b) => {
      const l = b.parentElement.getBoundingClientRect();
      return Math.abs(l.left - r.left) < 1 && Math.abs(l.top - r.top) < 1;
    });
    const marks = badge ? [...badge.parentElement.querySelectorAll(".mark")] : [];
    // An editor's underlined spans: its marks (one per line a span covers), by span.
    const highlighted = [];
    if (!("value" in box)) {
      const seen = new Set();
      for (const m of marks) {
        const key = `${m.dataset.start}:${m.dataset.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        highlighted.push({ name: `bedside-${m.dataset.verdict}`, text: m.dataset.text });
      }
    }
    return {
      verdict: badge?.dataset.verdict ?? null,
      kinds: badge?.dataset.kinds ?? null,
      label: badge?.textContent ?? null,
      // Warnings are announced by the overlay's one polite status region.
      role: badge ? (root.querySelector(".announce")?.getAttribute("role") ?? null) : null,
      marks: ("value" in box ? marks : []).map((m) => ({ w: m.getBoundingClientRect().width, h: m.getBoundingClientRect().height })),
      highlighted,
      value: box.value ?? box.textContent,
      focused: document.activeElement === box,
    };
  }, selector);
}
