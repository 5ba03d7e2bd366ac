// Loads a wasm build of the core through its wasm-bindgen glue and checks one draft;
// exits non-zero if it cannot. Usage: node wasm-smoke.mjs <glue.js> <core.wasm>
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [glue, wasm] = process.argv.slice(2);
const core = await import(pathToFileURL(glue).href);
core.initSync({ module: readFileSync(wasm) });
const report = new core.Checker(undefined).check("My patient in bed 4 today, 84yo from Hexham", "");
if (!["none", "caution", "warn"].includes(report?.verdict)) throw new Error(`bad report: ${JSON.stringify(report)}`);
