"""Records per second and peak memory of the JSON-lines source readers, each run a whole process.

    python bench/bench_readers.py [--sizes 50000 200000] [--formats arxiv-snapshot openalex semantic-scholar]

Writes synthetic files in the shape of the arXiv metadata snapshot, OpenAlex works snapshot
lines (abstracts as inverted indexes) and Semantic Scholar Graph API lines (~1-2 KB a record,
invented text), then, for each format and size, runs ``read_papers`` over the file in a fresh
Python process that only counts the papers. Reported: records/s of the read loop (start-up and
imports excluded) in wall time and per CPU second (the fairer figure on a shared machine), wall
time of the whole process, and the process's peak RSS. Memory is flat
when the peak RSS is (about) the same at both sizes.

Targets (issue #11): >= 20,000 records/s, and memory flat.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ("model", "data", "shift", "robust", "vision", "transformer", "sparse", "routing", "token",
         "benchmark", "accuracy", "training", "we", "propose", "a", "the", "of", "on", "and", "with",
         "evaluate", "method", "learning", "domain", "generalization", "noise", "label", "expert")


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def _snapshot(rng: random.Random, n: int) -> dict:
    return {"id": f"{2001 + n % 20:04d}.{n % 99999:05d}", "submitter": "Invented Person",
            "authors": "A. One, B. Two and C. Three", "title": _text(rng, 10).title(),
            "comments": "10 pages", "journal-ref": None, "doi": None, "report-no": None,
            "categories": "cs.LG stat.ML", "license": None, "abstract": _text(rng, 160),
            "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}],
            "update_date": "2008-11-13",
            "authors_parsed": [["One", "A.", ""], ["Two", "B.", ""], ["Three", "C.", ""]]}


def _openalex(rng: random.Random, n: int) -> dict:
    index: dict[str, list[int]] = {}
    for position, word in enumerate(_text(rng, 160).split()):
        index.setdefault(word, []).append(position)
    return {"id": f"https://openalex.org/W{4_000_000_000 + n}", "doi": f"https://doi.org/10.9999/b.{n}",
            "title": _text(rng, 10).title(), "publication_year": 2020 + n % 5,
            "publication_date": f"{2020 + n % 5}-0{1 + n % 9}-1{n % 10}",
            "authorships": [{"author": {"display_name": f"Author {n % 977}"}} for _ in range(3)],
            "primary_location": {"landing_page_url": f"https://example.org/{n}",
                                 "source": {"display_name": "Invented Venue"}},
            "cited_by_count": n % 50, "abstract_inverted_index": index}


def _s2(rng: random.Random, n: int) -> dict:
    return {"paperId": f"{n:040x}", "externalIds": {"DOI": f"10.9999/s.{n}", "CorpusId": n},
            "url": f"https://example.org/s2/{n}", "title": _text(rng, 10).title(),
            "abstract": _text(rng, 160), "venue": "Invented Venue", "year": 2021,
            "publicationDate": "2021-05-06", "citationCount": n % 40,
            "authors": [{"authorId": str(n % 1000 + k), "name": f"Author {k}"} for k in range(3)]}


MAKERS = {"arxiv-snapshot": _snapshot, "openalex": _openalex, "semantic-scholar": _s2}


def write_file(path: Path, fmt: str, records: int) -> None:
    rng = random.Random(11)
    make = MAKERS[fmt]
    with open(path, "w", encoding="utf-8") as stream:
        for n in range(records):
            stream.write(json.dumps(make(rng, n)) + "\n")


CHILD = """
import resource, sys, time
from litkg.readers import read_papers
start, cpu = time.perf_counter(), time.process_time()
count = sum(1 for _ in read_papers(sys.argv[1], format=sys.argv[2]))
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
print(count, seconds, cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def measure(path: Path, fmt: str) -> dict:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", CHILD, str(path), fmt], check=True,
                         capture_output=True, text=True).stdout.split()
    wall = time.perf_counter() - start
    count, seconds, cpu, rss_kib = int(out[0]), float(out[1]), float(out[2]), int(out[3])
    return {"format": fmt, "records": count, "file_mb": round(path.stat().st_size / 2**20, 1),
            "records_per_s": round(count / seconds), "records_per_cpu_s": round(count / cpu),
            "read_s": round(seconds, 2),
            "process_s": round(wall, 2), "peak_rss_mb": round(rss_kib / 1024, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50_000, 200_000])
    parser.add_argument("--formats", nargs="+", default=list(MAKERS), choices=list(MAKERS))
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for fmt in args.formats:
            for size in args.sizes:
                path = Path(folder) / f"{fmt}-{size}.jsonl"
                write_file(path, fmt, size)
                rows.append(measure(path, fmt))
                path.unlink()
                if not args.json:
                    row = rows[-1]
                    print(f"{fmt:17s} {row['records']:>9,} records {row['file_mb']:>7.1f} MB  "
                          f"{row['records_per_s']:>8,} records/s ({row['records_per_cpu_s']:,} "
                          f"per CPU s)  read {row['read_s']:6.2f} s  "
                          f"process {row['process_s']:6.2f} s  peak RSS {row['peak_rss_mb']:6.1f} MB",
                          flush=True)
    if args.json:
        print(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
