// Helpers for the editor e2e suites: builds the editor fixtures, opens one (waiting for its
// editor), types into a box key by key, and probes what Bedside drew for a box — badge,
// underline marks, the card — inside frames and open shadow roots too (the test build's
// open overlay: scripts/lib/probe.mjs).
// Boxes are named by a CSS selector that is looked up through open shadow roots.
import { buildEditors } from "../fixtures/editors/build.mjs";
import { checks, start, waitForCheck } from "./browser.mjs";

export const PATIENT = "My patient in bed 4 today, 84yo retired headteacher from Hexham with dementia";
export const HARMLESS = "Be patient with yourself, growth takes time";

/** Builds the fixtures, then starts the server and browser (browser.mjs). */
export async function startEditors() {
  await buildEditors();
  const env = await start();
  await env.context.addInitScript(helpers);
  return env;
}

/** Opens tests/fixtures/editors/<name>.html and waits for its editor. */
export async function openFixture(env, name) {
  const page = await env.context.newPage();
  await page.goto(`${env.url}editors/${name}.html`);
  await page.waitForFunction(() => window.editorReady === true);
  return page;
}

/** The frame (or page) a case runs in: `frame` is an iframe's id on the page. */
export async function scopeOf(page, frame) {
  if (!frame) return page;
  const handle = await page.waitForSelector(`iframe#${frame}`);
  const f = await handle.contentFrame();
  await f.waitForFunction(() => document.readyState === "complete");
  return f;
}

/** Types `text` into the box like a person (click, key by key), and waits until Bedside
 * drew its result for the whole draft. */
export async function typeDraft(scope, selector, text, page = scope) {
  const before = await checks(scope);
  await scope.locator(selector).click();
  await page.keyboard.type(text);
  await waitForCheck(scope, before, text.length);
}

/** Page-side helpers, added to every frame before its scripts run (so no eval is needed
 * on strict-CSP pages): `__deep(sel)` finds `sel` through open shadow roots, and
 * `__caret(sel)` is its selection as text offsets, and
 * `__doc(sel)` is the editor's own document — a field's value, else `readEditor()`
 * where the page has it, else the box's text. */
function helpers() {
  window.__deep = (sel) => {
    const find = (root) => {
      const hit = root.querySelector(sel);
      if (hit) return hit;
      for (const el of root.querySelectorAll("*")) {
        const h = el.shadowRoot && find(el.shadowRoot);
        if (h) return h;
      }
      return null;
    };
    return find(document);
  };
  window.__doc = (sel) => {
    const box = window.__deep(sel);
    if ("value" in box) return box.value;
    if (typeof window.readEditor === "function") return window.readEditor();
    return box.innerText.replace(/\n$/, "");
  };
  window.__caret = (sel) => {
    const box = window.__deep(sel);
    if ("selectionStart" in box) return [box.selectionStart, box.selectionEnd];
    const root = box.getRootNode();
    const s = document.getSelection();
    const r = root instanceof ShadowRoot ? s.getComposedRanges({ shadowRoots: [root] })[0] : s.rangeCount && s.getRangeAt(0);
    if (!r || !box.contains(r.startContainer)) return [-1, -1];
    const len = (node, off) => {
      const pre = document.createRange();
      pre.selectNodeContents(box);
      pre.setEnd(node, off);
      return pre.toString().length;
    };
    return [len(r.startContainer, r.startOffset), len(r.endContainer, r.endOffset)];
  };
}

