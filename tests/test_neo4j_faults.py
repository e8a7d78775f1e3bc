"""Neo4j faults: bad credentials, unreachable servers and bad URIs end in one ``Error: … (hint: …)``
line; the TLS schemes reach the driver; a push survives a server crash and restart mid-way (by
retrying, or by being run again) with exactly the graph an uninterrupted push writes.

The CLI runs in a child process here: pytest's own log handlers would hide what the driver's log
prints on a real terminal. The crash tests start their own ArcadeDB server (own port, own
databases directory) and SIGKILL it; they are skipped against a server ``NEO4J_URI`` names.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time

import pytest
from neo4j import GraphDatabase

from litkg import errors
from litkg.graph.neo4j_push import URI_SCHEMES, Neo4jSettings, Neo4jWriter, check_uri
from litkg.graph.store import GraphStore
from litkg.records import CONCEPT_TYPES, ROLES

from neo4j_server import clear_litkg_graph, free_port, server_from_env, start_embedded
from store_builder import add_edges, add_paper

ONE_ERROR = re.compile(r"Error: \S.* \(hint: \S.*\)")
SECRET = "pa55-Do-Not-Print"


def _cli(args: list[str], env: dict[str, str]) -> subprocess.Popen:
    """``litkg ARGS`` in a child process, NEO4J_* from ``env`` only, stdin not a terminal."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    return subprocess.Popen([sys.executable, "-m", "litkg.cli", *args], env={**base, **env}, text=True,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _finish(process: subprocess.Popen, timeout: float = 120) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


def _push_and_query(db, env: dict[str, str]) -> list[tuple[int, str, str]]:
    """``neo4j push`` and ``neo4j query``, side by side, with the same connection settings."""
    running = [_cli(["neo4j", "push", "--db", str(db)], env), _cli(["neo4j", "query", "top-concepts"], env)]
    return [_finish(p) for p in running]


def _assert_one_error_line(result: tuple[int, str, str], *secrets: str) -> str:
    code, out, err = result
    assert code == 1, (out, err)
    assert out == "" and len(err.splitlines()) == 1 and ONE_ERROR.fullmatch(err.strip()), err
    for secret in secrets:
        assert secret not in err
    return err.strip()


# -- the URI parser --------------------------------------------------------------------------------

@pytest.mark.parametrize("uri", [
    "bolt://127.0.0.1:7687", "bolt+s://db.example.org:7687", "bolt+ssc://db.example.org", "neo4j://db.example.org",
    "neo4j+s://abc123.databases.neo4j.io", "neo4j+ssc://127.0.0.1:7687/", "neo4j://db.example.org:7687?policy=eu",
    "bolt://[::1]:7687", "  BOLT+S://db.example.org:7687\n",
])
def test_bolt_uris_are_accepted_as_given(uri):
    assert check_uri(uri) == uri.strip()
    assert Neo4jSettings(uri=uri).uri == uri.strip()
    assert Neo4jSettings.from_env({"NEO4J_URI": uri, "NEO4J_PASSWORD": SECRET}).uri == uri.strip()
    GraphDatabase.driver(check_uri(uri), auth=("neo4j", SECRET)).close()  # the driver takes it (no I/O yet)


@pytest.mark.parametrize("uri, says", [
    ("http://127.0.0.1:7474", "over Bolt, not 'http'"),
    ("https://db.example.org", "over Bolt, not 'https'"),
    ("mongodb://127.0.0.1:7687", "unknown scheme 'mongodb'"),
    ("127.0.0.1:7687", "is not a URI"),
    ("bolt:/127.0.0.1", "is not a URI"),
    ("bolt://127.0.0.1:notaport", "bad host or port"),
    ("bolt://127.0.0.1:99999", "bad host or port"),
    ("bolt://:7687", "has no host"),
    ("bolt://127.0.0.1:7687/neo4j", "has a path"),
    ("bolt://127.0.0.1:7687?policy=eu", "routing context"),
    (f"neo4j://neo4j:{SECRET}@127.0.0.1:7687", "user name or password"),
])
def test_bad_uris_are_refused_before_anything_is_sent(uri, says):
    with pytest.raises(errors.Neo4jUriError, match=re.escape(says)) as info:
        Neo4jSettings(uri=uri, password=SECRET)
    assert SECRET not in str(info.value) and SECRET not in info.value.hint
    assert info.value.code == "E503" and info.value.hint


# -- one line, through the CLI ---------------------------------------------------------------------

