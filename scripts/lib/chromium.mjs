// Launches Chromium with the unpacked extension (dist/chromium, or the test build
// dist/probe-chromium) in a throwaway profile, and finds the extension's service worker
// and id. Shared by `npm start` and the e2e tests.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./run.mjs";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const EXTENSION_DIR = join(ROOT, "dist", "chromium");
/** The id fixed by the manifest's `key`. */
export const EXTENSION_ID = "fmdgpdahincfpdeoehgfmjackncahpcj";

/** Starts Chromium with Bedside loaded; resolves to { context, worker, extensionId, close }. */
export async function launch({ headless = true, dir = EXTENSION_DIR, args = [] } = {}) {
  if (!existsSync(join(dir, "manifest.json"))) {
    throw new Error(`${dir} is not built: run \`npm run build\``);
  }
  const { chromium } = await import("playwright-core");
  const profile = mkdtempSync(join(tmpdir(), "bedside-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    viewport: { width: 900, height: 900 },
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic",
      ...args,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 15000 }));
  const extensionId = new URL(worker.url()).host;
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, worker, extensionId, close };
}
