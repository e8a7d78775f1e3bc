"""Adding papers to a large store, as a user runs it: one whole ``litkg build NEW.jsonl --db STORE``.

    python bench/bench_queries.py --papers 1000000 --concepts 100000 --db q1m.db --keep --no-corpus
    python bench/bench_incremental.py --db q1m.db                       # 1,000 papers into a copy
    python bench/bench_incremental.py --db BIG.db --py-spy out.txt      # where the time goes
    python bench/bench_incremental.py --db BIG.db --sql-profile sql.json  # which statements

Issue #10's target: adding 1,000 papers to a 1M-paper store takes <= 30 s. The script

1. copies ``--db`` (the store is never written; the copy goes to ``--work``, default a temporary
   folder beside it, and is deleted at the end unless ``--keep``);
2. writes ``--papers`` new records with :mod:`scale`'s corpus generator (paper numbers from
   ``--offset``, so they are new to a store that generator built: ``scale-N`` ids and titles);
3. times one ``litkg build NEW.jsonl --db COPY`` process from start to exit (wall, CPU of the
   process tree, peak RSS), optionally under ``py-spy record -r 100 -f raw`` (``--py-spy OUT``:
   the raw stacks are written to OUT and the functions holding most samples are printed), or with
   every SQL statement of the build process timed by its text (``--sql-profile OUT``);
4. prints what the store held before and after, and whether it looks like a store a build wrote
   (the synthetic stores of ``bench_queries.py`` are not quite: see :func:`store_report`; their
   concepts are none of the gazetteer's, so new papers never touch the popular concepts' rows).

The copy needs as much free disk as the store.

One run; the machine is shared, so the load average is printed with the figures.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import _Names, _paper, litkg_command, run  # noqa: E402  (bench/, this script's folder)


def write_records(path: Path, count: int, *, offset: int, seed: int) -> Path:
    """``count`` invented records numbered from ``offset`` (as :func:`scale.write_corpus` numbers them)."""
    names = _Names(seed)
    with path.open("w", encoding="utf-8") as out:
        for number in range(offset, offset + count):
            rng = random.Random(seed * 1_000_003 + number)
            out.write(json.dumps(_paper(rng, names, number)) + "\n")
    return path


def store_report(path: Path) -> dict:
    """Counts, and what an incremental build reads that a synthetic store may lack."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        report = {
            "papers": one("SELECT COUNT(*) FROM papers"),
            "concepts": one("SELECT COUNT(*) FROM concepts"),
            "edges": one("SELECT COUNT(*) FROM edges"),
            "paper_idents": one("SELECT COUNT(*) FROM paper_idents"),
            "paper_sources": one("SELECT COUNT(*) FROM paper_sources"),
            "concept_views": one("SELECT COUNT(*) FROM concept_views"),
            "phrase_mentions": one("SELECT COUNT(*) FROM phrase_mentions"),
            "evidence": one("SELECT COUNT(*) FROM evidence"),
            "papers_without_extractor": one("SELECT COUNT(*) FROM papers WHERE extractor IS NULL"),
            "meta": dict(conn.execute("SELECT key, value FROM meta")),
            "origins": dict(conn.execute("SELECT origin, COUNT(*) FROM concepts GROUP BY origin")),
        }
    finally:
        conn.close()
    notes = []
    if report["papers_without_extractor"]:
        notes.append(f"{report['papers_without_extractor']:,} papers have no extractor stamp (a build extracts "
                     "them again when their record is read again)")
    if report["paper_idents"] < report["papers"]:
        notes.append(f"only {report['paper_idents']:,} identifiers for {report['papers']:,} papers (a record of a "
                     "stored paper would not be found: it would be added again)")
    if report["paper_sources"] < report["papers"]:
        notes.append(f"only {report['paper_sources']:,} source rows for {report['papers']:,} papers")
    if report["edges"] and not report["evidence"]:
        notes.append("edges without any evidence row")
    if "bench" in report["origins"]:
        notes.append(f"{report['origins']['bench']:,} concepts of origin 'bench' (bench_queries.py's, not an "
                     "extractor's: no gazetteer key, so new papers' names never meet them)")
    if "refresh_pending" in report["meta"]:
        notes.append("a build's refresh mark is in meta: the next build refreshes every concept")
    report["notes"] = notes
    return report


def summarise_py_spy(raw: Path, top: int = 20) -> list[str]:
    """Lines describing a raw py-spy file (``--subprocesses``): samples per process, then for the
    main process (the first seen) the functions of litkg (and sqlite3 calls) with the most samples,
    inclusive and own."""
    per_process, inclusive, own = Counter(), Counter(), Counter()
    main_pid = None
    for line in raw.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        frames = stack.split(";")
        pid = frames[0].split(":", 1)[0] if frames[0].startswith("process ") else "?"
        # Forked workers are labelled with the parent's process and carry its frames up to the fork.
        worker = any(f.startswith("BaseProcess._bootstrap ") for f in frames)
        per_process[f"{pid} (workers)" if worker else pid] += n
        main_pid = main_pid or (None if worker else pid)
        if worker or pid != main_pid:
            continue
        frames = [f for f in frames[1:] if not f.startswith("thread ")]
        for frame in set(frames):
            if "litkg/" in frame or "sqlite3" in frame:
                inclusive[frame] += n
        if frames:
            own[frames[-1]] += n
    total = per_process[main_pid] if main_pid else 0
    lines = ["samples (10 ms each) per process: " + ", ".join(f"{pid} {n}" for pid, n in per_process.most_common())]
    if total:
        lines.append(f"main process ({main_pid}), inclusive share of its samples, litkg functions:")
        lines += [f"  {n / total:6.1%}  {frame}" for frame, n in inclusive.most_common(top)]
        lines.append("main process, own share (where the samples were):")
        lines += [f"  {n / total:6.1%}  {frame}" for frame, n in own.most_common(top)]
    return lines


