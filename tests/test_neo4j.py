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

from litkg import errors
from litkg.cli import cli
from litkg.errors import LitkgError, QueryError, StoreError
from litkg.graph import neo4j_model as model
from litkg.graph.neo4j_push import Neo4jSettings, Neo4jWriter
from litkg.graph.store import GraphStore
from litkg.queries import cypher_library as library

from conftest import SAMPLE
from neo4j_server import clear_litkg_graph
from store_builder import add_edges, add_paper

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


def _pushed(bolt_server, driver, db):
    """The store ``db`` pushed into the server (pushed again only when another test changed it)."""
    if _STATE["graph"] != str(db):
        clear_litkg_graph(bolt_server)
        with GraphStore(db, create=False) as store:
            Neo4jWriter(driver, database=bolt_server.database).push(store)
        _STATE["graph"] = str(db)
    return bolt_server


#: The built stores the store-level tests run on: the shipped sample always, the seed pages when
#: ../shared is beside the checkout.
BUILT = ["sample", pytest.param("seeds", marks=pytest.mark.corpus)]


@pytest.fixture(scope="module", params=BUILT)
def built_store(request):
    """``(db, summary)`` of a built store: the sample's, or the seed pages'."""
    return request.getfixturevalue("sample_store" if request.param == "sample" else "seed_store")


@pytest.fixture()
def built_graph(bolt_server, driver, built_store):
    return _pushed(bolt_server, driver, built_store[0])


@pytest.fixture()
def sample_graph(bolt_server, driver, sample_store):
    return _pushed(bolt_server, driver, sample_store[0])


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
    with store.transaction():
        for i, name in enumerate(names):
            ckey = f"hostile-{i}-{name}"
            key = add_paper(store, name, abstract=f"We use {name}.", year=2020 + i)
            store.upsert_concept(ckey, name, "dataset", "test", [name + " v2"])
            add_edges(store, key, {ckey: "uses"}, confidence=0.5, evidence={ckey: name})
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

def test_push_writes_the_store_and_a_second_push_changes_nothing(built_store, clean_graph, driver):
    writer = Neo4jWriter(driver, database=clean_graph.database, batch_size=20)
    with GraphStore(built_store[0], create=False) as store:
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
    _STATE["graph"] = str(built_store[0])


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


def test_a_changed_role_and_type_replace_the_old_ones(built_store, tmp_path, clean_graph, driver):
    store = _copy_store(built_store[0], tmp_path / "changed.db")
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
    counting = _FlakyDriver(driver, 0, None)  # fails nothing; counts the calls
    writer = Neo4jWriter(counting, database=clean_graph.database, backoff=0.01, retry_for=30)
    with pytest.raises(errors.Neo4jQueryError) as info:
        writer.run("RETURN $missing AS x")
    assert isinstance(info.value.server_code, str) and info.value.server_code
    assert counting.calls == 1  # sent once: a query the server rejects is not sent again


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


