// Firefox ESR from Debian's packages: installing it (setup) and starting it with the
// Firefox build installed as a temporary add-on, driven by puppeteer-core over WebDriver
// BiDi (tests). Managed settings come from an enterprise policies.json in a temporary
// distribution directory, seen only by that Firefox (see tests/e2e-firefox/firefox-with-policies.sh).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ROOT } from "./run.mjs";
import { PROBE_DIRS } from "./probe.mjs";
import { GECKO_ID } from "./targets.mjs";

export const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
const WITH_POLICIES = join(ROOT, "tests", "e2e-firefox", "firefox-with-policies.sh");
/** The add-on's internal UUID in the test profile, fixed so its pages have a known URL. */
export const EXTENSION_UUID = "6f1f5e0e-7b1c-4f7e-9d2a-0b5edc0de001";
/** A blank page added to the test copy of the add-on (never to dist/): a window in the
 * add-on's own origin, where the tests read what the add-on's APIs return. */
export const HOOK_PAGE = "bedside-test-hook.html";

/** Installs firefox-esr from Debian's packages when it is missing. Never fatal: without
 * it the Firefox tests skip, saying why. Quick when it is present. */
export function ensureFirefox() {
  if (existsSync(FIREFOX)) return true;
  const root = process.getuid?.() === 0;
  if (!root || spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status !== 0) {
    console.log(`setup: ${FIREFOX} is missing and cannot be installed here (needs root and apt-get): the Firefox tests will skip (\`sudo apt-get install firefox-esr\` adds it)`);
    return false;
  }
  console.log("setup: installing firefox-esr from Debian's packages");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const opts = { env, stdio: ["ignore", "ignore", "inherit"] };
  const ok = spawnSync("apt-get", ["update", "-qq"], opts).status === 0 &&
    spawnSync("apt-get", ["install", "-y", "-qq", "firefox-esr"], opts).status === 0 && existsSync(FIREFOX);
  if (!ok) console.log("setup: firefox-esr could not be installed: the Firefox tests will skip");
  return ok;
}

/** Why a private mount namespace (for the temporary policies.json) cannot be made here,
 * or null when it can. */
export function namespaceProblem() {
  const args = ["--mount", "--propagation", "private", ...(process.getuid?.() === 0 ? [] : ["--map-root-user"]), "true"];
  const r = spawnSync("unshare", args, { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  if (r.error) return `unshare cannot run (${r.error.code})`;
  return r.status === 0 ? null : `unshare --mount fails: ${r.stderr.trim()}`;
}

/** The Firefox version, e.g. "153.7.0", or null. */
export function firefoxVersion() {
  const r = spawnSync(FIREFOX, ["--version"], { encoding: "utf8" });
  return r.status === 0 ? (r.stdout.match(/(\d+(?:\.\d+)+)/)?.[1] ?? null) : null;
}

/** Starts Firefox (headless, throwaway profile) with the Firefox build installed as a
 * temporary add-on. With `policies` (the object under "policies" in policies.json), they
 * are in force for this Firefox only. Resolves to { browser, extensionId, openHook, close }. */
export async function launch({ policies = null, headless = true, dir = PROBE_DIRS.firefox } = {}) {
  if (!existsSync(join(dir, "manifest.json"))) throw new Error(`${dir} is not built: run \`npm run build\``);
  const puppeteer = (await import("puppeteer-core")).default;
  const tmp = mkdtempSync(join(tmpdir(), "bedside-firefox-"));
  // The add-on under test: the test build of dist/firefox (lib/probe.mjs), plus the blank hook page.
  const addon = join(tmp, "addon");
  cpSync(dir, addon, { recursive: true });
  writeFileSync(join(addon, HOOK_PAGE), '<!doctype html>\n<meta charset="utf-8">\n<title>Bedside test hook</title>\n');
  const env = {
    ...process.env,
    // Lets the tests open the add-on's own page (WebDriver refuses moz-extension: URLs
    // otherwise); only in this throwaway test Firefox.
    MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: "1",
  };
  let executablePath = FIREFOX;
  if (policies) {
    // A copy of the install's distribution/ with our policies.json in it.
    const dist = join(tmp, "distribution");
    const installed = join(dirname(realpathSync(FIREFOX)), "distribution");
    if (existsSync(installed)) cpSync(realpathSync(installed), dist, { recursive: true });
    else mkdirSync(dist);
    writeFileSync(join(dist, "policies.json"), JSON.stringify({ policies }, null, 2));
    Object.assign(env, { BEDSIDE_FIREFOX: FIREFOX, BEDSIDE_DISTRIBUTION: dist });
    executablePath = WITH_POLICIES;
  }
  let browser;
  let extensionId;
  try {
    browser = await puppeteer.launch({
      browser: "firefox",
      executablePath,
      protocol: "webDriverBiDi",
      headless,
      env,
      defaultViewport: { width: 900, height: 900 },
      extraPrefsFirefox: {
        "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      },
    });
    extensionId = await browser.installExtension(addon);
  } catch (e) {
    await browser?.close().catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const hookUrl = `moz-extension://${EXTENSION_UUID}/${HOOK_PAGE}`;

  /** Opens the hook page in a new tab; resolves to the puppeteer Page, in the add-on's
   * origin with its extension APIs. (puppeteer's goto never sees this navigation end —
   * the tab moves to the extension process — so the page's own state is awaited.) */
  async function openHook() {
    const page = await browser.newPage();
    const stop = new AbortController();
    const nav = page.goto(hookUrl, { timeout: 15000, signal: stop.signal }).catch(() => {});
    const t0 = performance.now();
    for (;;) {
      const ready = await page.evaluate((url) => location.href === url && document.readyState === "complete" &&
        typeof chrome === "object" && !!chrome.runtime?.id, hookUrl).catch(() => false);
      if (ready) break;
      if (performance.now() - t0 > 15000) throw new Error(`the add-on's page ${hookUrl} did not open`);
      await new Promise((r) => setTimeout(r, 50));
    }
    stop.abort();
    await nav;
    return page;
  }

  const close = async () => {
    await browser.close().catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
  };
  return { browser, extensionId, openHook, close };
}

