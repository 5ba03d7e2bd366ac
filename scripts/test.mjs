// `npm test`: set up (installing what is missing), type-check the extension, run the
// Rust tests, fuzz the core for a minute per target (BEDSIDE_SKIP_FUZZ=1 skips that),
// build the extension, check that the wasm core judges the corpus as the native one does,
// then the end-to-end tests in headless Chromium; then
// `web-ext lint` on the Firefox build and its end-to-end tests in headless Firefox ESR.
// Failing checks do not hide later ones: each runs, and the end says which failed.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { build } from "./build.mjs";
import { fuzz } from "./fuzz.mjs";
import { fail, ROOT, step } from "./lib/run.mjs";
import { setup } from "./setup.mjs";

const failed = [];

/** Runs one check, showing its output; remembers it if it fails. */
function check(name, cmd, args, env = {}) {
  step(name, () => {
    const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
    if (r.status !== 0) failed.push(name);
  });
}

const t0 = performance.now();
step("setup", setup);
check("lint (tsc --noEmit)", process.execPath,
  [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", "tsconfig.json"]);
check("cargo test", "cargo", ["test", "-q", "--workspace"]);
check("policy templates match managed_schema.json", process.execPath, [join(ROOT, "scripts", "check-policy-templates.mjs")]);
if (process.env.BEDSIDE_SKIP_FUZZ === "1") console.log("▸ fuzz: skipped (BEDSIDE_SKIP_FUZZ=1)");
else await step("fuzz (cargo fuzz, 60 s per target)", async () => { if (!(await fuzz())) failed.push("fuzz"); });
await step("build", build);
check("model: native and wasm agree (node --test tests/model/)", process.execPath, ["--test", "--test-reporter=spec", "tests/model/"]);
check("e2e (node --test tests/e2e/)", process.execPath, ["--test", "--test-reporter=spec", "tests/e2e/"]);
check("web-ext lint (dist/firefox)", process.execPath, [join(ROOT, "node_modules", "web-ext", "bin", "web-ext.js"),
  "lint", "--source-dir", "dist/firefox", "--warnings-as-errors", "--no-config-discovery", "--no-input"], { NO_UPDATE_NOTIFIER: "1" });
check("Firefox e2e and packages (node --test tests/e2e-firefox/)", process.execPath, ["--test", "--test-reporter=spec", "tests/e2e-firefox/"]);
const took = `${((performance.now() - t0) / 1000).toFixed(0)} s`;
if (failed.length) fail(`npm test failed after ${took}: ${failed.join(", ")} (see above)`);
console.log(`npm test passed in ${took}`);