def test_wrong_credentials_give_one_line(bolt_server, sample_store):
    for env in ({**bolt_server.env(), "NEO4J_PASSWORD": SECRET},
                {**bolt_server.env(), "NEO4J_USERNAME": "nobody-here"}):
        for result in _push_and_query(sample_store[0], env):
            line = _assert_one_error_line(result, SECRET, bolt_server.password)
            assert line == (f"Error: the Neo4j server at {bolt_server.uri} refused the user name or password "
                            f"(hint: {errors.Neo4jAuthError.hint})")


@pytest.mark.parametrize("scheme", URI_SCHEMES)
def test_a_closed_port_is_a_connection_error_for_every_scheme(scheme, sample_store):
    uri = f"{scheme}://127.0.0.1:{free_port()}"
    for result in _push_and_query(sample_store[0], {"NEO4J_URI": uri, "NEO4J_PASSWORD": SECRET}):
        line = _assert_one_error_line(result, SECRET)
        assert line.startswith(f"Error: cannot reach the Neo4j server at {uri}: connection refused (hint: check")
    with pytest.raises(errors.Neo4jConnectionError) as info:
        Neo4jSettings(uri=uri, password=SECRET).open_driver().close()
    assert type(info.value) is errors.Neo4jConnectionError  # not a URI error: the driver tried to connect


@pytest.mark.parametrize("scheme", ["bolt+ssc", "neo4j+s"])
def test_tls_schemes_reach_the_driver(scheme, bolt_server):
    """Against our plain-text server, a TLS scheme fails in the TLS handshake: the driver did try TLS."""
    if not bolt_server.embedded:
        pytest.skip("needs the embedded server, which has no TLS")
    uri = bolt_server.uri.replace("bolt://", f"{scheme}://")
    code, out, err = _finish(_cli(["neo4j", "query", "top-concepts"], {**bolt_server.env(), "NEO4J_URI": uri}))
    line = _assert_one_error_line((code, out, err), bolt_server.password)
    assert line.startswith(f"Error: cannot reach the Neo4j server at {uri}: the TLS handshake failed (hint:")


@pytest.mark.parametrize("uri, says", [
    ("bolt://127.0.0.1:notaport", "has a bad host or port"),
    ("localhost:7687", "is not a URI"),
    ("http://127.0.0.1:{port}", "litkg talks to Neo4j over Bolt, not 'http'"),
    (f"bolt://root:{SECRET}@127.0.0.1:{{port}}", "holds a user name or password"),
])
def test_a_bad_uri_gives_one_line(uri, says, sample_store):
    uri = uri.format(port=free_port())
    for result in _push_and_query(sample_store[0], {"NEO4J_URI": uri, "NEO4J_PASSWORD": SECRET}):
        assert says in _assert_one_error_line(result, SECRET)


# -- a server crash mid-push -----------------------------------------------------------------------

PAPERS, PER_PAPER, CONCEPTS = 700, 8, 280


def _synthetic_store(path) -> GraphStore:
    """700 papers using 8 of 280 concepts each (5,600 relationships), and 27 PART_OF relations."""
    store = GraphStore(path)
    with store.transaction():
        for c in range(CONCEPTS):
            store.upsert_concept(f"c{c}", f"Concept {c}", CONCEPT_TYPES[c % 4], "test")
        for c in range(0, CONCEPTS - 10, 10):
            store.add_relation(f"c{c + 1}", "part_of", f"c{c}")
        for p in range(PAPERS):
            key = add_paper(store, f"Fault paper {p}", abstract="Abstract.", year=2016 + p % 8)
            add_edges(store, key, {f"c{c}": ROLES[(p + c) % 4]
                                   for c in sorted({(p * 7 + i * 31) % CONCEPTS for i in range(PER_PAPER)})})
    return store


def _graph_of(server) -> dict:
    """Everything litkg wrote, as lists (a duplicate shows as a repeated entry)."""
    def rows(cypher):
        records = driver.execute_query(cypher, database_=server.database).records
        return sorted(tuple(sorted(v) if isinstance(v, list) else v for v in r.values()) for r in records)

    with server.driver() as driver:
        return {
            "papers": rows("MATCH (p:Paper) RETURN p.key, p.title"),
            "concepts": rows("MATCH (c:Concept) RETURN c.key, c.type, labels(c)"),
            "mentions": rows("MATCH (p:Paper)-[r]->(c:Concept) RETURN p.key, type(r), c.key, r.confidence"),
            "relations": rows("MATCH (a:Concept)-[r]->(b:Concept) RETURN a.key, type(r), b.key"),
        }


