"""Extraction throughput in memory, and its ratio to the spaCy blank tokenizer's on the same texts.

What this leaves out: start-up (imports, loading the gazetteer and the span model), reading and
checking the input file, merging duplicates, writing the output, and the store. Users never run
this; `bench/bench_extract_process.py` times `litkg extract` as whole processes, as users run it,
and its ratios are the ones to quote. This one isolates the extraction code.

    python bench/bench_extract.py [--papers 3000] [--rounds 3] [--json]

Texts: the titles and abstracts of the seed pages and of the abstract files in ../shared/eval
(LITKG_SHARED points elsewhere), cycled to --papers papers. Without them it falls back to the
shipped sample and says so loudly: its ~33 distinct texts, cycled, are mostly strings the
tokenizer has cached, so the tokenizer's rate there is a cache rate and the ratio (far lower)
is not comparable with the README's figures.

Each round builds a fresh tokenizer and a fresh litkg pipeline (building them is not timed),
then times the tokenizer alone and litkg's full extraction (tokenizer, sentencizer, gazetteer,
discovery patterns, paper assembly) on the same texts. Fresh objects matter: spaCy caches the
tokenization of every string it has seen, so a second pass over repeated texts measures cache
look-ups, not tokenization. That warm figure is reported too (a second pass in the same round).
The ratio is the median over rounds of litkg's throughput / the tokenizer's.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from itertools import cycle, islice
from pathlib import Path

import spacy

from litkg.extract import Extractor, build_nlp, default_gazetteer
from litkg.readers import read_papers

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LITKG_SHARED") or REPO.parent / "shared")

FALLBACK_WARNING = """\
WARNING: no seed pages or eval abstracts in {shared}: benchmarking on the shipped sample instead,
{distinct} distinct texts cycled to {papers} papers. spaCy's tokenizer caches the strings it has seen,
so on so few texts it runs at its cache rate: the tokenizer rate and the ratio below are NOT
comparable with the README's figures (measured on the seed pages and eval abstracts). Use the litkg
papers/s only as a rough figure, or put ../shared beside the checkout."""


def sample_files() -> list[Path]:
    """The shipped sample corpus (not its gold file)."""
    return sorted(p for p in (REPO / "litkg" / "sample").iterdir()
                  if p.suffix in (".jsonl", ".csv", ".txt") and p.name != "gold.jsonl")


def load_papers(count: int):
    files = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "eval").glob("*/abstracts.*.jsonl"))
    if not files:
        files = sample_files()
    seen, papers = set(), []
    for path in files:
        for paper in read_papers(path, on_error="skip"):
            if paper.key not in seen and paper.abstract:
                seen.add(paper.key)
                papers.append(paper)
    return list(islice(cycle(papers), count)), len(papers), [str(f) for f in files]


def timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--papers", type=int, default=3000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    papers, distinct, files = load_papers(args.papers)
    fallback = files == [str(f) for f in sample_files()]
    warning = FALLBACK_WARNING.format(shared=SHARED, distinct=distinct, papers=len(papers)) if fallback else None
    if warning:
        print(warning, file=sys.stderr)
    texts = [t for p in papers for t in (p.title, p.abstract)]
    chars = sum(len(t) for t in texts)
    gazetteer = default_gazetteer()

    cold, warm = [], []
    entities = 0
    for _ in range(args.rounds):
        tokenizer = spacy.blank("en").tokenizer
        extractor = Extractor(build_nlp(gazetteer))

        def tokenize():
            for _doc in tokenizer.pipe(texts, batch_size=256):
                pass

        def extract():
            nonlocal entities
            entities = sum(len(x.entities) for x in extractor.extract_many(papers, batch_size=128))

        tok, ext = timed(tokenize), timed(extract)
        cold.append((tok, ext))
        warm.append((timed(tokenize), timed(extract)))

    def summary(pairs):
        tok = statistics.median(t for t, _ in pairs)
        ext = statistics.median(e for _, e in pairs)
        return {
            "tokenizer_papers_per_s": round(len(papers) / tok, 1),
            "extract_papers_per_s": round(len(papers) / ext, 1),
            "ratio": round(statistics.median(t / e for t, e in pairs), 3),
        }

    result = {
        "papers": len(papers), "distinct_papers": distinct, "characters": chars, "rounds": args.rounds,
        "entities": entities, "inputs": files, "fresh": summary(cold), "warm_cache": summary(warm),
        "sample_fallback": fallback, "comparable_with_readme": not fallback,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{len(papers)} papers ({distinct} distinct), {chars:,} characters, {args.rounds} rounds, {entities} entities")
    for label, key in (("fresh pipelines", "fresh"), ("warm caches (2nd pass)", "warm_cache")):
        row = result[key]
        print(f"{label:24s} tokenizer {row['tokenizer_papers_per_s']:>9,.1f} papers/s   "
              f"litkg {row['extract_papers_per_s']:>8,.1f} papers/s   ratio {row['ratio']:.3f}")
    if warning:
        print("(sample fallback: these ratios are tokenizer-cache ratios, not comparable with the README's; "
              "see the warning above)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
