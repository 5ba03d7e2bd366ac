// Privacy, proven: every network request the browser reports during a full session —
// drafts typed (warning and harmless), the card opened and a detail redacted, the toolbar
// popup's check, a setting changed on the options page, audit mode — is recorded twice:
// by Playwright's context-wide `request` event (pages, frames, extension pages and the
// extension's service worker, with who asked), and by Chromium's own net log from launch
// (netlog.mjs: every process, WebSockets and DNS included, and every byte sent). None may
// come from the extension except loading its own packaged files, pages may fetch only the
// fixture server's files, and no request or byte sent may carry a typed word, in any
// case or URL escape. The built bundles hold no request API but the worker's fetches of
// its own files. Afterwards nothing typed is in chrome.storage (local, sync, session;
// settings live in local, sync holds nothing of Bedside's)
// or any other store. And the manifest asks for exactly the permissions the features need
// (docs/PRIVACY.md, "Privacy and reliability, proven", says why each is there).
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ROOT } from "../../scripts/lib/run.mjs";
import { checks, drawn, openDemo, start, typeInto, waitForCheck } from "./browser.mjs";
import { cardPoint, clickAt } from "./editors-lib.mjs";
import { fold, netViolations, readNetLog } from "./netlog.mjs";
import { changeOption, openExtensionPage, openPopupFor, popupReport } from "./pages.mjs";

const DIST = join(ROOT, "dist", "probe-chromium");
/** Distinctive words typed in the session: none may leave the page, or be stored. */
const TOKENS = ["Zebulon", "Hexham", "Quigley", "Wolsingham"];
const PATIENT = "My patient Zebulon Quigley in bed 4 today, 84yo retired headteacher from Hexham with dementia";
const HARMLESS = "Be patient with yourself Zebulon, growth takes time";
const REPLY = "Aww thanks Lucy! Coffee in Wolsingham on Saturday sounds lovely";

const FIXTURES = join(ROOT, "tests", "fixtures");
const LOGS = mkdtempSync(join(tmpdir(), "bedside-netlog-"));
/** Chromium switches that write the net log of everything from launch to `file`. */
const netLog = (file) => [`--log-net-log=${file}`, "--net-log-capture-mode=Everything"];
/** Whether the fixture server serves `path` (a file under tests/fixtures; the browser
 * asks every site for its icon itself). */
const served = (path) => path === "/favicon.ico" || (existsSync(join(FIXTURES, path)) && statSync(join(FIXTURES, path)).isFile());
const SESSION_LOG = join(LOGS, "session.json");

let env;
const requests = [];
const sockets = [];
before(async () => {
  env = await start({ args: netLog(SESSION_LOG) });
  env.context.on("request", (r) => {
    let frame = null;
    try {
      frame = r.frame().url();
    } catch {
      // Service-worker requests have no frame.
    }
    requests.push({ url: r.url(), method: r.method(), worker: r.serviceWorker()?.url() ?? null, frame, body: r.postData() ?? "" });
  });
  const watch = (p) => p.on("websocket", (ws) => sockets.push(ws.url()));
  env.context.pages().forEach(watch);
  env.context.on("page", watch);
});
after(async () => {
  await env?.close();
  rmSync(LOGS, { recursive: true, force: true });
});

/** Why a recorded request breaks the privacy rules, or null if it is allowed. */
function violation(r) {
  const u = new URL(r.url);
  for (const w of TOKENS) if (fold(r.url).includes(w.toLowerCase()) || fold(r.body).includes(w.toLowerCase())) return `carries the typed word ${w}`;
  if (u.protocol === "chrome-extension:") {
    if (u.host !== env.extensionId) return "another extension's file";
    if (r.method !== "GET") return `a ${r.method} to an extension file`;
    const file = decodeURIComponent(u.pathname).replace(/^\/+/, "");
    return file && existsSync(join(DIST, file)) ? null : "not one of the extension's packaged files";
  }
  if (r.worker) return "made by the extension's service worker, not for its own files";
  if (!r.url.startsWith(env.url)) return "a page request to somewhere other than the local fixture server";
  if (r.frame?.startsWith("chrome-extension:")) return "an extension page requesting a web address";
  return null;
}

test("the request recorder sees the service worker's own requests (so a leak would show)", async () => {
  // The extension pages' CSP (connect-src 'self') stops the worker reaching any web
  // address, so the canary asks for one of its own (missing) files, carrying a typed word.
  const canary = `chrome-extension://${env.extensionId}/canary?Zebulon`;
  await env.worker.evaluate((u) => fetch(u).then((r) => r.status, () => 0), canary);
  const seen = requests.find((r) => r.url === canary);
  assert.ok(seen, "the worker's fetch was recorded");
  assert.ok(seen.worker, "and attributed to the service worker");
  assert.match(violation(seen), /typed word|service worker/);
  requests.length = 0;
});