def _assert_no_duplicates(server) -> None:
    with server.driver() as driver:
        for cypher in ("MATCH (p:Paper) WITH p.key AS k, count(*) AS n WHERE n > 1 RETURN count(k) AS dup",
                       "MATCH (c:Concept) WITH c.key AS k, count(*) AS n WHERE n > 1 RETURN count(k) AS dup",
                       "MATCH (p:Paper)-[r]->(c:Concept) WITH p, c, count(r) AS n WHERE n > 1 RETURN count(*) AS dup",
                       ("MATCH (a:Concept)-[r]->(b:Concept) WITH a, b, type(r) AS t, count(r) AS n WHERE n > 1 "
                        "RETURN count(*) AS dup")):
            assert driver.execute_query(cypher, database_=server.database).records[0]["dup"] == 0, cypher


def _mentions_now(server) -> int:
    with server.driver(max_transaction_retry_time=0) as driver:
        return driver.execute_query("MATCH (:Paper)-[r]->(:Concept) RETURN count(r) AS n",
                                    database_=server.database).records[0]["n"]


@pytest.fixture(scope="module")
def crash_server(tmp_path_factory):
    """A server of our own, to crash: SIGKILL, then started again on the same port and directory."""
    if server_from_env() is not None:
        pytest.skip("crashes only a server the tests start themselves (NEO4J_URI is set)")
    server = start_embedded(tmp_path_factory.mktemp("crash"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("faults") / "faults.db"
    _synthetic_store(path).close()
    return path


@pytest.fixture(scope="module")
def reference(crash_server, big_store):
    """What an uninterrupted push writes."""
    clear_litkg_graph(crash_server)
    with crash_server.driver() as driver, GraphStore(big_store, create=False) as store:
        Neo4jWriter(driver, database=crash_server.database, batch_size=1000).push(store)
    graph = _graph_of(crash_server)
    assert [len(graph[k]) for k in graph] == [PAPERS, CONCEPTS, PAPERS * PER_PAPER, 27]
    return graph


def _crash_mid_push(server, push: subprocess.Popen, down: float) -> float:
    """Wait until the push is about a quarter through its relationships, SIGKILL the server, leave
    it down ``down`` seconds, start it again; the seconds from the kill until it answers."""
    deadline = time.monotonic() + 60
    while _mentions_now(server) < PAPERS * PER_PAPER // 4:
        assert push.poll() is None and time.monotonic() < deadline, "the push ended before the crash"
        time.sleep(0.05)
    killed = time.monotonic()
    server.kill()
    time.sleep(down)
    server.start()
    return time.monotonic() - killed


def test_a_push_rides_out_a_server_restart(crash_server, big_store, reference):
    clear_litkg_graph(crash_server)
    push = _cli(["neo4j", "push", "--db", str(big_store), "--batch-size", "5", "--retry-for", "60", "--json"],
                crash_server.env())
    outage = _crash_mid_push(crash_server, push, down=1.0)
    code, out, err = _finish(push)
    assert code == 0 and err == "", err
    summary = json.loads(out)
    assert summary["retries"] >= 1  # it did meet the outage
    print(f"\nserver down {outage:.1f} s; push survived it with {summary['retries']} retries "
          f"in {summary['seconds']:.1f} s")
    assert _graph_of(crash_server) == reference
    _assert_no_duplicates(crash_server)


def test_a_push_without_retries_fails_in_one_line_and_a_rerun_completes_it(crash_server, big_store, reference):
    clear_litkg_graph(crash_server)
    args = ["neo4j", "push", "--db", str(big_store), "--batch-size", "5", "--json"]
    push = _cli([*args, "--retry-for", "0"], crash_server.env())
    outage = _crash_mid_push(crash_server, push, down=0.0)
    line = _assert_one_error_line(_finish(push), crash_server.password)
    assert re.fullmatch(r"Error: the push stopped in its mentions stage after \d+ batches \(retries off\): "
                        r"cannot reach the Neo4j server: .+ \(hint: push again when the server is back: .+\)", line), line
    kept = _graph_of(crash_server)  # what was committed before the crash survived it
    assert len(kept["papers"]) == PAPERS and 0 < len(kept["mentions"]) < PAPERS * PER_PAPER
    code, out, err = _finish(_cli(args, crash_server.env()))
    assert code == 0 and err == "", err
    rerun = json.loads(out)
    print(f"\nserver down {outage:.1f} s; the push failed at once, the rerun took {rerun['seconds']:.1f} s")
    assert _graph_of(crash_server) == reference
    _assert_no_duplicates(crash_server)
    assert rerun["nodes_created"] == 0 and rerun["relationships_created"] == len(reference["mentions"]) + len(
        reference["relations"]) - len(kept["mentions"]) - len(kept["relations"])
