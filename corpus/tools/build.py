#!/usr/bin/env python3
"""Builds the corpus from its parts; run from the repository root.

  build.py inputs    writes corpus/labels/in/<group>*.jsonl: what a labeller sees (id,
                     text, context, site: never the writer's verdict), for every brief in
                     corpus/raw/ and for the real comments, in batches
  build.py disagreements
                     writes corpus/labels/in/adj-NN.jsonl: lines the two labels disagree on,
                     with both verdicts (in a random order), for the adjudicating pass
  build.py corpus    merges writers' lines, labels and adjudications into corpus/corpus.jsonl,
                     drops near-duplicates and lines that repeat the dev set, and prints
                     agreement (Cohen's kappa per class) and counts (corpus/STATS.json)

Ids are the group and the line's number in its raw file (p01-...-0007), so they stay put
when other groups change. Labels live in corpus/labels/<labeller>/<group>*.jsonl as
{"id", "expect", "kind"} lines; labellers are "writer" (the brief's own label),
"second" (an independent labeller), "first" (for real comments, which have no writer)
and "third" (the adjudicating pass, on disagreements only).
"""
import collections, csv, glob, json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "corpus")
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "corpus")
REDDIT_GROUP = "reddit-healthcare"
# Lines per blind labelling batch (BEDSIDE_BATCH overrides: smaller batches let more
# labellers work at once).
BATCH = int(os.environ.get("BEDSIDE_BATCH", "700"))


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def write_jsonl(path, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def written():
    """Every writer's line, with its id and group."""
    out = []
    for path in sorted(glob.glob(os.path.join(CORPUS, "raw", "*.jsonl"))):
        group = os.path.basename(path)[:-6]
        for n, r in enumerate(read_jsonl(path), 1):
            r = dict(r)
            r["id"] = f"{group}-{n:04d}"
            r["group"] = group
            out.append(r)
    return out


def reddit():
    """The real comments: the comment is the draft, the post it answers its context."""
    out = []
    with open(os.path.join(SHARED, "reddit-healthcare.csv"), encoding="utf-8") as f:
        for n, r in enumerate(csv.DictReader(f), 1):
            out.append({"id": f"{REDDIT_GROUP}-{n:04d}", "group": REDDIT_GROUP,
                        "text": r["selftext"], "context": r["title"].removeprefix("RE: ").strip(),
                        "site": "reddit", "profession": "", "country": "", "register": "real comment",
                        "src": "shared/corpus/reddit-healthcare.csv"})
    return out


def seen(r):
    return {"id": r["id"], "text": r["text"], "context": r.get("context", ""), "site": r.get("site", "")}


def inputs():
    """Blind batches for the second labeller: every line not yet in a batch, in a shuffled
    order across groups, under an opaque id (so neither the order nor the id hints at the
    brief or its verdict); corpus/labels/in/map.json maps opaque ids back. Real comments
    are batched the same way."""
    import random
    map_path = os.path.join(CORPUS, "labels", "in", "map.json")
    mapping = json.load(open(map_path)) if os.path.exists(map_path) else {}
    done = set(mapping.values())
    todo = [seen(r) for r in written() + reddit() if r["id"] not in done]
    rng = random.Random(len(mapping) + 7)
    rng.shuffle(todo)
    n0 = len(glob.glob(os.path.join(CORPUS, "labels", "in", "batch-*.jsonl")))
    for b in range(0, len(todo), BATCH):
        rows = []
        for r in todo[b:b + BATCH]:
            blind = f"L{len(mapping) + 1:05d}"
            mapping[blind] = r["id"]
            rows.append({**r, "id": blind})
        write_jsonl(os.path.join(CORPUS, "labels", "in", f"batch-{n0 + b // BATCH + 1:02d}.jsonl"), rows)
    os.makedirs(os.path.dirname(map_path), exist_ok=True)
    with open(map_path, "w") as f:
        json.dump(mapping, f, indent=0)
    print(f"{len(todo)} lines into {-(-len(todo) // BATCH)} new batches")


def disagreements():
    """Adjudication batches: every line whose two labels differ and that has no third
    label yet, under its blind id, with the two verdicts in a random order (never saying
    whose is which), in corpus/labels/in/adj-NN.jsonl."""
    import random
    mapping = json.load(open(os.path.join(CORPUS, "labels", "in", "map.json")))
    blind = {v: k for k, v in mapping.items()}
    rows = {r["id"]: r for r in written() + reddit()}
    a = {r["id"]: label_of(r) for r in rows.values() if "expect" in r}
    a.update(labels("first"))
    b, c = labels("second"), labels("third")
    asked = set()
    for path in glob.glob(os.path.join(CORPUS, "labels", "in", "adj-*.jsonl")):
        asked |= {mapping[r["id"]] for r in read_jsonl(path)}
    todo = [i for i in b if i in a and a[i] != b[i] and i not in c and i not in asked]
    rng = random.Random(len(asked) + 11)
    rng.shuffle(todo)
    n0 = len(glob.glob(os.path.join(CORPUS, "labels", "in", "adj-*.jsonl")))
    out = []
    for i in todo:
        pair = [a[i], b[i]]
        rng.shuffle(pair)
        out.append({**seen(rows[i]), "id": blind[i], "candidates": pair})
    for k in range(0, len(out), 450):
        write_jsonl(os.path.join(CORPUS, "labels", "in", f"adj-{n0 + k // 450 + 1:02d}.jsonl"), out[k:k + 450])
    print(f"{len(out)} disagreements into {-(-len(out) // 450)} adjudication batches")


def labels(labeller):
    """A labeller's verdicts by line id (blind ids mapped back)."""
    map_path = os.path.join(CORPUS, "labels", "in", "map.json")
    mapping = json.load(open(map_path)) if os.path.exists(map_path) else {}
    out = {}
    for path in glob.glob(os.path.join(CORPUS, "labels", labeller, "*.jsonl")):
        for r in read_jsonl(path):
            out[mapping.get(r["id"], r["id"])] = label_of(r)
    return out


def label_of(r):
    e, k = r.get("expect", ""), r.get("kind", "") or ""
    if e not in ("none", "caution", "warn"):
        raise SystemExit(f"bad label {r}")
    if e == "none":
        k = ""
    if e == "caution":
        k = "patient"
    if e == "warn" and k not in ("patient", "approach"):
        raise SystemExit(f"bad kind {r}")
    return f"{e}/{k}" if k else e


CLASSES = ["none", "caution/patient", "warn/patient", "warn/approach"]


def kappa(pairs, cls=None):
    """Cohen's kappa over (a, b) label pairs; with `cls`, for that class against the rest."""
    if cls:
        pairs = [(a == cls, b == cls) for a, b in pairs]
    n = len(pairs)
    if not n:
        return float("nan")
    po = sum(a == b for a, b in pairs) / n
    ca, cb = collections.Counter(a for a, _ in pairs), collections.Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def words(s):
    return re.findall(r"[\w']+", s.lower())


def shingles(s, n=8):
    w = words(s)
    if len(w) < n:
        return {" ".join(w)} if w else set()
    return {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}


def near_duplicates(rows, against=()):
    """Indices of rows whose 8-word shingles overlap an earlier row's (or one of `against`)
    with Jaccard >= 0.5 (texts under 8 words: the same words)."""
    index = collections.defaultdict(list)
    sets = []
    for t in against:
        s = shingles(t)
        sets.append(s)
        for x in s:
            index[x].append(len(sets) - 1)
    drop = {}
    for i, r in enumerate(rows):
        s = shingles(r["text"] + " " + context_text(r.get("context")))
        cands = collections.Counter(j for x in s for j in index[x])
        for j, shared in cands.items():
            if shared / max(1, len(s | sets[j])) >= 0.5:
                drop[i] = j
                break
        sets.append(s)
        if i not in drop:
            for x in s:
                index[x].append(len(sets) - 1)
    return drop


def context_text(c):
    if isinstance(c, list):
        return " ".join(m.get("text", "") for m in c)
    return c or ""


def corpus():
    rows = written() + reddit()
    writer = {r["id"]: label_of(r) for r in rows if "expect" in r}
    lab = {name: labels(name) for name in ("first", "second", "third")}
    dev = read_jsonl(os.path.join(SHARED, "dev.jsonl"))
    stats = collections.Counter()
    kept, pairs = [], collections.defaultdict(list)
    for r in rows:
        a = writer.get(r["id"]) or lab["first"].get(r["id"])
        b = lab["second"].get(r["id"])
        if a is None or b is None:
            stats["unlabelled"] += 1
            continue
        pairs["real" if r["group"] == REDDIT_GROUP else "written"].append((a, b))
        r["labels"] = {("writer" if r["id"] in writer else "first"): a, "second": b}
        final = a
        if a != b:
            c = lab["third"].get(r["id"])
            if c is None:
                stats["disagreed, not adjudicated (dropped)"] += 1
                continue
            r["labels"]["third"] = c
            if c not in (a, b):
                stats["adjudicator chose a third label (kept)"] += 1
            final = c
            stats["disagreed, adjudicated"] += 1
        e, _, k = final.partition("/")
        r["expect"], r["kind"] = e, k
        kept.append(r)
    dev_texts = [d["text"] + " " + (d.get("context") or "") for d in dev]
    dup = near_duplicates(kept, dev_texts)
    n_dev = sum(1 for j in dup.values() if j < len(dev_texts))
    stats["near-duplicate of a dev line (dropped)"] = n_dev
    stats["near-duplicate inside the corpus (dropped)"] = len(dup) - n_dev
    out = []
    for i, r in enumerate(kept):
        if i in dup:
            continue
        order = ["id", "group", "text", "context", "site", "expect", "kind", "why", "labels",
                 "profession", "country", "register", "src"]
        out.append({k: r[k] for k in order if k in r})
    write_jsonl(os.path.join(CORPUS, "corpus.jsonl"), out)
    report = {"lines": len(out), "steps": dict(stats),
              "kappa": {src: {"overall": round(kappa(p), 3), **{c: round(kappa(p, c), 3) for c in CLASSES},
                              "pairs": len(p)} for src, p in pairs.items()}}
    with open(os.path.join(CORPUS, "STATS.json"), "w") as f:
        json.dump(report, f, indent=1)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    {"inputs": inputs, "disagreements": disagreements, "corpus": corpus}[sys.argv[1] if len(sys.argv) > 1 else "corpus"]()
