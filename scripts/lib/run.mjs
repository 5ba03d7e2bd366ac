// Runs commands for the scripts (node built-ins only) and stops with one line on failure.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { homedir } from "node:os";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

// Tools cargo installs live here even when the shell's PATH does not say so.
const cargoBin = join(homedir(), ".cargo", "bin");
if (!(process.env.PATH ?? "").split(delimiter).includes(cargoBin)) {
  process.env.PATH = `${process.env.PATH ?? ""}${delimiter}${cargoBin}`;
}

/** Stops the script with one line saying what is wrong and how to fix it. */
export function fail(line) {
  console.error(`bedside: ${line}`);
  process.exit(1);
}

/** Whether `cmd` is on PATH. */
export function have(cmd) {
  return (process.env.PATH ?? "").split(delimiter).some((d) => d && existsSync(join(d, cmd)));
}

/** Runs `cmd args`, showing its output; on failure stops with `hint`. */
export function run(cmd, args, hint, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", ...opts });
  if (r.error) fail(`${cmd} could not start (${r.error.code ?? r.error.message}): ${hint}`);
  if (r.status !== 0) fail(`\`${[cmd, ...args].join(" ")}\` failed (exit ${r.status ?? r.signal}): ${hint}`);
  return r;
}

/** Runs `cmd args` quietly and returns its stdout, or null if it cannot run or fails. */
export function output(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return r.status === 0 ? r.stdout : null;
}

/** Prints a step's name and, when it ends (sync or async), how long it took. */
export function step(name, fn) {
  const t0 = performance.now();
  console.log(`▸ ${name}`);
  const done = () => console.log(`  ${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const result = fn();
  if (result instanceof Promise) return result.then((r) => (done(), r));
  done();
  return result;
}
