// Helpers for the extension's own pages (popup, options) and the toolbar badge: open them
// as tabs, find a page's tab id, read the badge from the service worker.

/** The tab id of `page`: brought to the front, it is the active tab. */
export async function tabIdOf(env, page) {
  await page.bringToFront();
  const ids = await env.worker.evaluate(() =>
    chrome.tabs.query({ active: true, lastFocusedWindow: true }).then((tabs) => tabs.map((t) => t.id)));
  if (ids.length !== 1) throw new Error(`expected one active tab, got ${ids.length}`);
  return ids[0];
}

/** Opens an extension page (e.g. "popup.html?tab=3") and waits until it has drawn. */
export async function openExtensionPage(env, path) {
  const page = await env.context.newPage();
  await page.goto(`chrome-extension://${env.extensionId}/${path}`);
  await page.waitForSelector("body[data-ready]", { timeout: 10000 });
  return page;
}

/** Opens the popup pointed at the tab of `target` (a page), as a page of its own. */
export async function openPopupFor(env, target) {
  const tabId = await tabIdOf(env, target);
  return openExtensionPage(env, `popup.html?tab=${tabId}`);
}

/** The toolbar badge's text for a tab. */
export function badgeText(env, tabId) {
  return env.worker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), tabId);
}

/** Waits until the badge for `tabId` reads `text`. */
export async function waitForBadge(env, tabId, text, timeout = 10000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await badgeText(env, tabId);
    if (last === text) return;
    if (Date.now() > end) throw new Error(`badge for tab ${tabId} is ${JSON.stringify(last)}, expected ${JSON.stringify(text)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What the popup shows. */
export function popupReport(page) {
  return page.evaluate(() => {
    const q = (s) => document.querySelector(s);
    return {
      source: q("#source")?.dataset.source ?? null,
      verdict: q("#verdict")?.dataset.verdict ?? null,
      verdictText: q("#verdict")?.textContent ?? "",
      message: q("#message")?.textContent ?? "",
      text: q("#text")?.textContent ?? "",
      marks: [...document.querySelectorAll("#text mark")].map((m) => m.textContent),
      findings: [...document.querySelectorAll("#findings li")].map((li) => li.textContent),
      citations: [...document.querySelectorAll("#citations li")].map((li) => li.textContent),
      redacted: q("#redacted")?.textContent ?? "",
      elementsInText: document.querySelectorAll("#text *:not(mark)").length,
    };
  });
}

/** How many times the options page has drawn the settings. */
export function drawCount(page) {
  return page.evaluate(() => Number(document.body.dataset.ready ?? 0));
}

/** Runs `act` on the options page, then waits until the worker applied the change and
 * the page drew it again. */
export async function changeOption(page, act) {
  const before = await drawCount(page);
  await act();
  await page.waitForFunction((n) => Number(document.body.dataset.ready ?? 0) > n, before, { timeout: 10000 });
}

/** Checks `text` through the popup's paste box (no tab) and returns the report shown. */
export async function checkPasted(env, text) {
  const popup = await openExtensionPage(env, "popup.html");
  await popup.fill("#paste", text);
  await popup.click("#paste-form button[type=submit]");
  await popup.waitForFunction(() => document.querySelector("#verdict")?.dataset.verdict);
  const r = await popupReport(popup);
  await popup.close();
  return r;
}

/** Forgets the user's settings, pauses and audit counts (the worker reloads), and any
 * settings an earlier version left in sync storage. */
export async function resetSettings(env) {
  await env.worker.evaluate(async () => {
    await chrome.storage.sync.clear();
    await chrome.storage.local.clear();
  });
}
