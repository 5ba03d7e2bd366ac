// Runs the core's criterion benches (crate/benches/check.rs) and reads their results from
// criterion's own files: <CRITERION_HOME>/<group>/<bench>/new/{benchmark,estimates}.json.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT, run } from "../lib/run.mjs";

export const CRITERION_HOME = join(ROOT, "target", "criterion");

/** Every benchmark.json under `dir`, with the estimates beside it. */
function collect(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (!e.isDirectory()) continue;
    if (e.name === "new" && existsSync(join(p, "benchmark.json")) && existsSync(join(p, "estimates.json"))) {
      const b = JSON.parse(readFileSync(join(p, "benchmark.json"), "utf8"));
      const est = JSON.parse(readFileSync(join(p, "estimates.json"), "utf8"));
      out.push({
        id: b.full_id,
        throughput: b.throughput ?? null,
        medianNs: est.median.point_estimate,
        medianCi: [est.median.confidence_interval.lower_bound, est.median.confidence_interval.upper_bound],
        meanNs: est.mean.point_estimate,
      });
    } else collect(p, out);
  }
  return out;
}

/** Runs `cargo bench` for the check bench; returns { benches: {id: …}, firstCheckNs }. */
export function runCriterion({ quick = false } = {}) {
  // Stale results of benches that no longer exist must not show up.
  rmSync(CRITERION_HOME, { recursive: true, force: true });
  const times = quick ? ["--warm-up-time", "0.2", "--measurement-time", "0.5"]
    : ["--warm-up-time", "1", "--measurement-time", "4"];
  run("cargo", ["bench", "-q", "-p", "bedside", "--bench", "check", "--", "--noplot", ...times],
    "fix the benchmark build above", { env: { ...process.env, CRITERION_HOME } });
  const benches = Object.fromEntries(collect(CRITERION_HOME).map((b) => [b.id, b]));
  const first = join(CRITERION_HOME, "first-check.json");
  const firstCheckNs = existsSync(first) ? JSON.parse(readFileSync(first, "utf8")).ns : null;
  return { benches, firstCheckNs, settings: times.join(" ") };
}
