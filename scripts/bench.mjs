// `npm bench`: runs the core's benchmarks (cargo bench) once there are any.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, run } from "./lib/run.mjs";

const benches = join(ROOT, "crate", "benches");
if (existsSync(benches) && readdirSync(benches).some((f) => f.endsWith(".rs"))) {
  run("cargo", ["bench", "-p", "bedside"], "fix the benchmark build above");
} else {
  console.log("bench: no benchmarks yet (crate/benches/ is empty)");
}