/** What Bedside shows for the box `selector` in `scope` (a page or frame). */
export function probe(scope, selector) {
  return scope.evaluate(([sel]) => {
    const box = window.__deep(sel);
    const root = document.querySelector("[data-bedside-probe]")?.shadowRoot;
    const r = box.getBoundingClientRect();
    const layer = [...(root?.querySelectorAll(".box") ?? [])].find((l) => {
      const b = l.getBoundingClientRect();
      return Math.abs(b.left - r.left) < 1 && Math.abs(b.top - r.top) < 1;
    });
    const badge = layer?.querySelector(".badge");
    const value = box.value ?? null;
    const all = [...(layer?.querySelectorAll(".mark") ?? [])];
    const marks = (value === null ? [] : all).map((m) => {
      const mr = m.getBoundingClientRect();
      return { text: value?.slice(Number(m.dataset.start), Number(m.dataset.end)), inside: mr.left >= r.left - 1 && mr.right <= r.right + 1 && mr.top >= r.top - 1 && mr.bottom <= r.bottom + 1, w: mr.width };
    });
    // An editor's underlined spans: its marks (one per line a span covers), by span.
    const highlighted = [];
    if (value === null) {
      const seen = new Set();
      for (const m of all) {
        const key = `${m.dataset.start}:${m.dataset.end}`;
        if (!seen.has(key)) highlighted.push(m.dataset.text);
        seen.add(key);
      }
    }
    const card = root?.querySelector(".card");
    return {
      verdict: badge?.dataset.verdict ?? null,
      badges: root?.querySelectorAll(".badge").length ?? 0,
      button: badge?.querySelector("button")?.tagName ?? null,
      announced: root?.querySelector(".announce")?.textContent ?? "",
      marks,
      highlighted,
      cardOpen: !!card?.matches(":popover-open"),
      cardFocused: !!card && !!root.activeElement && card.contains(root.activeElement),
      focused: (() => { let a = document.activeElement; while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a === box; })(),
    };
  }, [selector]);
}

/** The box's selection as text offsets [start, end] (single-paragraph drafts). */
export function caretOf(scope, selector) {
  return scope.evaluate((sel) => window.__caret(sel), selector);
}

/** Waits until the box's selection is `[start, end]` (editors settle it asynchronously). */
export async function waitForCaret(scope, selector, want) {
  try {
    await scope.waitForFunction(([sel, [s, e]]) => {
      const c = window.__caret(sel);
      return c[0] === s && c[1] === e;
    }, [selector, want], { timeout: 5000 });
  } catch {
    throw new Error(`the caret is at ${JSON.stringify(await caretOf(scope, selector))}, not ${JSON.stringify(want)}`);
  }
}

/** Waits until the editor's own document (window.readEditor()) equals `text`. */
export async function waitForDocument(scope, selector, text) {
  try {
    await scope.waitForFunction(([sel, t]) => window.__doc(sel) === t, [selector, text], { timeout: 5000 });
  } catch {
    const got = await scope.evaluate((sel) => window.__doc(sel), selector);
    throw new Error(`the editor holds ${JSON.stringify(got)}, not ${JSON.stringify(text)}`);
  }
}

/** Where a button of the card is (found by class and, for redact, the finding's text). */
export function cardPoint(scope, cls, findingText) {
  return scope.evaluate(([c, text]) => {
    const card = document.querySelector("[data-bedside-probe]")?.shadowRoot.querySelector(".card");
    const buttons = [...card.querySelectorAll(`button.${c}`)];
    const b = text === undefined ? buttons[0] : buttons.find((x) => x.closest("li").querySelector(".what").textContent === `“${text}”`);
    if (!b) throw new Error(`no ${c} button${text ? ` for ${text}` : ""} in the card`);
    b.scrollIntoView({ block: "nearest" });
    const r = b.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, [cls, findingText]);
}

/** Where the badge of the box is. */
export async function badgePoint(scope, selector) {
  return scope.evaluate(([sel]) => {
    const box = window.__deep(sel);
    const root = document.querySelector("[data-bedside-probe]")?.shadowRoot;
    const r = box.getBoundingClientRect();
    for (const b of root.querySelectorAll(".badge button")) {
      const l = b.closest(".box").getBoundingClientRect();
      if (Math.abs(l.left - r.left) < 1 && Math.abs(l.top - r.top) < 1) {
        const br = b.getBoundingClientRect();
        return { x: br.left + br.width / 2, y: br.top + br.height / 2 };
      }
    }
    throw new Error("no badge for the box");
  }, [selector]);
}

/** Clicks like a person at `pt`, a point in the viewport of `scope` (a page or frame). */
export async function clickAt(page, scope, pt) {
  const el = scope === page ? null : await scope.frameElement();
  const off = el ? await el.boundingBox() : { x: 0, y: 0 };
  await page.mouse.click(off.x + pt.x, off.y + pt.y);
}
