"""``litkg export``: neo4j-admin import files (and the printed command), GraphML, GEXF, JSON, CSV."""
from __future__ import annotations

import csv
import json
import shlex

import networkx as nx
import pytest

from litkg.cli import cli
from litkg.exporting import flatten_graph, node_link_json
from litkg.graph.neo4j_export import csv_field, import_command, write_neo4j_csv
from litkg.graph.nxgraph import to_networkx
from litkg.graph.store import GraphStore

from store_builder import add_edges, add_paper

HOSTILE = ["O'Brien \"quoted\", with commas", "line one\nline two\r\nthree", "semi;colon|pipe", "back`tick {}"]


def _read(path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def _hostile_store(path) -> GraphStore:
    store = GraphStore(path)
    with store.transaction():
        for i, name in enumerate(HOSTILE):
            key = add_paper(store, name, abstract=name, authors=[name, "B. Author"], year=None if i % 2 else 2021)
            store.upsert_concept(f"c{i}", name, "benchmark", "test", [name + ";alias"])
            add_edges(store, key, {f"c{i}": "evaluates_on"}, confidence=0.75, evidence={f"c{i}": name})
        store.add_relation("c1", "part_of", "c0")
    return store


def test_neo4j_csv_files_have_the_importer_headers_and_the_store_counts(sample_store, tmp_path, runner):
    db, summary = sample_store
    out = tmp_path / "import"
    result = runner.invoke(cli, ["export", "--format", "neo4j-csv", "--out", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    headers = {name: _read(out / f"{name}_header.csv")[0] for name in ("papers", "concepts", "mentions", "relations")}
    assert headers["papers"][0] == "key:ID(Paper)" and headers["papers"][-1] == ":LABEL"
    assert "year:int" in headers["papers"] and "authors:string[]" in headers["papers"]
    assert headers["concepts"][0] == "key:ID(Concept)" and "alias_norms:string[]" in headers["concepts"]
    assert headers["mentions"][:3] == [":START_ID(Paper)", ":END_ID(Concept)", ":TYPE"]
    assert headers["relations"] == [":START_ID(Concept)", ":END_ID(Concept)", ":TYPE"]
    rows = {name: _read(out / f"{name}.csv") for name in headers}
    for name, header in headers.items():
        assert all(len(row) == len(header) for row in rows[name]), name
    with GraphStore(db, create=False) as store:
        assert len(rows["papers"]) == summary.papers_total == store.count("papers")
        assert len(rows["concepts"]) == store.count("concepts")
        assert len(rows["mentions"]) == store.count("edges")
        assert len(rows["relations"]) == store.count("concept_relations")
    papers = {r[0] for r in rows["papers"]}
    concepts = {r[0]: r[-1] for r in rows["concepts"]}
    assert len(papers) == len(rows["papers"]) and len(concepts) == len(rows["concepts"])
    assert all(r[0] in papers and r[1] in concepts for r in rows["mentions"])
    assert {r[2] for r in rows["mentions"]} <= {"PROPOSES", "USES", "EVALUATES_ON", "COMPARES_WITH"}
    assert set(concepts.values()) <= {"Concept;Dataset", "Concept;Benchmark", "Concept;Model", "Concept;Method"}
    assert all(float(r[3]) > 0 for r in rows["mentions"])
    # the exact command, runnable as printed
    printed = [line.strip() for line in result.output.splitlines() if line.strip().startswith("neo4j-admin")]
    assert len(printed) == 1
    args = shlex.split(printed[0])
    assert args[:4] == ["neo4j-admin", "database", "import", "full"] and args[-1] == "neo4j"
    assert f"--nodes={out.resolve() / 'papers_header.csv'},{out.resolve() / 'papers.csv'}" in args
    assert f"--relationships={out.resolve() / 'mentions_header.csv'},{out.resolve() / 'mentions.csv'}" in args
    assert "--multiline-fields=true" in args and "--array-delimiter=;" in args
    assert "cypher-shell" in result.output and (out / "schema.cypher").read_text().count("IF NOT EXISTS") == 5


def test_neo4j_csv_keeps_hostile_strings_and_picks_a_free_array_delimiter(tmp_path):
    store = _hostile_store(tmp_path / "h.db")
    export = write_neo4j_csv(store, tmp_path / "out", database="litkg")
    assert export.array_delimiter not in "".join(HOSTILE)  # ';' and '|' occur in the data
    assert export.command == import_command(tmp_path / "out", database="litkg", array_delimiter=export.array_delimiter)
    assert export.command[-1] == "litkg" and any(a.startswith("--array-delimiter=U+") for a in export.command)
    papers = _read(tmp_path / "out" / "papers.csv")
    header = _read(tmp_path / "out" / "papers_header.csv")[0]
    titles = [row[header.index("title")] for row in papers]
    assert sorted(titles) == sorted(HOSTILE)
    authors = [row[header.index("authors:string[]")].split(export.array_delimiter) for row in papers]
    assert sorted(a[0] for a in authors) == sorted(HOSTILE)
    assert {row[header.index("year:int")] for row in papers} == {"2021", ""}  # missing: empty, unquoted
    concepts = _read(tmp_path / "out" / "concepts.csv")
    aliases = [row[4].split(export.array_delimiter) for row in concepts]
    assert sorted(a[1] for a in aliases) == sorted(n + ";alias" for n in HOSTILE)
    assert {row[-1] for row in concepts} == {f"Concept{export.array_delimiter}Benchmark"}
    assert _read(tmp_path / "out" / "relations.csv") == [["c1", "c0", "PART_OF"]]
    assert csv_field(None) == "" and csv_field(3) == "3" and csv_field('a"b') == '"a""b"'


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_load_back_with_the_same_counts(sample_store, tmp_path, runner, fmt, reader):
    db, _ = sample_store
    out = tmp_path / f"graph.{fmt}"
    result = runner.invoke(cli, ["export", "--format", fmt, "--out", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with GraphStore(db, create=False) as store:
        graph = to_networkx(store)
    loaded = reader(out)
    assert loaded.number_of_nodes() == graph.number_of_nodes()
    assert loaded.number_of_edges() == graph.number_of_edges()
    paper = next(n for n, d in graph.nodes(data=True) if d["kind"] == "paper" and d["authors"])
    assert loaded.nodes[paper]["authors"] == "; ".join(graph.nodes[paper]["authors"])
    role = next(d["role"] for _, _, d in loaded.edges(data=True) if d.get("kind") == "mention")
    assert role in ("proposes", "uses", "evaluates_on", "compares_with")


def test_json_is_node_link_data_that_round_trips(sample_store, tmp_path, runner):
    db, _ = sample_store
    out = tmp_path / "graph.json"
    result = runner.invoke(cli, ["export", "--format", "json", "--out", str(out), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    loaded = nx.node_link_graph(data, edges="edges")
    with GraphStore(db, create=False) as store:
        graph = to_networkx(store)
    assert dict(loaded.nodes(data=True)) == dict(graph.nodes(data=True))
    assert {(u, v): d for u, v, d in loaded.edges(data=True)} == {(u, v): d for u, v, d in graph.edges(data=True)}
    assert json.loads(result.output)["nodes"] == graph.number_of_nodes()


def test_csv_writes_nodes_and_edges_files(tmp_path, runner):
    store = _hostile_store(tmp_path / "h.db")
    store.close()
    out = tmp_path / "csv"
    result = runner.invoke(cli, ["export", "--format", "csv", "--out", str(out), "--db", str(tmp_path / "h.db")])
    assert result.exit_code == 0, result.output
    nodes, edges = _read(out / "nodes.csv"), _read(out / "edges.csv")
    assert nodes[0][0] == "id" and len(nodes) - 1 == 2 * len(HOSTILE)
    assert edges[0][:2] == ["source", "target"] and len(edges) - 1 == len(HOSTILE) + 1
    titles = {row[nodes[0].index("title")] for row in nodes[1:]} - {""}
    assert titles == set(HOSTILE)


def test_flattening_leaves_the_callers_graph_alone():
    graph = nx.DiGraph()
    graph.add_node("paper:a", kind="paper", title="A", authors=["x", "y"], year=None)
    graph.add_edge("paper:a", "concept:b", role="uses", confidence=0.5)
    flat = flatten_graph(graph)
    assert flat.nodes["paper:a"] == {"kind": "paper", "title": "A", "authors": "x; y", "label": "A"}
    assert graph.nodes["paper:a"]["authors"] == ["x", "y"] and "label" not in graph.nodes["paper:a"]
    assert node_link_json(graph)["edges"][0]["role"] == "uses"


def test_export_errors_are_one_line(tmp_path, runner, sample_store):
    db, _ = sample_store
    result = runner.invoke(cli, ["export", "--format", "graphml", "--out", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 1 and result.output.startswith("Error:") and "directory" in result.output
    result = runner.invoke(cli, ["export", "--format", "json", "--out", str(tmp_path / "x.json"),
                                 "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1 and result.output.startswith("Error: no litkg store")
    assert runner.invoke(cli, ["export", "--format", "xml", "--out", "x"]).exit_code == 2
