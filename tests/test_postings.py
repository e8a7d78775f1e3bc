"""The lists of papers the store keeps (:mod:`litkg.graph.store_postings`): after every kind of
build they equal what the edges give (made whole or merged into), readers never trust them when
out of date, ``litkg check`` finds a wrong one, and one-paper shared-datasets ranked from them
(:mod:`litkg.queries.shared_postings`) equals the reference ranking of every pair.

Papers are inserted in an order unlike their keys', so row-id order and key order differ."""
from __future__ import annotations

import random

import pytest

from litkg.core import KnowledgeGraph
from litkg.graph import store as store_mod
from litkg.graph.check import check_store
from litkg.graph.store import GraphStore
from litkg.graph.store_postings import POSTINGS, decode, postings_ready
from litkg.graph.store_sizes import SIZES, decode_sizes
from litkg.queries import shared as shared_mod
from litkg.queries import shared_postings
from litkg.records import ROLES, ExtractedEntity, Extraction, Paper

from conftest import sample_files
from store_builder import VERSION

TYPES = ("dataset", "benchmark", "model", "method")


def recomputed(conn) -> dict[str, list[int]]:
    """concept key → its papers' row ids in key order, from the edges alone."""
    lists: dict[str, list[int]] = {}
    for concept, rowid in conn.execute("SELECT e.concept_key, p.rowid FROM edges e JOIN papers p "
                                       "ON p.key = e.paper_key ORDER BY e.concept_key, e.paper_key"):
        lists.setdefault(concept, []).append(rowid)
    return lists


def kept(conn) -> dict[str, list[int]]:
    return {k: list(decode(blob)) for k, blob in conn.execute(f"SELECT concept_key, papers FROM {POSTINGS}")}


def sizes_recomputed(conn) -> dict[str, list[int]]:
    """type → how many concepts of it each paper names, by row id, from the edges alone."""
    length = conn.execute("SELECT max(rowid) + 1 FROM papers").fetchone()[0]
    sizes: dict[str, list[int]] = {}
    for rowid, type_ in conn.execute("SELECT p.rowid, c.type FROM edges e JOIN papers p ON p.key = e.paper_key "
                                     "JOIN concepts c ON c.key = e.concept_key"):
        sizes.setdefault(type_, [0] * length)[rowid] += 1
    return sizes


