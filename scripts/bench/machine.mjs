// What the benchmarks ran on: cores, CPU model, memory, and the tools' versions.
import { readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { output } from "../lib/run.mjs";

export function machine() {
  let cpu = cpus()[0]?.model ?? "unknown";
  try {
    cpu = readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpu;
  } catch { /* not Linux */ }
  const first = (cmd, args) => (output(cmd, args) ?? "").trim().split("\n")[0] || null;
  return {
    nproc: Number(first("nproc", [])) || cpus().length,
    cpu,
    memoryGiB: totalmem() / 2 ** 30,
    os: first("uname", ["-sr"]),
    rustc: first("rustc", ["--version"]),
    node: process.version,
    wasmBindgen: first("wasm-bindgen", ["--version"]),
  };
}
