// The other tools' side of the comparison: a Python virtual environment, ./.venv-bench,
// with Presidio's analyzer and scrubadub at the versions in scripts/bench/requirements.txt,
// created and filled (from PyPI) on first use; then scripts/bench/others.py in it.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fail, have, output, ROOT, run } from "../lib/run.mjs";

export const VENV = join(ROOT, ".venv-bench");
const REQUIREMENTS = join(ROOT, "scripts", "bench", "requirements.txt");
const STAMP = join(VENV, ".bedside-requirements");
const PY = join(VENV, "bin", "python");

function python() {
  for (const cmd of ["python3", "python"]) {
    const v = output(cmd, ["-c", "import sys, venv; print('%d.%d' % sys.version_info[:2])"]);
    if (v && Number(v.split(".")[0]) === 3 && Number(v.split(".")[1]) >= 9) return cmd;
  }
  return null;
}

/** Creates .venv-bench and installs the requirements when they changed; returns its python. */
export function pythonEnv() {
  const want = readFileSync(REQUIREMENTS, "utf8");
  if (existsSync(PY) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === want) return PY;
  let py = python();
  if (!py || output(py, ["-c", "import ensurepip"]) === null) {
    if (have("apt-get") && process.getuid?.() === 0) {
      console.log("bench: installing python3 and python3-venv from Debian's packages");
      const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
      run("apt-get", ["update", "-qq"], "run `apt-get install python3-venv`", { env, stdio: ["ignore", "ignore", "inherit"] });
      run("apt-get", ["install", "-y", "-qq", "python3", "python3-venv"], "run `apt-get install python3-venv`",
        { env, stdio: ["ignore", "ignore", "inherit"] });
      py = python();
    }
    if (!py) fail("Python 3.9+ with venv is needed for the comparison with other tools: install python3-venv");
  }
  console.log(`bench: creating ${VENV} (Presidio, scrubadub from PyPI; takes a minute or two)`);
  run(py, ["-m", "venv", "--clear", VENV], "could not create the Python virtual environment");
  run(PY, ["-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", REQUIREMENTS],
    "pip could not install scripts/bench/requirements.txt (needs PyPI)");
  writeFileSync(STAMP, want);
  return PY;
}

/** Runs others.py on the corpus; resolves to its JSON. */
export function runOthers(corpus, out, { limit = 0, repeats = 3 } = {}) {
  const py = pythonEnv();
  const args = [join(ROOT, "scripts", "bench", "others.py"), corpus, out, "--repeats", String(repeats)];
  if (limit) args.push("--limit", String(limit));
  run(py, args, "the comparison with other tools failed: see above");
  return JSON.parse(readFileSync(out, "utf8"));
}
