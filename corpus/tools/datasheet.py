#!/usr/bin/env python3
"""Writes the figures part of corpus/DATASHEET.md from corpus/corpus.jsonl, corpus/STATS.json
and the rule engine's baseline (`bedside eval --rules-only --group-by group`). The prose
above the marker line is kept; everything below it is regenerated.

Usage (from the repository root): datasheet.py"""
import collections, json, os, re, subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "corpus")
MARK = "<!-- figures below are written by corpus/tools/datasheet.py -->"

PROFESSIONS = [
    ("nurses", r"nurs|\bhca\b|healthcare assistant|ward sister|charge|matron|\bicu\b|\ber\b|\brn\b"),
    ("doctors", r"doctor|\bgp\b|physician|consultant|resident|registrar|surgeon|intern|house officer|locum|psychiatr|anaesth|foundation|\bf1\b|\bf2\b|paediatrician|family doc"),
    ("paramedics/EMTs", r"paramedic|\bemt\b|ambo|ambulance|dispatcher"),
    ("dentists/dental nurses", r"dent|hygienist|orthodont"),
    ("pharmacists", r"pharma"),
    ("physios/OTs", r"physio|occupational|\bot\b|sports|chiro"),
    ("midwives", r"midwi|doula|maternity|neonatal"),
    ("care workers", r"carer|care worker|care assistant|support worker|home care|care home|activity"),
    ("social workers", r"social work|psycholog|therapist|counsel|mental health|crisis"),
    ("students", r"student"),
    ("receptionists/admin", r"reception|admin|secretar|porter|front desk|practice manager|comms"),
    ("radiographers/phlebotomists", r"radiograph|phlebotom|sonograph"),
]


def profession_of(p):
    p = (p or "").lower()
    for name, pat in PROFESSIONS:
        if re.search(pat, p):
            return name
    return "other / unstated" if p else "unstated"


def table(counter, head, top=None):
    rows = counter.most_common(top)
    out = [f"| {head} | lines |", "|---|---|"]
    out += [f"| {k or '(none)'} | {v} |" for k, v in rows]
    return "\n".join(out)


def main():
    rows = [json.loads(l) for l in open(os.path.join(CORPUS, "corpus.jsonl"), encoding="utf-8")]
    stats = json.load(open(os.path.join(CORPUS, "STATS.json")))
    label = collections.Counter(f"{r['expect']}/{r['kind']}" if r["kind"] else r["expect"] for r in rows)
    ctx = collections.Counter()
    for r in rows:
        c = r.get("context")
        cls = f"{r['expect']}/{r['kind']}" if r["kind"] else r["expect"]
        if c:
            ctx[cls + ", with a context"] += 1
        if isinstance(c, list) and len(c) >= 3:
            ctx[cls + ", a thread of 3+"] += 1
    pw = [r for r in rows if r["expect"] == "warn" and r["kind"] == "patient"]
    no_word = sum(1 for r in pw if not re.search(r"\b(patients?|pts?)\b", r["text"], re.I))
    hard_groups = ("h0", "n0")
    hard = sum(1 for r in rows if r["expect"] == "none" and r["group"].startswith(hard_groups))
    out = [MARK, "", f"## Counts ({len(rows)} lines)", "",
           table(label, "label"), "", table(ctx, "label and context"), "",
           f"Patient `warn` lines with no word \"patient\"/\"pt\": {no_word} of {len(pw)} ({no_word / max(1, len(pw)):.0%}).",
           f"`none` lines from the hard-negative and harmless-context briefs (h*, n*): {hard}.", "",
           "### Per group", "", "| group | lines | warn/patient | caution | warn/approach | none |", "|---|---|---|---|---|---|"]
    by_group = collections.defaultdict(collections.Counter)
    for r in rows:
        by_group[r["group"]][f"{r['expect']}/{r['kind']}" if r["kind"] else r["expect"]] += 1
    for g in sorted(by_group):
        c = by_group[g]
        out.append(f"| {g} | {sum(c.values())} | {c['warn/patient']} | {c['caution/patient']} | {c['warn/approach']} | {c['none']} |")
    out += ["", table(collections.Counter(r.get("site", "") for r in rows), "site"), "",
            table(collections.Counter(profession_of(r.get("profession")) for r in rows), "profession (grouped)"), "",
            table(collections.Counter(r.get("country", "") for r in rows), "country", 25), "",
            table(collections.Counter(r.get("register", "") for r in rows), "register", 25), "",
            "## Agreement and cleaning", "",
            "Cohen's kappa between the writer's (or first labeller's) label and the independent second label, "
            "over all four classes and for each class against the rest:", "",
            "| lines | pairs | overall | none | caution/patient | warn/patient | warn/approach |", "|---|---|---|---|---|---|---|"]
    for src, k in stats["kappa"].items():
        out.append(f"| {src} | {k['pairs']} | {k['overall']} | {k['none']} | {k['caution/patient']} | {k['warn/patient']} | {k['warn/approach']} |")
    out += ["", "| step | lines |", "|---|---|"] + [f"| {k} | {v} |" for k, v in stats["steps"].items()]
    baseline = subprocess.run([os.path.join(ROOT, "target", "release", "bedside"), "eval", os.path.join(CORPUS, "corpus.jsonl"),
                               "--rules-only", "--group-by", "group"], capture_output=True, text=True, check=True).stdout
    out += ["", "## Baseline: the rule engine alone", "",
            "`bedside eval corpus/corpus.jsonl --rules-only --group-by group` (the rules at the commit that added the corpus, "
            "not tuned to it; each cell is the share and its count):", "", "```", baseline.rstrip(), "```", ""]
    path = os.path.join(CORPUS, "DATASHEET.md")
    prose = open(path, encoding="utf-8").read().split(MARK)[0] if os.path.exists(path) else "# Datasheet\n\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(prose.rstrip() + "\n\n" + "\n".join(out))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
