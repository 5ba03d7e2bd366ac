"""Writes the two weight files the Rust core reads (formats: crate/src/model/format.rs)."""
import struct

import numpy as np


def write_static(path, tokens, table):
    """tokens: list of str in id order; table: float array (tokens x dim). Stored as int8
    with one scale a row (max |x| / 127)."""
    table = np.asarray(table, dtype=np.float32)
    n, dim = table.shape
    assert n == len(tokens) and all("\n" not in t for t in tokens)
    scales = np.abs(table).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    q = np.clip(np.rint(table / scales[:, None]), -127, 127).astype(np.int8)
    vocab = "\n".join(tokens).encode("utf-8")
    with open(path, "wb") as f:
        f.write(b"BSDE" + struct.pack("<IIII", 1, n, dim, len(vocab)))
        f.write(vocab)
        f.write(scales.astype("<f4").tobytes())
        f.write(q.tobytes())


def read_static(path):
    """The dequantised table as the Rust core sees it, and the tokens."""
    with open(path, "rb") as f:
        b = f.read()
    assert b[:4] == b"BSDE"
    _, n, dim, vb = struct.unpack("<IIII", b[4:20])
    at = 20
    tokens = b[at:at + vb].decode("utf-8").split("\n"); at += vb
    scales = np.frombuffer(b, "<f4", n, at); at += 4 * n
    q = np.frombuffer(b, np.int8, n * dim, at).reshape(n, dim)
    return tokens, q.astype(np.float32) * scales[:, None]


def write_head(path, w1, b1, w2, b2, platt_a, platt_b, thresholds, vetoes):
    w1, w2 = np.asarray(w1, np.float32), np.asarray(w2, np.float32)
    hidden, inp = w1.shape
    outs = w2.shape[0]
    with open(path, "wb") as f:
        f.write(b"BSDH" + struct.pack("<IIII", 2, inp, hidden, outs))
        for a in (w1, b1, w2, b2, platt_a, platt_b, thresholds, vetoes):
            f.write(np.asarray(a, dtype="<f4").ravel().tobytes())
