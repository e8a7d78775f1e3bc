"""Peak RSS of whole ``litkg`` processes at growing input sizes (#14: memory flat in input size).

    python bench/bench_memory.py --sizes 100000 1000000            # build --fast and extract --fast
    python bench/bench_memory.py --sizes 100000 1000000 --only extract --json

Writes one JSON-lines file of distinct generated records (the largest size; the smaller sizes are
its first lines), then runs each command on each size in a fresh process, ``--workers 1``, and
reports the process's peak RSS (``ru_maxrss`` of the child) and its wall time. Every record is a
distinct paper naming exactly three known datasets or models, ~140 bytes a line; ``build``
writes a new store each time. The target: peak RSS within 20% from the smallest to the largest.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

#: Known names (gazetteer entries) the generated abstracts use, three to a record.
NAMES = ("ImageNet", "CIFAR-10", "COCO", "PACS", "WILDS", "MNIST", "SQuAD", "GLUE", "ResNet-50", "BERT",
         "CLIP", "LoRA")
COMMANDS = {
    "build": lambda path, work: ["build", str(path), "--db", str(work / f"{path.stem}.db"), "--fast",
                                 "--workers", "1"],
    "extract": lambda path, work: ["extract", str(path), "--out", str(work / f"{path.stem}.out.jsonl"),
                                   "--fast", "--workers", "1"],
}


def record(number: int, rng: random.Random) -> dict:
    """Record ``number``: a distinct title, and an abstract naming three of :data:`NAMES`."""
    a, b, c = rng.sample(NAMES, 3)
    return {"id": f"r{number}", "title": f"robust training study number {number}",
            "abstract": f"We evaluate our approach on {a} and {b} with {c}."}


def write_records(path: Path, count: int, *, seed: int = 14) -> Path:
    """``count`` generated records as JSON lines at ``path`` (the same file for the same seed)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            out.write(json.dumps(record(number, rng)) + "\n")
    return path


def head(source: Path, count: int, out: Path) -> Path:
    """The first ``count`` lines of ``source``, at ``out``."""
    with source.open("rb") as lines, out.open("wb") as sink:
        for _, line in zip(range(count), lines):
            sink.write(line)
    return out


def peak_rss(args: list[str]) -> tuple[float, float]:
    """Peak RSS (MB) and wall time (s) of ``litkg ARGS`` run in a child process."""
    script = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
              "code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL); "
              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - t, code)")
    out = subprocess.run([sys.executable, "-c", script, sys.executable, "-m", "litkg.cli", *args],
                         capture_output=True, text=True, check=True).stdout.split()
    if out[2] != "0":
        raise SystemExit(f"litkg {' '.join(args)} exited {out[2]}")
    return int(out[0]) / 1024, float(out[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--only", choices=sorted(COMMANDS), action="append", help="run only this command")
    parser.add_argument("--records", type=Path, help="reuse this generated file (written when missing)")
    parser.add_argument("--work", type=Path, help="folder for inputs and outputs (default: a temporary one)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="litkg-memory-"))
    work.mkdir(parents=True, exist_ok=True)
    source = args.records or work / f"records-{max(args.sizes)}.jsonl"
    if not source.exists():
        write_records(source, max(args.sizes))
    results = []
    for name in args.only or sorted(COMMANDS):
        for size in sorted(args.sizes):
            path = head(source, size, work / f"in-{size}.jsonl")
            for stale in work.glob(f"{path.stem}.*"):  # a new store and output each time
                if stale != path:
                    stale.unlink()
            rss, seconds = peak_rss(COMMANDS[name](path, work))
            results.append({"command": name, "records": size, "peak_rss_mb": round(rss, 1),
                            "seconds": round(seconds, 1)})
            if not args.json:
                print(f"{name:8s} {size:>9,} records  peak RSS {rss:7.1f} MB  {seconds:7.1f} s", flush=True)
            path.unlink()
    for name in args.only or sorted(COMMANDS):
        rows = [r for r in results if r["command"] == name]
        growth = rows[-1]["peak_rss_mb"] / rows[0]["peak_rss_mb"] - 1
        if not args.json:
            print(f"{name}: peak RSS {growth:+.1%} from {rows[0]['records']:,} to {rows[-1]['records']:,} records")
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
