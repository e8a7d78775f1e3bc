"""One-paper shared-datasets: the fast path (tiers walked best first, popular lists walked only as
far as the ranking needs) gives exactly what brute force gives, on random small stores full of
ties, with every limit, threshold and type set, and with its internal sizes set small so every
branch runs; on stores that keep their counts and on stores whose readers count them (made
before the kept counts, or written around them: :mod:`litkg.graph.store_counts`)."""
from __future__ import annotations

import math
import random

import pytest

from litkg.graph import sql_overlap
from litkg.graph.store import GraphStore, text_hash
from litkg.graph.store_counts import fill_counts
from litkg.queries import shared as shared_mod
from litkg.queries import shared_top
from litkg.queries import shared_datasets

TYPES = ("dataset", "benchmark", "model", "method")


def random_store(path, seed: int, *, counted: bool = True) -> GraphStore:
    """Papers using a few concepts each, some concepts popular, so (count, score) ties abound;
    ``counted``: with the counts the store keeps recounted (rows are written straight into the
    tables, around them), else left out of date, so the readers count."""
    rng = random.Random(seed)
    papers = rng.randint(8, 60)
    concepts = rng.randint(3, 14)
    weights = [1.0 / (rank + 1) ** rng.choice((0.0, 0.7, 1.2)) for rank in range(concepts)]
    store = GraphStore(path)
    keys = [f"p{i:03d}" for i in range(papers)]
    ckeys = [f"c{i:02d}" for i in range(concepts)]
    with store.transaction() as conn:
        conn.executemany("INSERT INTO papers (key, id, title, abstract, year, text_hash) VALUES (?, ?, ?, '', 2020, ?)",
                         [(k, k, f"Paper {k}", text_hash(f"Paper {k}", "")) for k in keys])
        # Names not in key order (and one case clash), so the shared lists' name sort is exercised.
        conn.executemany("INSERT INTO concepts VALUES (?, ?, ?, 'bench')",
                         [(c, f"{'zZaAmM'[i % 6]}name {i}", rng.choice(TYPES)) for i, c in enumerate(ckeys)])
        edges = set()
        for k in keys:
            for c in rng.choices(ckeys, weights=weights, k=rng.randint(0, min(6, concepts))):
                edges.add((k, c))
        conn.executemany("INSERT INTO edges SELECT key, ?, 'uses', 0.9, pid FROM papers WHERE key = ?",
                         [(c, k) for k, c in sorted(edges)])
        if counted:
            fill_counts(conn)
    assert sql_overlap.counts_kept(store) == (counted or not edges)
    return store


def brute_force(store: GraphStore, key: str, min_shared: int, limit: int | None, types) -> list[tuple]:
    """Every other paper, scored from the edges alone."""
    type_of = dict(store.conn.execute("SELECT key, type FROM concepts"))
    titles = dict(store.conn.execute("SELECT key, title FROM papers"))
    names = dict(store.conn.execute("SELECT key, name FROM concepts"))
    uses: dict[str, set[str]] = {}
    for p, c in store.conn.execute("SELECT paper_key, concept_key FROM edges"):
        if types is None or type_of[c] in types:
            uses.setdefault(p, set()).add(c)
    papers = store.count("papers")
    df = {}
    for cs in uses.values():
        for c in cs:
            df[c] = df.get(c, 0) + 1
    mine = uses.get(key, set())
    rows = []
    for other, theirs in uses.items():
        both = mine & theirs
        if other == key or len(both) < min_shared or not both:
            continue
        score = round(math.fsum(math.log(papers / df[c]) for c in both), 4)
        jaccard = round(len(both) / len(mine | theirs), 4)
        shared = tuple(sorted((names[c] for c in both), key=lambda n: (n.lower(), n)))
        rows.append((len(both), score, jaccard, other, shared))
    rows.sort(key=lambda r: (-r[0], -r[1], -r[2], r[3]))
    if limit is not None:
        rows = rows[:limit]
    return [(key, titles[key], other, titles[other], shared, count, jaccard, score)
            for count, score, jaccard, other, shared in rows]


def as_tuples(pairs) -> list[tuple]:
    return [(p.paper_a, p.title_a, p.paper_b, p.title_b, p.shared, p.count, p.jaccard, p.score) for p in pairs]


