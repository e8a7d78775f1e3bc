"""Neo4j: the model's Cypher, the push (idempotent, incremental, retried), the query library and its
parity with the embedded twins, and security — against a real Bolt server (``bolt_server``:
ArcadeDB embedded, or the Neo4j that ``NEO4J_URI`` names)."""
from __future__ import annotations

import importlib
import json
import logging
import re
import sqlite3

import pytest
from neo4j.exceptions import ServiceUnavailable, TransientError

from litkg.cli import cli
from litkg.errors import LitkgError, QueryError, StoreError
from litkg.graph import neo4j_model as model
from litkg.graph.neo4j_push import Neo4jSettings, Neo4jWriter
from litkg.graph.store import GraphStore, text_hash
from litkg.queries import cypher_library as library

from conftest import SAMPLE
from neo4j_server import clear_litkg_graph

TITLE = "Domain penalisation for improved Out-of-Distribution Generalisation"
HOSTILE = [
    "O'Brien \"quoted\" set",
    "back`tick`) DETACH DELETE n //",
    "{braces: $rows} and }{",
    "// not a comment",
    "line one\nline two\r\nthree",
    "'); MATCH (n) DETACH DELETE n; //",
    "Ünïcödé β-VAE ∑ 数据集",
]
_STATE = {"graph": None}  # what the server's database holds now: "seed" or None (unknown)


@pytest.fixture(scope="module")
def driver(bolt_server):
    with bolt_server.driver() as drv:
        yield drv


@pytest.fixture()
def clean_graph(bolt_server):
    clear_litkg_graph(bolt_server)
    _STATE["graph"] = None
    return bolt_server


@pytest.fixture()
def seed_graph(bolt_server, driver, seed_store):
    """The seed store pushed into the server (pushed again only when another test changed it)."""
    if _STATE["graph"] != "seed":
        clear_litkg_graph(bolt_server)
        with GraphStore(seed_store[0], create=False) as store:
            Neo4jWriter(driver, database=bolt_server.database).push(store)
        _STATE["graph"] = "seed"
    return bolt_server


def _copy_store(src, dst) -> GraphStore:
    with sqlite3.connect(src) as source, sqlite3.connect(dst) as target:
        source.backup(target)
    return GraphStore(dst)


def _store_counts(store: GraphStore) -> dict:
    return {"papers": store.count("papers"), "concepts": store.count("concepts"),
            "mentions": store.count("edges"), "relations": store.count("concept_relations")}


def _tiny_store(path, names: list[str]) -> GraphStore:
    """One paper per name, each using a dataset called that name (evidence: the name again)."""
    store = GraphStore(path)
    with store.transaction() as conn:
        for i, name in enumerate(names):
            key, ckey = f"title:hostile {i} {name}", f"hostile-{i}-{name}"
            conn.execute("INSERT INTO papers (key, title, abstract, year, text_hash) VALUES (?, ?, ?, ?, ?)",
                         (key, name, f"We use {name}.", 2020 + i, text_hash(name, name)))
            conn.execute("INSERT INTO paper_idents VALUES (?, ?)", (key, key))
            conn.execute("INSERT INTO concepts VALUES (?, ?, 'dataset', 'test')", (ckey, name))
            store.upsert_concept(ckey, name, "dataset", "test", [name + " v2"])
            conn.execute("INSERT INTO edges VALUES (?, ?, 'uses', 0.5)", (key, ckey))
            conn.execute("INSERT INTO evidence VALUES (?, ?, 'abstract', 0, 1, ?, ?)", (key, ckey, name, name))
    return store


# -- the model: fixed names, pure Cypher -----------------------------------------------------------

def test_writing_queries_take_values_only_as_parameters():
    texts = [model.merge_papers(), model.prune_mentions(), *model.schema_statements()]
    texts += [f(t) for t in model.TYPE_LABELS for f in (model.merge_concepts, model.add_type_label,
                                                        model.remove_other_type_labels)]
    texts += [f(r) for r in model.ROLE_TYPES for f in (model.merge_mentions, model.create_mentions)]
    texts += [model.merge_relations(r) for r in model.RELATION_TYPES]
    for text in texts:
        assert "'" not in text and '"' not in text, text  # no literal strings: values are $parameters
        if not text.startswith("CREATE CONSTRAINT") and not text.startswith("CREATE INDEX"):
            assert text.startswith("UNWIND $rows AS row "), text
            assert re.search(r"\b(MERGE|CREATE|DELETE|SET|REMOVE)\b", text), text
    assert "MERGE (c:Concept:Benchmark {key: row.key})" in model.merge_concepts("benchmark")
    assert "MERGE (p)-[r:EVALUATES_ON]->(c)" in model.merge_mentions("evaluates_on")
    assert "CREATE (p)-[r:EVALUATES_ON]->(c)" in model.create_mentions("evaluates_on")


