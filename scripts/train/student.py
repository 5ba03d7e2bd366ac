"""The contextual candidate (npm run train -- --student): a small transformer over the
shipped static embeddings, so that word order and the words around each word count — "my
mum" against "my patient", who did what to whom — which a pooled bag of vectors cannot see.

    draft tokens [<= DRAFT] + last incoming message's tail [<= CTX]
      -> frozen static embeddings (crate/model/static.bin, as the Rust core dequantises them)
      -> Linear(dim -> D) + position + segment (draft / message)
      -> LAYERS post-LN transformer layers (HEADS heads, FFN, ReLU)
      -> masked mean over the draft's tokens, and over the message's
      -> with the shipped head's 1,129 features (standardised): Linear(-> 64), ReLU, Linear(-> 3)

Trained with the same grouped folds, targets, calibration and threshold choice as the
shipped head (train.py), so the figures compare like with like. Token ids come from
`bedside tokens --jsonl` (the Rust tokenizer), features from `bedside features`.
"""
import json, os, subprocess, time

import numpy as np

import export, features, folds as folds_mod

DRAFT, CTX = 320, 64  # a draft window is at most 320 tokens (crate/src/model/mod.rs)
D, LAYERS, HEADS, FFN = 128, 1, 4, 256
EPOCHS = 8


def configure(layers=None, dim=None, epochs=None):
    """Overrides the shape for a comparison run (train.py --layers/--dim/--epochs); the
    feed-forward stays twice the width and the head count 4."""
    global D, LAYERS, FFN, EPOCHS
    if layers:
        LAYERS = layers
    if dim:
        D, FFN = dim, 2 * dim
    if epochs:
        EPOCHS = epochs


def read_tokens(rows):
    inp = "".join(json.dumps({"text": r["text"], "context": r.get("context") or ""}, ensure_ascii=False) + "\n" for r in rows)
    out = subprocess.run([features.bedside(), "tokens", "--jsonl"], input=inp.encode("utf-8"),
                         capture_output=True, check=True).stdout.decode("utf-8")
    toks = [json.loads(l) for l in out.splitlines() if l.strip()]
    assert len(toks) == len(rows)
    return [[(w[:DRAFT], t["last"][-CTX:]) for w in t["windows"]] for t in toks]


def windows(tokens, feats):
    """One training example a window, as the Rust core scores them: its token ids, its
    feature vector, and the line it belongs to."""
    toks, xs, owner = [], [], []
    for i, (ws, f) in enumerate(zip(tokens, feats)):
        assert len(ws) == len(f[0]), (i, len(ws), len(f[0]))
        for w, x in zip(ws, f[0]):
            toks.append(w)
            xs.append(x)
            owner.append(i)
    return toks, np.stack(xs).astype(np.float32), np.array(owner)


