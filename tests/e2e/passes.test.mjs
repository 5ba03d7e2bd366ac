// The two passes: the worker answers a check with the rules' report at once and then
// with the report of the rules and the learned scorer, and the content script draws the
// first before the second lands. The draft is chosen from the corpus at run time with the
// built wasm core in Node (a short draft the rules give "caution" and the scorer raises
// to "warn"), so the test follows the committed weights instead of a hard-coded line.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, test } from "node:test";
import { ROOT } from "../../scripts/lib/run.mjs";
import { openDemo, start, waitForCheck, checks } from "./browser.mjs";
import { openExtensionPage } from "./pages.mjs";

const GLUE = join(ROOT, "target", "wasm-glue");
const MODEL = join(ROOT, "dist", "chromium", "model");

/** A draft without context whose rules pass says caution and whose full check says warn. */
async function raisedDraft() {
  const core = await import(pathToFileURL(join(GLUE, "bedside.js")).href);
  core.initSync({ module: readFileSync(join(GLUE, "bedside_bg.wasm")) });
  const c = new core.Checker(undefined);
  c.useScorer(new core.Scorer(readFileSync(join(MODEL, "static.bin")), readFileSync(join(MODEL, "head.bin"))));
  const lines = readFileSync(join(ROOT, "corpus", "corpus.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
  for (const r of lines) {
    if (r.context || r.text.length > 160 || r.text.includes("\n")) continue;
    const rules = c.checkRules(r.text, "");
    const full = c.check(r.text, "");
    if (rules.verdict === "caution" && full.verdict === "warn") return { text: r.text, rules, full };
  }
  return null;
}

let env;
let draft;
before(async () => {
  draft = await raisedDraft();
  env = await start();
});
after(() => env?.close());

test("the worker answers with the rules' report first, then the scorer's, on one request", async () => {
  assert.ok(draft, "the corpus has a draft the scorer raises from caution to warn");
  const page = await openExtensionPage(env, "popup.html");
  const replies = await page.evaluate((text) => new Promise((resolve, reject) => {
    const got = [];
    const port = chrome.runtime.connect({ name: "bedside" });
    port.onMessage.addListener((m) => {
      got.push(m);
      if (m.final || m.error) {
        port.disconnect();
        resolve(got);
      }
    });
    port.postMessage({ id: 7, text, context: "" });
    setTimeout(() => reject(new Error(`no final reply (${JSON.stringify(got)})`)), 10000);
  }), draft.text);
  assert.equal(replies.length, 2, "two replies");
  assert.deepEqual(replies.map((r) => [r.id, r.final]), [[7, false], [7, true]]);
  assert.equal(replies[0].report.verdict, draft.rules.verdict, "the first is the rules pass");
  assert.equal(replies[1].report.verdict, draft.full.verdict, "the second is the rules and the scorer");
  assert.deepEqual(replies[0].report.findings.map((f) => [f.start, f.end]),
    draft.rules.findings.map((f) => [f.start, f.end]));
  await page.close();
});

test("the content script draws the rules' verdict, then the scorer's when it lands", async () => {
  const page = await openDemo(env);
  await page.click("#post-box");
  // Every badge verdict the page would have shown, in order (the overlay is put into the
  // page when it first has something to show).
  await page.evaluate(() => {
    globalThis.__verdicts = [];
    const record = (root) => () => {
      const v = root.querySelector(".badge")?.dataset.verdict ?? "none";
      if (globalThis.__verdicts.at(-1) !== v) globalThis.__verdicts.push(v);
    };
    let watched = null;
    const watch = () => {
      const root = document.querySelector("[data-bedside-probe]")?.shadowRoot;
      if (!root || root === watched) return;
      watched = root;
      const r = record(root);
      r();
      new MutationObserver(r).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-verdict"] });
    };
    new MutationObserver(watch).observe(document.documentElement, { childList: true });
  });
  const n = await checks(page);
  await page.fill("#post-box", draft.text);
  await waitForCheck(page, n, draft.text.length);
  const seen = await page.evaluate(() => globalThis.__verdicts);
  assert.deepEqual(seen.slice(-2), ["caution", "warn"], `caution drawn before warn (saw ${JSON.stringify(seen)})`);
  assert.equal(await page.$eval("#post-box", (e) => e.value), draft.text, "the draft is untouched");
  await page.close();
});
