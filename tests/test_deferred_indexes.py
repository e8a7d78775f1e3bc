"""A large build makes the indexes by concept once, at its end (#10, item 3).

Rows come in paper order, so each insert into an index by concept lands on a random page of it.
A build that writes at least as many papers as the store held when it began drops those indexes
(:data:`~litkg.graph.store_schema.DEFERRABLE_INDEXES`) and makes them when it ends; a small build
into a large store keeps them. A build stopped before its end leaves them to the next writer,
and ``litkg check`` says they are missing. Rows never depend on it (``tests/test_bulk_write.py``
compares every table with a build of one record per transaction).
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from litkg.cli import cli
from litkg.core import KnowledgeGraph
from litkg.graph.check import check_store
from litkg.graph.store import GraphStore
from litkg.graph.store_schema import DEFERRABLE_INDEXES, RETIRED_INDEXES

from conftest import sample_files


def index_names(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        conn.close()


def indexes_per_batch(db: Path, inputs: list[Path], batch_size: int) -> tuple[list[set[str]], dict]:
    """Build ``inputs`` into ``db``; the deferrable indexes present after each committed batch
    (seen from another connection, as a reader would), and the build's summary."""
    seen: list[set[str]] = []
    with KnowledgeGraph(db, workers=1) as kg:
        summary = kg.build([str(p) for p in inputs], batch_size=batch_size,
                           progress=lambda state: seen.append(index_names(db) & set(DEFERRABLE_INDEXES)))
    return seen, summary


def records(folder: Path, name: str, count: int, start: int = 0) -> Path:
    path = folder / name
    with path.open("w", encoding="utf-8") as out:
        for number in range(start, start + count):
            out.write(json.dumps({"title": f"Paper {number} on ImageNet", "id": f"p{number}",
                                  "abstract": f"We train ResNet-{number % 7 + 18} on ImageNet and CIFAR-10."}) + "\n")
    return path


def test_a_fresh_build_drops_them_while_it_writes_and_makes_them_at_its_end(tmp_path):
    db = tmp_path / "fresh.db"
    seen, _ = indexes_per_batch(db, sample_files(), batch_size=4)
    assert len(seen) > 3
    assert seen[0] == set(), "the first batch of a fresh build drops them"
    assert all(not names for names in seen[:-1])
    assert index_names(db) >= set(DEFERRABLE_INDEXES)
    assert not index_names(db) & set(RETIRED_INDEXES)
    assert check_store(db).ok and check_store(db).notes == ()


def test_a_small_build_into_a_larger_store_keeps_them(tmp_path):
    db = tmp_path / "grown.db"
    indexes_per_batch(db, [records(tmp_path, "first.jsonl", 40)], batch_size=8)
    seen, summary = indexes_per_batch(db, [records(tmp_path, "more.jsonl", 12, start=40)], batch_size=4)
    assert summary.papers_new == 12
    assert seen and all(names == set(DEFERRABLE_INDEXES) for names in seen)


def test_a_build_doubling_the_store_drops_them_once_it_has(tmp_path):
    db = tmp_path / "doubled.db"
    indexes_per_batch(db, [records(tmp_path, "first.jsonl", 12)], batch_size=4)
    seen, _ = indexes_per_batch(db, [records(tmp_path, "more.jsonl", 40, start=12)], batch_size=4)
    # 12 papers stored at the start: batches 1-2 (8 papers) keep them, the third (12) drops them.
    assert seen[0] == seen[1] == set(DEFERRABLE_INDEXES)
    assert seen[2] == set() and seen[-2] == set()
    assert index_names(db) >= set(DEFERRABLE_INDEXES)


def test_a_stopped_build_leaves_them_to_the_next_writer_and_check_says_so(tmp_path):
    db = tmp_path / "stopped.db"

    def stop_after_three(state, calls=[]):
        calls.append(state)
        if len(calls) == 3:
            raise KeyboardInterrupt

    with KnowledgeGraph(db, workers=1) as kg, pytest.raises(KeyboardInterrupt):
        kg.build([str(p) for p in sample_files()], batch_size=4, progress=stop_after_three)
    assert not index_names(db) & set(DEFERRABLE_INDEXES)
    report = check_store(db)
    assert report.ok, report.problems  # sound: only not finished
    assert len(report.notes) == 1 and all(name in report.notes[0] for name in DEFERRABLE_INDEXES)
    result = CliRunner().invoke(cli, ["check", "--db", str(db)])
    assert result.exit_code == 0 and "not made yet" in result.output
    GraphStore(db).close()  # the next writer
    assert index_names(db) >= set(DEFERRABLE_INDEXES)
    assert check_store(db).notes == ()


