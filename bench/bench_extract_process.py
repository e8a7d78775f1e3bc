"""Extraction speed as users run it: whole processes on one JSONL file, in one run.

    python bench/bench_extract_process.py [--papers 30000] [--json]

Writes a deterministic file of seed-like records (titles and abstracts made of sentences drawn
from the seed pages in ../shared/seeds, or from the shipped sample when that is absent — then the
texts are fewer and more repetitive, and the figures say so), then times, each as its own
process from start to exit:

* ``tokenizer``: read the JSONL and run ``spacy.blank("en")``'s tokenizer over
  title + " " + abstract — the floor any spaCy-based extractor stands on;
* ``litkg extract FILE --out OUT`` (the default pipeline, with the learned span model, on as
  many worker processes as the machine has cores);
* ``litkg extract FILE --out OUT --fast`` (rules and gazetteer only);
* both again with ``--workers 1`` (one process).

It prints wall time, user CPU, peak RSS and each process's throughput as a ratio to the
tokenizer process's. Ratios come from one run: the machine is shared, so compare ratios, not
seconds, across runs.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")

TOKENIZER_SCRIPT = """
import json, sys, spacy
tokenizer = spacy.blank("en").tokenizer
count = 0
with open(sys.argv[1], encoding="utf-8") as lines:
    for line in lines:
        row = json.loads(line)
        tokenizer((row.get("title") or "") + " " + (row.get("abstract") or ""))
        count += 1
print(count)
"""


def source_papers() -> tuple[list, str]:
    from litkg.readers import read_papers

    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    if seeds:
        files, origin = seeds, "the seed pages"
    else:
        sample = REPO / "litkg" / "sample"
        files = sorted(p for p in sample.iterdir() if p.suffix in (".jsonl", ".csv", ".txt") and p.name != "gold.jsonl")
        origin = "the shipped sample (../shared absent: fewer, more repetitive texts)"
    papers = [p for path in files for p in read_papers(path, on_error="skip")]
    return papers, origin


def write_corpus(path: Path, count: int, seed: int = 0) -> str:
    """``count`` records whose abstracts are 4–9 sentences drawn from the source papers."""
    papers, origin = source_papers()
    rng = random.Random(seed)
    sentences = [s for p in papers for s in _SENTENCE.split(p.abstract or "") if len(s) > 20]
    titles = [p.title for p in papers if p.title]
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            abstract = " ".join(rng.choice(sentences) for _ in range(rng.randint(4, 9)))
            title = f"{rng.choice(titles)} ({number})"
            out.write(json.dumps({"id": f"bench-{number}", "title": title, "abstract": abstract}) + "\n")
    return origin


def run(argv: list[str]) -> dict:
    """Wall time, user CPU and peak RSS of one whole process."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if status != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{stderr}")
    return {"wall_s": round(wall, 2), "user_s": round(usage.ru_utime, 2), "peak_rss_mb": round(usage.ru_maxrss / 1024)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--papers", type=int, default=30000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    litkg = [sys.executable, "-m", "litkg.cli"] if not _has_script() else ["litkg"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "papers.jsonl"
        origin = write_corpus(corpus, args.papers)
        out = str(Path(tmp) / "out.jsonl")
        results = {"tokenizer": run([sys.executable, "-c", TOKENIZER_SCRIPT, str(corpus)])}
        for flags in ([], ["--fast"], ["--workers", "1"], ["--fast", "--workers", "1"]):
            results[" ".join(["litkg extract"] + flags)] = run(litkg + ["extract", str(corpus), "--out", out] + flags)
    base = results["tokenizer"]["wall_s"]
    for name, row in results.items():
        row["papers_per_s"] = round(args.papers / row["wall_s"])
        row["ratio_to_tokenizer"] = round(base / row["wall_s"], 3)
    report = {"papers": args.papers, "texts_from": origin, "processes": results}
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{args.papers} records (texts from {origin}); whole processes, one run:")
    print(f"{'process':36s} {'wall s':>8s} {'user s':>8s} {'RSS MB':>8s} {'papers/s':>9s} {'ratio':>7s}")
    for name, row in results.items():
        print(f"{name:36s} {row['wall_s']:8.2f} {row['user_s']:8.2f} {row['peak_rss_mb']:8d} "
              f"{row['papers_per_s']:9d} {row['ratio_to_tokenizer']:7.3f}")
    return 0


def _has_script() -> bool:
    from shutil import which

    return which("litkg") is not None


if __name__ == "__main__":
    sys.exit(main())
