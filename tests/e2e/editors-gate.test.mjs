// The send gate: in block mode, Enter or the site's send button on a warned draft opens
// the card instead of posting, until "post anyway" lets the next send through. In warn
// mode, and for harmless drafts, sends go through untouched.
import assert from "node:assert/strict";
import { after, afterEach, before, test } from "node:test";
import { cardPoint, clickAt, HARMLESS, openFixture, PATIENT, probe, startEditors, typeDraft } from "./editors-lib.mjs";

let env;
before(async () => {
  env = await startEditors();
});
after(() => env?.close());
afterEach(() => env.worker.evaluate(() => chrome.storage.local.remove("bedsideSettings")));

/** Sets the user's mode the way the options page does: in the shared settings store. */
const setMode = (mode) =>
  env.worker.evaluate((m) => chrome.storage.local.set({ bedsideSettings: { mode: m } }), mode);
const sent = (page) => page.evaluate(() => window.sent);
const cardHeld = (page) => page.evaluate(() => {
  const card = document.querySelector("[data-bedside-probe]")?.shadowRoot.querySelector(".card");
  return !!card?.matches(":popover-open") && card.dataset.held === "true";
});
const waitHeld = (page) => page.waitForFunction(() => {
  const card = document.querySelector("[data-bedside-probe]")?.shadowRoot?.querySelector(".card");
  return !!card?.matches(":popover-open") && card.dataset.held === "true";
});

/** Opens the gate page with block mode in force (the content script has read it). */
async function blockPage() {
  await setMode("block");
  return openFixture(env, "gate");
}

test("block mode: Enter on a warned draft opens the card; post anyway lets the next Enter send", async () => {
  const page = await blockPage();
  await typeDraft(page, "#post-box", PATIENT);
  await page.keyboard.press("Enter");
  await waitHeld(page);
  assert.deepEqual(await sent(page), [], "nothing was posted");
  assert.equal(await page.inputValue("#post-box"), PATIENT, "the draft is untouched");
  assert.ok((await probe(page, "#post-box")).focused, "focus stays in the box");

  await clickAt(page, page, await cardPoint(page, "post-anyway"));
  assert.equal(await cardHeld(page), false, "the card closed");
  assert.ok((await probe(page, "#post-box")).focused, "focus is back in the box");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => window.sent.length === 1);
  assert.deepEqual(await sent(page), [PATIENT]);
  await page.close();
});

test("block mode: the site's send button and Enter in a chat box are held too", async () => {
  const page = await blockPage();
  await typeDraft(page, "#chat-box", PATIENT);
  await page.click("#chat-send");
  await waitHeld(page);
  assert.deepEqual(await sent(page), []);
  await page.locator("#chat-box").press("Enter");
  assert.ok(await cardHeld(page));
  assert.deepEqual(await sent(page), [], "Enter did not send either");
  await page.close();
});

test("block mode: a harmless draft sends at once", async () => {
  const page = await blockPage();
  await typeDraft(page, "#post-box", HARMLESS);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => window.sent.length === 1);
  assert.deepEqual(await sent(page), [HARMLESS]);
  await page.close();
});

/** Types `text` into `selector` and sends at once, before any check could answer. */
async function typeAndSend(page, selector, text, send = () => page.keyboard.press("Enter")) {
  await page.locator(selector).click();
  await page.keyboard.type(text);
  await send();
}

test("block mode: a send before the first result is held until the draft is checked", async () => {
  const page = await blockPage();
  await typeAndSend(page, "#post-box", PATIENT);
  await waitHeld(page);
  assert.deepEqual(await sent(page), [], "nothing was posted");
  assert.equal(await page.inputValue("#post-box"), PATIENT, "the draft is untouched");
  await page.close();

  const chat = await blockPage();
  await typeAndSend(chat, "#chat-box", PATIENT, () => chat.click("#chat-send"));
  await waitHeld(chat);
  assert.deepEqual(await sent(chat), [], "the send button's click was held too");
  await chat.close();
});

test("block mode: a draft changed since its last check is checked again before it sends", async () => {
  const page = await blockPage();
  await typeDraft(page, "#post-box", HARMLESS);
  assert.equal((await probe(page, "#post-box")).verdict, null, "checked: nothing to show");
  await page.keyboard.type(". " + PATIENT);
  await page.keyboard.press("Enter");
  await waitHeld(page);
  assert.deepEqual(await sent(page), [], "the stale harmless verdict let nothing through");
  await page.close();
});

test("block mode: a harmless draft sent before its check goes through once checked, exactly once", async () => {
  for (const [box, send] of [
    ["#post-box", (p) => p.keyboard.press("Enter")],
    ["#chat-box", (p) => p.keyboard.press("Enter")],
    ["#chat-box", (p) => p.click("#chat-send")],
  ]) {
    const page = await blockPage();
    await typeAndSend(page, box, HARMLESS, () => send(page));
    await page.waitForFunction(() => window.sent.length > 0);
    // A second send would have landed by the time the draft is checked and drawn again.
    await typeDraft(page, "#note-box", "later");
    assert.deepEqual(await sent(page), [HARMLESS], `${box}: sent once, whole`);
    assert.equal(await cardHeld(page), false);
    await page.close();
  }
});

test("block mode: Enter held in a box where it makes a new line still makes it, in place", async () => {
  const page = await blockPage();
  await typeAndSend(page, "#note-box", "first line");
  await page.waitForFunction(() => document.querySelector("#note-box").value.includes("\n"));
  await page.keyboard.type("second");
  assert.equal(await page.inputValue("#note-box"), "first line\nsecond");
  // Learned: later Enters in this box are not held, so none can land after later keys.
  await page.keyboard.press("Enter");
  await page.keyboard.type("third");
  assert.equal(await page.inputValue("#note-box"), "first line\nsecond\nthird");
  assert.deepEqual(await sent(page), []);
  await page.close();
});

test("warn mode: a warned draft is badged but sends", async () => {
  await setMode("warn");
  const page = await openFixture(env, "gate");
  await typeDraft(page, "#post-box", PATIENT);
  assert.equal((await probe(page, "#post-box")).verdict, "warn");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => window.sent.length === 1);
  assert.deepEqual(await sent(page), [PATIENT]);
  await page.close();
});

test("audit mode: nothing is drawn", async () => {
  await setMode("audit");
  const page = await openFixture(env, "gate");
  await typeDraft(page, "#post-box", PATIENT);
  assert.equal((await probe(page, "#post-box")).badges, 0);
  await page.close();
});
