// What a page can learn about Bedside, proven against the build users get (dist/chromium,
// not the test build: no probes). A page's script watches for every sign it could read —
// nodes added, attributes, shadow roots, CSS highlights, adopted stylesheets, performance
// entries, layout shifts, the custom-element registry — while:
// - it uses Bedside as an oracle (a hidden field focused, filled and sent `input` by
//   script): nothing is checked (the toolbar badge stays blank), nothing is drawn;
// - the user types a warning draft in audit mode: the draft is counted, the page sees nothing;
// - the user types a warning draft in warn mode: the badge is drawn (it is on top at the
//   box's corner), but what it says stays out of the page's reach (a closed shadow root on
//   a plain element, no attributes, no highlights, no timeline entries), and a page that
//   defined `bedside-overlay` first does not stop it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { start } from "./browser.mjs";
import { badgeText, changeOption, openExtensionPage, resetSettings, tabIdOf, waitForBadge } from "./pages.mjs";

const PATIENT = "My patient Zebulon Quigley in bed 4 today, 84yo retired headteacher from Hexham with dementia";
/** Longer than the debounce and a check (the rules answer in well under a millisecond). */
const SETTLE_MS = 1500;

let env;
before(async () => {
  env = await start({ shipped: true });
  await env.context.addInitScript(watcher);
});
after(() => env?.close());

/** Runs in every page before its own scripts: records every sign a page could read. */
function watcher() {
  const seen = { added: [], attributes: [], entries: [], shifts: 0 };
  window.__signs = seen;
  // The page's own parsing is not a sign: record from when it has loaded.
  let loaded = false;
  addEventListener("load", () => (loaded = true));
  const describe = (n) => (n.nodeType === 1 ? `${n.tagName.toLowerCase()}${n.id ? `#${n.id}` : ""}` : n.nodeName);
  new MutationObserver((records) => {
    if (!loaded) return;
    for (const r of records) {
      if (r.type === "attributes") seen.attributes.push(`${describe(r.target)}[${r.attributeName}]`);
      // Nodes the test's own page script adds (its boxes and their text) are not signs.
      for (const n of r.addedNodes) if (!window.__ours?.has(n) && !window.__ours?.has(r.target)) seen.added.push(describe(n));
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.entryType === "layout-shift") seen.shifts += e.value;
      else seen.entries.push(`${e.entryType}:${e.name}`);
    }
  }).observe({ entryTypes: ["mark", "measure", "layout-shift"] });
  /** What the page can read now, beyond what it recorded. */
  window.__now = () => {
    const extra = [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body);
    return {
      highlights: CSS.highlights.size,
      sheets: document.adoptedStyleSheets.length,
      element: customElements.get("bedside-overlay") ? "defined" : null,
      timeline: performance.getEntries().filter((e) => /bedside/i.test(e.name)).map((e) => e.name),
      extra: extra.map((e) => ({
        tag: e.tagName.toLowerCase(), attributes: e.getAttributeNames(), shadowRoot: e.shadowRoot !== null,
        text: e.innerText ?? "", html: e.innerHTML,
      })),
    };
  };
}

/** A page of the fixture server, with the watcher in it. */
async function open(path = "demo.html") {
  const page = await env.context.newPage();
  await page.goto(`${env.url}${path}`);
  return page;
}

/** The signs recorded on `page`, and what it can read now. */
const signs = (page) => page.evaluate(() => ({ ...window.__signs, now: window.__now() }));