@pytest.mark.parametrize("counted", [True, False], ids=["kept-counts", "counting"])
@pytest.mark.parametrize("seed", range(24))
def test_fast_one_paper_path_equals_brute_force(tmp_path, monkeypatch, seed, counted):
    rng = random.Random(1000 + seed)
    monkeypatch.setattr(shared_top, "_ALL_BELOW", 0)  # small stores: the fast path all the same
    # Small internal sizes: few lists read whole (or none), tiny chunks, the fallback past 2 walked.
    monkeypatch.setattr(shared_top, "_READ_ROWS", rng.choice((0, 1, 3, 8, 10_000)))
    monkeypatch.setattr(shared_top, "_CHUNK", rng.choice((1, 2, 64)))
    monkeypatch.setattr(shared_top, "_MAX_WALKED", rng.choice((2, 6, 20)))
    monkeypatch.setattr(shared_top, "_TEST_ROWS", rng.choice((1, 3, 256)))  # sizes instead of the test
    with random_store(tmp_path / "s.db", seed, counted=counted) as store:
        keys = [k for (k,) in store.conn.execute("SELECT key FROM papers ORDER BY key")]
        for key in rng.sample(keys, min(len(keys), 8)):
            for limit in (1, 2, 3, 5, 50, None):
                for min_shared in (1, 2):
                    for types in (("dataset", "benchmark"), TYPES, ("model",)):
                        got = as_tuples(shared_datasets(store, paper=key, min_shared=min_shared, limit=limit,
                                                        types=types))
                        want = brute_force(store, key, min_shared, limit, types)
                        assert got == want, (seed, key, limit, min_shared, types)


def test_fast_path_agrees_with_the_full_ranking_cut(tmp_path, monkeypatch):
    """The reference path (every pair, then cut) and the fast path, on one store with big ties."""
    monkeypatch.setattr(shared_top, "_READ_ROWS", 2)
    monkeypatch.setattr(shared_top, "_CHUNK", 1)
    monkeypatch.setattr(shared_top, "_ALL_BELOW", 0)
    with random_store(tmp_path / "s.db", 7) as store:
        keys = [k for (k,) in store.conn.execute("SELECT key FROM papers ORDER BY key")]
        for key in keys:
            for limit in (1, 4, 9):
                fast = shared_mod._one_paper_top(store, key, 1, limit, ("dataset", "benchmark", "model", "method"))
                full = shared_mod._one_paper(store, key, 1, limit, ("dataset", "benchmark", "model", "method"))
                assert fast == full, (key, limit)


def test_a_paper_naming_hundreds_of_concepts_ranks_as_brute_force(tmp_path, monkeypatch):
    """Past ~100 concepts, one more concept can leave a rounded jaccard unchanged: "at best" is
    then no stopping rule, and the answer must still be brute force's."""
    monkeypatch.setattr(shared_top, "_ALL_BELOW", 0)
    rng = random.Random(5)
    store = GraphStore(tmp_path / "big.db")
    keys = [f"p{i:03d}" for i in range(40)]
    concepts = [f"c{i:03d}" for i in range(160)]
    with store.transaction() as conn:
        conn.executemany("INSERT INTO papers (key, id, title, abstract, year, text_hash) VALUES (?, ?, ?, '', 2020, ?)",
                         [(k, k, f"Paper {k}", text_hash(f"Paper {k}", "")) for k in keys])
        conn.executemany("INSERT INTO concepts VALUES (?, ?, 'dataset', 'bench')", [(c, f"Name {c}") for c in concepts])
        edges = {("p000", c) for c in concepts[:150]}
        for k in keys[1:]:
            edges |= {(k, c) for c in rng.sample(concepts, rng.randint(1, 4))}
        conn.executemany("INSERT INTO edges SELECT key, ?, 'uses', 0.9, pid FROM papers WHERE key = ?",
                         [(c, k) for k, c in sorted(edges)])
        fill_counts(conn)
    with store:
        for key in ("p000", "p001", "p002"):
            for limit in (1, 3, 10, None):
                for min_shared in (1, 2, 3):
                    got = as_tuples(shared_datasets(store, paper=key, min_shared=min_shared, limit=limit))
                    assert got == brute_force(store, key, min_shared, limit, ("dataset", "benchmark"))


@pytest.mark.parametrize("counted", [True, False], ids=["kept-counts", "counting"])
@pytest.mark.parametrize("seed", range(6))
def test_at_least_three_shared(tmp_path, monkeypatch, seed, counted):
    monkeypatch.setattr(shared_top, "_READ_ROWS", (0, 4, 10_000)[seed % 3])
    monkeypatch.setattr(shared_top, "_ALL_BELOW", (0, 0, 10_000)[seed % 3])
    monkeypatch.setattr(shared_top, "_TEST_ROWS", (1, 2, 256)[seed % 3])
    with random_store(tmp_path / "s.db", 100 + seed, counted=counted) as store:
        for (key,) in store.conn.execute("SELECT key FROM papers ORDER BY key LIMIT 10").fetchall():
            for limit in (1, 4, None):
                got = as_tuples(shared_datasets(store, paper=key, min_shared=3, limit=limit, types=TYPES))
                assert got == brute_force(store, key, 3, limit, TYPES)
