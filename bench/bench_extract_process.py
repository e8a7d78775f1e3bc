"""Extraction speed as users run it: whole processes on one JSONL file, in one run.

    python bench/bench_extract_process.py [--papers 30000] [--processes NAME ...] [--json]

Writes a deterministic file of seed-like records (titles and abstracts made of sentences drawn
from the seed pages in ../shared/seeds, or from the shipped sample when that is absent — then the
texts are fewer and more repetitive, and the figures say so), then times, each as its own
process from start to exit:

* ``tokenizer``: read the JSONL and run ``spacy.blank("en")``'s tokenizer over
  title + " " + abstract — the floor any spaCy-based extractor stands on;
* ``litkg extract FILE --out OUT`` (the default pipeline, with the learned span model, on as
  many worker processes as the machine has cores);
* ``litkg extract FILE --out OUT --fast`` (rules and gazetteer only);
* both again with ``--workers 1`` (one process);
* with ``--processes build build-fast``: ``litkg build FILE --db NEW.db --workers 2`` (default and
  ``--fast``), each into a new store (names: ``extract``, ``extract-fast``, ``extract-1``,
  ``extract-fast-1``, ``build``, ``build-fast``, ``build-1``, ``build-fast-1``; default: the four
  extract processes).

It prints wall time, CPU (user + system, workers included), peak RSS (the largest process, and
the process tree's sum) and each process's throughput as a ratio to the
tokenizer process's. Ratios come from one run: the machine is shared, so compare ratios, not
seconds, across runs.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from pathlib import Path

from scale import TOKENIZER_SCRIPT, litkg_command, run  # bench/, this script's folder

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")

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


#: The litkg processes ``--processes`` can name: the command and its flags.
PROCESSES = {
    "extract": ("extract", []), "extract-fast": ("extract", ["--fast"]),
    "extract-1": ("extract", ["--workers", "1"]), "extract-fast-1": ("extract", ["--fast", "--workers", "1"]),
    "build": ("build", ["--workers", "2"]), "build-fast": ("build", ["--fast", "--workers", "2"]),
    "build-1": ("build", ["--workers", "1"]), "build-fast-1": ("build", ["--fast", "--workers", "1"]),
}


def time_litkg(names: list[str], corpus: Path, tmp: Path) -> dict:
    """Each named litkg process, one after the other, on ``corpus``; builds into new stores."""
    results = {}
    for number, name in enumerate(names):
        command, flags = PROCESSES[name]
        target = ["--out", str(tmp / "out.jsonl")] if command == "extract" else ["--db", str(tmp / f"kg{number}.db")]
        results[" ".join([f"litkg {command}"] + flags)] = run(litkg_command() + [command, str(corpus)] + target + flags)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--papers", type=int, default=30000)
    parser.add_argument("--processes", nargs="+", choices=sorted(PROCESSES),
                        default=["extract", "extract-fast", "extract-1", "extract-fast-1"])
    parser.add_argument("--corpus", type=Path, help="keep the corpus here: written when missing, reused when "
                        "present (the same file before and after a change)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or Path(tmp) / "papers.jsonl"
        if corpus.exists():
            origin = f"{corpus}, kept from an earlier run"
            args.papers = sum(1 for _ in corpus.open(encoding="utf-8"))
        else:
            origin = write_corpus(corpus, args.papers)
        results = {"tokenizer": run([sys.executable, "-c", TOKENIZER_SCRIPT, str(corpus)])}
        results.update(time_litkg(args.processes, corpus, Path(tmp)))
    base = results["tokenizer"]["wall_s"]
    for name, row in results.items():
        row["papers_per_s"] = round(args.papers / row["wall_s"])
        row["ratio_to_tokenizer"] = round(base / row["wall_s"], 3)
    report = {"papers": args.papers, "texts_from": origin, "processes": results}
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{args.papers} records (texts from {origin}); whole processes, one run:")
    print(f"{'process':44s} {'wall s':>8s} {'CPU s':>8s} {'RSS MB':>8s} {'tree MB':>8s} {'papers/s':>9s} {'ratio':>7s}")
    for name, row in results.items():
        print(f"{name:44s} {row['wall_s']:8.2f} {row['cpu_s']:8.2f} {row['rss_mb']:8d} {row['tree_rss_mb']:8d} "
              f"{row['papers_per_s']:9d} {row['ratio_to_tokenizer']:7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
