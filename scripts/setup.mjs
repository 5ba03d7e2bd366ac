// Installs what is missing, quickly when everything is present: the wasm32 target,
// wasm-bindgen-cli at exactly Cargo.lock's version, Chromium (and binaryen's wasm-opt,
// optional) and Firefox ESR (for its tests; they skip without it) from Debian, and the
// npm packages. Node built-ins only: it runs before npm.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ensureFirefox } from "./lib/firefox.mjs";
import { fail, have, output, ROOT, run } from "./lib/run.mjs";

export const CHROMIUM = "/usr/bin/chromium";

/** The wasm-bindgen version pinned in Cargo.lock. */
export function wasmBindgenVersion() {
  const lock = readFileSync(join(ROOT, "Cargo.lock"), "utf8");
  const m = lock.match(/\[\[package\]\]\s*name = "wasm-bindgen"\s*version = "([^"]+)"/);
  if (!m) fail("Cargo.lock names no wasm-bindgen version: run `cargo generate-lockfile`");
  return m[1];
}

function rust() {
  if (!have("cargo") || !have("rustup")) fail("Rust is missing: install it from https://rustup.rs");
  const targets = output("rustup", ["target", "list", "--installed"]) ?? "";
  if (!targets.split("\n").includes("wasm32-unknown-unknown")) {
    console.log("setup: adding the wasm32-unknown-unknown target");
    run("rustup", ["target", "add", "wasm32-unknown-unknown"], "run `rustup target add wasm32-unknown-unknown`");
  }
}

function wasmBindgen() {
  const want = wasmBindgenVersion();
  const got = (output("wasm-bindgen", ["--version"]) ?? "").trim().split(/\s+/)[1];
  if (got === want) return;
  console.log(`setup: installing wasm-bindgen-cli ${want} (found ${got ?? "none"}; takes about 4 minutes)`);
  run("cargo", ["install", "-q", "wasm-bindgen-cli", "--version", want, "--force"],
    `run \`cargo install wasm-bindgen-cli --version ${want}\``);
}

function apt(packages, hint) {
  if (!have("apt-get") || process.getuid?.() !== 0) fail(hint);
  console.log(`setup: installing ${packages.join(", ")} from Debian's packages`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  run("apt-get", ["update", "-qq"], hint, { env, stdio: ["ignore", "ignore", "inherit"] });
  run("apt-get", ["install", "-y", "-qq", ...packages], hint,
    { env, stdio: ["ignore", "ignore", "inherit"] });
}

function browser() {
  if (existsSync(CHROMIUM)) return;
  const extra = have("wasm-opt") ? [] : ["binaryen"];
  apt(["chromium", ...extra], `Chromium is missing at ${CHROMIUM}: run \`sudo apt-get install chromium\``);
}

function wasmOpt() {
  if (have("wasm-opt")) return;
  console.log("setup: wasm-opt not found; the wasm will not be size-optimised (`apt-get install binaryen` adds it)");
}

function npmPackages() {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const missing = Object.keys(pkg.devDependencies ?? {}).filter(
    (name) => !existsSync(join(ROOT, "node_modules", name, "package.json")),
  );
  if (!missing.length) return;
  console.log(`setup: installing npm packages (${missing.join(", ")} missing)`);
  const ci = existsSync(join(ROOT, "package-lock.json"));
  run("npm", [ci ? "ci" : "install", "--no-audit", "--no-fund"], "run `npm ci` (needs the npm registry)");
}

/** Checks and installs everything; fast when all is present. */
export function setup() {
  const [major] = process.versions.node.split(".").map(Number);
  if (major < 20) fail(`Node ${process.versions.node} is too old: install Node 20 or newer`);
  rust();
  wasmBindgen();
  browser();
  ensureFirefox();
  wasmOpt();
  npmPackages();
}

if (import.meta.url === `file://${process.argv[1]}`) setup();
