#!/usr/bin/env python3
"""Checks one brief's raw output (corpus/raw/NN-*.jsonl): every line valid, the fields
right, counts per class against the brief's quota, and near-duplicates inside the file
(8-word shingles, Jaccard >= 0.5). Usage: check_raw.py FILE"""
import json, re, sys, collections

SITES = {"facebook", "x", "linkedin", "reddit", "instagram", "whatsapp", "messenger",
         "discord", "bluesky", "mastodon", "threads", "youtube"}
FIELDS = {"text", "context", "site", "expect", "kind", "why", "profession", "country", "register"}

def words(s):
    return re.findall(r"[\w']+", s.lower())

def shingles(s, n=8):
    w = words(s)
    if len(w) < n:
        return {" ".join(w)}
    return {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}

def context_text(c):
    if isinstance(c, list):
        return "\n".join(m.get("text", "") for m in c)
    return c or ""

def main(path):
    errors, rows = [], []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: not JSON ({e})"); continue
        missing = FIELDS - r.keys()
        if missing:
            errors.append(f"line {n}: missing {sorted(missing)}")
        if r.get("site") not in SITES and not (r.get("site") == "other" and r.get("src")):
            errors.append(f"line {n}: site {r.get('site')!r} is not one of {sorted(SITES)} (or 'other', for a real text with a src)")
        e, k = r.get("expect"), r.get("kind")
        if e not in ("none", "caution", "warn"):
            errors.append(f"line {n}: expect {e!r}")
        if (e == "none") != (k == "") or (e == "caution" and k != "patient") or k not in ("", "patient", "approach"):
            errors.append(f"line {n}: expect {e!r} with kind {k!r}")
        c = r.get("context", "")
        if isinstance(c, list):
            for m in c:
                if not isinstance(m, dict) or m.get("from") not in ("them", "me") or not isinstance(m.get("text"), str):
                    errors.append(f"line {n}: a thread message must be {{'from': 'them'|'me', 'text': ...}}")
        elif not isinstance(c, str):
            errors.append(f"line {n}: context must be a string or a list")
        if not isinstance(r.get("text"), str) or not r["text"].strip():
            errors.append(f"line {n}: empty text")
        rows.append(r)
    counts = collections.Counter()
    for r in rows:
        cls = {"warn": "W" if r.get("kind") == "patient" else "A", "caution": "C", "none": "N"}.get(r.get("expect"), "?")
        counts[cls] += 1
        if r.get("context"):
            counts[cls + "+context"] += 1
        if isinstance(r.get("context"), list):
            counts[cls + "+thread"] += 1
    nopt = sum(1 for r in rows if r.get("expect") == "warn" and r.get("kind") == "patient"
               and not re.search(r"\b(patients?|pts?)\b", r.get("text", ""), re.I))
    sh = [shingles(r.get("text", "")) for r in rows]
    dups = []
    for i in range(len(rows)):
        for j in range(i):
            a, b = sh[i], sh[j]
            if len(a & b) / max(1, len(a | b)) >= 0.5:
                dups.append((j + 1, i + 1))
    print(f"{path}: {len(rows)} lines")
    print("counts:", dict(sorted(counts.items())))
    print(f"patient warn without the word patient/pt: {nopt}")
    print("sites:", dict(collections.Counter(r.get('site') for r in rows).most_common()))
    for a, b in dups[:30]:
        print(f"near-duplicate: lines {a} and {b}")
    for e in errors[:50]:
        print("ERROR", e)
    print("OK" if not errors and not dups else f"{len(errors)} errors, {len(dups)} near-duplicates")

if __name__ == "__main__":
    main(sys.argv[1])