#: The same on the shipped sample: invented papers naming real datasets (see litkg/sample/ANSWERS.md).
MORDANT = "MORDANT: Moment-Regularised Domain-Agnostic Training for Domain Generalization"
SAMPLE_PARITY = [
    ("papers-using", {"name": "WILDS", "include_parts": "true"}),
    ("papers-using", {"name": "Office Home"}),
    ("papers-using", {"name": "ColoredMNIST"}),
    ("co-usage", {"name": "PACS"}),
    ("co-usage", {"name": "ImageNet", "type": "dataset", "limit": "5"}),
    ("top-concepts", {}),
    ("top-concepts", {"type": "benchmark", "limit": "3"}),
    ("timeline", {"name": "WILDS", "include_parts": "true", "by": "month"}),
    ("timeline", {"name": "ERM"}),
    ("methods-on", {"name": "PACS"}),
    ("methods-on", {"name": "WILDS", "include_parts": "true"}),
    ("paper-profile", {"paper": "smp-001"}),
    ("paper-profile", {"paper": MORDANT}),
    ("shared-datasets", {}),
    ("shared-datasets", {"paper": "smp-001", "limit": "100"}),
    ("shared-datasets", {"min_shared": "2", "types": "dataset,benchmark,method,model", "limit": "30"}),
    ("neighbourhood", {"node": "smp-001"}),
    ("neighbourhood", {"node": "WILDS", "radius": "2"}),
    ("path", {"a": "GWHD 2021", "b": "Camelyon17"}),
    ("path", {"a": "smp-001", "b": "ColoredMNIST"}),
    # Every way of naming a node that litkg's one resolver takes (queries/resolve.py), #12.
    ("neighbourhood", {"node": "office homes"}),
    ("neighbourhood", {"node": "OfficeHome", "radius": "0"}),
    ("neighbourhood", {"node": "arXiv:2206.04417v2", "radius": "0"}),
    ("neighbourhood", {"node": "https://doi.org/10.5555/litkg.sample.001", "radius": "0"}),
    ("paper-profile", {"paper": "2206.04417v1"}),
    ("shared-datasets", {"paper": MORDANT.upper(), "limit": "10"}),
    ("path", {"a": "Office Home", "b": "10.5555/litkg.sample.001"}),
    ("co-usage", {"name": "office-homes", "limit": "5"}),
]
ALL_PARITY = [("sample", n, g) for n, g in SAMPLE_PARITY] + [
    pytest.param("seeds", n, g, marks=pytest.mark.corpus) for n, g in PARITY]


def test_every_library_query_has_a_parity_case_and_a_twin():
    names = set(library.load_library())
    assert names == {name for name, _ in PARITY} == {name for name, _ in SAMPLE_PARITY}
    assert len(names) == 9
    for query in library.load_library().values():
        module, _, function = query.twin.rpartition(".")
        assert callable(getattr(importlib.import_module(module), function)), query.twin


def _case_id(case) -> str:
    corpus, n, g = case.values if hasattr(case, "values") else case
    return f"{corpus}:{n}:{','.join(f'{k}={v}' for k, v in g.items())}"[:70]


@pytest.mark.parametrize("corpus, name, given", ALL_PARITY, ids=[_case_id(c) for c in ALL_PARITY])
def test_library_query_returns_what_its_twin_returns(corpus, name, given, bolt_server, driver, request):
    db = request.getfixturevalue("sample_store" if corpus == "sample" else "seed_store")[0]
    graph = _pushed(bolt_server, driver, db)
    query = library.get_query(name)
    got = library.run_query(driver, name, given, database=graph.database).to_json()
    function, args, kwargs = _twin(query, given)
    with GraphStore(db, create=False) as store:
        answer = function(store, *args, **kwargs)
    want = [answer.to_json()] if hasattr(answer, "to_json") else [row.to_json() for row in answer]
    if not query.ordered:
        got, want = sorted(got, key=json.dumps), sorted(want, key=json.dumps)
    assert _close(got, want), f"{name} {given}:\n cypher {got[:3]}\n twin   {want[:3]}"
    if name in ("papers-using", "top-concepts", "methods-on") or name == "path" and given["a"] != given["b"]:
        assert got, "a representative case should have rows"


def test_path_between_unconnected_concepts_is_empty_in_both(built_graph, built_store, driver):
    import networkx as nx

    from litkg.graph.nxgraph import to_networkx
    from litkg.queries import path

    with GraphStore(built_store[0], create=False) as store:
        parts = sorted(nx.connected_components(to_networkx(store).to_undirected()), key=len, reverse=True)
        a, b = (sorted(n for n in part if n.startswith("concept:"))[0] for part in parts[:2])
        assert path(store, a, b) == []
    assert library.run_query(driver, "path", {"a": a, "b": b}, database=built_graph.database).rows == ()


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


def test_an_adhoc_query_cannot_write(built_graph, driver, built_store):
    seed_graph, seed_store = built_graph, built_store

    def count(cypher):
        return driver.execute_query(cypher, database_=seed_graph.database).records

    constraints = len(count("SHOW CONSTRAINTS"))
    with pytest.raises(errors.Neo4jQueryError, match="tried to write"):
        library.run_cypher(driver, "CREATE (p:Paper {key: $k}) RETURN p", {"k": "intruder"},
                           database=seed_graph.database)
    with pytest.raises(errors.Neo4jQueryError, match="tried to write"):
        library.run_cypher(driver, "MATCH (n) DETACH DELETE n", database=seed_graph.database)
    for command in ("DROP CONSTRAINT litkg_paper_key", "CREATE INDEX x IF NOT EXISTS FOR (p:Paper) ON (p.title)",
                    "MATCH (n) RETURN n; DROP INDEX litkg_concept_name"):
        with pytest.raises(errors.Neo4jQueryError, match="not run here"):
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