@pytest.mark.parametrize("bad", ["Dataset", "dataset`) DETACH DELETE n //", "", "DATASET"])
def test_labels_and_types_come_only_from_the_fixed_sets(bad):
    with pytest.raises(ValueError):
        model.merge_concepts(bad)
    with pytest.raises(ValueError):
        model.merge_mentions(bad)
    with pytest.raises(ValueError):
        model.merge_relations(bad)


def test_a_store_with_an_unknown_type_is_refused_before_any_label_is_built(tmp_path, clean_graph, driver):
    store = _tiny_store(tmp_path / "bad.db", ["X"])
    store.conn.execute("UPDATE concepts SET type = 'dataset`) DETACH DELETE n //'")
    with pytest.raises(StoreError, match="unknown type"):
        Neo4jWriter(driver, database=clean_graph.database).push(store)


# -- push ------------------------------------------------------------------------------------------

def test_push_writes_the_store_and_a_second_push_changes_nothing(seed_store, clean_graph, driver):
    writer = Neo4jWriter(driver, database=clean_graph.database, batch_size=100)
    with GraphStore(seed_store[0], create=False) as store:
        expected = _store_counts(store)
        first = writer.push(store)
        second = writer.push(store)
    assert writer.counts() == expected
    assert first.nodes_created == expected["papers"] + expected["concepts"]
    assert first.relationships_created == expected["mentions"] + expected["relations"]
    assert first.batches > 4 and first.retries == 0
    assert (second.nodes_created, second.relationships_created, second.relationships_deleted) == (0, 0, 0)
    assert (second.constraints_added, second.indexes_added, second.labels_added) == (0, 0, 0)
    records = driver.execute_query("MATCH (c:Concept) RETURN c.type AS type, labels(c) AS labels",
                                   database_=clean_graph.database).records
    for record in records:
        assert sorted(record["labels"]) == sorted(["Concept", model.type_label(record["type"])])
    _STATE["graph"] = "seed"


def test_push_is_incremental(tmp_path, extractor, clean_graph, driver):
    from litkg.core import KnowledgeGraph

    db = tmp_path / "grow.db"
    writer = Neo4jWriter(driver, database=clean_graph.database)
    with KnowledgeGraph(db, extractor=extractor) as kg:
        kg.build([SAMPLE / "papers.jsonl"])
        before = _store_counts(kg.store)
        writer.push(kg.store)
        kg.build([SAMPLE / "more.csv", SAMPLE / "daily_papers.txt"])
        after = _store_counts(kg.store)
        summary = writer.push(kg.store)
    assert after["papers"] > before["papers"]
    assert writer.counts() == after
    assert summary.nodes_created == after["papers"] + after["concepts"] - before["papers"] - before["concepts"]
    assert (summary.relationships_created - summary.relationships_deleted
            == after["mentions"] + after["relations"] - before["mentions"] - before["relations"])


def test_a_changed_role_and_type_replace_the_old_ones(seed_store, tmp_path, clean_graph, driver):
    store = _copy_store(seed_store[0], tmp_path / "changed.db")
    writer = Neo4jWriter(driver, database=clean_graph.database)
    writer.push(store)
    paper, concept = store.conn.execute(
        "SELECT paper_key, concept_key FROM edges WHERE role = 'uses' ORDER BY paper_key LIMIT 1").fetchone()
    store.conn.execute("UPDATE edges SET role = 'compares_with' WHERE paper_key = ? AND concept_key = ?",
                       (paper, concept))
    store.conn.execute("UPDATE concepts SET type = 'benchmark' WHERE key = ?", (concept,))
    summary = writer.push(store)
    assert (summary.relationships_deleted, summary.relationships_created) == (1, 1)
    assert writer.counts() == _store_counts(store)
    record = driver.execute_query(
        "MATCH (p:Paper {key: $p})-[r]->(c:Concept {key: $c}) RETURN type(r) AS rel, labels(c) AS labels",
        p=paper, c=concept, database_=clean_graph.database).records
    assert [(r["rel"], sorted(r["labels"])) for r in record] == [("COMPARES_WITH", ["Benchmark", "Concept"])]
    store.close()


