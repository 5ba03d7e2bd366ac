// Page hostility: markup and script typed into a warned draft are shown in the card and
// the popup as inert text (no element is made, no handler runs); a page whose stylesheet
// tries to hide and restyle everything but its own boxes (tests/fixtures/hostile/) still
// shows a readable badge and card, under the strictest CSP (no scripts, own styles only).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openDemo, start, typeInto } from "./browser.mjs";
import { changeOption, openExtensionPage, openPopupFor, popupReport } from "./pages.mjs";

const IMG = "<img src=x onerror=window.__pwned=1>";
const SCRIPT = "<script>window.__pwned=2</script>";
const DRAFT = `My patient ${IMG} in bed 4 today, 84yo from Hexham ${SCRIPT}`;
const PATIENT = "My patient in bed 4 today, 84yo retired headteacher from Hexham with dementia";

let env;
before(async () => {
  env = await start();
});
after(() => env?.close());

const openCard = async (page, selector) => {
  await page.click(selector);
  await page.keyboard.press("Alt+Shift+B");
  await page.waitForFunction(() => document.querySelector("[data-bedside-probe]")?.shadowRoot.querySelector(".card:popover-open"));
};

test("markup typed into a warned draft is inert text in the card and the popup", async () => {
  // The user's own identifying words make the markup a finding, so the card lists it.
  const options = await openExtensionPage(env, "options.html");
  await options.fill("#identifying-words", `${IMG}\n${SCRIPT}`);
  await changeOption(options, () => options.click("#save-words"));
  await options.close();

  const page = await openDemo(env);
  await typeInto(page, "#post-box", DRAFT);
  await openCard(page, "#post-box");
  const card = await page.evaluate(() => {
    const root = document.querySelector("[data-bedside-probe]")?.shadowRoot;
    return {
      text: root.querySelector(".card").textContent,
      elements: root.querySelectorAll("img, script, iframe, object").length,
      pageElements: document.querySelectorAll("img, script").length,
    };
  });
  assert.ok(card.text.includes(`“${IMG}”`) && card.text.includes(`“${SCRIPT}”`), `the card shows the markup as text: ${card.text}`);
  assert.deepEqual([card.elements, card.pageElements], [0, 0], "no element was made from it");

  const popup = await openPopupFor(env, page);
  const shown = await popupReport(popup);
  assert.equal(shown.verdict, "warn");
  assert.equal(shown.text, DRAFT, "the popup shows the draft as typed");
  assert.equal(shown.elementsInText, 0);
  assert.ok(shown.findings.some((f) => f.includes(IMG)) && shown.redacted.length > 0);
  assert.equal(await popup.evaluate(() => document.querySelectorAll("img:not([src^='icons/']), script:not([src])").length), 0, "only the popup's own icon and script");
  // Let any image error fire, then: nothing ran, in the page or the popup.
  await Promise.all([page, popup].map((p) => p.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))))));
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await popup.evaluate(() => window.__pwned), undefined);
  // The payload is live: written as HTML, it runs.
  await page.evaluate((html) => document.body.insertAdjacentHTML("beforeend", html), IMG);
  await page.waitForFunction(() => window.__pwned === 1);
  await popup.close();
  await page.close();
  await env.worker.evaluate(() => chrome.storage.local.remove("bedsideSettings"));
});

/** How the badge and card look, and whether they are on top where they are drawn. */
const looks = (page, selector) => page.evaluate((sel) => {
  const host = document.querySelector("[data-bedside-probe]");
  const root = host.shadowRoot;
  const box = document.querySelector(sel).getBoundingClientRect();
  const button = [...root.querySelectorAll(".badge button")].find((b) => {
    const l = b.closest(".box").getBoundingClientRect();
    return Math.abs(l.left - box.left) < 1 && Math.abs(l.top - box.top) < 1;
  });
  const view = (el) => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {
      w: Math.round(r.width), h: Math.round(r.height), display: s.display, visibility: s.visibility,
      opacity: s.opacity, fontSize: s.fontSize, color: s.color, background: s.backgroundColor, onTop: top === host,
    };
  };
  const card = root.querySelector(".card:popover-open");
  return {
    host: { display: getComputedStyle(host).display, visibility: getComputedStyle(host).visibility },
    badge: view(button),
    marks: [...(button?.closest(".box").querySelectorAll(".mark") ?? [])].map(view),
    card: view(card),
    title: card ? getComputedStyle(card.querySelector("h2")).fontSize : null,
  };
}, selector);

for (const selector of ["#area", "#box"]) {
  test(`hostile page CSS and strict CSP: ${selector} still gets a visible, readable badge and card`, async () => {
    const page = await env.context.newPage();
    await page.goto(`${env.url}hostile/hostile.html`);
    await typeInto(page, selector, PATIENT);
    const before = await looks(page, selector);
    assert.notEqual(before.host.display, "none");
    assert.equal(before.host.visibility, "visible");
    const b = before.badge;
    assert.ok(b, "a badge is drawn for the box");
    assert.ok(b.w >= 10 && b.h >= 10, `the badge has a size: ${JSON.stringify(b)}`);
    assert.deepEqual([b.display, b.visibility, b.opacity, b.fontSize, b.color, b.onTop],
      ["inline-block", "visible", "1", "11px", "rgb(255, 255, 255)", true], "the badge keeps its own look, on top");
    for (const m of before.marks) assert.ok(m.w > 0 && m.h > 0 && m.visibility === "visible", `marks show: ${JSON.stringify(m)}`);
    if (selector === "#area") assert.ok(before.marks.length > 0, "the field's details are underlined");

    await openCard(page, selector);
    const { card, title } = await looks(page, selector);
    assert.ok(card.w >= 200 && card.h >= 60, `the card has its size: ${JSON.stringify(card)}`);
    assert.deepEqual([card.display, card.visibility, card.opacity, card.fontSize, card.color, card.background, card.onTop, title],
      ["block", "visible", "1", "13px", "rgb(32, 33, 36)", "rgb(255, 255, 255)", true, "14px"], "the card keeps its own look, on top");
    await page.close();
  });
}
