"""The counts a store keeps of its own rows (``graph/store_counts.py``, #10): after every kind of
write they equal a recount made here from the rows themselves; readers count instead wherever
they cannot be trusted (a store made before them, edges written around them), with the same
answers; the next write fills them; ``litkg check`` reports counts that disagree.

Every store is a real SQLite file; each recount is read on a connection of its own.
"""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from litkg.cli import cli
from litkg.core import KnowledgeGraph
from litkg.graph import sql_overlap
from litkg.graph.check import check_store
from litkg.graph.store import GraphStore
from litkg.graph.store_concepts import PENDING
from litkg.graph.store_counts import CONCEPT_PAPERS, DERIVED, PAPER_TYPES, TOTALS, count_problems, counts_ready
from litkg.queries import shared_datasets
from litkg.queries.shared import paper_overlap
from litkg.records import CONCEPT_TYPES, ExtractedEntity, Extraction, Mention, Paper

from conftest import sample_files

VERSION = "v-test"


# -- what the counts must be ----------------------------------------------------------------------

def recount(conn: sqlite3.Connection) -> dict:
    """The counts, from the rows alone: papers per concept, concepts of each type per paper, papers
    and edges."""
    type_of = dict(conn.execute("SELECT key, type FROM concepts"))
    concept_papers: Counter = Counter()
    paper_types: Counter = Counter()
    for paper, concept in conn.execute("SELECT paper_key, concept_key FROM edges"):
        concept_papers[concept] += 1
        if concept in type_of:
            paper_types[paper, type_of[concept]] += 1
    papers = conn.execute("SELECT COUNT(*) FROM papers").fetchone()[0]
    return {"concepts": dict(concept_papers), "papers": dict(paper_types), "total": papers,
            "edges": sum(concept_papers.values())}


def kept(conn: sqlite3.Connection) -> dict:
    return {"concepts": dict(conn.execute(f"SELECT concept_key, papers FROM {CONCEPT_PAPERS}")),
            "papers": {(p, t): n for p, t, n in conn.execute(f"SELECT paper_key, type, concepts FROM {PAPER_TYPES}")},
            "total": conn.execute(f"SELECT value FROM {TOTALS} WHERE name = 'papers'").fetchone()[0],
            "edges": conn.execute(f"SELECT value FROM {TOTALS} WHERE name = 'edges'").fetchone()[0]}


def assert_exact(db: Path) -> dict:
    """The store at ``db`` keeps counts readers trust, equal to a recount (on a connection of its own)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert counts_ready(conn)
        counts = recount(conn)
        assert kept(conn) == counts
        assert count_problems(conn) == []
        return counts
    finally:
        conn.close()


def made_before_counts(db: Path) -> None:
    """Make ``db`` a store as litkg wrote it before the kept counts: no tables, no triggers."""
    conn = sqlite3.connect(db)
    try:
        for kind, name in conn.execute("SELECT type, name FROM sqlite_master").fetchall():
            if name in DERIVED:
                conn.execute(f"DROP {kind.upper()} {name}")
        conn.commit()
    finally:
        conn.close()


def answers(store: GraphStore) -> dict:
    """Every one-paper shared-datasets answer of the store (several limits, thresholds, types),
    and each paper's overlap (what ``similar`` ranks)."""
    found = {}
    for key in [k for (k,) in store.conn.execute("SELECT key FROM papers ORDER BY key")]:
        for limit in (1, 3, 50, None):
            for min_shared in (1, 2):
                for types in (("dataset", "benchmark"), CONCEPT_TYPES):
                    found[key, limit, min_shared, types] = shared_datasets(
                        store, paper=key, limit=limit, min_shared=min_shared, types=types)
        found[key] = paper_overlap(store, key, None)
    return found


# -- writes through the store ----------------------------------------------------------------------

def entity(key, name, type_, role="uses", origin="gazetteer", aliases=()) -> ExtractedEntity:
    return ExtractedEntity(key, name, type_, role, 0.9, (Mention(name, 0, len(name), "abstract", name),),
                           aliases=aliases, origin=origin)


