// `npm test`: set up (installing what is missing), type-check the extension, run the
// Rust tests, build the extension, then the end-to-end tests in headless Chromium.
// Failing checks do not hide later ones: each runs, and the end says which failed.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { build } from "./build.mjs";
import { fail, ROOT, step } from "./lib/run.mjs";
import { setup } from "./setup.mjs";

const failed = [];

/** Runs one check, showing its output; remembers it if it fails. */
function check(name, cmd, args) {
  step(name, () => {
    const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit" });
    if (r.status !== 0) failed.push(name);
  });
}

const t0 = performance.now();
step("setup", setup);
check("lint (tsc --noEmit)", process.execPath,
  [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", "tsconfig.json"]);
check("cargo test", "cargo", ["test", "-q", "--workspace"]);
check("policy templates match managed_schema.json", process.execPath, [join(ROOT, "scripts", "check-policy-templates.mjs")]);
await step("build", build);
check("e2e (node --test tests/e2e/)", process.execPath, ["--test", "--test-reporter=spec", "tests/e2e/"]);
const took = `${((performance.now() - t0) / 1000).toFixed(0)} s`;
if (failed.length) fail(`npm test failed after ${took}: ${failed.join(", ")} (see above)`);
console.log(`npm test passed in ${took}`);
