// `npm start`: set up, build, serve the demo page of compose boxes, and open Chromium with
// Bedside loaded. With a display it stays open until the browser is closed. Without one
// it runs the demo headless: types a sample draft into each box, prints the warnings that
// appeared, saves dist/demo.png, and exits.
import { join } from "node:path";
import { build } from "./build.mjs";
import { EXTENSION_DIR, launch } from "./lib/chromium.mjs";
import { PROBE_DIRS } from "./lib/probe.mjs";
import { ROOT, step } from "./lib/run.mjs";
import { serve } from "./lib/serve.mjs";
import { setup } from "./setup.mjs";

/** What the headless demo types, box by box. */
const SAMPLES = [
  ["#post-box", "public post", "My patient in bed 4 today, 84yo retired headteacher from Hexham with dementia"],
  ["#comment-box", "comment reply", "Be patient with yourself, growth takes time"],
  ["#dm-box", "reply to Lucy's message", "Aw thanks! Would love to grab a coffee sometime"],
];

step("setup", setup);
await step("build", build);
const server = await serve(join(ROOT, "tests", "fixtures"), Number(process.env.PORT ?? 0));
const demo = `${server.url}demo.html`;
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
// Headless, the demo reads what was drawn, so it loads the test build (scripts/lib/probe.mjs).
const browser = await launch({ headless: !headed, dir: headed ? EXTENSION_DIR : PROBE_DIRS.chromium });
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.goto(demo);

if (headed) {
  console.log(`Bedside demo at ${demo} — type into the boxes; close the browser to stop.`);
  await new Promise((resolve) => browser.context.on("close", resolve));
  await server.close();
} else {
  console.log(`No display: running the demo headless at ${demo}`);
  for (const [selector, name, text] of SAMPLES) {
    await page.click(selector);
    await page.locator(selector).pressSequentially(text);
    await page.waitForFunction((len) => Number(document.documentElement.dataset.bedsideCheckedLength) === len,
      text.length, { timeout: 10000 }).catch(() => {});
    const badge = await page.evaluate((sel) => {
      const r = document.querySelector(sel).getBoundingClientRect();
      const badges = document.querySelector("[data-bedside-probe]")?.shadowRoot?.querySelectorAll(".badge") ?? [];
      const b = [...badges].find((x) => Math.abs(x.parentElement.getBoundingClientRect().top - r.top) < 1);
      return b ? `${b.dataset.verdict.toUpperCase()} — ${b.querySelector("button")?.title ?? ""}` : "nothing (no warning)";
    }, selector);
    console.log(`  ${name}: "${text}"\n    → ${badge}`);
  }
  await page.locator("#dm-box").blur();
  const png = join(ROOT, "dist", "demo.png");
  await page.screenshot({ path: png, fullPage: true });
  console.log(`Screenshot: ${png}`);
  await browser.close();
  await server.close();
}