test("a page cannot use Bedside as an oracle: a scripted field is never checked", async () => {
  const page = await open();
  const tab = await tabIdOf(env, page);
  await page.evaluate((text) => {
    window.__ours = new Set();
    // A hidden field and editor, focused and filled by script, as an ad script would.
    for (const tag of ["textarea", "div"]) {
      const box = document.createElement(tag);
      if (tag === "div") box.contentEditable = "true";
      box.style.cssText = "position:absolute; left:-9999px; width:300px; height:80px";
      window.__ours.add(box);
      document.body.append(box);
      box.focus();
      if (tag === "textarea") box.value = text;
      else box.textContent = text;
      box.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true, inputType: "insertText", data: text }));
      box.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, composed: true, key: "a" }));
      box.dispatchEvent(new Event("paste", { bubbles: true, composed: true }));
    }
  }, PATIENT);
  await page.waitForTimeout(SETTLE_MS);
  assert.equal(await badgeText(env, tab), "", "nothing was checked: the toolbar badge is blank");
  const s = await signs(page);
  assert.deepEqual(s.added, [], "no node was added");
  assert.deepEqual(s.now, { highlights: 0, sheets: 0, element: null, timeline: [], extra: [] });
  assert.deepEqual(s.entries, []);

  // The same text typed by the user is checked (so the quiet above is the gate's doing).
  await page.evaluate(() => {
    const box = document.querySelector("textarea:not(#post-box)");
    box.style.cssText = "position:absolute; left:10px; top:10px; width:300px; height:80px";
    box.value = "";
  });
  await page.click("textarea:not(#post-box)");
  await page.keyboard.type(PATIENT);
  await waitForBadge(env, tab, "!");
  await page.close();
});

test("audit mode: a warning draft is counted and the page sees no sign of Bedside", async () => {
  const options = await openExtensionPage(env, "options.html");
  await changeOption(options, () => options.check("input[name=mode][value=audit]"));
  const page = await open();
  await page.click("#post-box");
  await page.keyboard.type(PATIENT);
  await page.click("#comment-box");
  await page.keyboard.type(PATIENT);
  await options.waitForFunction(() => Number(document.querySelector("#audit td[data-kind=patient]")?.textContent) >= 2, null, { timeout: 10000 });
  await page.waitForTimeout(300);
  const s = await signs(page);
  assert.deepEqual(s.added.filter((n) => n !== "#text" && n !== "br"), [], "no element was added (only the typed text)");
  assert.deepEqual(s.attributes, [], "no attribute changed");
  assert.deepEqual(s.now, { highlights: 0, sheets: 0, element: null, timeline: [], extra: [] });
  assert.deepEqual(s.entries, [], "nothing in the performance timeline");
  assert.equal(s.shifts, 0, "no layout shift");
  await page.close();
  await options.close();
  await resetSettings(env);
});

test("warn mode: the badge is drawn, but what it says is out of the page's reach", async () => {
  const page = await open();
  // A page that claims the old overlay's tag name first, and hides every unknown element.
  await page.evaluate(() => {
    customElements.define("bedside-overlay", class extends HTMLElement {
      constructor() {
        super();
        throw new Error("taken");
      }
    });
  });
  const tab = await tabIdOf(env, page);
  await page.click("#comment-box");
  await page.keyboard.type(PATIENT);
  await waitForBadge(env, tab, "!");
  await page.waitForTimeout(300);
  const s = await signs(page);
  // The badge is there, on top at the box's bottom-right corner.
  const atCorner = await page.evaluate(() => {
    const r = document.querySelector("#comment-box").getBoundingClientRect();
    const hit = document.elementFromPoint(r.right - 10, r.bottom - 10);
    return hit?.parentElement === document.documentElement && hit.tagName;
  });
  assert.equal(atCorner, "DIV", "the badge is drawn over the box, by a plain element");
  assert.equal(s.now.extra.length, 1, "one element of Bedside's in the page while it shows a badge");
  const [host] = s.now.extra;
  assert.deepEqual({ attributes: host.attributes, shadowRoot: host.shadowRoot, html: host.html },
    { attributes: [], shadowRoot: false, html: "" }, "no attributes, a closed shadow root, nothing in the light DOM");
  for (const w of ["Zebulon", "Hexham", "patient", "warn"]) assert.ok(!host.text.toLowerCase().includes(w.toLowerCase()), `"${w}" is not readable from the host's text`);
  assert.deepEqual([s.now.highlights, s.now.sheets, s.now.timeline, s.entries], [0, 0, [], []]);
  assert.deepEqual(s.attributes, [], "no attribute of the page's changed");

  // Emptied, the draft has nothing to show: the element goes.
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await waitForBadge(env, tab, "");
  await page.waitForFunction(() => window.__now().extra.length === 0, null, { timeout: 5000 });
  await page.close();
});