class _FlakyDriver:
    """Delegates to a real driver but fails the first ``failures`` calls with a transient error."""

    def __init__(self, driver, failures, error):
        self.driver, self.failures, self.error, self.calls = driver, failures, error, 0

    def execute_query(self, *args, **kwargs):
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error
        return self.driver.execute_query(*args, **kwargs)


@pytest.mark.parametrize("error", [TransientError("deadlock, retry"), ServiceUnavailable("connection lost")])
def test_transient_failures_are_retried(tmp_path, clean_graph, driver, error):
    store = _tiny_store(tmp_path / "tiny.db", ["A", "B"])
    flaky = _FlakyDriver(driver, 2, error)
    summary = Neo4jWriter(flaky, database=clean_graph.database, backoff=0.01).push(store)
    assert summary.retries == 2
    assert Neo4jWriter(driver, database=clean_graph.database).counts() == _store_counts(store)


def test_a_rejected_query_raises_a_litkg_error_and_is_not_retried(clean_graph, driver):
    writer = Neo4jWriter(driver, database=clean_graph.database)
    with pytest.raises(model.Neo4jQueryError) as info:
        writer.run("RETURN $missing AS x")
    assert isinstance(info.value.server_code, str)


# -- the query library and its twins -----------------------------------------------------------

PARITY = [
    ("papers-using", {"name": "WILDS", "include_parts": "true"}),
    ("papers-using", {"name": "WiLDS"}),
    ("papers-using", {"name": "ColoredMNIST"}),
    ("papers-using", {"name": "CLIP"}),
    ("co-usage", {"name": "CLIP"}),
    ("co-usage", {"name": "WILDS", "type": "method", "limit": "5"}),
    ("top-concepts", {}),
    ("top-concepts", {"type": "benchmark", "limit": "10"}),
    ("timeline", {"name": "CLIP"}),
    ("timeline", {"name": "WILDS", "include_parts": "true", "by": "month"}),
    ("methods-on", {"name": "WILDS", "include_parts": "true"}),
    ("methods-on", {"name": "DomainBed"}),
    ("paper-profile", {"paper": TITLE}),
    ("shared-datasets", {}),
    ("shared-datasets", {"paper": TITLE, "limit": "100"}),
    ("shared-datasets", {"min_shared": "2", "types": "dataset,benchmark,method,model", "limit": "30"}),
    ("neighbourhood", {"node": TITLE}),
    ("neighbourhood", {"node": "ColoredMNIST", "radius": "2"}),
    ("neighbourhood", {"node": "concept:wilds", "radius": "0"}),
    ("neighbourhood", {"node": "CLIP", "radius": "3"}),
    ("path", {"a": "ColoredMNIST", "b": "CLIP"}),
    ("path", {"a": "GlobalWheat", "b": "ERM"}),
    ("path", {"a": "Camelyon17", "b": "Office-Home"}),
    ("path", {"a": "CLIP", "b": "CLIP"}),
    ("path", {"a": TITLE, "b": "DomainBed"}),
]


def _twin(query: library.LibraryQuery, given: dict):
    module, _, name = query.twin.rpartition(".")
    function = getattr(importlib.import_module(module), name)
    params = library.bind_parameters(query, given)
    derived = {p.name for p in query.params if p.derivation}
    kwargs = {k: v for k, v in params.items() if k not in derived}
    args = [kwargs.pop(p.name) for p in query.params if p.required]  # the twins take these positionally
    if "types" in kwargs:
        kwargs["types"] = tuple(kwargs["types"])
    return function, args, kwargs


def _close(a, b) -> bool:
    """Equal, floats within the 4th decimal (Cypher rounds half up, Python to the nearest even)."""
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, (int, float)) and isinstance(b, (int, float)) and abs(a - b) <= 1.5e-4
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b))
    return a == b


def test_every_library_query_has_a_parity_case_and_a_twin():
    names = set(library.load_library())
    assert names == {name for name, _ in PARITY}
    assert len(names) == 9
    for query in library.load_library().values():
        module, _, function = query.twin.rpartition(".")
        assert callable(getattr(importlib.import_module(module), function)), query.twin


@pytest.mark.parametrize("name, given", PARITY, ids=[f"{n}:{','.join(f'{k}={v}' for k, v in g.items())}"[:60]
                                                     for n, g in PARITY])