def build(table, feat_dim, seed):
    import torch
    from torch import nn
    torch.manual_seed(seed)

    class Student(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = nn.Embedding.from_pretrained(torch.tensor(table), freeze=True)
            self.proj = nn.Linear(table.shape[1], D)
            self.pos = nn.Embedding(DRAFT + CTX, D)
            self.seg = nn.Embedding(2, D)
            self.norm = nn.LayerNorm(D)
            layer = nn.TransformerEncoderLayer(D, HEADS, FFN, dropout=0.1, activation="relu", batch_first=True)
            self.enc = nn.TransformerEncoder(layer, LAYERS, enable_nested_tensor=False)
            self.head = nn.Sequential(nn.Dropout(0.1), nn.Linear(2 * D + feat_dim, 64), nn.ReLU(),
                                      nn.Dropout(0.2), nn.Linear(64, 3))

        def forward(self, ids, pos, seg, mask, x):
            h = self.norm(self.proj(self.emb(ids)) + self.pos(pos) + self.seg(seg))
            h = self.enc(h, src_key_padding_mask=~mask)
            pooled = []
            for s in (0, 1):
                m = (mask & (seg == s)).float().unsqueeze(-1)
                pooled.append((h * m).sum(1) / m.sum(1).clamp(min=1))
            return self.head(torch.cat(pooled + [x], 1))

    return Student()


def batch(tokens, X, idx):
    import torch
    seqs = [tokens[i][0] + tokens[i][1] for i in idx]
    n = max(1, max(len(s) for s in seqs))
    ids = torch.zeros(len(idx), n, dtype=torch.long)
    pos = torch.zeros(len(idx), n, dtype=torch.long)
    seg = torch.zeros(len(idx), n, dtype=torch.long)
    mask = torch.zeros(len(idx), n, dtype=torch.bool)
    for r, i in enumerate(idx):
        d, c = tokens[i]
        L = len(d) + len(c)
        ids[r, :L] = torch.tensor(d + c, dtype=torch.long)
        pos[r, :len(d)] = torch.arange(len(d))
        pos[r, len(d):L] = DRAFT + torch.arange(len(c))
        seg[r, len(d):L] = 1
        mask[r, :L] = True
    if n and not mask[:, 0].all():  # empty drafts: attend to position 0 at least
        mask[:, 0] = True
    return ids, pos, seg, mask, torch.tensor(X[idx], dtype=torch.float32)


def buckets(idx, tokens, size, rng):
    """Batches of similar length (less padding), in a seeded random order."""
    idx = np.array(idx)
    lens = np.array([len(tokens[i][0]) + len(tokens[i][1]) for i in idx])
    order = idx[np.lexsort((rng.random(len(idx)), lens))]
    bs = [order[b:b + size] for b in range(0, len(order), size)]
    rng.shuffle(bs)
    return bs


def train(tokens, X, Y, tr, table, seed, epochs=None, lr=1e-3):
    import torch
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    epochs = epochs or EPOCHS
    rng = np.random.default_rng(seed)
    net = build(table, X.shape[1], seed)
    opt = torch.optim.AdamW([p for p in net.parameters() if p.requires_grad], lr=lr, weight_decay=1e-4)
    Yt = torch.tensor(Y, dtype=torch.float32)
    pos = Yt[tr].mean(0).clamp(0.02, 0.98)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=((1 - pos) / pos).sqrt())
    steps = epochs * ((len(tr) + 31) // 32)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=steps, pct_start=0.1)
    for _ in range(epochs):
        net.train()
        for b in buckets(tr, tokens, 32, rng):
            opt.zero_grad()
            loss_fn(net(*batch(tokens, X, b)), Yt[b]).backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
    net.eval()
    return net


def logits(net, tokens, X, idx):
    import torch
    out = np.zeros((len(idx), 3), np.float32)
    order = sorted(range(len(idx)), key=lambda j: len(tokens[idx[j]][0]) + len(tokens[idx[j]][1]))
    with torch.no_grad():
        for b in range(0, len(order), 64):
            js = order[b:b + 64]
            out[js] = net(*batch(tokens, X, [idx[j] for j in js])).numpy()
    return out


def oof(rows, feats, Y, groups, k, seed, log=print):
    """Out-of-fold logits per line as train.oof gives them (a line's is its worst window's;
    dev predicted by the model trained on every corpus fold, which is also the one that
    ships). Returns the logits, the folds, the fold models, the full model and the
    features' standardisation."""
    tokens, X, owner = windows(read_tokens(rows), feats)
    _, table = export.read_static(os.path.join(features.ROOT, "crate", "model", "static.bin"))
    corpus_w = np.array([groups[o] != "dev" for o in owner])
    mu, sd = X[corpus_w].mean(0), X[corpus_w].std(0) + 1e-4
    Xs = (X - mu) / sd
    Yw = Y[owner]
    fold_of = folds_mod.assign([g for g in groups if g != "dev"], k)
    fold = np.array([fold_of.get(g, -1) for g in groups])
    wfold = fold[owner]
    out = np.full((len(rows), 3), -np.inf, np.float32)
    nets = []
    full = None
    for f in list(range(k)) + ["dev"]:
        t = time.time()
        if f == "dev":
            tr = np.flatnonzero(corpus_w)
            te = np.flatnonzero(~corpus_w)
        else:
            tr = np.flatnonzero(corpus_w & (wfold != f))
            te = np.flatnonzero(wfold == f)
        net = train(tokens, Xs, Yw, list(tr), table, seed + (99 if f == "dev" else f))
        if f == "dev":
            full = net
        else:
            nets.append(net)
        if len(te):
            np.maximum.at(out, owner[te], logits(net, tokens, Xs, list(te)))
        log(f"  student fold {f}: trained on {len(tr)} windows, predicted {len(te)} in {time.time() - t:.0f} s", flush=True)
    return out, fold, nets, full, (mu, sd)


def export_head(path, net, mu, sd, platt_a, platt_b, thresholds, vetoes):
    """head.bin version 3 (crate/src/model/format.rs): the encoder, then the head, with the
    features' standardisation folded into the head's first layer so it reads raw features."""
    import struct
    f32 = lambda t: np.asarray(t.detach().numpy() if hasattr(t, "detach") else t, dtype="<f4").ravel().tobytes()
    lin1, lin2 = net.head[1], net.head[4]
    w1 = lin1.weight.detach().numpy().astype(np.float64)
    b1 = lin1.bias.detach().numpy().astype(np.float64)
    enc_w = 2 * D
    wf = w1[:, enc_w:] / sd[None, :]
    b1 = b1 - wf @ mu
    w1 = np.concatenate([w1[:, :enc_w], wf], 1)
    dim_in = net.emb.weight.shape[1]
    with open(path, "wb") as fh:
        fh.write(b"BSDH" + struct.pack("<IIIII", 3, len(mu), w1.shape[0], 3, 1))
        fh.write(struct.pack("<7I", dim_in, D, HEADS, FFN, DRAFT, CTX, LAYERS))
        for t in (net.proj.weight, net.proj.bias, net.pos.weight, net.seg.weight, net.norm.weight, net.norm.bias):
            fh.write(f32(t))
        for l in net.enc.layers:
            for t in (l.self_attn.in_proj_weight, l.self_attn.in_proj_bias, l.self_attn.out_proj.weight,
                      l.self_attn.out_proj.bias, l.norm1.weight, l.norm1.bias, l.linear1.weight, l.linear1.bias,
                      l.linear2.weight, l.linear2.bias, l.norm2.weight, l.norm2.bias):
                fh.write(f32(t))
        for t in (w1, b1, lin2.weight, lin2.bias, platt_a, platt_b, thresholds, vetoes):
            fh.write(f32(t))
