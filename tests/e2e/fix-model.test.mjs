// A fix must reach the editor's model, not just its DOM. On an editor that takes only
// some input types (tests/fixtures/editors/strict.html: insertText and
// deleteContentBackward from beforeinput, every other change put back), redacting a
// detail goes in through a type it takes, and the model keeps it after the next
// keystroke. On one that takes no script's input at all, the card says the fix could not
// be made, and the draft is left as it was.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { cardPoint, clickAt, PATIENT, startEditors, typeDraft } from "./editors-lib.mjs";

let env;
before(async () => {
  env = await startEditors();
});
after(() => env?.close());

async function open(query = "") {
  const page = await env.context.newPage();
  await page.goto(`${env.url}editors/strict.html${query}`);
  await page.waitForFunction(() => window.editorReady === true);
  await typeDraft(page, "#box", PATIENT);
  await page.keyboard.press("Alt+Shift+B");
  await page.waitForFunction(() => document.querySelector("[data-bedside-probe]")?.shadowRoot.querySelector(".card:popover-open"));
  return page;
}

const model = (page) => page.evaluate(() => window.readEditor());
const notice = (page) => page.evaluate(() => document.querySelector("[data-bedside-probe]")?.shadowRoot.querySelector(".card .notice")?.textContent ?? null);

test("an editor that takes insertText only: the fix is in its model, and stays after the next key", async () => {
  const page = await open();
  await clickAt(page, page, await cardPoint(page, "redact", "Hexham"));
  await page.waitForFunction(() => !window.readEditor().includes("Hexham"), null, { timeout: 5000 });
  await page.click("#box");
  await page.keyboard.press("End");
  await page.keyboard.type("!");
  const m = await model(page);
  assert.ok(!m.includes("Hexham") && m.endsWith("!"), `the model keeps the fix: ${m}`);
  assert.equal(await page.evaluate(() => document.querySelector("#box").textContent), m, "and the page shows the model");
  assert.equal(await notice(page), null, "no failure is reported");
  await page.close();
});

test("an editor that takes no script's input: the card says the fix could not be made", async () => {
  const page = await open("?accept=none");
  await clickAt(page, page, await cardPoint(page, "redact", "Hexham"));
  await page.waitForFunction(() => document.querySelector("[data-bedside-probe]")?.shadowRoot.querySelector(".card .notice"), null, { timeout: 5000 });
  assert.match(await notice(page), /could not change/i);
  assert.equal(await model(page), PATIENT, "the draft is as it was");
  await page.close();
});
