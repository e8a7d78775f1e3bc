"""The SQLite store and the build: round trip, identity and merging, idempotence, transactions."""
from __future__ import annotations

import json
import sqlite3

import pytest

from litkg.core import KnowledgeGraph
from litkg.errors import MalformedRecordError, StoreError
from litkg.graph.nxgraph import to_networkx
from litkg.graph.store import GraphStore


def write_jsonl(path, rows):
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


ROWS = [
    {"id": "a1", "title": "GRAVEL: Gradient Alignment for Transfer", "doi": "10.1/ABC",
     "abstract": "We propose GRAVEL. We evaluate on PACS and Office-Home and compare against ERM.", "year": 2023},
    {"id": "a2", "title": "Another look at PACS",
     "abstract": "We study ERM on PACS and VLCS with a ResNet-50 backbone.", "year": 2022},
]


def test_round_trip_of_papers_concepts_edges_and_evidence(tmp_path, extractor):
    src = write_jsonl(tmp_path / "p.jsonl", ROWS)
    db = tmp_path / "kg.db"
    with KnowledgeGraph(db, extractor=extractor) as kg:
        summary = kg.build([src])
    assert (summary.papers_new, summary.papers_total) == (2, 2)
    conn = sqlite3.connect(db)
    title, year, doi, authors = conn.execute("SELECT title, year, doi, authors FROM papers WHERE key='doi:10.1/abc'").fetchone()
    assert (title, year, doi, json.loads(authors)) == (ROWS[0]["title"], 2023, "10.1/ABC", [])
    role, = conn.execute("SELECT role FROM edges WHERE paper_key='doi:10.1/abc' AND concept_key='gravel'").fetchone()
    assert role == "proposes"
    text, sentence, start = conn.execute(
        "SELECT text, sentence, start FROM evidence JOIN papers USING (pid) WHERE key='doi:10.1/abc' "
        "AND concept_key='pacs'").fetchone()
    assert text == "PACS" and "PACS" in sentence and ROWS[0]["abstract"][start:start + 4] == "PACS"
    graph = to_networkx(GraphStore(db))
    assert graph.nodes["paper:doi:10.1/abc"]["kind"] == "paper"
    assert graph.nodes["concept:pacs"]["type"] == "dataset"
    assert graph.edges["paper:doi:10.1/abc", "concept:pacs"]["role"] == "evaluates_on"
    assert graph.out_degree("paper:title:another look at pacs") >= 3


def test_same_paper_from_two_files_is_one_paper_listing_both_sources(tmp_path, extractor):
    first = write_jsonl(tmp_path / "a.jsonl", ROWS)
    second = tmp_path / "b.csv"
    second.write_text('title,abstract,venue\n"gravel: gradient alignment for transfer!","",ICML\n', encoding="utf-8")
    db = tmp_path / "kg.db"
    with KnowledgeGraph(db, extractor=extractor) as kg:
        kg.build([first])
        summary = kg.build([second])
    assert (summary.papers_new, summary.papers_merged, summary.papers_total) == (0, 1, 2)
    conn = sqlite3.connect(db)
    sources = conn.execute("SELECT path FROM paper_sources JOIN papers USING (pid) WHERE key='doi:10.1/abc' ORDER BY path").fetchall()
    assert [s[0] for s in sources] == [str(first), str(second)]
    venue, abstract = conn.execute("SELECT venue, abstract FROM papers WHERE key='doi:10.1/abc'").fetchone()
    assert venue == "ICML" and abstract == ROWS[0]["abstract"]  # the empty abstract did not replace it


def test_building_twice_is_a_no_op(tmp_path, extractor):
    src = write_jsonl(tmp_path / "p.jsonl", ROWS)
    db = tmp_path / "kg.db"
    with KnowledgeGraph(db, extractor=extractor) as kg:
        first = kg.build([src])
        dump_before = list(sqlite3.connect(db).iterdump())
        second = kg.build([src])
    assert first.papers_extracted == 2 and second.papers_extracted == 0
    assert (second.papers_new, second.papers_merged, second.papers_unchanged) == (0, 0, 2)
    assert list(sqlite3.connect(db).iterdump()) == dump_before


def test_sample_corpus_gives_31_papers_with_merged_duplicates(sample_store):
    db, summary = sample_store
    assert summary.records_read == 34 and summary.papers_total == 31 and summary.records_skipped == 0
    conn = sqlite3.connect(db)
    multi = conn.execute("SELECT COUNT(*) FROM (SELECT pid FROM paper_sources GROUP BY pid HAVING COUNT(*) = 2)").fetchone()[0]
    assert multi == 3


def test_fail_mode_writes_nothing_when_a_record_is_bad(tmp_path, extractor):
    src = tmp_path / "p.jsonl"
    src.write_text(json.dumps(ROWS[0]) + "\n{broken\n" + json.dumps(ROWS[1]) + "\n", encoding="utf-8")
    db = tmp_path / "kg.db"
    with KnowledgeGraph(db, extractor=extractor) as kg:
        with pytest.raises(MalformedRecordError) as err:
            kg.build([src], on_error="fail")
    assert err.value.line == 2 and str(src) in str(err.value)
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM papers").fetchone()[0] == 0