#: Run in the build process with ``--sql-profile``: every statement's time, by its SQL text.
SQL_PROFILE = r"""
import atexit, sqlite3, sys, time, json
from collections import defaultdict
totals = defaultdict(lambda: [0, 0.0])
class Timed(sqlite3.Connection):
    def _timed(self, method, sql, *args):
        start = time.perf_counter()
        try:
            return method(sql, *args)
        finally:
            entry = totals[" ".join(sql.split())[:160]]
            entry[0] += 1
            entry[1] += time.perf_counter() - start
    def execute(self, sql, *args):
        return self._timed(super().execute, sql, *args)
    def executemany(self, sql, *args):
        return self._timed(super().executemany, sql, *args)
    def executescript(self, sql):
        return self._timed(super().executescript, sql)
    def close(self):
        return self._timed(lambda sql: super(Timed, self).close(), "(close: checkpoint)")
_connect = sqlite3.connect
def connect(*args, **kwargs):
    kwargs.setdefault("factory", Timed)
    return _connect(*args, **kwargs)
sqlite3.connect = connect
def report():
    with open(OUT, "w") as out:
        json.dump(sorted(([sql, n, s] for sql, (n, s) in totals.items()), key=lambda r: -r[2]), out)
atexit.register(report)
sys.argv = ["litkg", *sys.argv[1:]]
from litkg.cli import main
main()
"""


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="the large store (copied, never written)")
    parser.add_argument("--papers", type=int, default=1000)
    parser.add_argument("--offset", type=int, default=5_000_000, help="number of the first new record")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, default=None, help="folder for the copy and the records")
    parser.add_argument("--keep", action="store_true", help="keep the copy and the records")
    parser.add_argument("--py-spy", dest="py_spy", type=Path, default=None, help="record raw stacks to this file")
    parser.add_argument("--sql-profile", dest="sql_profile", type=Path, default=None,
                        help="time each SQL statement of the build process (written as JSON to this file)")
    parser.add_argument("--target-s", type=float, default=30.0)
    parser.add_argument("build_args", nargs="*", help="more arguments for litkg build (after --)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="litkg-incr-", dir=args.work or args.db.parent))
    try:
        copy, records = work / "store.db", work / "new.jsonl"
        start = time.perf_counter()
        shutil.copyfile(args.db, copy)
        print(f"copied {args.db} ({args.db.stat().st_size / 2**30:.2f} GiB) in {time.perf_counter() - start:.1f} s")
        write_records(records, args.papers, offset=args.offset, seed=args.seed)
        before = store_report(copy)
        print(f"before: {before['papers']:,} papers, {before['concepts']:,} concepts, {before['edges']:,} edges")
        for note in before["notes"]:
            print(f"  store note: {note}")
        command = [*litkg_command(), "build", str(records), "--db", str(copy), *args.build_args]
        if args.sql_profile:  # the statements' time by SQL text (adds a little per statement)
            command = [sys.executable, "-c", SQL_PROFILE.replace("OUT", repr(str(args.sql_profile))),
                       *command[command.index("build"):]]
        if args.py_spy:
            command = ["py-spy", "record", "-r", "100", "-f", "raw", "-o", str(args.py_spy), "--subprocesses",
                       "--", *command]
        print(f"load average before: {load()}")
        figures = run(command)
        print(f"load average after: {load()}")
        after = store_report(copy)
        print(f"after: {after['papers']:,} papers (+{after['papers'] - before['papers']:,}), "
              f"{after['concepts']:,} concepts (+{after['concepts'] - before['concepts']:,}), "
              f"{after['edges']:,} edges (+{after['edges'] - before['edges']:,})")
        ok = figures["wall_s"] <= args.target_s
        print(f"litkg build of {args.papers:,} new records into a {before['papers']:,}-paper store: "
              f"wall {figures['wall_s']:.1f} s, CPU {figures['cpu_s']:.1f} s, peak RSS {figures['rss_mb']} MB "
              f"(tree {figures['tree_rss_mb']} MB) (target <= {args.target_s:g} s): {'OK' if ok else 'MISSED'}")
        if args.sql_profile and args.sql_profile.exists():
            statements = json.loads(args.sql_profile.read_text())
            total = sum(seconds for _, _, seconds in statements)
            print(f"SQL in the build process: {total:.2f} s in {sum(n for _, n, _ in statements):,} calls; the most costly:")
            for text, calls, seconds in statements[:15]:
                print(f"  {seconds:7.3f} s {calls:7,} x  {text}")
        if args.py_spy and args.py_spy.exists():
            print(f"py-spy ({args.py_spy}):")
            print("\n".join(summarise_py_spy(args.py_spy)))
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