IMAGENET = entity("imagenet", "ImageNet", "dataset")
COCO = entity("coco", "COCO", "dataset")
MMLU = entity("mmlu", "MMLU", "benchmark")
RESNET = entity("resnet", "ResNet", "model")


def write(store: GraphStore, *papers: tuple[str, tuple[ExtractedEntity, ...]]) -> list[str]:
    """One batch, as a build writes it: each paper upserted, then one write_extraction."""
    with store.transaction():
        keys = [store.upsert_paper(Paper(title, f"About {title}."), VERSION).key for title, _ in papers]
        store.write_extraction([Extraction(k, ents) for k, (_, ents) in zip(keys, papers)], VERSION)
    return keys


def test_each_kind_of_write_leaves_the_counts_equal_to_a_recount(tmp_path):
    db = tmp_path / "kg.db"
    with GraphStore(db) as store:
        a, b = write(store, ("Alpha", (IMAGENET, COCO, RESNET)), ("Beta", (IMAGENET, MMLU)))
        assert assert_exact(db)["concepts"] == {"imagenet": 2, "coco": 1, "resnet": 1, "mmlu": 1}

        write(store, ("Alpha", (IMAGENET, MMLU)))  # re-extracted: its edges replaced
        counts = assert_exact(db)
        assert "coco" not in counts["concepts"] and counts["papers"][a, "benchmark"] == 1

        phrase = entity("gated-memory-routing", "Gated Memory Routing", "method", "compares_with", "titled_phrase")
        gmr = entity("gmr", "GMR", "method", "proposes", "acronym", aliases=("GMR", "Gated Memory Routing"))
        write(store, ("Gamma", (phrase,)))
        assert "gmr" not in assert_exact(db)["concepts"]  # held: no concept has the phrase yet
        write(store, ("Delta", (gmr,)))  # the phrase is linked: Gamma gets an edge to GMR
        assert assert_exact(db)["concepts"]["gmr"] == 2

        # A discovered concept whose type the refresh changes: seen as a method, then as a dataset
        # by as many papers (ties go to the type first in sort order).
        blorb_method = entity("blorbset", "Blorbset", "method", origin="named_dataset")
        blorb_data = entity("blorbset", "Blorbset", "dataset", origin="named_dataset")
        e, = write(store, ("Epsilon", (blorb_method,)))
        assert assert_exact(db)["papers"][e, "method"] == 1
        write(store, ("Zeta", (blorb_data,)))
        assert store.concept("blorbset").type == "dataset"
        assert assert_exact(db)["papers"][e, "dataset"] == 1  # Epsilon's edge now counts as data

        with store.transaction():
            store.write_extraction([], VERSION, unfinished=[b])  # past the time budget: its edges go
        assert (b, "dataset") not in assert_exact(db)["papers"]

        with pytest.raises(RuntimeError), store.transaction():  # the store's own call, no write_extraction
            store.replace_edges(a, (COCO, RESNET), VERSION)
            raise RuntimeError("rolled back")
        assert assert_exact(db)["concepts"]["imagenet"] == 1  # Alpha's edge is still there
        with store.transaction():
            store.replace_edges(a, (COCO, RESNET), VERSION)
        counts = assert_exact(db)
        assert "imagenet" not in counts["concepts"] and counts["concepts"]["coco"] == 1


def test_a_gazetteer_entry_replacing_a_discovered_concept_moves_its_type_counts(tmp_path):
    db = tmp_path / "kg.db"
    with GraphStore(db) as store:
        p, = write(store, ("Alpha", (entity("wilds", "WILDS", "method", origin="named_dataset"),)))
        write(store, ("Beta", (entity("wilds", "WILDS", "benchmark"),)))  # the gazetteer's: its type wins
        assert store.concept("wilds").type == "benchmark"
        assert assert_exact(db)["papers"][p, "benchmark"] == 1