test("the net log sees pages' requests and WebSockets from launch, and typed words in any case", async () => {
  // A browser of its own, whose page leaks typed words on purpose: the reader must catch
  // each leak, whatever its case or escaping; the worker cannot even try (its CSP).
  const file = join(LOGS, "canary.json");
  const canary = await start({ args: netLog(file) });
  let worker;
  try {
    const page = await canary.context.newPage();
    await page.goto(`${canary.url}demo.html`);
    await page.evaluate((base) => {
      fetch(`${base}demo.html?q=ZEBULON`).catch(() => {});
      new WebSocket(`${base.replace("http", "ws")}socket?who=h%65xham`);
      fetch(`${base}form`, { method: "POST", body: "name=qUiGlEy" }).catch(() => {});
    }, canary.url);
    await page.waitForTimeout(500);
    worker = await canary.worker.evaluate(async (base) => ({
      fetch: await fetch(`${base}demo.html?w=Wolsingham`).then(() => "sent", (e) => e.name),
      socket: await new Promise((r) => {
        try {
          const ws = new WebSocket(`${base.replace("http", "ws")}w?Wolsingham`);
          ws.onerror = () => r("error");
          ws.onopen = () => r("open");
        } catch (e) {
          r(e.name);
        }
      }),
    }), canary.url);
  } finally {
    await canary.close();
  }
  const bad = netViolations(readNetLog(file), { base: canary.url, served, words: TOKENS });
  for (const w of ["Zebulon", "Hexham", "Quigley"]) {
    assert.ok(bad.some((b) => b.includes(`typed word ${w}`)), `the leak of ${w} is caught: ${bad.join("\n")}`);
  }
  assert.ok(bad.some((b) => b.startsWith("GET ws://") && b.includes("not a fixture file")), `the WebSocket is seen: ${bad.join("\n")}`);
  assert.ok(bad.some((b) => b.startsWith("POST ")), "and the POST");
  assert.equal(bad.some((b) => b.includes("Wolsingham")), false, "the worker reached nothing");
  assert.deepEqual(worker, { fetch: "TypeError", socket: "error" }, "the worker's CSP refuses web addresses");
});

test("a full session makes no request from the extension, and stores nothing typed", async () => {
  // Typing: a warning draft, a harmless one, and a reply to a patient's approach.
  const demo = await openDemo(env);
  await typeInto(demo, "#post-box", PATIENT);
  assert.equal((await drawn(demo, "#post-box")).verdict, "warn");
  await typeInto(demo, "#comment-box", HARMLESS);
  assert.equal((await drawn(demo, "#comment-box")).verdict, null);
  await typeInto(demo, "#dm-box", REPLY);
  assert.equal((await drawn(demo, "#dm-box")).verdict, "warn");

  // The card: open it from the keyboard, redact one detail.
  await demo.click("#post-box");
  await demo.keyboard.press("Alt+Shift+B");
  await demo.waitForFunction(() => document.querySelector("[data-bedside-probe]")?.shadowRoot.querySelector(".card:popover-open"));
  await clickAt(demo, demo, await cardPoint(demo, "redact", "Hexham"));
  await demo.waitForFunction(() => !document.querySelector("#post-box").value.includes("Hexham"));

  // The toolbar popup checks the box last typed in (the post, less "Hexham").
  const popup = await openPopupFor(env, demo);
  const shown = await popupReport(popup);
  assert.equal(shown.source, "box");
  assert.ok(shown.text.includes("Zebulon") && !shown.text.includes("Hexham"), `the popup checked the draft: ${shown.text}`);
  await popup.close();

  // The options page: change a setting, then audit mode counts a draft without text.
  const options = await openExtensionPage(env, "options.html");
  await changeOption(options, () => options.selectOption("#jurisdiction", "au"));
  await changeOption(options, () => options.check("input[name=mode][value=audit]"));
  // Empty the box and wait until that is checked: audit counts a box's verdict as it rises,
  // and a quick retype could otherwise go from warn to warn without a count.
  const emptied = await checks(demo);
  await demo.fill("#post-box", "");
  await waitForCheck(demo, emptied, 0);
  await typeInto(demo, "#post-box", PATIENT);
  await options.waitForFunction(() => Number(document.querySelector("#audit td[data-kind=patient]")?.textContent) >= 1, null, { timeout: 10000 });
  await options.close();

  const bad = requests.map((r) => ({ ...r, why: violation(r) })).filter((r) => r.why);
  assert.deepEqual(bad, [], "no request from the extension, none off the device, none with typed words");
  assert.deepEqual(sockets, [], "no WebSocket");
  assert.ok(requests.some((r) => r.url.endsWith("/demo.html")), "the recorder saw the session's page loads");
  assert.ok(requests.some((r) => r.url.endsWith("/popup.js")), "and the extension pages' own files");

  // Nothing typed is stored: chrome.storage, and the worker's and page's other stores.
  const stores = await env.worker.evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    sync: await chrome.storage.sync.get(null),
    session: await chrome.storage.session.get(null),
    caches: await caches.keys(),
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
  }));
  const dump = JSON.stringify(stores);
  for (const w of [...TOKENS, "84yo", "headteacher", "Lucy", "127.0.0.1"]) assert.ok(!dump.includes(w), `"${w}" is not stored: ${dump}`);
  assert.deepEqual(Object.keys(stores.local).sort(), ["bedsideAudit", "bedsideSettings"], "local holds only the audit counts and the settings");
  assert.deepEqual(stores.sync, {}, "nothing goes to the browser's sync servers");
  assert.deepEqual(stores.session, {});
  assert.deepEqual([stores.caches, stores.indexedDB], [[], []]);
  const pageStore = await demo.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie]));
  assert.equal(pageStore, '[{},{},""]', "nothing written to the page's storage");
  await demo.close();

  // The net log, from launch to shutdown (the browser writes it out as it closes).
  await env.close();
  const log = readNetLog(SESSION_LOG);
  assert.deepEqual(netViolations(log, { base: env.url, served, words: [...TOKENS, "headteacher", "Lucy"] }), [],
    "at the network level: nothing off the fixture server, no typed word in any byte sent");
  assert.ok(log.requests.some((r) => r.url === `${env.url}demo.html`), "the net log holds the session's page loads");
  assert.ok(log.sent.some((b) => b.startsWith("GET /demo.html ")), "and the bytes sent");
});

