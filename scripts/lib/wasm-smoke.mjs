// Loads a wasm build of the core through its wasm-bindgen glue and checks one draft;
// exits non-zero if it cannot. The learned scorer's weights come from crate/model/. Usage: node wasm-smoke.mjs <glue.js> <core.wasm>
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [glue, wasm] = process.argv.slice(2);
const core = await import(pathToFileURL(glue).href);
core.initSync({ module: readFileSync(wasm) });
const checker = new core.Checker(undefined);
const model = new URL("../../crate/model/", import.meta.url);
checker.useScorer(new core.Scorer(readFileSync(new URL("static.bin", model)), readFileSync(new URL("head.bin", model))));
const report = checker.check("My patient in bed 4 today, 84yo from Hexham", "");
if (!["none", "caution", "warn"].includes(report?.verdict)) throw new Error(`bad report: ${JSON.stringify(report)}`);