def test_edges_written_around_the_counts_make_readers_count_and_the_next_write_recounts(tmp_path):
    db = tmp_path / "kg.db"
    with GraphStore(db) as store:
        a, b = write(store, ("Alpha", (IMAGENET, COCO)), ("Beta", (IMAGENET,)))
        with store.transaction():  # as a hand-written sqlite3 session or an older litkg would
            store.conn.execute("INSERT OR REPLACE INTO edges SELECT key, 'coco', 'uses', 0.5, pid FROM papers "
                               "WHERE key = ?", (b,))
        assert not sql_overlap.counts_kept(store)
        with GraphStore(db, readonly=True) as reader:
            assert not sql_overlap.counts_kept(reader)
            assert [p.paper_b for p in shared_datasets(reader, paper=a)] == [b]
        write(store, ("Gamma", (MMLU,)))  # its first edge finds the counts out of date: all recounted
        assert assert_exact(db)["concepts"]["coco"] == 2


def test_a_store_made_before_the_counts_answers_the_same_and_a_writer_fills_them(tmp_path, extractor):
    db = tmp_path / "kg.db"
    with KnowledgeGraph(db, extractor=extractor) as kg:
        kg.build([str(p) for p in sample_files()])
    assert_exact(db)
    with GraphStore(db, readonly=True) as store:
        assert sql_overlap.counts_kept(store)
        counted = answers(store)
    made_before_counts(db)
    assert check_store(db).ok
    with GraphStore(db, readonly=True) as store:
        assert not sql_overlap.counts_kept(store)
        assert answers(store) == counted
    GraphStore(db).close()  # a writer opens it: the counts are made and filled
    assert_exact(db)
    with GraphStore(db, readonly=True) as store:
        assert sql_overlap.counts_kept(store) and answers(store) == counted


def test_an_older_counts_version_is_not_trusted_and_is_recounted(tmp_path):
    db = tmp_path / "kg.db"
    with GraphStore(db) as store:
        write(store, ("Alpha", (IMAGENET,)))
        with store.transaction():
            store.conn.execute(f"UPDATE {TOTALS} SET value = 0 WHERE name = 'version'")
            store.conn.execute(f"UPDATE {CONCEPT_PAPERS} SET papers = 7")
    with GraphStore(db, readonly=True) as store:
        assert not sql_overlap.counts_kept(store)
    GraphStore(db).close()
    assert assert_exact(db)["concepts"] == {"imagenet": 1}


# -- builds ---------------------------------------------------------------------------------------

def records(start: int, stop: int, extra: str = "") -> list[dict]:
    """Papers proposing made-up methods (discovered concepts, refreshed at the end of a build)
    and using gazetteer datasets; ``extra`` lengthens the abstract (the paper is re-extracted)."""
    data = ("ImageNet", "COCO", "MMLU", "PACS", "CIFAR-10")
    return [{"title": f"Study {i} of Routing", "doi": f"10.1234/study.{i}",
             "abstract": f"We propose Sparse Gated Routing {i} (SGR{i}) and evaluate it on {data[i % 5]} and "
                         f"{data[(i + 2) % 5]}. It improves over Mixture Routing (MR).{extra}"}
            for i in range(start, stop)]


def test_builds_keep_the_counts_exact_and_a_reader_during_one_trusts_them(tmp_path, extractor, monkeypatch):
    db = tmp_path / "kg.db"
    seen_pending = []

    def read_during(_progress) -> None:
        # A committed batch, the concept refresh still pending: the counts match what is committed.
        assert_exact(db)
        with GraphStore(db, readonly=True) as reader:
            seen_pending.append(reader.conn.execute("SELECT 1 FROM meta WHERE key = ?", (PENDING,)).fetchone())
            assert sql_overlap.counts_kept(reader)
            counted = answers(reader)
            with monkeypatch.context() as counting:  # the same snapshot, its counts counted instead
                counting.setattr(sql_overlap, "counts_kept", lambda store: False)
                assert answers(reader) == counted

    with KnowledgeGraph(db, extractor=extractor) as kg:
        kg.build_records(records(0, 12), batch_size=4)
        first = assert_exact(db)
        kg.build_records(records(12, 18), batch_size=2, progress=read_during)  # incremental: new papers
        assert any(seen_pending)
        second = assert_exact(db)
        assert second["total"] == first["total"] + 6
        kg.build_records(records(0, 6, extra=" We also test on COCO."), batch_size=4)  # re-extracted
        assert assert_exact(db)["concepts"]["coco"] > second["concepts"]["coco"]


