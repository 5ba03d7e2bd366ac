// A wasm trap in the core. The fault is injected from the test: the next time the glue
// copies a non-ASCII draft into the instance's memory (TextEncoder#encodeInto, a global the
// test can wrap), the whole memory is zeroed first, so the call into the core traps (a
// WebAssembly.RuntimeError) and the instance is left broken, as a real trap leaves it. The
// trapped check is answered with an error (the popup's message gets `{error}`, the content
// script keeps what it drew); the next check runs on a fresh instance and warns.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { checks, drawn, openDemo, start, typeInto, waitForCheck } from "./browser.mjs";
import { openExtensionPage } from "./pages.mjs";

const PATIENT = "My patient in bed 4 today, 84yo retired headteacher from Hexham with dementia";

let env;
before(async () => {
  env = await start();
});
after(() => env?.close());

/** Arms the fault: the worker's next non-ASCII copy into wasm memory wrecks the memory. */
const armTrap = () => env.worker.evaluate(() => {
  const real = TextEncoder.prototype.encodeInto;
  TextEncoder.prototype.encodeInto = function (text, view) {
    TextEncoder.prototype.encodeInto = real; // once
    new Uint8Array(view.buffer).fill(0);
    return real.call(this, text, view);
  };
});

/** Asks the worker to check `text` as the popup does. */
const ask = (page, text) => page.evaluate((t) => chrome.runtime.sendMessage({ type: "bedside:check", text: t, context: "" }), text);

test("a trap answers that check with an error, and the next check runs on a fresh instance", async () => {
  const ext = await openExtensionPage(env, "options.html");
  assert.equal((await ask(ext, PATIENT)).report?.verdict, "warn", "the core works before the fault");
  await armTrap();
  const trapped = await ask(ext, `Zoë: ${PATIENT}`);
  assert.equal(trapped.report, undefined, "no report for the trapped check");
  assert.match(String(trapped.error), /the core stopped .*restarts/, "an error saying so");
  const next = await ask(ext, `Zoë: ${PATIENT}`);
  assert.equal(next.report?.verdict, "warn",
    `the next check runs on a fresh instance (the wasm glue must be built with --experimental-reset-state-function): ${JSON.stringify(next)}`);
  await ext.close();
});

test("a trap during typing: that check is lost, the next keystroke warns, nothing is thrown into the page", async () => {
  const page = await openDemo(env);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const draft = "My patient in bed 4 today, 84y"; // a caution; "o" makes it a warning
  await typeInto(page, "#post-box", draft);
  assert.equal((await drawn(page, "#post-box")).verdict, "caution");
  await armTrap();
  const n = await checks(page);
  await page.keyboard.type("é");
  await new Promise((r) => setTimeout(r, 800)); // the debounce, the trapped check, its error reply
  assert.equal(await checks(page), n, "the trapped check drew nothing");
  assert.equal((await drawn(page, "#post-box")).verdict, "caution", "what was drawn stays");
  await page.keyboard.press("Backspace");
  const m = await checks(page);
  await page.keyboard.type("o");
  await waitForCheck(page, m, draft.length + 1);
  assert.equal((await drawn(page, "#post-box")).verdict, "warn", "the next check warns");
  assert.deepEqual(errors, []);
  await page.close();
});
