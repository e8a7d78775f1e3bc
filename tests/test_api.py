"""The Python API a notebook uses (issue #13): building from records in memory, Paper without a
source, one meaning of "no limit", and query results as DataFrames."""
from __future__ import annotations

import json
import sqlite3

import pytest

from litkg import KnowledgeGraph, Paper, SourceRef
from litkg.core import RECORDS_SOURCE
from litkg.errors import MalformedRecordError, QueryError
from litkg.queries import Rows

from conftest import SAMPLE, sample_files
from support import canonical

DICTS = [json.loads(line) for line in (SAMPLE / "papers.jsonl").read_text(encoding="utf-8").splitlines()]


def test_a_paper_needs_no_source():
    paper = Paper(title="TRAM: sharpness-aware tuning", abstract="We propose TRAM and evaluate on ImageNet-R.")
    assert paper.source == SourceRef("<python>", 0)
    assert Paper(title="Only a title").abstract == ""
    assert paper.key == "title:tram sharpness aware tuning"


def test_build_records_from_dicts_gives_the_graph_a_build_from_the_file_gives(tmp_path, extractor):
    with KnowledgeGraph(tmp_path / "file.db", extractor=extractor) as kg:
        from_file = kg.build([SAMPLE / "papers.jsonl"])
    with KnowledgeGraph(tmp_path / "dicts.db", extractor=extractor) as kg:
        from_dicts = kg.build_records(iter(DICTS))  # any iterable: a generator too
        assert kg.papers_using("PACS")  # questions work at once
    assert (from_dicts.records_read, from_dicts.papers_total, from_dicts.edges_total, from_dicts.files) == \
        (from_file.records_read, from_file.papers_total, from_file.edges_total, 0)
    tables = ("papers", "paper_idents", "concepts", "edges", "evidence", "concept_relations")
    assert canonical(tmp_path / "dicts.db", tables) == canonical(tmp_path / "file.db", tables)
    sources = sqlite3.connect(tmp_path / "dicts.db").execute("SELECT path, line FROM paper_sources ORDER BY line")
    assert list(sources) == [(RECORDS_SOURCE, n) for n in range(1, len(DICTS) + 1)]


def test_build_records_takes_papers_and_mixes_them_with_dicts(tmp_path, extractor):
    papers = [Paper(title="MORDANT again", abstract="We evaluate on PACS and Office-Home against ERM."),
              {"title": "A dict", "abstract": "We use ImageNet and CLIP.", "year": 2024, "code": "x"},
              Paper(title="Kept source", abstract="We use WILDS.", source=SourceRef("mine.txt", 7))]
    states = []
    with KnowledgeGraph(tmp_path / "kg.db", extractor=extractor) as kg:
        summary = kg.build_records(papers, progress=states.append)
        assert {u.title for u in kg.papers_using("PACS")} == {"MORDANT again"}
        assert kg.papers(search="a dict")[0].year == 2024
    assert summary.papers_total == 3 and summary.records_skipped == 0
    assert states[-1].records == 3 and states[-1].records_total == 3
    rows = sqlite3.connect(tmp_path / "kg.db").execute("SELECT path, line FROM paper_sources ORDER BY path, line")
    assert list(rows) == [(RECORDS_SOURCE, 1), (RECORDS_SOURCE, 2), ("mine.txt", 7)]


def test_bad_records_are_skipped_and_reported_or_stop_the_build(tmp_path, extractor):
    records = [{"title": "Good", "abstract": "We use PACS."}, {"year": 2020}, "not a record",
               {"title": "Too long", "abstract": "x" * 100_001}, Paper(title="", abstract="")]
    with KnowledgeGraph(tmp_path / "kg.db", extractor=extractor) as kg:
        summary = kg.build_records(records)
        assert summary.papers_total == 1 and summary.records_skipped == 4
        assert [(s.path, s.line) for s in summary.skipped] == [(RECORDS_SOURCE, n) for n in (2, 3, 4, 5)]
        assert summary.skipped[0].reason == "record has no title and no abstract"
        with pytest.raises(MalformedRecordError, match=r"<records>:2: record has no title"):
            kg.build_records([{"title": "Another", "abstract": "x"}, {"year": 1}], on_error="fail")
        assert kg.papers(search="another") == []  # nothing of the failed build was written
    with pytest.raises(TypeError, match="iterable of records"):
        KnowledgeGraph(tmp_path / "x.db").build_records({"title": "one dict"})


def test_no_limit_means_the_same_in_python_and_on_the_command_line(sample_store, runner):
    from litkg.cli import cli

    db = sample_store[0]
    with KnowledgeGraph(db) as kg:
        for call in (lambda n: kg.top_concepts(limit=n), lambda n: kg.shared_datasets(limit=n),
                     lambda n: kg.co_usage("ImageNet", limit=n), lambda n: kg.similar_papers("smp-001", limit=n),
                     lambda n: kg.papers(limit=n)):
            everything = call(None)
            assert call(0) == everything and len(everything) > 3
            assert everything.total == len(everything) and not everything.truncated
            some = call(3)
            assert len(some) == 3 and some.total == len(everything) and some.truncated
        with pytest.raises(QueryError, match="None or 0 for no limit"):
            kg.top_concepts(limit=-1)
        cli_rows = json.loads(runner.invoke(cli, ["query", "concepts", "--top", "0", "--db", str(db), "--json"]).output)
        assert cli_rows == kg.top_concepts(limit=None).to_json()


def test_query_results_become_dataframes(sample_store):
    pd = pytest.importorskip("pandas")
    with KnowledgeGraph(sample_store[0]) as kg:
        pairs = kg.shared_datasets(limit=5)
        frame = pairs.to_pandas()
        assert isinstance(frame, pd.DataFrame) and len(frame) == 5
        assert list(frame.columns) == ["paper_a", "title_a", "paper_b", "title_b", "shared", "count", "jaccard", "score"]
        assert frame["count"].tolist() == [p.count for p in pairs] and frame["shared"][0] == list(pairs[0].shared)
        uses = kg.papers_using("PACS").to_pandas()
        assert set(uses["paper"]) == {u.paper for u in kg.papers_using("PACS")}
        empty = kg.shared_datasets(paper="smp-020", min_shared=50).to_pandas()  # no rows, still the columns
        assert empty.empty and "paper_a" in empty.columns
        assert isinstance(kg.papers(), Rows) and "paper" in kg.papers().to_pandas().columns


def test_export_is_one_call_whose_result_the_cli_prints(sample_store, tmp_path):
    from litkg.errors import ExportError

    with KnowledgeGraph(sample_store[0]) as kg:
        graph = kg.to_networkx()
        written = kg.export("json", tmp_path / "g.json")
        files = kg.export("neo4j-csv", tmp_path / "import", database="litkg")
        with pytest.raises(ExportError, match="is a file"):
            kg.export("neo4j-csv", tmp_path / "g.json")
        with pytest.raises(ExportError, match="unknown export format"):
            kg.export("dot", tmp_path / "g.dot")
    assert written.to_json() == {"format": "json", "out": str(tmp_path / "g.json"),
                                 "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}
    assert files.papers == 31 and files.command[-1] == "litkg"


def test_push_without_settings_reads_the_environment(sample_store, monkeypatch):
    from litkg.errors import Neo4jUriError

    monkeypatch.setenv("NEO4J_URI", "http://localhost:7474")  # refused before anything is sent
    with KnowledgeGraph(sample_store[0]) as kg, pytest.raises(Neo4jUriError, match="over Bolt"):
        kg.push()
