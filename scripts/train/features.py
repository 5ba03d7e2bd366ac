"""Reads feature vectors from the Rust core (`bedside features --jsonl`), so training sees
exactly what the shipped model computes: same tokenizer, same int8 embeddings, same rule
findings."""
import json, os, struct, subprocess

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def bedside():
    subprocess.run(["cargo", "build", "--release", "-q", "--bin", "bedside"], cwd=ROOT, check=True)
    return os.path.join(ROOT, "target", "release", "bedside")


def read(rows):
    """For each row: (windows array [w, width], rules patient, rules approach, flags: engine.rs
    ALONE | FIRM)."""
    inp = "".join(json.dumps({"text": r["text"], "context": r.get("context") or ""}, ensure_ascii=False) + "\n" for r in rows)
    out = subprocess.run([bedside(), "features", "--jsonl"], input=inp.encode("utf-8"),
                         capture_output=True, check=True).stdout
    n, width = struct.unpack_from("<II", out, 0)
    assert n == len(rows), (n, len(rows))
    at, res = 8, []
    for _ in range(n):
        p, a, flags, w = struct.unpack_from("<IIII", out, at)
        at += 16
        x = np.frombuffer(out, "<f4", w * width, at).reshape(w, width)
        at += 4 * w * width
        res.append((x, p, a, flags))
    assert at == len(out)
    return res, width