def test_skip_mode_keeps_good_records_and_reports_bad_ones(tmp_path, extractor):
    src = tmp_path / "p.jsonl"
    src.write_text(json.dumps(ROWS[0]) + "\n{broken\n" + json.dumps(ROWS[1]) + "\n", encoding="utf-8")
    with KnowledgeGraph(tmp_path / "kg.db", extractor=extractor) as kg:
        summary = kg.build([src], on_error="skip")
    assert summary.papers_total == 2 and summary.records_skipped == 1
    assert summary.skipped[0].line == 2 and "JSON" in summary.skipped[0].reason


def test_an_interrupted_batch_leaves_the_store_as_before(tmp_path, extractor, monkeypatch):
    src = write_jsonl(tmp_path / "p.jsonl", ROWS)
    db = tmp_path / "kg.db"
    kg = KnowledgeGraph(db, extractor=extractor)
    kg.build([write_jsonl(tmp_path / "first.jsonl", ROWS[:1])])

    def explode(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(GraphStore, "replace_edges", explode)
    with pytest.raises(KeyboardInterrupt):
        kg.build([src])
    monkeypatch.undo()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM papers").fetchone()[0] == 1
    summary = kg.build([src])
    assert summary.papers_total == 2 and summary.edges_total > 0
    kg.close()


def test_reading_a_missing_or_foreign_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no litkg store"):
        KnowledgeGraph(tmp_path / "absent.db").stats()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a litkg store"):
        KnowledgeGraph(junk).stats()
    assert not (tmp_path / "absent.db").exists()


def test_part_of_targets_become_concepts_with_relations(tmp_path, extractor):
    src = write_jsonl(tmp_path / "p.jsonl", [{"title": "Wheat", "abstract": "We train detectors on GWHD 2021 only."}])
    db = tmp_path / "kg.db"
    with KnowledgeGraph(db, extractor=extractor) as kg:
        kg.build([src])
        uses = kg.papers_using("WILDS", include_parts=True)
    assert [u.title for u in uses] == ["Wheat"] and uses[0].via_part
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT rel FROM concept_relations WHERE dst='wilds'").fetchall() == [("part_of",)]



@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_acronym_and_long_form_meet_across_papers(tmp_path, extractor, order):
    rows = [
        {"title": "First", "abstract": "We propose Gradient Alignment Via Ensembled Layers (GAVEL) for transfer."},
        {"title": "Second", "abstract": "We compare with Gradient Alignment Via Ensembled Layers on PACS."},
    ]
    # Either order: a long form seen before its definition is held, then linked.
    src = write_jsonl(tmp_path / "p.jsonl", [rows[i] for i in order])
    db = tmp_path / "kg.db"
    with KnowledgeGraph(db, extractor=extractor) as kg:
        kg.build([src])
        uses = kg.papers_using("GAVEL")
    assert sorted(u.title for u in uses) == ["First", "Second"]
    assert {u.role for u in uses} == {"proposes", "compares_with"}


def test_a_changed_gazetteer_makes_the_next_build_re_extract(tmp_path):
    from litkg.extract import Extractor, build_nlp
    from litkg.extract.gazetteer import Gazetteer, GazetteerEntry

    src = write_jsonl(tmp_path / "p.jsonl", [{"title": "T", "abstract": "We train on Zorblax and Quillon."}])
    db = tmp_path / "kg.db"
    small = Gazetteer([GazetteerEntry("zorblax", "Zorblax", "dataset")])
    larger = Gazetteer([GazetteerEntry("zorblax", "Zorblax", "dataset"), GazetteerEntry("quillon", "Quillon", "dataset")])
    with KnowledgeGraph(db, extractor=Extractor(build_nlp(small))) as kg:
        assert kg.build([src]).papers_extracted == 1
        assert kg.build([src]).papers_extracted == 0
    with KnowledgeGraph(db, extractor=Extractor(build_nlp(larger))) as kg:
        assert kg.build([src]).papers_extracted == 1
        assert [u.title for u in kg.papers_using("Quillon")] == ["T"]


def test_a_binary_file_among_the_inputs_stops_the_build_before_anything_is_written(tmp_path, extractor):
    from litkg.errors import InputError

    good = write_jsonl(tmp_path / "good.jsonl", ROWS)
    binary = tmp_path / "paper.pdf"
    binary.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    db = tmp_path / "kg.db"
    with KnowledgeGraph(db, extractor=extractor) as kg:
        with pytest.raises(InputError, match="paper.pdf"):
            kg.build([good, binary])
    assert not db.exists() or sqlite3.connect(db).execute("SELECT COUNT(*) FROM papers").fetchone()[0] == 0
