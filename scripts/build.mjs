// Builds the extension into dist/chromium/ (then dist/firefox/ and the store zips, see
// lib/targets.mjs): the Rust core to wasm (release), its JS glue
// with wasm-bindgen, size-optimised with wasm-opt when present, the TypeScript bundled with
// esbuild, and the manifest, _locales and static files copied. It builds in a temporary
// directory and renames it into place, so nothing half-built looks complete. Last, the
// test builds the e2e tests load (dist/probe-*, see lib/probe.mjs).
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { gzipSync } from "node:zlib";
import { spawnSync } from "node:child_process";
import { fail, have, output, ROOT, run, step } from "./lib/run.mjs";
import { buildProbes } from "./lib/probe.mjs";
import { buildTargets, FIREFOX_MIN } from "./lib/targets.mjs";
import { siteSentence } from "./lib/sites.mjs";

export const DIST = join(ROOT, "dist", "chromium");
const EXT = join(ROOT, "extension");
const WASM = join(ROOT, "target", "wasm32-unknown-unknown", "release", "bedside.wasm");
/** Older binaryen (Debian's 108) breaks the reference-types wasm of current Rust. */
const MIN_WASM_OPT = 116;
const SMOKE = join(ROOT, "scripts", "lib", "wasm-smoke.mjs");
export const GLUE = join(ROOT, "target", "wasm-glue");

/** extension/managed_schema.json as shipped: the site lists' descriptions name the site
 * ids of settings/sites.ts, the one list of them. */
function managedSchema() {
  const schema = JSON.parse(readFileSync(join(EXT, "managed_schema.json"), "utf8"));
  const sites = schema.properties.enabledSites;
  sites.description = sites.description.replace("{SITE_IDS}", siteSentence());
  if (sites.description.includes("{")) fail("managed_schema.json: enabledSites.description has an unknown placeholder");
  return JSON.stringify(schema, null, 2) + "\n";
}

function size(file) {
  const bytes = readFileSync(file);
  return `${(bytes.length / 1024).toFixed(0)} KB (${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(0)} KB gzipped)`;
}

/** esbuild and the content script's options, kept for the test builds. */
let esbuild;
let contentOptions;

async function bundle(tmp, gen) {
  try {
    esbuild = await import("esbuild");
  } catch {
    fail("esbuild is missing: run `npm ci` (or `node scripts/setup.mjs`)");
  }
  const common = {
    bundle: true,
    target: ["chrome120", `firefox${parseInt(FIREFOX_MIN, 10)}`],
    charset: "utf8",
    logLevel: "warning",
    alias: { "bedside-wasm": join(gen, "bedside.js") },
    legalComments: "none",
    // The test build's probes (extension/src/content/probe.ts) are compiled out here.
    define: { __PROBE__: "false" },
  };
  await esbuild.build({ ...common, entryPoints: [join(EXT, "src", "background.ts")], format: "esm", outfile: join(tmp, "background.js") });
  contentOptions = { ...common, entryPoints: [join(EXT, "src", "content", "main.ts")], format: "iife" };
  await esbuild.build({ ...contentOptions, outfile: join(tmp, "content.js") });
  // The extension pages: the toolbar popup and the options page (ES modules, with their HTML and CSS).
  await esbuild.build({ ...common, entryPoints: { popup: join(EXT, "src", "popup", "main.ts"), options: join(EXT, "src", "options", "main.ts") }, format: "esm", outdir: tmp });
  for (const f of PAGE_FILES) cpSync(join(EXT, "src", f), join(tmp, basename(f)));
}

/** The extension pages' static files, copied flat into the build. */
const PAGE_FILES = ["popup/popup.html", "popup/popup.css", "options/options.html", "options/options.css", "ui/pages.css"];

/** Shrinks the wasm with wasm-opt, keeping the result only if it still loads and checks
 * (an old binaryen, such as Debian's, can emit a module that fails at run time) and is
 * smaller gzipped (binaryen 132's -Oz output gzips 13 KB larger: docs/BENCHMARKS.md). */