test("the built bundles hold no request API but the worker's fetches of its own files", () => {
  // Anything that can reach the network from extension code: fetch and XHR, sockets and
  // streams, beacons, peer connections, workers and imported scripts, native messaging,
  // navigation, and elements or CSS that load a URL.
  const API = /\bfetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|RTCPeerConnection|RTCDataChannel|WebTransport|importScripts|\bimport\s*\(|new\s+(?:Shared)?Worker\b|serviceWorker\.register|connectNative|sendNativeMessage|chrome\.(?:identity|downloads|webRequest|tabs\.create|windows\.create)\b|window\.open\s*\(|location\s*(?:\.href\s*)?=[^=]|location\.(?:assign|replace)\s*\(|\.(?:src|href|action|srcset|formAction|data)\s*=[^=]|setAttribute\(\s*["'](?:src|href|action|srcset|ping|poster|data)["']|createElement\(\s*["'](?:img|script|iframe|link|audio|video|object|embed|source|form|a)["']|url\(|@import/g;
  // The two that stay: the wasm-bindgen glue's fetch of the core and the worker's of the
  // model, both of packaged files (the extension pages' CSP allows nothing else).
  const ALLOWED = ["background.js: fetch(module_or_path)", "background.js: fetch(chrome.runtime.getURL(path))"];
  for (const build of ["chromium", "firefox"]) {
    const dir = join(ROOT, "dist", build);
    const found = [];
    for (const file of readdirSync(dir).filter((f) => /\.(js|css|html)$/.test(f))) {
      const text = readFileSync(join(dir, file), "utf8");
      for (const m of text.matchAll(API)) {
        const at = `${file}: ${text.slice(m.index, m.index + 60).split("\n")[0]}`;
        found.push(ALLOWED.find((a) => at.startsWith(a)) ?? at);
      }
    }
    assert.deepEqual(found.sort(), [...ALLOWED].sort(), `${build}: request APIs in the bundles`);
    // The pages load only their own packaged files (relative addresses).
    for (const page of ["options.html", "popup.html"]) {
      const refs = [...readFileSync(join(dir, page), "utf8").matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      assert.ok(refs.length > 0 && refs.every((r) => !/^[a-z]+:|^\/\//i.test(r) && existsSync(join(dir, r))), `${build}/${page}: ${refs}`);
    }
  }
});

test("the manifest asks for the fewest permissions the features need", () => {
  const m = JSON.parse(readFileSync(join(DIST, "manifest.json"), "utf8"));
  // storage: settings (sync), audit counts and pauses (local), the organisation's policy
  // (managed). scripting: re-inject the content script into tabs open at an update.
  assert.deepEqual(m.permissions, ["storage", "scripting"]);
  // The content script runs where compose boxes are: web pages, with their frames; the
  // re-injection needs host access to exactly those pages, and no others.
  assert.equal(m.content_scripts.length, 1);
  assert.deepEqual(m.content_scripts[0].matches, ["http://*/*", "https://*/*"]);
  assert.deepEqual(m.host_permissions, m.content_scripts[0].matches);
  for (const key of ["optional_permissions", "optional_host_permissions", "externally_connectable",
    "web_accessible_resources", "sandbox", "declarative_net_request", "oauth2", "update_url"]) {
    assert.equal(m[key], undefined, `no ${key}`);
  }
  // Only the extension's own code runs in its pages; wasm may compile there (the core).
  // Nothing else loads, connects or re-bases: default-src, connect-src and base-uri pinned.
  assert.equal(m.content_security_policy.extension_pages,
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src 'self'; base-uri 'none'");
  // Firefox injects into open tabs itself: its build asks for storage alone.
  const ff = JSON.parse(readFileSync(join(ROOT, "dist", "firefox", "manifest.json"), "utf8"));
  assert.deepEqual([ff.permissions, ff.host_permissions], [["storage"], undefined]);
});
