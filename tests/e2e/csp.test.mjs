// The extension pages' and worker's Content Security Policy: both builds' manifests carry
// it (the Firefox manifest is derived from the source one), and it holds in Chromium —
// the options page and the worker cannot fetch another origin, an injected inline script
// does not run, a <base> cannot re-point relative addresses — while the popup's check,
// which loads the wasm core and its weights from the package, still works.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ROOT } from "../../scripts/lib/run.mjs";
import { start } from "./browser.mjs";
import { checkPasted, openExtensionPage } from "./pages.mjs";

const DIRECTIVES = ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "object-src 'self'", "connect-src 'self'", "base-uri 'none'"];

let env;
before(async () => {
  env = await start();
});
after(() => env?.close());

test("both builds' manifests carry the extension pages' CSP", () => {
  for (const build of ["chromium", "firefox"]) {
    const m = JSON.parse(readFileSync(join(ROOT, "dist", build, "manifest.json"), "utf8"));
    const csp = (m.content_security_policy?.extension_pages ?? "").split(";").map((d) => d.trim().replace(/\s+/g, " "));
    assert.deepEqual(csp.toSorted(), DIRECTIVES.toSorted(), `${build}: ${csp.join("; ")}`);
  }
});

test("an extension page cannot fetch another origin, run inline script or move its base", async () => {
  const page = await openExtensionPage(env, "options.html");
  const got = await page.evaluate(async (url) => {
    const violations = [];
    document.addEventListener("securitypolicyviolation", (e) => violations.push(e.effectiveDirective));
    const fetched = await fetch(url).then((r) => `status ${r.status}`, (e) => `refused: ${e.name}`);
    const s = document.createElement("script");
    s.textContent = "window.__inline = 1";
    document.head.append(s);
    const base = document.createElement("base");
    base.href = "http://example.invalid/";
    document.head.prepend(base);
    const resolved = new URL("x", document.baseURI).origin;
    await new Promise((r) => setTimeout(r, 100)); // violation events are queued
    return { fetched, inline: window.__inline ?? null, resolved, origin: location.origin, violations: [...new Set(violations)].sort() };
  }, `${env.url}demo.html`);
  assert.match(got.fetched, /^refused/, "connect-src 'self'");
  assert.equal(got.inline, null, "no inline script");
  assert.equal(got.resolved, got.origin, "base-uri 'none'");
  assert.deepEqual(got.violations, ["base-uri", "connect-src", "script-src-elem"]);
  await page.close();
});

test("the worker cannot fetch another origin, and still loads the core from the package", async () => {
  const fetched = await env.worker.evaluate((url) => fetch(url).then((r) => `status ${r.status}`, (e) => `refused: ${e.name}`), `${env.url}demo.html`);
  assert.match(fetched, /^refused/, "connect-src 'self' holds in the service worker");
  const r = await checkPasted(env, "My patient in bed 4 today, 84yo retired headteacher from Hexham with dementia");
  assert.equal(r.verdict, "warn", "the popup's check works under the CSP");
});
