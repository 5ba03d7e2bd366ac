// `npm run fuzz -- [seconds] [target…] [--max-len N] [--sanitizer none|address]`: builds
// the cargo-fuzz project in crate/fuzz and runs its targets (`check`, `policy`; all by
// default) for `seconds` each (60 by default), side by side when there are cores for it.
// `npm test` runs it with the defaults. The working corpus (crate/fuzz/corpus/<target>/,
// gitignored) is topped up from the committed seeds and past crashes first, so it grows
// across local runs. Any crash, panic, timeout (an input over 10 s: the engine is linear
// time, so slowness is a bug) or out-of-memory fails the run and names the input libFuzzer
// saved under crate/fuzz/artifacts/<target>/.
//
// Stable Rust only: RUSTC_BOOTSTRAP=1 lets it take the -Z flags cargo-fuzz passes.
// Sanitizer `none` by default: the core is safe Rust, and ASan is ~12× slower here.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fail, have, ROOT } from "./lib/run.mjs";

const CRATE = join(ROOT, "crate");
const FUZZ = join(CRATE, "fuzz");
export const TARGETS = ["check", "policy"];
/** Longest input per target for the short run; a longer run may raise it. */
const MAX_LEN = { check: 4096, policy: 2048 };
// RUST_LIB_BACKTRACE=0: keeps cargo-fuzz's own backtrace out of a crash report.
const ENV = { ...process.env, RUSTC_BOOTSTRAP: "1", RUST_LIB_BACKTRACE: "0" };

/** Copies the committed seeds and past crashes into the target's working corpus. */
function seedCorpus(target) {
  const corpus = join(FUZZ, "corpus", target);
  mkdirSync(corpus, { recursive: true });
  for (const dir of ["seeds", "regressions"]) {
    const from = join(FUZZ, dir, target);
    if (!existsSync(from)) continue;
    for (const name of readdirSync(from)) {
      if (name.startsWith(".") || existsSync(join(corpus, `${dir}-${name}`))) continue;
      copyFileSync(join(from, name), join(corpus, `${dir}-${name}`));
    }
  }
  return corpus;
}

/** Runs one target; resolves to true when libFuzzer found nothing. */
function runTarget(target, { seconds, maxLen, sanitizer }) {
  const corpus = seedCorpus(target);
  const args = ["fuzz", "run", "-s", sanitizer, "-a", target, corpus, "--",
    `-max_total_time=${seconds}`, `-max_len=${maxLen ?? MAX_LEN[target]}`, "-timeout=10",
    `-dict=${join(FUZZ, "dicts", `${target}.dict`)}`, "-print_final_stats=1"];
  const child = spawn("cargo", args, { cwd: CRATE, env: ENV, stdio: ["ignore", "pipe", "pipe"] });
  const tail = [];
  const stats = {};
  let status = "";
  let artifact = null;
  const onLine = (line) => {
    tail.push(line);
    if (tail.length > 80) tail.shift();
    if (/^#\d+\s+(INITED|DONE|NEW|REDUCE|pulse)\b/.test(line)) status = line;
    if (/^#\d+\s+(INITED|DONE)\b/.test(line)) console.log(`  [${target}] ${line}`);
    const stat = line.match(/^stat::(\w+):\s+(\d+)/);
    if (stat) stats[stat[1]] = Number(stat[2]);
    const unit = line.match(/Test unit written to (\S+)/);
    if (unit) artifact = unit[1];
  };
  createInterface({ input: child.stdout }).on("line", onLine);
  createInterface({ input: child.stderr }).on("line", onLine);
  // Long runs say how they are doing once a minute.
  const ticker = seconds > 120 ? setInterval(() => console.log(`  [${target}] ${status}`), 60_000) : null;
  return new Promise((done) => {
    child.on("close", (code, signal) => {
      if (ticker) clearInterval(ticker);
      const cov = status.match(/cov: (\d+) ft: (\d+) corp: (\S+)/);
      if (code === 0) {
        console.log(`  [${target}] ok: ${stats.number_of_executed_units ?? "?"} inputs, ` +
          `${stats.average_exec_per_sec ?? "?"}/s, coverage ${cov?.[1] ?? "?"} edges ` +
          `(${cov?.[2] ?? "?"} features), corpus ${cov?.[3] ?? "?"}, peak ${stats.peak_rss_mb ?? "?"} MB`);
        return done(true);
      }
      console.error(tail.map((l) => `  [${target}] ${l}`).join("\n"));
      const saved = artifact ? resolve(CRATE, artifact) : null;
      console.error(`bedside: fuzz target \`${target}\` failed (exit ${code ?? signal})` + (saved
        ? `; the input is ${relative(ROOT, saved)}\n  replay: cd crate && RUSTC_BOOTSTRAP=1 cargo fuzz run -s ${sanitizer} ${target} ${relative(CRATE, saved)}` +
          `\n  keep it: copy it to crate/fuzz/regressions/${target}/<what-broke> (crate/tests/fuzz_regressions.rs replays it)`
        : ""));
      done(false);
    });
  });
}

/**
 * Builds the fuzz targets and runs each for `seconds`; resolves to true when all pass.
 * @param {{seconds?: number, targets?: string[], maxLen?: number, sanitizer?: string}} opts
 */
export async function fuzz({ seconds = 60, targets = TARGETS, maxLen, sanitizer = "none" } = {}) {
  if (!have("cargo-fuzz")) {
    console.error("bedside: cargo-fuzz is missing: run `cargo install --locked cargo-fuzz`");
    return false;
  }
  const built = spawnSync("cargo", ["fuzz", "build", "-s", sanitizer, "-a", ...(targets.length === 1 ? targets : [])],
    { cwd: CRATE, env: ENV, stdio: "inherit" });
  if (built.status !== 0) {
    console.error(`bedside: \`cargo fuzz build\` failed (exit ${built.status ?? built.signal ?? built.error?.message})`);
    return false;
  }
  const lanes = Math.max(1, Math.min(targets.length, availableParallelism()));
  const queue = [...targets];
  const results = [];
  await Promise.all(Array.from({ length: lanes }, async () => {
    while (queue.length) results.push(await runTarget(queue.shift(), { seconds, maxLen, sanitizer }));
  }));
  return results.every(Boolean);
}

/** Reads `[seconds] [target…] [--max-len N] [--sanitizer S]`. */
function parseArgs(argv) {
  const opts = { targets: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--max-len") opts.maxLen = Number(argv[++i]);
    else if (a === "--sanitizer") opts.sanitizer = argv[++i];
    else if (/^\d+$/.test(a)) opts.seconds = Number(a);
    else if (TARGETS.includes(a)) opts.targets.push(a);
    else fail(`fuzz: unknown argument ${a}: use [seconds] [${TARGETS.join("|")}…] [--max-len N] [--sanitizer none|address]`);
  }
  if (opts.maxLen !== undefined && !(opts.maxLen > 0)) fail("fuzz: --max-len wants a positive number");
  if (!opts.targets.length) delete opts.targets;
  return opts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!(await fuzz(parseArgs(process.argv.slice(2))))) process.exit(1);
}