def test_cli_push_and_queries(built_store, built_graph, runner):
    seed_store, seed_graph = built_store, built_graph
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


# -- issue #13: what a newcomer meets on a real Neo4j 5 -------------------------------------------

def _access_mode_error():
    """The error Neo4j 5 itself raises for a write in a read transaction (ArcadeDB runs the write)."""
    from neo4j.exceptions import Neo4jError

    return Neo4jError._hydrate_neo4j(code="Neo.ClientError.Statement.AccessMode",
                                     message="Writing in read access mode not allowed. Attempted write to internal graph 0")


class _RefusingDriver:
    """A driver whose server refuses writes in read transactions, as Neo4j 5 does."""

    def __init__(self, error):
        self.error, self.rolled_back = error, False

    def session(self, **kwargs):
        assert kwargs["default_access_mode"] == "READ"
        driver = self

        class Tx:
            def run(self, cypher, parameters):
                raise driver.error

            def rollback(self):
                driver.rolled_back = True

        class Session:
            def __enter__(self):
                return self

            def __exit__(self, *exc):
                return False

            def begin_transaction(self):
                return Tx()

        return Session()


def test_neo4j5_refusing_a_write_is_reported_as_a_write():
    driver = _RefusingDriver(_access_mode_error())
    with pytest.raises(errors.Neo4jQueryError) as info:
        library.run_cypher(driver, "CREATE (p:Paper {key: 'x'})")
    assert str(info.value.message).startswith("the query tried to write") and driver.rolled_back
    # Another refusal is still the server's own message.
    from neo4j.exceptions import Neo4jError

    other = Neo4jError._hydrate_neo4j(code="Neo.ClientError.Statement.SyntaxError", message="Invalid input 'X'")
    with pytest.raises(errors.Neo4jQueryError, match="the server rejected a query: Invalid input"):
        library.run_cypher(_RefusingDriver(other), "X")


def test_neo4j5_refusal_through_the_cli_is_one_line_about_writing(runner, monkeypatch):
    monkeypatch.setattr(Neo4jSettings, "open_driver", lambda self, **kw: _Closing(_RefusingDriver(_access_mode_error())))
    result = runner.invoke(cli, ["neo4j", "query", "--cypher", "CREATE (n:X) RETURN n"],
                           env={"NEO4J_URI": "bolt://127.0.0.1:7687", "NEO4J_PASSWORD": "x"})
    assert result.exit_code == 1 and result.output.startswith("Error: the query tried to write"), result.output


class _Closing:
    def __init__(self, driver):
        self.driver = driver

    def session(self, **kwargs):
        return self.driver.session(**kwargs)

    def close(self):
        pass


def test_the_server_running_a_write_in_a_read_transaction_is_reported_as_a_write(clean_graph, driver):
    """ArcadeDB's shape: the write runs (it does not enforce read access) and is rolled back."""
    with pytest.raises(errors.Neo4jQueryError, match="^the query tried to write"):
        library.run_cypher(driver, "CREATE (p:Paper {key: $k}) RETURN p", {"k": "intruder"},
                           database=clean_graph.database)
    rows = library.run_cypher(driver, "MATCH (p:Paper {key: 'intruder'}) RETURN count(p) AS n",
                              database=clean_graph.database).rows
    assert rows == ({"n": 0},)


def test_papers_without_authors_get_no_authors_property(sample_store, clean_graph, driver):
    with GraphStore(sample_store[0], create=False) as store:
        rows = {r["key"]: r["props"] for r in model.paper_rows(store)}
        without = {k for k, (a,) in ((k, store.conn.execute("SELECT authors FROM papers WHERE key=?", (k,)).fetchone())
                                     for k in rows) if json.loads(a) == []}
        Neo4jWriter(driver, database=clean_graph.database).push(store)
    assert without and all("authors" not in rows[k] for k in without)
    got = driver.execute_query("MATCH (p:Paper) RETURN p.key AS key, p.authors AS authors",
                               database_=clean_graph.database).records
    assert {r["key"] for r in got if r["authors"] is None} == without
    assert all(r["authors"] for r in got if r["key"] not in without)


