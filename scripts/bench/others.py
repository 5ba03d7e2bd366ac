"""Throughput of other PII tools on the same texts Bedside is benchmarked on.

Usage: python others.py CORPUS.csv OUT.json [--limit N] [--repeats R]

Runs, on the `selftext` column of CORPUS.csv:
  * Microsoft Presidio's analyzer with every predefined English recognizer, behind a
    *blank* spaCy pipeline (spacy.blank("en"): a tokenizer, no trained model, so no NER:
    its model cannot be downloaded here). The pattern recognizers (phone, email, NHS,
    SSN, credit card, dates, URLs, IPs, ...) and the context enhancer still run.
  * scrubadub's default Scrubber (email, phone, URL, credentials, Twitter handles, ...).

Each tool is warmed up, then timed over all texts `repeats` times; the median pass gives
texts per second. Writes OUT.json with throughput, versions and what each tool found.
"""
import csv
import json
import statistics
import sys
import time
from collections import Counter
from importlib.metadata import version


def load(path, limit):
    csv.field_size_limit(1 << 24)
    with open(path, newline="", encoding="utf-8") as f:
        texts = [row["selftext"] for row in csv.DictReader(f)]
    return texts[:limit] if limit else texts


def presidio():
    import spacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    class BlankSpacy(SpacyNlpEngine):
        """spaCy's tokenizer only: no trained pipeline, so no named entities."""

        def load(self):
            self.nlp = {"en": spacy.blank("en")}

    engine = BlankSpacy(models=[{"lang_code": "en", "model_name": "blank"}])
    engine.load()
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
    names = sorted({e for r in analyzer.registry.get_recognizers("en", all_fields=True)
                    for e in r.supported_entities})

    def run(text):
        return [r.entity_type for r in analyzer.analyze(text=text, language="en")]

    return run, {"version": version("presidio-analyzer"), "spacy": version("spacy"),
                 "entities": names}


def scrubadub_tool():
    import scrubadub

    scrubber = scrubadub.Scrubber()
    names = sorted(scrubber._detectors.keys())

    def run(text):
        return [f.type for f in scrubber.iter_filth(text)]

    return run, {"version": version("scrubadub"), "detectors": names}


def measure(run, texts, repeats):
    for t in texts[: min(50, len(texts))]:
        run(t)
    found = Counter()
    flagged = 0
    passes = []
    for i in range(repeats):
        t0 = time.perf_counter()
        if i == 0:
            for t in texts:
                kinds = run(t)
                found.update(kinds)
                flagged += bool(kinds)
        else:
            for t in texts:
                run(t)
        passes.append(time.perf_counter() - t0)
    median = statistics.median(passes)
    return {"texts": len(texts), "chars": sum(len(t) for t in texts), "passes_s": passes,
            "median_s": median, "texts_per_s": len(texts) / median,
            "texts_flagged": flagged, "found": dict(found.most_common())}


def main():
    args = sys.argv[1:]
    corpus, out = args[0], args[1]
    limit = int(args[args.index("--limit") + 1]) if "--limit" in args else 0
    repeats = int(args[args.index("--repeats") + 1]) if "--repeats" in args else 3
    texts = load(corpus, limit)
    result = {}
    for name, make in (("presidio", presidio), ("scrubadub", scrubadub_tool)):
        t0 = time.perf_counter()
        run, info = make()
        info["setup_s"] = time.perf_counter() - t0
        info.update(measure(run, texts, repeats))
        result[name] = info
        print(f"  {name}: {info['texts_per_s']:.0f} texts/s ({info['texts_flagged']} of "
              f"{len(texts)} flagged)", flush=True)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
