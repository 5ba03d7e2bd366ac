// Builds the test builds, dist/probe-chromium and dist/probe-firefox: dist/chromium and
// dist/firefox unchanged except for content.js, bundled again with `__PROBE__` true
// (extension/src/content/probe.ts): an open overlay, verdicts and spans in `data-*`
// attributes, the check counters on the page's root element and `bedside:*` User Timing
// measures, for the e2e tests and benchmarks to read. The shipped builds have none of it;
// tests that prove what a page can and cannot see load those instead.
import { cpSync, rmSync, renameSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./run.mjs";

export const PROBE_DIRS = {
  chromium: join(ROOT, "dist", "probe-chromium"),
  firefox: join(ROOT, "dist", "probe-firefox"),
};

/** Derives both test builds from the shipped ones (which must be built). */
export async function buildProbes(esbuild, options) {
  for (const [name, dir] of Object.entries(PROBE_DIRS)) {
    const tmp = join(ROOT, "dist", `.probe-${name}-${process.pid}`);
    rmSync(tmp, { recursive: true, force: true });
    try {
      cpSync(join(ROOT, "dist", name), tmp, { recursive: true });
      await esbuild.build({ ...options, define: { __PROBE__: "true" }, outfile: join(tmp, "content.js") });
      rmSync(dir, { recursive: true, force: true });
      renameSync(tmp, dir);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
}