@pytest.mark.parametrize("given, sent", [
    ("n=5", 5), ("n=-3", -3), ("n=2.5", 2.5), ("n=true", True), ("n=false", False), ("n=null", None),
    ('n=["a", 1]', ["a", 1]), ("n=WILDS", "WILDS"), ("n:str=5", "5"), ("n:int=7", 7), ("n:float=1", 1.0),
    ("n:bool=TRUE", True), ("n:list=a, b", ["a", "b"]), ('n:json={"k": [1]}', {"k": [1]}), ("n=a=b", "a=b"),
])
def test_adhoc_params_are_typed(given, sent):
    assert library.parse_param_pairs([given], typed=True) == {"n": sent}
    assert library.parse_param_pairs([given]) == {"n": given.split("=", 1)[1]}  # library queries: declared types


@pytest.mark.parametrize("bad", ["n:integer=5", "n:int=five", "n=[1, 2", "n:bool=maybe"])
def test_bad_typed_params_are_errors(bad):
    with pytest.raises(QueryError):
        library.parse_param_pairs([bad], typed=True)


def test_an_integer_param_reaches_the_server_as_an_integer(sample_graph, runner):
    env = sample_graph.env()
    cypher = "MATCH (c:Concept) RETURN c.name AS name, $n AS n ORDER BY name LIMIT $n"
    result = runner.invoke(cli, ["neo4j", "query", "--cypher", cypher, "--param", "n=5", "--json"], env=env)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) == 5 and all(r["n"] == 5 for r in rows)
    result = runner.invoke(cli, ["neo4j", "query", "--cypher", "RETURN $n AS n, $b AS b", "--param", "n:str=5",
                                 "--param", "b=true", "--json"], env=env)
    assert json.loads(result.output) == [{"n": "5", "b": True}]


def test_unknown_papers_and_concepts_are_errors_as_in_litkg_query(sample_graph, runner, sample_store):
    env = sample_graph.env()
    for args, says in [(["paper-profile", "--param", "paper=no-such-paper"], "Error: no paper matches 'no-such-paper'"),
                       (["shared-datasets", "--param", "paper=no-such-paper"], "Error: no paper matches"),
                       (["papers-using", "--param", "name=NoSuchThing"], "Error: no concept named 'NoSuchThing'"),
                       (["neighbourhood", "--param", "node=nowhere"], "Error: no paper or concept matches 'nowhere'")]:
        result = runner.invoke(cli, ["neo4j", "query", *args], env=env)
        assert result.exit_code == 1 and result.output.startswith(says), (args, result.output)
        assert "litkg query" in result.output  # the hint names a command that lists them
    embedded = runner.invoke(cli, ["query", "paper", "no-such-paper", "--db", str(sample_store[0])])
    assert embedded.exit_code == 1 and embedded.output.startswith("Error: no paper matches 'no-such-paper'")
    # Known ones with no rows are still fine.
    result = runner.invoke(cli, ["neo4j", "query", "path", "--param", "a=smp-001", "--param", "b=smp-001"], env=env)
    assert result.exit_code == 0, result.output


def test_neo4j_query_tables_are_aligned_with_json_booleans(sample_graph, runner):
    env = sample_graph.env()
    cypher = ("MATCH (c:Concept) WITH c ORDER BY c.key LIMIT 4 "
              "RETURN c.name AS name, size(c.name) > 5 AS long, size(c.name) AS length")
    result = runner.invoke(cli, ["neo4j", "query", "--cypher", cypher], env=env)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 5 and "True" not in result.output and "False" not in result.output
    assert all(line.split()[-2] in ("true", "false") for line in lines[1:])
    starts = {line.index(word) for line, word in zip(lines, ["long", *(ln.split()[-2] for ln in lines[1:])])}
    assert len(starts) == 1  # the boolean column starts at the same place on every line