def test_library_query_returns_what_its_twin_returns(name, given, seed_graph, seed_store, driver):
    query = library.get_query(name)
    got = library.run_query(driver, name, given, database=seed_graph.database).to_json()
    function, args, kwargs = _twin(query, given)
    with GraphStore(seed_store[0], create=False) as store:
        answer = function(store, *args, **kwargs)
    want = [answer.to_json()] if hasattr(answer, "to_json") else [row.to_json() for row in answer]
    if not query.ordered:
        got, want = sorted(got, key=json.dumps), sorted(want, key=json.dumps)
    assert _close(got, want), f"{name} {given}:\n cypher {got[:3]}\n twin   {want[:3]}"
    if name in ("papers-using", "top-concepts", "methods-on") or name == "path" and given["a"] != given["b"]:
        assert got, "a representative case should have rows"


def test_path_between_unconnected_concepts_is_empty_in_both(seed_graph, seed_store, driver):
    import networkx as nx

    from litkg.graph.nxgraph import to_networkx
    from litkg.queries import path

    with GraphStore(seed_store[0], create=False) as store:
        parts = sorted(nx.connected_components(to_networkx(store).to_undirected()), key=len, reverse=True)
        a, b = (sorted(n for n in part if n.startswith("concept:"))[0] for part in parts[:2])
        assert path(store, a, b) == []
    assert library.run_query(driver, "path", {"a": a, "b": b}, database=seed_graph.database).rows == ()


def test_library_headers_declare_read_only_queries_with_parameters():
    for query in library.load_library().values():
        assert query.description and query.order
        assert not re.search(r"\b(CREATE|MERGE|SET|DELETE|REMOVE|DETACH)\b", query.cypher), query.name
        assert "apoc." not in query.cypher.lower() and "gds." not in query.cypher.lower()
        for param in query.params:
            assert f"${param.name}" in query.cypher, (query.name, param.name)


def test_parameters_are_typed_defaulted_and_derived():
    query = library.get_query("papers-using")
    bound = library.bind_parameters(query, {"name": "WiLDS", "include_parts": "yes"})
    assert bound == {"name": "WiLDS", "include_parts": True, "norm": "wild"}
    assert library.bind_parameters(library.get_query("shared-datasets"), {"types": "dataset, model"})["types"] == \
        ["dataset", "model"]
    for bad in ({}, {"name": "X", "norm": "x"}, {"name": "X", "include_parts": "maybe"}, {"nam": "X"}):
        with pytest.raises(QueryError):
            library.bind_parameters(query, bad)
    with pytest.raises(QueryError, match="one of"):
        library.bind_parameters(library.get_query("timeline"), {"name": "X", "by": "week"})
    assert library.paper_idents("10.1000/ABC") == ["doi:10.1000/abc", "title:10 1000 abc"]


def test_an_adhoc_query_cannot_write(seed_graph, driver, seed_store):
    def count(cypher):
        return driver.execute_query(cypher, database_=seed_graph.database).records

    constraints = len(count("SHOW CONSTRAINTS"))
    with pytest.raises(model.Neo4jQueryError, match="tried to write"):
        library.run_cypher(driver, "CREATE (p:Paper {key: $k}) RETURN p", {"k": "intruder"},
                           database=seed_graph.database)
    with pytest.raises(model.Neo4jQueryError, match="tried to write"):
        library.run_cypher(driver, "MATCH (n) DETACH DELETE n", database=seed_graph.database)
    for command in ("DROP CONSTRAINT litkg_paper_key", "CREATE INDEX x IF NOT EXISTS FOR (p:Paper) ON (p.title)",
                    "MATCH (n) RETURN n; DROP INDEX litkg_concept_name"):
        with pytest.raises(model.Neo4jQueryError, match="not run here"):
            library.run_cypher(driver, command, database=seed_graph.database)
    assert library.run_cypher(driver, "MATCH (n:Grant {name: 'DROP INDEX'}) RETURN count(n) AS n",
                              database=seed_graph.database).rows == ({"n": 0},)
    assert count("MATCH (p:Paper) RETURN count(p) AS n")[0]["n"] == seed_store[1].papers_total
    assert count("MATCH (p:Paper {key: 'intruder'}) RETURN count(p) AS n")[0]["n"] == 0
    assert len(count("SHOW CONSTRAINTS")) == constraints


# -- security ----------------------------------------------------------------------------------------

