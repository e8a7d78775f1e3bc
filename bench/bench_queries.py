"""Benchmark the query library on a synthetic 100k-paper store.

Generates a store with realistic, Zipf-distributed concept usage (a few concepts such as an
"ImageNet" are used by a tenth of the papers, most by a handful), then measures:

- the median of 50 one-paper ``shared_datasets`` calls (target: <= 10 ms),
- the median of 50 ``papers_using`` calls for concepts drawn by use (popular ones included),
- one whole-corpus ``shared_datasets`` call (target: <= 30 s) and the peak RSS of the process
  (``--no-corpus`` leaves it out).

At 1M papers (``--papers 1000000 --concepts 100000``) issue #10's targets are <= 5 ms for the
one-paper call and <= 50 ms for ``papers_using``.

Run from the checkout::

    python bench/bench_queries.py                 # 100k papers, store in a temporary folder
    python bench/bench_queries.py --papers 20000 --db /tmp/bench.db --keep

The store is written with ``executemany`` straight into the tables of a :class:`GraphStore`:
extraction is not what is measured here, and 100k papers through spaCy would take many minutes.
The store's triggers keep its counts (:mod:`litkg.graph.store_counts`) as the rows go in; a
``--keep`` store made before them gets them filled once, by a writing connection, before the
timing (the time is printed). Queries are timed on a read-only snapshot, as ``litkg query`` and
``KnowledgeGraph`` read (``--writer``: on a writing connection, as this script did before #10).
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from litkg.extract.normalise import concept_norm
from litkg.graph.store import GraphStore, open_snapshot, text_hash
from litkg.graph.store_counts import CONCEPT_PAPERS, counts_ready, fill_counts
from litkg.queries import papers_using, shared_datasets

#: Types are given to concepts at random in these shares (about 40% of concepts are data).
TYPE_SHARES = {"dataset": 0.25, "benchmark": 0.15, "model": 0.20, "method": 0.40}
ROLES = ("uses", "evaluates_on", "compares_with", "proposes")
ROLE_SHARES = (0.45, 0.30, 0.15, 0.10)


def zipf_probabilities(n: int, exponent: float = 1.0, shift: float = 5.0) -> np.ndarray:
    """Zipf–Mandelbrot probabilities ``1 / (rank + shift) ** exponent`` over ``n`` ranks.

    With the defaults and 20k concepts the most used concept appears in about 14% of papers, as
    ImageNet or a Transformer does in a field's abstracts; half the concepts are used by fewer
    than ten papers.
    """
    weights = 1.0 / (np.arange(1, n + 1) + shift) ** exponent
    return weights / weights.sum()


def draw_edges(papers: int, concepts: int, rng: np.random.Generator, *, low: int = 3, high: int = 12):
    """(paper index, concept index) pairs: each paper uses ``low``..``high`` distinct concepts."""
    wanted = rng.integers(low, high + 1, size=papers)
    cdf = np.cumsum(zipf_probabilities(concepts))
    # Draw twice what each paper needs (with replacement), keep the first distinct ones: popular
    # concepts repeat within a paper, and a paper names a concept once.
    draws = wanted * 2
    paper_of = np.repeat(np.arange(papers), draws)
    concept_of = np.minimum(np.searchsorted(cdf, rng.random(paper_of.size)), concepts - 1)
    code = paper_of.astype(np.int64) * concepts + concept_of
    _, first = np.unique(code, return_index=True)
    first.sort()
    paper_of, concept_of = paper_of[first], concept_of[first]
    starts = np.searchsorted(paper_of, np.arange(papers))
    position = np.arange(paper_of.size) - starts[paper_of]
    keep = position < wanted[paper_of]
    return paper_of[keep], concept_of[keep]


def generate_store(path: Path, *, papers: int = 100_000, concepts: int = 20_000, seed: int = 0) -> dict:
    """Write a synthetic store at ``path``; return counts describing it."""
    rng = np.random.default_rng(seed)
    types = rng.choice(list(TYPE_SHARES), size=concepts, p=list(TYPE_SHARES.values()))
    types[0] = "dataset"  # the most used concept is data, so one-paper queries meet an "ImageNet"
    paper_idx, concept_idx = draw_edges(papers, concepts, rng)
    years = rng.integers(2015, 2026, size=papers)
    roles = rng.choice(len(ROLES), size=paper_idx.size, p=ROLE_SHARES)
    paper_keys = [f"arxiv:{2000 + i // 100_000}.{i % 100_000:05d}" for i in range(papers)]
    concept_keys = [f"c{i:05d}" for i in range(concepts)]
    with GraphStore(path) as store, store.transaction() as conn:
        conn.executemany(
            "INSERT INTO papers (key, id, title, abstract, year, text_hash) VALUES (?, ?, ?, ?, ?, ?)",
            ((key, key, f"Synthetic paper {i}", "", int(years[i]), text_hash(f"Synthetic paper {i}", ""))
             for i, key in enumerate(paper_keys)),
        )
        conn.executemany("INSERT INTO concepts VALUES (?, ?, ?, 'bench')",
                         ((key, f"Concept {i}", str(types[i])) for i, key in enumerate(concept_keys)))
        conn.executemany("INSERT INTO concept_aliases VALUES (?, ?, ?)",
                         ((concept_norm(f"Concept {i}"), key, f"Concept {i}") for i, key in enumerate(concept_keys)))
        # papers were inserted in order into an empty table: paper i has pid i + 1
        conn.executemany("INSERT INTO edges VALUES (?, ?, ?, 0.9, ?)",
                         ((paper_keys[p], concept_keys[c], ROLES[r], p + 1)
                          for p, c, r in zip(paper_idx.tolist(), concept_idx.tolist(), roles.tolist())))
        fill_counts(conn)  # rows written straight into the tables: counted once, at the end
        conn.execute("ANALYZE")
    df = np.bincount(concept_idx, minlength=concepts)
    return {"papers": papers, "concepts": concepts, "edges": int(paper_idx.size),
            "top_concept_papers": int(df.max()), "median_concept_papers": float(np.median(df[df > 0]))}


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--concepts", type=int, default=20_000)
    parser.add_argument("--calls", type=int, default=50, help="one-paper calls to time")
    parser.add_argument("--db", type=Path, default=None, help="store path (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="reuse --db when it exists, and keep it")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-corpus", action="store_true", help="skip the whole-corpus call")
    parser.add_argument("--reference", action="store_true",
                        help="time the one-paper reference path instead (every pair ranked, then cut: the path "
                             "before #10's fast one); the two share no cache when run as separate processes")
    parser.add_argument("--one-ms", type=float, default=10.0, help="target for the one-paper call")
    parser.add_argument("--using-ms", type=float, default=50.0, help="target for papers_using")
    parser.add_argument("--writer", action="store_true",
                        help="time on a writing connection (64 MiB page cache) instead of a read-only snapshot")
    args = parser.parse_args(argv)

    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory(prefix="litkg-bench-")
        args.db = Path(tmp.name) / "bench.db"
    if not (args.keep and args.db.exists()):
        args.db.unlink(missing_ok=True)
        start = time.perf_counter()
        info = generate_store(args.db, papers=args.papers, concepts=args.concepts, seed=args.seed)
        print(f"generated {info['papers']:,} papers, {info['concepts']:,} concepts, {info['edges']:,} edges "
              f"in {time.perf_counter() - start:.1f} s (most used concept: {info['top_concept_papers']:,} "
              f"papers; median concept: {info['median_concept_papers']:.0f})")

    _fill_counts(args.db)
    rng = np.random.default_rng(args.seed + 1)
    with GraphStore(args.db, create=False, readonly=not args.writer) as store:
        keys = [k for (k,) in store.conn.execute("SELECT key FROM papers ORDER BY key")]
        sample = [keys[i] for i in rng.choice(len(keys), size=args.calls, replace=False)]
        one_paper = lambda key: shared_datasets(store, paper=key)  # noqa: E731
        if args.reference:  # the path before the fast one (#10): compare separate runs, turn about
            from litkg.queries.defaults import SHARED_LIMIT, SHARED_TYPES
            from litkg.queries.shared import _one_paper

            one_paper = lambda key: _one_paper(store, key, 1, SHARED_LIMIT, SHARED_TYPES)  # noqa: E731
        times, cpu = [], []
        for key in sample:
            start, start_cpu = time.perf_counter(), time.process_time()
            one_paper(key)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        one_ms = statistics.median(times)
        where = "a writing connection" if args.writer else "a read-only snapshot"
        print(f"one-paper shared_datasets{' (reference path)' if args.reference else ''} on {where}: median {one_ms:.2f} ms "
              f"(CPU {statistics.median(cpu):.2f} ms), max {max(times):.2f} ms over {len(times)} calls "
              f"(target <= {args.one_ms:g} ms): {'OK' if one_ms <= args.one_ms else 'MISSED'} (load average {_load()})")
        using_ms, rows = _time_papers_using(store, rng, args.calls, args.concepts)
        print(f"papers_using: median {using_ms:.2f} ms over {args.calls} concepts drawn by use (median "
              f"{rows:.0f} papers each) (target <= {args.using_ms:g} ms): {'OK' if using_ms <= args.using_ms else 'MISSED'} "
              f"(load average {_load()})")
        ok = one_ms <= args.one_ms and using_ms <= args.using_ms
        if not args.no_corpus:
            before = peak_rss_mb()  # the interpreter, numpy/scipy and spaCy's import, one-paper calls
            start = time.perf_counter()
            pairs = shared_datasets(store)
            corpus_s = time.perf_counter() - start
            rss = peak_rss_mb()
            print(f"whole-corpus shared_datasets: {corpus_s:.1f} s, top pair shares {pairs[0].count if pairs else 0}, "
                  f"peak RSS {rss:.0f} MB ({before:.0f} MB before the call) (target <= 30 s): "
                  f"{'OK' if corpus_s <= 30 else 'MISSED'}")
            ok = ok and corpus_s <= 30
    if tmp is not None:
        tmp.cleanup()
    return 0 if ok else 1


def _fill_counts(db: Path) -> None:
    """Open ``db`` for writing once, so a store without up-to-date kept counts gets them (#10)."""
    reader = open_snapshot(db)
    try:
        ready = counts_ready(reader)
    finally:
        reader.close()
    if not ready:
        start = time.perf_counter()
        GraphStore(db, create=False).close()
        print(f"filled the store's kept counts (absent, out of date or of another version) in "
              f"{time.perf_counter() - start:.1f} s")


def _load() -> str:
    """The load averages (1, 5, 15 min): the machine is shared, timings are read with them."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _time_papers_using(store, rng, calls: int, concepts: int) -> tuple[float, float]:
    """Median milliseconds of ``papers_using`` (every paper) for concepts drawn by use, and the
    median number of papers returned: on this script's synthetic store, with the corpus's own Zipf
    weights; on a store a build wrote (``--db`` of ``litkg build``), by its kept paper counts."""
    times, sizes = [], []
    for concept in _drawn_concepts(store, rng, calls, concepts):
        start = time.perf_counter()
        found = papers_using(store, concept)
        times.append((time.perf_counter() - start) * 1000)
        sizes.append(len(found))
    return statistics.median(times), statistics.median(sizes)


def _drawn_concepts(store, rng, calls: int, concepts: int) -> list[str]:
    if store.conn.execute("SELECT 1 FROM concepts WHERE origin = 'bench' LIMIT 1").fetchone():
        return [f"Concept {index}" for index in rng.choice(concepts, size=calls, p=zipf_probabilities(concepts))]
    rows = store.conn.execute(f"SELECT concept_key, papers FROM {CONCEPT_PAPERS} ORDER BY concept_key").fetchall()
    uses = np.array([papers for _, papers in rows], dtype=float)
    return [rows[i][0] for i in rng.choice(len(rows), size=calls, p=uses / uses.sum())]


if __name__ == "__main__":
    sys.exit(main())