def sizes_kept(conn) -> dict[str, list[int]]:
    length = conn.execute("SELECT max(rowid) + 1 FROM papers").fetchone()[0]
    return {t: list(decode_sizes(width, blob)) + [0] * (length - len(blob) // width)
            for t, width, blob in conn.execute(f"SELECT type, width, sizes FROM {SIZES}")}


class Corpus:
    """Random papers and concepts written through the store's API, a build session at a time;
    a few concepts popular, so lists differ in length and rankings tie."""

    def __init__(self, store: GraphStore, seed: int, concepts: int) -> None:
        self.store, self.rng = store, random.Random(seed)
        self.concepts = [(f"c{i:02d}", f"{'zZaAmM'[i % 6]}name {i}", self.rng.choice(TYPES)) for i in range(concepts)]
        self.weights = [1.0 / (rank + 1) ** self.rng.choice((0.0, 0.7, 1.2)) for rank in range(concepts)]
        self.papers: list[str] = []

    def entities(self) -> tuple[ExtractedEntity, ...]:
        drawn = self.rng.choices(self.concepts, weights=self.weights, k=self.rng.randint(0, min(6, len(self.concepts))))
        picked = {c: (name, type_) for c, name, type_ in drawn}
        return tuple(ExtractedEntity(c, name, type_, self.rng.choice(ROLES), 0.9, (), origin="gazetteer")
                     for c, (name, type_) in sorted(picked.items()))

    def session(self, new: int, redo: int = 0, *, retype: int = 0, fail: bool = False) -> None:
        """One build: ``new`` papers, ``redo`` stored ones given other concepts, and ``retype``
        concepts given another type (as a build's concept refresh does)."""
        with self.store.build_session():
            with self.store.transaction():
                for c, name, type_ in self.concepts:
                    self.store.upsert_concept(c, name, type_, "gazetteer")
                for i in self.rng.sample(range(len(self.concepts)), retype):
                    c, name, type_ = self.concepts[i]
                    self.concepts[i] = (c, name, self.rng.choice([t for t in TYPES if t != type_]))
                    self.store.conn.execute("UPDATE concepts SET type = ? WHERE key = ?", (self.concepts[i][2], c))
                keys = [self.store.upsert_paper(Paper(title=f"Paper {self.rng.random():.12f}", abstract="x",
                                                      year=self.rng.choice((None, 2019, 2020))), VERSION).key
                        for _ in range(new)]
                keys += self.rng.sample(self.papers, min(redo, len(self.papers)))
                self.store.write_extraction([Extraction(k, self.entities()) for k in keys], VERSION)
            self.papers += keys[:new]
            if fail:
                raise KeyboardInterrupt  # a build stopped after a batch it committed


@pytest.fixture()
def paths(monkeypatch):
    """How each build ended its lists: "made" whole or "merged"."""
    taken: list[str] = []
    for name, what in (("make_postings", "made"), ("merge_postings", "merged")):
        real = getattr(store_mod, name)
        monkeypatch.setattr(store_mod, name, lambda *a, _real=real, _what=what: (taken.append(_what), _real(*a))[1])
    return taken


@pytest.mark.parametrize("seed", range(6))
def test_lists_equal_the_edges_after_fresh_small_and_re_extracting_builds(tmp_path, paths, seed):
    with GraphStore(tmp_path / "s.db") as store:
        corpus = Corpus(store, seed, concepts=random.Random(seed).randint(3, 12))
        corpus.session(new=40)
        for _ in range(5):
            corpus.session(new=corpus.rng.randint(0, 6), redo=corpus.rng.randint(0, 6), retype=corpus.rng.randint(0, 2))
            assert postings_ready(store.conn)
            assert kept(store.conn) == recomputed(store.conn)
            assert sizes_kept(store.conn) == sizes_recomputed(store.conn)
    assert paths == ["made"] + ["merged"] * 5
    assert check_store(tmp_path / "s.db").problems == ()


def test_a_build_that_writes_more_than_the_store_holds_makes_the_lists_again(tmp_path, paths):
    with GraphStore(tmp_path / "s.db") as store:
        corpus = Corpus(store, 3, concepts=8)
        corpus.session(new=10)
        corpus.session(new=12, redo=3)
        assert kept(store.conn) == recomputed(store.conn)
    assert paths == ["made", "made"]


def test_lists_out_of_date_are_never_trusted_and_the_next_build_makes_them(tmp_path, paths):
    with GraphStore(tmp_path / "s.db") as store:
        corpus = Corpus(store, 4, concepts=6)
        corpus.session(new=30)
        with pytest.raises(KeyboardInterrupt):
            corpus.session(new=3, redo=2, fail=True)
        assert not postings_ready(store.conn) and kept(store.conn) != recomputed(store.conn)
        with GraphStore(tmp_path / "s.db", readonly=True) as reader:
            key = corpus.papers[0]
            assert (shared_mod._one_paper_top(reader, key, 1, 5, TYPES)
                    == shared_mod._one_paper(reader, key, 1, 5, TYPES))
        corpus.session(new=2)
        assert postings_ready(store.conn) and kept(store.conn) == recomputed(store.conn)
        with store.transaction():  # edges written outside a build: the lists are out of date again
            store.write_extraction([Extraction(corpus.papers[1], corpus.entities() or corpus.entities())], VERSION)
            store.write_extraction([Extraction(corpus.papers[2], ())], VERSION)
        assert not postings_ready(store.conn)
        corpus.session(new=1)
        assert postings_ready(store.conn)
        with store.transaction():  # a concept's type changed outside a build: its papers' sizes are out of date
            store.conn.execute("UPDATE concepts SET type = 'model' WHERE key = (SELECT concept_key FROM edges LIMIT 1)")
        assert not postings_ready(store.conn)
        corpus.session(new=1)
        assert postings_ready(store.conn) and sizes_kept(store.conn) == sizes_recomputed(store.conn)
    assert paths == ["made", "made", "made", "made"]


def test_check_reports_a_list_that_disagrees_with_the_edges(tmp_path):
    with GraphStore(tmp_path / "s.db") as store:
        Corpus(store, 5, concepts=5).session(new=30)
        concept, blob = store.conn.execute(f"SELECT concept_key, papers FROM {POSTINGS} "
                                           "ORDER BY length(papers) DESC LIMIT 1").fetchone()
        store.conn.execute(f"UPDATE {POSTINGS} SET papers = ? WHERE concept_key = ?", (blob[4:], concept))
    problems = check_store(tmp_path / "s.db").problems
    assert len(problems) == 1 and POSTINGS in problems[0] and concept in problems[0]


def test_a_real_build_keeps_lists_equal_to_its_edges(tmp_path, extractor, paths):
    files = sample_files()
    with KnowledgeGraph(tmp_path / "kg.db", extractor=extractor) as kg:
        kg.build(files[1:])
        kg.build(files[:1])  # into a larger store: merged
    with GraphStore(tmp_path / "kg.db", readonly=True) as store:
        assert postings_ready(store.conn) and kept(store.conn) == recomputed(store.conn)
        used = store.conn.execute("SELECT COUNT(DISTINCT concept_key) FROM edges").fetchone()[0]
        assert len(kept(store.conn)) == used
    assert paths[-1] == "merged"


@pytest.mark.parametrize("seed", range(16))
def test_ranking_from_the_lists_equals_every_pair_ranked(tmp_path, monkeypatch, seed):
    rng = random.Random(2000 + seed)
    monkeypatch.setattr(shared_postings, "_ALL_BELOW", 0)  # small stores: the lists all the same
    monkeypatch.setattr(shared_postings, "_PREFIX", rng.choice((1, 2, 5, 4096)))

    def no_index_walk(*args):
        raise AssertionError("the lists were up to date: the index is not to be walked")
    monkeypatch.setattr(shared_mod, "top_rows", no_index_walk)
    with GraphStore(tmp_path / "s.db") as store:
        corpus = Corpus(store, seed, concepts=rng.randint(2, 14))
        corpus.session(new=rng.randint(8, 60))
        corpus.session(new=3, redo=3)
    with GraphStore(tmp_path / "s.db", readonly=True) as store:
        for key in rng.sample(corpus.papers, min(len(corpus.papers), 10)):
            for limit in (1, 2, 3, 5, 50):
                for min_shared in (1, 2, 3):
                    for types in (("dataset", "benchmark"), TYPES, ("model",)):
                        fast = shared_mod._one_paper_top(store, key, min_shared, limit, types)
                        assert fast == shared_mod._one_paper(store, key, min_shared, limit, types), \
                            (seed, key, limit, min_shared, types)


def test_papers_whose_large_sizes_round_to_one_jaccard_are_ordered_by_key(tmp_path, monkeypatch):
    """Past ~150 concepts, sizes a few apart give one rounded jaccard: those papers tie, and key
    order, not size, must decide between them (as the reference ranking does)."""
    monkeypatch.setattr(shared_postings, "_ALL_BELOW", 0)
    monkeypatch.setattr(shared_mod, "top_rows", None)  # the lists are up to date: never the index
    rng = random.Random(9)
    pool = [ExtractedEntity(f"d{i:03d}", f"Data {i}", "dataset", "uses", 0.9, (), origin="gazetteer")
            for i in range(400)]
    with GraphStore(tmp_path / "s.db") as store:
        with store.build_session(), store.transaction():
            for entity in pool:
                store.upsert_concept(entity.key, entity.name, entity.type, "gazetteer")
            papers = [store.upsert_paper(Paper(title=f"Paper {rng.random():.12f}", abstract="x"), VERSION).key
                      for _ in range(60)]
            extractions = [Extraction(papers[0], tuple(pool[:2]))]
            extractions += [Extraction(k, tuple(rng.sample(pool[:2], rng.randint(1, 2))
                                                + rng.sample(pool[2:], rng.randint(200, 290)))) for k in papers[1:]]
            store.write_extraction(extractions, VERSION)
        assert postings_ready(store.conn)
    with GraphStore(tmp_path / "s.db", readonly=True) as store:
        for limit in range(1, 60):  # every cut: some fall inside a tie of several sizes
            for key in papers[:1]:  # the others name too many concepts for masks: the index walk
                fast = shared_mod._one_paper_top(store, key, 1, limit, ("dataset",))
                assert fast == shared_mod._one_paper(store, key, 1, limit, ("dataset",)), (key, limit)