def test_a_large_build_recounts_at_its_end_and_readers_during_it_count(tmp_path, extractor, monkeypatch):
    """A build that writes as many papers as the store held keeps no counts while it runs (they
    are marked out of date in its first commit, even for edges it only deleted) and makes them
    whole at its end."""
    db = tmp_path / "kg.db"
    during = []

    def read_during(_progress) -> None:
        with GraphStore(db, readonly=True) as reader:
            assert not counts_ready(reader.conn) and not sql_overlap.counts_kept(reader)
            during.append(answers(reader))

    with KnowledgeGraph(db, extractor=extractor) as kg:
        kg.build_records(records(0, 2), batch_size=2)
        assert assert_exact(db)["total"] == 2
        kg.build_records(records(0, 12, extra=" We also test on COCO."), batch_size=2, progress=read_during)
        assert len(during) >= 3
        after = assert_exact(db)
        assert after["total"] == 12 and after["concepts"]["coco"] == 12
        with GraphStore(db, readonly=True) as reader:
            assert answers(reader) != during[0]  # read mid-build: the first batch's papers only
            assert len(during[0]) < len(answers(reader))


def test_a_killed_build_leaves_counts_readers_do_not_trust_and_its_next_writer_recounts(tmp_path, monkeypatch):
    from test_crash import invented_papers, kill_at, litkg_build, start

    corpus = invented_papers(tmp_path / "invented.jsonl", count=120)
    for papers in (24, 12, 4, 1):  # earlier each time the build ended before the kill
        db = tmp_path / f"kg-{papers}.db"
        proc = start(litkg_build([str(corpus)], db, "--batch-size", "4", "--fast"))
        if kill_at(proc, db, papers=papers):
            break
    else:
        pytest.fail("every build ended before it could be killed")
    with GraphStore(db, readonly=True) as reader:
        assert not counts_ready(reader.conn)  # a build into an empty store keeps them only at its end
    GraphStore(db).close()  # a writer opening it recounts
    assert_exact(db)
    with GraphStore(db, readonly=True) as reader:
        assert sql_overlap.counts_kept(reader)
        kept_answers = answers(reader)
        monkeypatch.setattr(sql_overlap, "counts_kept", lambda store: False)
        assert answers(reader) == kept_answers
    done = subprocess.run([sys.executable, "-m", "litkg.cli", "build", str(corpus), "--db", str(db), "--fast"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert assert_exact(db)["total"] == 120


# -- litkg check ----------------------------------------------------------------------------------

def test_check_reports_kept_counts_that_disagree_with_the_rows(tmp_path):
    db = tmp_path / "kg.db"
    with GraphStore(db) as store:
        write(store, ("Alpha", (IMAGENET, COCO)), ("Beta", (IMAGENET,)))
    assert check_store(db).ok
    conn = sqlite3.connect(db)
    conn.execute(f"UPDATE {CONCEPT_PAPERS} SET papers = 5 WHERE concept_key = 'imagenet'")
    conn.execute("DELETE FROM edges WHERE concept_key = 'coco'")  # deleted around the counts
    conn.execute("DROP TRIGGER count_paper_added")
    conn.commit()
    conn.close()
    problems = check_store(db).problems
    assert any("count_concept_papers: 2 counts disagree" in p and "imagenet: kept 5, counted 2" in p
               and "coco: kept 1, counted 0" in p for p in problems), problems
    assert any(f"{TOTALS}: 1 counts disagree" in p and "edges: kept 3, counted 2" in p for p in problems), problems
    assert any(PAPER_TYPES in p for p in problems) and any("count_paper_added" in p for p in problems)
    result = CliRunner().invoke(cli, ["check", "--db", str(db)])
    assert result.exit_code == 1 and "count_concept_papers" in result.output
