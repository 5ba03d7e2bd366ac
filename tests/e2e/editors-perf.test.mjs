// Speed in real editors: typing 2,000 characters key by key (a check and a drawing after
// every 200) produces no long task (> 50 ms) that the content script's work is part of,
// measured with a PerformanceObserver in the page (all long tasks are reported; on a
// loaded machine the editor's own work alone can pass 50 ms). The content script's time
// per keystroke (its `bedside:*` User Timing measures; the page clock's resolution is
// 100 µs, so medians are mostly 0 and the mean is the useful number) is reported, not
// asserted. A 1 MiB paste keeps the page responsive (timers
// keep firing) and still gets a badge for the warn draft at the caret.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { checks, waitForCheck } from "./browser.mjs";
import { openFixture, PATIENT, probe, startEditors } from "./editors-lib.mjs";

const EDITORS = [
  { name: "textarea", box: "#box" },
  { name: "lexical", box: "#box" },
  { name: "draft", box: ".public-DraftEditor-content" },
  { name: "prosemirror", box: ".ProseMirror" },
  { name: "quill", box: ".ql-editor" },
  { name: "slate", box: "[data-slate-editor]" },
];
const CHARS = 2000;
const CHUNK = 200;
/** Timers must fire at least this often while a 1 MiB paste is checked. */
const MAX_TIMER_GAP_MS = 250;

let env;
before(async () => {
  env = await startEditors();
});
after(() => env?.close());

function median(xs) {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const fmt = (ms) => `${(ms * 1000).toFixed(0)} µs`;

for (const e of EDITORS) {
  test(`typing ${CHARS} characters into ${e.name}: no long task`, async (t) => {
    const page = await openFixture(env, e.name);
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((x) => [x.startTime, x.duration]))).observe({ type: "longtask" });
      performance.clearMeasures();
    });
    let text = "";
    while (text.length < CHARS) text += `${PATIENT}. `;
    text = text.slice(0, CHARS);
    await page.locator(e.box).click();
    for (let i = 0; i < CHARS; i += CHUNK) {
      const n = await checks(page);
      await page.keyboard.type(text.slice(i, i + CHUNK));
      await waitForCheck(page, n, i + CHUNK);
    }
    assert.equal((await probe(page, e.box)).verdict, "warn");
    const m = await page.evaluate(() => {
      const of = (name) => performance.getEntriesByName(`bedside:${name}`).map((x) => x.duration);
      // A long task is the script's if any of its own measures ran inside it.
      const ours = performance.getEntriesByType("measure").filter((x) => x.name.startsWith("bedside:"));
      const mine = window.__long.filter(([s, d]) => ours.some((x) => x.startTime >= s && x.startTime < s + d));
      return { input: of("input"), mutation: of("mutation"), check: of("check"), draw: of("draw"), long: window.__long.map(([, d]) => d), mine: mine.map(([, d]) => d) };
    });
    const perKey = (m.input.reduce((a, b) => a + b, 0) + m.mutation.reduce((a, b) => a + b, 0)) / CHARS;
    t.diagnostic(`${e.name}: per keystroke (mean) ${fmt(perKey)} (input median ${fmt(median(m.input))} ×${m.input.length}, ` +
      `mutation median ${fmt(median(m.mutation))} ×${m.mutation.length}); check median ${fmt(median(m.check))}, ` +
      `max ${fmt(Math.max(0, ...m.check))}; draw median ${fmt(median(m.draw))}, max ${fmt(Math.max(0, ...m.draw))}; ` +
      `long tasks: ${m.long.length ? m.long.map((d) => d.toFixed(0)).join(", ") + " ms" : "none"}, ` +
      `with the content script's work in them: ${m.mine.length ? m.mine.map((d) => d.toFixed(0)).join(", ") + " ms" : "none"}`);
    assert.ok(m.input.length + m.mutation.length >= CHARS, "the content script measured every keystroke");
    assert.deepEqual(m.mine, [], "no long task with the content script's work in it");
    await page.close();
  });
}

for (const [name, box] of [["textarea", "#box"], ["csp", "#box"]]) {
  test(`a 1 MiB paste into ${name} ${box} keeps the page responsive and still warns`, async (t) => {
    const page = await openFixture(env, name);
    const filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(Math.ceil((1 << 20) / 57)).slice(0, 1 << 20);
    const text = `${filler} ${PATIENT}`;
    await page.locator(box).click();
    const n = await checks(page);
    await page.keyboard.insertText(text);
    const gaps = await page.evaluate(async () => {
      const seen = () => document.querySelector("[data-bedside-probe]")?.shadowRoot?.querySelector(".badge");
      const gaps = [];
      let last = performance.now();
      const t0 = last;
      while (!seen() && last - t0 < 10000) {
        await new Promise((r) => setTimeout(r, 0));
        const now = performance.now();
        gaps.push(now - last);
        last = now;
      }
      return { max: Math.max(0, ...gaps), took: last - t0 };
    });
    await waitForCheck(page, n, text.length);
    t.diagnostic(`${name}: longest timer gap ${gaps.max.toFixed(0)} ms; badge after ${gaps.took.toFixed(0)} ms`);
    assert.equal((await probe(page, box)).verdict, "warn", "the warn draft at the caret is badged");
    assert.ok(gaps.max < MAX_TIMER_GAP_MS, `timers kept firing (longest gap ${gaps.max.toFixed(0)} ms)`);
    await page.close();
  });
}
