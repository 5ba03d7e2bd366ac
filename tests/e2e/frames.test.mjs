// The toolbar badge follows the frame the user is in. On a page with a cross-origin
// iframe (an ad, tests/fixtures/frames/): a box the frame fills by script, without the
// user, never sets the badge; a warned draft typed in the frame sets it, and typing a
// harmless draft in the top frame clears it — the top frame has focus — until the user
// goes back into the frame. Frames follow their tab's page: a pause of the page, or its
// site switched off, quiets the editor's about:srcdoc frame and the other site's frame
// alike (each is still checked, nothing is shown, the badge stays clear).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { drawn, start, typeInto } from "./browser.mjs";
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

/** The editor's about:srcdoc frame of the fixture. */
async function editorFrame(page) {
  for (let i = 0; i < 100; i++) {
    const f = page.frames().find((fr) => fr.url() === "about:srcdoc");
    if (f && (await f.$("#box"))) return f;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the editor frame did not load");
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

test("a pause of the page quiets its frames too: the editor's srcdoc frame and another site's", async () => {
  const { page, tabId, frame } = await openFramed();
  const origin = new URL(page.url()).origin;
  // Paused as the popup pauses: the tab's origin, for an hour.
  await env.worker.evaluate((o) => chrome.storage.local.set({ bedsidePauses: { [o]: Date.now() + 3600_000 } }), origin);
  try {
    const editor = await editorFrame(page);
    await typeInto(editor, "#box", PATIENT);
    assert.equal((await drawn(editor, "#box")).verdict, null, "the srcdoc frame shows nothing while the page is paused");
    await typeInto(frame, "#box", PATIENT);
    assert.equal((await drawn(frame, "#box")).verdict, null, "nor does the other site's frame");
    assert.equal(await badgeText(env, tabId), "", "and the toolbar badge stays clear");
  } finally {
    await env.worker.evaluate(() => chrome.storage.local.remove("bedsidePauses"));
    await page.close();
  }
});

/** Opens `html` served at `url` (fulfilled here: nothing reaches the network) with the
 * site `site` switched off in the user's settings; runs `fn` with the page, then puts the
 * settings back and closes it. */
async function withSiteOff(site, url, html, fn) {
  const page = await env.context.newPage();
  await page.route(url, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
  await env.worker.evaluate((id) => chrome.storage.local.set({ bedsideSettings: { sites: { [id]: false } } }), site);
  try {
    await page.goto(url);
    await fn(page);
  } finally {
    await env.worker.evaluate(() => chrome.storage.local.remove("bedsideSettings"));
    await page.close();
  }
}

test("a site's every host follows its switch: discordapp.com is Discord", async () => {
  await withSiteOff("discord", "https://discordapp.com/channels/@me/1", `<!doctype html><textarea id="post-box"></textarea>`, async (page) => {
    await typeInto(page, "#post-box", PATIENT);
    assert.equal((await drawn(page, "#post-box")).verdict, null, "Discord is off, on its old host too");
  });
});

test("the page's site switched off quiets its frames too", async () => {
  // A page at reddit's address with an editor frame of its own, and reddit switched off.
  const html = `<!doctype html><textarea id="post-box"></textarea><iframe srcdoc="<!doctype html><textarea id='box'></textarea>"></iframe>`;
  await withSiteOff("reddit", "https://www.reddit.com/r/nursing/", html, async (reddit) => {
    const editor = await editorFrame(reddit);
    await typeInto(editor, "#box", PATIENT);
    assert.equal((await drawn(editor, "#box")).verdict, null, "the srcdoc frame of a switched-off site shows nothing");
    assert.equal(await badgeText(env, await tabIdOf(env, reddit)), "");
  });
});
