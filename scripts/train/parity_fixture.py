"""Writes the encoder's parity fixture (crate/tests/data/encoder-parity.bin and .json): a
small student with random weights (seeded), exported as head.bin version 3, and the
probabilities PyTorch gives it for a handful of drafts and threads. The Rust test
`crate/tests/encoder_parity.rs` loads the same weights and must give the same
probabilities, so the hand-written transformer is held to PyTorch's arithmetic.

Run from the training venv: .venv-train/bin/python scripts/train/parity_fixture.py
"""
import json, os, sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import export, features, student  # noqa: E402

CASES = [
    ("the lady in bay 3 is the mayor's wife, came in last night", ""),
    ("haha yes go on then, friday works x", [{"from": "them", "text": "you did my stitches on tuesday"},
                                               {"from": "me", "text": "hope it's healing!"},
                                               {"from": "them", "text": "it is! drinks friday to say thanks?"}]),
    ("", ""),
    ("", "hello nurse"),
    ("be patient with the code review 🙏", "lol"),
    ("Long shift on the ward again, bed 12 kept buzzing. " * 40, ""),
]


def main():
    import torch
    student.D, student.HEADS, student.FFN, student.LAYERS = 16, 2, 24, 2
    rows = [{"text": t, "context": c} for t, c in CASES]
    feats, width = features.read(rows)
    tokens, X, owner = student.windows(student.read_tokens(rows), feats)
    _, table = export.read_static(os.path.join(features.ROOT, "crate", "model", "static.bin"))
    mu, sd = X.mean(0), X.std(0) + 1e-4
    net = student.build(table, width, 11)
    with torch.no_grad():
        for p in net.parameters():
            if p.requires_grad:
                p.mul_(2.0)
    net.eval()
    lg = student.logits(net, tokens, (X - mu) / sd, list(range(len(tokens))))
    out = np.full((len(rows), 3), -np.inf)
    np.maximum.at(out, owner, lg)
    a, b = np.array([0.8, 1.2, 1.0], np.float32), np.array([0.1, -0.2, 0.0], np.float32)
    p = 1 / (1 + np.exp(-(out * a + b)))
    data = os.path.join(features.ROOT, "crate", "tests", "data")
    os.makedirs(data, exist_ok=True)
    student.export_head(os.path.join(data, "encoder-parity.bin"), net, mu, sd, a, b,
                        np.full(3, 0.5, np.float32), np.zeros(3, np.float32))
    with open(os.path.join(data, "encoder-parity.json"), "w") as f:
        json.dump([{"text": t, "context": c, "probabilities": [round(float(x), 6) for x in pp]}
                   for (t, c), pp in zip(CASES, p)], f, ensure_ascii=False, indent=1)
    print("wrote crate/tests/data/encoder-parity.{bin,json}:", np.round(p, 4).tolist())


if __name__ == "__main__":
    main()