def test_a_writer_drops_the_retired_index_and_a_reader_leaves_it(tmp_path):
    db = tmp_path / "old.db"
    GraphStore(db).close()
    conn = sqlite3.connect(db)
    conn.execute("CREATE INDEX edges_concept ON edges(concept_key)")  # as stores before #10 had
    conn.commit()
    conn.close()
    GraphStore(db, readonly=True).close()
    assert "edges_concept" in index_names(db)
    GraphStore(db).close()
    assert "edges_concept" not in index_names(db)
    assert index_names(db) >= set(DEFERRABLE_INDEXES)


def roles_plan(db: Path) -> str:
    """SQLite's plan for reading the papers, roles and paper ids of one concept."""
    conn = sqlite3.connect(db)
    try:
        return " ".join(row[3] for row in conn.execute(
            "EXPLAIN QUERY PLAN SELECT paper_key, role, pid FROM edges WHERE concept_key = 'x'"))
    finally:
        conn.close()


#: Indexes by concept that earlier stores have instead of ``edges_by_concept_pid``.
EARLIER_INDEXES = {
    "edges_concept_paper": "edges(concept_key, paper_key)",  # an earlier 0.9.0
    "edges_by_concept": "edges(concept_key, paper_key, role, confidence)",  # 0.9.0 before the paper id
}


@pytest.mark.parametrize("earlier", sorted(EARLIER_INDEXES))
def test_a_store_with_an_earlier_index_answers_the_same_and_its_writer_makes_the_covering_one(tmp_path, earlier):
    """A store an earlier 0.9.0 wrote has another index by concept (without roles, or without the
    paper's id): readers answer the same from it (check notes the missing one), and the next
    writer makes the new index and drops the old."""
    db = tmp_path / "earlier.db"
    with KnowledgeGraph(db, workers=1) as kg:
        kg.build([str(p) for p in sample_files()])
        expected = {name: kg.papers_using(name) for name in ("ImageNet", "CLIP", "WILDS")}
    assert all(len(uses) >= 1 for uses in expected.values())
    conn = sqlite3.connect(db)
    conn.execute("DROP INDEX edges_by_concept_pid")
    conn.execute(f"CREATE INDEX {earlier} ON {EARLIER_INDEXES[earlier]}")
    conn.commit()
    conn.close()
    assert f"INDEX {earlier} " in roles_plan(db) + " "
    with KnowledgeGraph(db) as kg:
        assert {name: kg.papers_using(name) for name in expected} == expected
    assert "edges_by_concept_pid" in check_store(db).notes[0]
    GraphStore(db).close()
    assert "edges_by_concept_pid" in index_names(db) and earlier not in index_names(db)
    assert "COVERING INDEX edges_by_concept_pid" in roles_plan(db)
    with KnowledgeGraph(db) as kg:
        assert {name: kg.papers_using(name) for name in expected} == expected
    assert check_store(db).notes == ()


def test_without_the_deferrable_indexes_every_overlap_answer_is_the_same(tmp_path):
    """A reader during a large build, or after a stopped one, finds none of them: the papers
    sharing a paper's concepts, and which concepts they share (in key order), are the same."""
    from litkg.queries.shared import paper_overlap

    db = tmp_path / "kg.db"
    with KnowledgeGraph(db, workers=1) as kg:
        kg.build([str(p) for p in sample_files()])

    def overlaps() -> dict:
        with GraphStore(db, readonly=True) as reader:
            keys = [k for (k,) in reader.conn.execute("SELECT key FROM papers ORDER BY key")]
            return {key: paper_overlap(reader, key, None) for key in keys}

    indexed = overlaps()
    assert sum(len(overlap.shared) for overlap in indexed.values()) > 20
    assert any(len(shared) > 1 for overlap in indexed.values() for shared in overlap.shared.values())
    conn = sqlite3.connect(db)
    for name in DEFERRABLE_INDEXES:
        conn.execute(f"DROP INDEX {name}")
    conn.commit()
    conn.close()
    assert overlaps() == indexed
