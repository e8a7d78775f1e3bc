"""Extraction throughput, and its ratio to the spaCy blank tokenizer's on the same texts.

    python bench/bench_extract.py [--papers 3000] [--rounds 3] [--json]

Texts are the seed pages' titles and abstracts (../shared/seeds; the shipped sample when they are
absent), repeated to --papers papers. The tokenizer and litkg's full extraction (sentencizer,
gazetteer, discovery patterns, paper assembly) run alternately for --rounds rounds in the same
process, and the median of each is reported, so the ratio is measured on one machine state.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from itertools import cycle, islice
from pathlib import Path

import spacy

from litkg.extract import Extractor
from litkg.readers import read_papers

REPO = Path(__file__).resolve().parents[1]


def load_papers(count: int):
    seeds = sorted((REPO.parent / "shared" / "seeds").glob("*.txt"))
    files = seeds or sorted((REPO / "litkg" / "sample").glob("*.*[lt]"))
    papers = [p for f in files for p in read_papers(f)]
    return list(islice(cycle(papers), count)), [str(f) for f in files]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--papers", type=int, default=3000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    papers, files = load_papers(args.papers)
    texts = [t for p in papers for t in (p.title, p.abstract)]
    chars = sum(len(t) for t in texts)
    tokenizer = spacy.blank("en").tokenizer
    extractor = Extractor()
    extractor.extract(papers[0])  # load the gazetteer outside the timed part

    tok_times, ext_times = [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        for _doc in tokenizer.pipe(texts, batch_size=256):
            pass
        tok_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        entities = sum(len(x.entities) for x in extractor.extract_many(papers, batch_size=128))
        ext_times.append(time.perf_counter() - start)

    tok, ext = statistics.median(tok_times), statistics.median(ext_times)
    result = {
        "papers": len(papers),
        "characters": chars,
        "inputs": files,
        "rounds": args.rounds,
        "tokenizer_seconds": round(tok, 3),
        "extract_seconds": round(ext, 3),
        "tokenizer_papers_per_s": round(len(papers) / tok, 1),
        "extract_papers_per_s": round(len(papers) / ext, 1),
        "extract_chars_per_s": round(chars / ext),
        "entities": entities,
        "ratio_extract_to_tokenizer": round(tok / ext, 3),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{len(papers)} papers, {chars:,} characters, {args.rounds} rounds (medians)")
        print(f"spaCy blank tokenizer : {result['tokenizer_papers_per_s']:>9,.1f} papers/s")
        print(f"litkg extraction      : {result['extract_papers_per_s']:>9,.1f} papers/s "
              f"({result['extract_chars_per_s']:,} chars/s, {entities} entities)")
        print(f"ratio extraction / tokenizer throughput: {result['ratio_extract_to_tokenizer']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
