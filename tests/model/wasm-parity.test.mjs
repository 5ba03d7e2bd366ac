// The learned scorer gives the same verdicts natively and in wasm: a sample of the corpus
// (every 7th line, a group's lines spread through it) goes through the native CLI
// (`bedside check --jsonl`) and through the built wasm core with the same weights, and
// every verdict, kind and finding must match; so must the rules pass the worker answers
// first (`--first-pass`, `checkRules`), which must never warn where the full check does
// not (the scorer may veto a rules warning, so that pass warns only on what it cannot).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = join(import.meta.dirname, "..", "..");
const DIST = join(ROOT, "dist", "chromium");
const GLUE = join(ROOT, "target", "wasm-glue");

test("the corpus gets the same verdicts natively and in wasm", async () => {
  const lines = readFileSync(join(ROOT, "corpus", "corpus.jsonl"), "utf8").trim().split("\n")
    .filter((_, i) => i % 7 === 0).map((l) => JSON.parse(l));
  assert.ok(lines.length > 1000, `a real sample (${lines.length} lines)`);
  // The wasm's check takes one message replied to: the other person's messages, one a line.
  const incoming = (c) => Array.isArray(c) ? c.filter((m) => m.from === "them").map((m) => m.text).join("\n") : (c ?? "");
  const input = lines.map((r) => JSON.stringify({ id: r.id, text: r.text, context: incoming(r.context) })).join("\n") + "\n";
  const cli = spawnSync("cargo", ["run", "-q", "--release", "--bin", "bedside", "--", "check", "--jsonl"],
    { cwd: ROOT, input, encoding: "utf8", maxBuffer: 1 << 28 });
  assert.equal(cli.status, 0, cli.stderr);
  const native = cli.stdout.trim().split("\n").map((l) => JSON.parse(l));

  const core = await import(pathToFileURL(join(GLUE, "bedside.js")).href).catch(() => null);
  assert.ok(core, "target/wasm-glue/bedside.js is built (npm run build)");
  core.initSync({ module: readFileSync(join(GLUE, "bedside_bg.wasm")) });
  const checker = new core.Checker(undefined);
  checker.useScorer(new core.Scorer(readFileSync(join(DIST, "model", "static.bin")), readFileSync(join(DIST, "model", "head.bin"))));
  const rulesCli = spawnSync("cargo", ["run", "-q", "--release", "--bin", "bedside", "--", "check", "--jsonl", "--first-pass"],
    { cwd: ROOT, input, encoding: "utf8", maxBuffer: 1 << 28 });
  assert.equal(rulesCli.status, 0, rulesCli.stderr);
  const nativeRules = rulesCli.stdout.trim().split("\n").map((l) => JSON.parse(l));
  const rank = { none: 0, caution: 1, warn: 2 };
  const shape = (r) => [r.verdict, r.kinds, r.findings.map((f) => [f.start, f.end, f.category])];
  let warned = 0;
  let raised = 0;
  let lowered = 0;
  lines.forEach((r, i) => {
    const w = checker.check(r.text, incoming(r.context));
    const n = native[i];
    assert.equal(n.id, r.id);
    assert.deepEqual(shape(w), shape(n), `line ${r.id}: ${r.text}`);
    if (n.verdict === "warn") warned += 1;
    // The rules pass the worker answers first: the same natively and in wasm, and never
    // a warning the full check takes back, so a warning drawn first never falls.
    const wr = checker.checkRules(r.text, incoming(r.context));
    assert.deepEqual(shape(wr), shape(nativeRules[i]), `rules pass, line ${r.id}: ${r.text}`);
    if (wr.verdict === "warn") assert.equal(w.verdict, "warn", `line ${r.id}: the rules pass warns, the full check says ${w.verdict}`);
    if (rank[wr.verdict] < rank[w.verdict]) raised += 1;
    if (rank[wr.verdict] > rank[w.verdict]) lowered += 1;
  });
  assert.ok(warned > lines.length / 10, `the sample has warnings to compare (${warned})`);
  assert.ok(raised > 0, "the scorer raises some verdicts above the rules'");
  assert.ok(lowered > 0, "the scorer's vetoes quiet some of the rules' cautions");
});