def test_hostile_names_survive_a_round_trip(tmp_path, clean_graph, driver):
    store = _tiny_store(tmp_path / "hostile.db", HOSTILE)
    Neo4jWriter(driver, database=clean_graph.database).push(store)
    for i, name in enumerate(HOSTILE):
        rows = library.run_cypher(
            driver, "MATCH (p:Paper)-[r:USES]->(c:Concept {key: $key}) "
                    "RETURN p.title AS title, c.name AS name, c.aliases AS aliases, r.evidence AS evidence",
            {"key": f"hostile-{i}-{name}"}, database=clean_graph.database).rows
        assert rows == ({"title": name, "name": name, "aliases": [name, name + " v2"], "evidence": name},)
        uses = library.run_query(driver, "papers-using", {"name": name}, database=clean_graph.database).rows
        assert [u["title"] for u in uses] == [name]
    assert Neo4jWriter(driver, database=clean_graph.database).counts() == _store_counts(store)


def test_the_password_is_never_shown(bolt_server, sample_store, caplog, runner):
    secret = bolt_server.password
    settings = Neo4jSettings(bolt_server.uri, bolt_server.user, secret, bolt_server.database)
    assert secret not in repr(settings) and secret not in str(settings)
    with caplog.at_level(logging.DEBUG, logger="neo4j"):
        drv = settings.open_driver()
        drv.close()
    wrong = Neo4jSettings(bolt_server.uri, bolt_server.user, secret + "-wrong", bolt_server.database)
    with pytest.raises(LitkgError) as info:
        wrong.open_driver().close()
    chain, exc = [], info.value
    while exc is not None:
        chain.append(exc)
        exc = exc.__cause__ or exc.__context__
    assert "LOGON" in caplog.text or "HELLO" in caplog.text  # the driver's debug log was captured
    text = caplog.text + " ".join(str(e) + repr(e) for e in chain)
    assert secret not in text
    env = {**bolt_server.env(), "NEO4J_PASSWORD": secret + "-wrong"}
    result = runner.invoke(cli, ["neo4j", "push", "--db", str(sample_store[0])], env=env)
    assert result.exit_code == 1 and "refused" in result.output and secret not in result.output
    if bolt_server.embedded:  # the server we spawn got it on stdin, not on its command line
        assert secret not in " ".join(map(str, bolt_server.process.args))


# -- the CLI -----------------------------------------------------------------------------------------

def test_cli_push_and_queries(seed_store, seed_graph, runner):
    env = seed_graph.env()
    result = runner.invoke(cli, ["neo4j", "push", "--db", str(seed_store[0]), "--json"], env=env)
    assert result.exit_code == 0, result.output
    pushed = json.loads(result.output)
    assert pushed["nodes_created"] == 0 and pushed["papers"] == seed_store[1].papers_total
    assert seed_graph.password not in result.output
    result = runner.invoke(cli, ["neo4j", "query", "top-concepts", "--param", "type=benchmark", "--json"], env=env)
    assert result.exit_code == 0, result.output
    with GraphStore(seed_store[0], create=False) as store:
        from litkg.queries import top_concepts

        assert json.loads(result.output) == [c.to_json() for c in top_concepts(store, type="benchmark")]
    result = runner.invoke(cli, ["neo4j", "query", "papers-using", "--param", "name=WILDS",
                                 "--param", "include_parts=true"], env=env)
    assert result.exit_code == 0 and "WILDS" in result.output
    result = runner.invoke(cli, ["neo4j", "query", "--cypher", "MATCH (c:Concept {name: $n}) RETURN c.key AS key",
                                 "--param", "n=WILDS"], env=env)
    assert result.exit_code == 0 and "wilds" in result.output
    result = runner.invoke(cli, ["neo4j", "query", "--cypher", "MATCH (n) DETACH DELETE n"], env=env)
    assert result.exit_code == 1 and result.output.startswith("Error: the query tried to write")
    assert runner.invoke(cli, ["neo4j", "query"], env=env).exit_code == 2
    result = runner.invoke(cli, ["neo4j", "query", "nope"], env=env)
    assert result.exit_code == 1 and "choose one of" in result.output


def test_cli_lists_the_library(runner):
    result = runner.invoke(cli, ["neo4j", "queries", "--json"])
    assert result.exit_code == 0
    assert sorted(q["name"] for q in json.loads(result.output)) == sorted(library.load_library())
    result = runner.invoke(cli, ["neo4j", "queries", "--show", "path"])
    assert result.exit_code == 0 and "allShortestPaths" in result.output