function optimise(gen, wasmOut) {
  const version = Number((output("wasm-opt", ["--version"]) ?? "").match(/version (\d+)/)?.[1] ?? 0);
  if (version < MIN_WASM_OPT) {
    console.log(`  wasm-opt ${version} is too old for this Rust's wasm (needs ${MIN_WASM_OPT}+): shipping the wasm unoptimised`);
    return;
  }
  const optimised = join(gen, "bedside_opt.wasm");
  const opt = spawnSync("wasm-opt", ["-Oz", "--enable-bulk-memory", "--enable-sign-ext", "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int", "--enable-reference-types", "--enable-multivalue",
    join(gen, "bedside_bg.wasm"), "-o", optimised], { stdio: ["ignore", "ignore", "pipe"] });
  const smoke = opt.status === 0 &&
    spawnSync(process.execPath, [SMOKE, join(gen, "bedside.js"), optimised], { stdio: "ignore" }).status === 0;
  const gz = (f) => gzipSync(readFileSync(f), { level: 9 }).length;
  if (smoke && gz(optimised) < gz(wasmOut)) cpSync(optimised, wasmOut);
  else if (smoke) console.log(`  wasm-opt ${version} does not shrink the gzipped wasm: shipping it as wasm-bindgen left it`);
  else console.log(`  wasm-opt ${version} produced a module that does not run: shipping the wasm unoptimised`);
}

/** Builds dist/chromium. */
export async function build() {
  for (const tool of ["cargo", "wasm-bindgen"]) {
    if (!have(tool)) fail(`${tool} is missing: run \`node scripts/setup.mjs\``);
  }
  step("cargo build (wasm32, release)", () =>
    run("cargo", ["build", "-q", "--release", "--lib", "--target", "wasm32-unknown-unknown", "-p", "bedside"],
      "fix the Rust build error above (or run `node scripts/setup.mjs` for the wasm32 target)"));

  const tmp = join(ROOT, "dist", `.chromium-${process.pid}`);
  const gen = join(ROOT, "dist", `.gen-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    // The name section (function names, ~300 KB) only serves debuggers: not shipped.
    step("wasm-bindgen", () =>
      run("wasm-bindgen", ["--target", "web", "--no-typescript", "--remove-name-section", "--remove-producers-section", "--experimental-reset-state-function", "--out-dir", gen, WASM],
        "wasm-bindgen must match Cargo.lock: run `node scripts/setup.mjs`"));
    const wasmOut = join(tmp, "bedside_bg.wasm");
    cpSync(join(gen, "bedside_bg.wasm"), wasmOut);
    if (have("wasm-opt")) step("wasm-opt -Oz", () => optimise(gen, wasmOut));
    run(process.execPath, [SMOKE, join(gen, "bedside.js"), wasmOut], "the wasm core does not load: see the error above");
    // The glue and module as shipped, for tests that run the wasm core in Node
    // (tests/model/wasm-parity.test.mjs); not part of the extension.
    mkdirSync(GLUE, { recursive: true });
    cpSync(join(gen, "bedside.js"), join(GLUE, "bedside.js"));
    cpSync(wasmOut, join(GLUE, "bedside_bg.wasm"));
    await step("esbuild", () => bundle(tmp, gen));
    cpSync(join(EXT, "manifest.json"), join(tmp, "manifest.json"));
    writeFileSync(join(tmp, "managed_schema.json"), managedSchema());
    cpSync(join(EXT, "_locales"), join(tmp, "_locales"), { recursive: true });
    if (existsSync(join(EXT, "static"))) cpSync(join(EXT, "static"), tmp, { recursive: true });
    // The learned scorer's weights, read by the worker from the package (never fetched).
    mkdirSync(join(tmp, "model"), { recursive: true });
    for (const f of ["static.bin", "head.bin"]) cpSync(join(ROOT, "crate", "model", f), join(tmp, "model", f));

    rmSync(DIST, { recursive: true, force: true });
    renameSync(tmp, DIST);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(gen, { recursive: true, force: true });
  }
  console.log(`  model: ${size(join(DIST, "model", "static.bin"))} + ${size(join(DIST, "model", "head.bin"))}`);
  console.log(`  wasm: ${size(join(DIST, "bedside_bg.wasm"))}; content.js: ${size(join(DIST, "content.js"))}; background.js: ${size(join(DIST, "background.js"))}`);
  await step("firefox build and store packages", buildTargets);
  await step("test builds (dist/probe-chromium, dist/probe-firefox)", () => buildProbes(esbuild, contentOptions));
}

if (import.meta.url === `file://${process.argv[1]}`) await build();
