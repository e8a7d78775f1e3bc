"""The fast write path of a build (#10, item 3): the same rows, whatever the batches and workers.

A build writes batches of records in one transaction each, remembers what it has stored, links
held phrases and refreshes concept rows from what each batch wrote, and on worker processes
extracts the next batches while the store writes (``litkg.extract_ahead``). None of it may change
a row: every table of a store built in batches of 256 on two workers equals, row for row, the
store built one record per transaction in one process.
"""
from __future__ import annotations

import importlib.util
import json
import sqlite3
from pathlib import Path

import pytest

from litkg.core import KnowledgeGraph
from litkg.graph.store import GraphStore

from conftest import sample_files

REPO = Path(__file__).resolve().parents[1]


def full_dump(db: Path) -> dict[str, list]:
    """Every row of every table of the store (sorted), and its schema."""
    conn = sqlite3.connect(db)
    try:
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        dump = {table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr) for table in tables}
        dump["schema"] = sorted(conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall(), key=repr)
        return dump
    finally:
        conn.close()


def build(db: Path, inputs, *, workers: int, batch_size: int, extractor=None) -> dict[str, list]:
    with KnowledgeGraph(db, workers=workers, extractor=extractor) as kg:
        kg.build([str(p) for p in inputs], batch_size=batch_size)
    return full_dump(db)


def assert_same(a: dict[str, list], b: dict[str, list]) -> None:
    assert a.keys() == b.keys()
    for table in a:
        assert a[table] == b[table], f"table {table} differs"


def generated_corpus(folder: Path, count: int) -> list[Path]:
    """``count`` invented papers of bench/scale.py, and a second file that repeats a fifth of
    them: with a DOI and a venue, some with a shorter abstract (merges that keep the text)."""
    spec = importlib.util.spec_from_file_location("litkg_bench_scale", REPO / "bench" / "scale.py")
    scale = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scale)
    first = scale.write_corpus(folder / "generated.jsonl", count, seed=7)
    rows = [json.loads(line) for line in first.read_text(encoding="utf-8").splitlines()]
    again = folder / "again.jsonl"
    with again.open("w", encoding="utf-8") as out:
        for number, row in enumerate(rows[::5]):
            short = row["abstract"][: len(row["abstract"]) // 2] if number % 2 else row["abstract"]
            out.write(json.dumps({"title": row["title"], "abstract": short, "venue": "NeurIPS",
                                  "doi": f"10.5555/gen.{number}"}) + "\n")
    return [first, again]


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> list[Path]:
    return generated_corpus(tmp_path_factory.mktemp("generated"), 400)


@pytest.mark.parametrize("corpus", ["sample", "generated"])
def test_batches_of_256_on_two_workers_give_the_rows_of_one_record_at_a_time(tmp_path, extractor, corpus, request):
    inputs = sample_files() if corpus == "sample" else request.getfixturevalue("generated")
    fast = build(tmp_path / "fast.db", inputs, workers=2, batch_size=256)
    ones = build(tmp_path / "ones.db", inputs, workers=1, batch_size=1, extractor=extractor)
    assert len(fast["papers"]) == (31 if corpus == "sample" else 400)
    assert fast["edges"] and fast["concept_views"]
    assert_same(fast, ones)


def test_extracting_ahead_gives_the_rows_of_extracting_each_batch(tmp_path, extractor, generated):
    # Merges that change a paper's text inside a batch (a longer abstract) are extracted when the
    # batch is written, not ahead: the store is that of a build that never extracts ahead.
    longer = tmp_path / "longer.jsonl"
    rows = [json.loads(line) for line in generated[0].read_text(encoding="utf-8").splitlines()]
    longer.write_text("".join(json.dumps({"title": r["title"], "abstract": r["abstract"] + " We use COCO too."}) + "\n"
                              for r in rows[3::7]), encoding="utf-8")
    inputs = [generated[0], longer, generated[1]]
    ahead = build(tmp_path / "ahead.db", inputs, workers=2, batch_size=64)
    plain = build(tmp_path / "plain.db", inputs, workers=1, batch_size=64, extractor=extractor)
    assert_same(ahead, plain)


def test_the_derived_rows_are_complete_after_a_build(tmp_path, extractor, generated):
    db = tmp_path / "kg.db"
    with KnowledgeGraph(db, extractor=extractor) as kg:
        kg.build([str(p) for p in generated], batch_size=32)
    before = full_dump(db)
    with GraphStore(db) as store, store.transaction():
        # Every held phrase that a concept's alias names was linked by the batch that made it so.
        assert store.link_phrases(everything=True) == 0
        # Every discovered concept's row is what its papers' views say now.
        keys = [k for (k,) in store.conn.execute("SELECT DISTINCT concept_key FROM concept_views")]
        store._concepts.touched.update(keys)
        store.refresh_concepts()
    assert full_dump(db) == before


def test_a_rolled_back_transaction_leaves_nothing_remembered(tmp_path):
    with GraphStore(tmp_path / "kg.db") as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.upsert_concept("wilds", "WILDS", "benchmark", "gazetteer", ("WiLDS benchmark",))
            raise RuntimeError("stop")
        assert store.concept("wilds") is None
        with store.transaction():
            store.upsert_concept("wilds", "WILDS", "benchmark", "gazetteer", ("WiLDS benchmark",))
        assert store.concept("wilds").name == "WILDS"
        assert [c.key for c in store.concepts_by_alias("wilds benchmark")] == ["wilds"]


def test_a_relation_rolled_back_is_written_again(tmp_path):
    relations = "SELECT src, rel, dst FROM concept_relations"
    with GraphStore(tmp_path / "kg.db") as store:
        with store.transaction():
            for key, name in (("wilds", "WILDS"), ("camelyon17", "Camelyon17")):
                store.upsert_concept(key, name, "benchmark", "gazetteer")
        with pytest.raises(RuntimeError), store.transaction():
            store.add_relation("camelyon17", "part_of", "wilds")
            raise RuntimeError("stop")
        assert store.conn.execute(relations).fetchall() == []
        with store.transaction():
            store.add_relation("camelyon17", "part_of", "wilds")
            store.add_relation("camelyon17", "part_of", "wilds")  # remembered: no second row either way
        assert store.conn.execute(relations).fetchall() == [("camelyon17", "part_of", "wilds")]


def test_a_build_collects_garbage_seldom_and_restores_the_collector_after(tmp_path):
    import gc

    before = gc.get_threshold()
    during: list[tuple] = []

    def fail_on_second(state) -> None:
        during.append(gc.get_threshold())
        if len(during) == 2:
            raise KeyboardInterrupt

    with KnowledgeGraph(tmp_path / "a.db", workers=1) as kg:
        kg.build([str(p) for p in sample_files()], batch_size=8, progress=lambda state: during.append(gc.get_threshold()))
        assert gc.get_threshold() == before
        assert during and all(t[0] > before[0] for t in during)
    during.clear()
    with KnowledgeGraph(tmp_path / "b.db", workers=1) as kg, pytest.raises(KeyboardInterrupt):
        kg.build([str(p) for p in sample_files()], batch_size=8, progress=fail_on_second)
    assert gc.get_threshold() == before
