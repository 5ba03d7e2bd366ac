// The toolbar badge follows the frame the user is in. On a page with a cross-origin
// iframe (an ad, tests/fixtures/frames/): a box the frame fills by script, without the
// user, never sets the badge; a warned draft typed in the frame sets it, and typing a
// harmless draft in the top frame clears it — the top frame has focus — until the user
// goes back into the frame.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { start, typeInto } from "./browser.mjs";
import { badgeText, tabIdOf, waitForBadge } from "./pages.mjs";

const PATIENT = "My patient in bed 4 today, 84yo retired headteacher from Hexham with dementia";
const HARMLESS = "Lovely sunny morning for a walk by the river";

let env;
before(async () => {
  env = await start();
});
after(() => env?.close());

/** Opens the fixture; resolves to the page, its tab id and the ad frame (cross-origin). */
async function openFramed() {
  const page = await env.context.newPage();
  await page.goto(`${env.url}frames/top.html`);
  const tabId = await tabIdOf(env, page);
  let frame;
  for (let i = 0; i < 100 && !frame; i++) {
    frame = page.frames().find((f) => f.url().endsWith("/frames/ad.html"));
    if (!frame) await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(frame, "the ad frame loaded");
  await frame.waitForFunction(() => typeof window.fillByScript === "function");
  assert.notEqual(new URL(frame.url()).origin, new URL(page.url()).origin, "the frame is cross-origin");
  return { page, tabId, frame };
}

/** Types into the frame's box like a person. */
async function typeInFrame(frame, text) {
  await frame.click("#box");
  await frame.locator("#box").pressSequentially(text);
}

test("a frame filled by script, without focus, does not set the badge", async () => {
  const { page, tabId, frame } = await openFramed();
  await typeInto(page, "#post-box", HARMLESS);
  await frame.evaluate((t) => window.fillByScript(t), PATIENT);
  // Long enough for a check (150 ms debounce) and a verdict report to have landed.
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(await badgeText(env, tabId), "", "the unfocused frame's verdict is not shown");
  await page.close();
});

test("the badge follows the focused frame: the frame's warning, then the top frame's harmless draft", async () => {
  const { page, tabId, frame } = await openFramed();
  await typeInFrame(frame, PATIENT);
  await waitForBadge(env, tabId, "!");

  // The user moves to the page's own box and types a harmless draft: the frame's warned
  // draft is still there, but the badge follows the frame the user is in.
  await typeInto(page, "#post-box", HARMLESS);
  await waitForBadge(env, tabId, "");

  // Back into the frame: its warning is the tab's again, without typing.
  await frame.click("#box");
  await waitForBadge(env, tabId, "!");
  // And out again.
  await page.click("#post-box");
  await waitForBadge(env, tabId, "");
  await page.close();
});
