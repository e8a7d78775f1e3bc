"""The ``--cypher`` guard (issue #14, item 8) on the local ArcadeDB Bolt fixture: schema commands
never reach the server, whatever prefix hides them; queries are explained first and refused on
the type the server reports; "nothing was changed" is said only when the server refused."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from litkg import errors
from litkg.queries import cypher_library as library

BYPASSES = ["USE `neo4j` CREATE INDEX guard_a FOR (p:Paper) ON (p.title)",
            "EXPLAIN CREATE INDEX guard_b FOR (p:Paper) ON (p.title)",
            "PROFILE CREATE INDEX guard_c FOR (p:Paper) ON (p.title)",
            "USE `neo4j` DROP CONSTRAINT litkg_paper_key",
            "CREATE TEXT INDEX guard_d FOR (p:Paper) ON (p.title)",
            "/* hi */ USE neo4j CREATE RANGE INDEX guard_e FOR (p:Paper) ON (p.key)"]


def _schema(driver, database):
    indexes = driver.execute_query("SHOW INDEXES", database_=database).records
    constraints = driver.execute_query("SHOW CONSTRAINTS", database_=database).records
    return sorted(str(r) for r in indexes), sorted(str(r) for r in constraints)


@pytest.mark.parametrize("cypher", BYPASSES)
def test_schema_commands_behind_use_explain_or_profile_are_refused(bolt_server, cypher):
    with bolt_server.driver() as driver:
        before = _schema(driver, bolt_server.database)
        with pytest.raises(errors.Neo4jQueryError, match="not run here; nothing was sent"):
            library.run_cypher(driver, cypher, database=bolt_server.database)
        assert _schema(driver, bolt_server.database) == before


def test_a_write_on_a_server_that_runs_it_is_reported_without_claiming_nothing_changed(bolt_server):
    with bolt_server.driver() as driver:
        with pytest.raises(errors.Neo4jQueryError) as info:
            library.run_cypher(driver, "CREATE (g:GuardProbe {k: 1}) RETURN g", database=bolt_server.database)
        assert "rolled back" in info.value.message and "nothing was changed" not in info.value.message
        left = library.run_cypher(driver, "MATCH (g:GuardProbe) RETURN count(g) AS n", database=bolt_server.database)
        assert left.rows == ({"n": 0},)


def test_read_queries_and_explained_reads_still_run(bolt_server):
    with bolt_server.driver() as driver:
        assert library.run_cypher(driver, "RETURN 1 AS one", database=bolt_server.database).rows == ({"one": 1},)
        assert library.run_cypher(driver, "EXPLAIN RETURN 1 AS one", database=bolt_server.database).rows == ()


def _summary(kind, agent="Neo4j/5.20.0", updates=False):
    counters = SimpleNamespace(contains_updates=updates, contains_system_updates=False)
    return SimpleNamespace(query_type=kind, server=SimpleNamespace(agent=agent), counters=counters)


def test_the_plan_check_refuses_by_the_reported_query_type():
    library._check_plan(_summary("r"))
    library._check_plan(_summary("w"), types_reliable=False)  # ArcadeDB: its plans call every query a write
    with pytest.raises(errors.Neo4jQueryError, match="schema command; it was not run"):
        library._check_plan(_summary("s"), types_reliable=False)
    for kind in ("w", "rw"):
        with pytest.raises(errors.Neo4jQueryError, match="^the query tried to write .*nothing was changed"):
            library._check_plan(_summary(kind), types_reliable=True)
    with pytest.raises(errors.Neo4jQueryError, match="changed something while only explaining"):
        library._check_plan(_summary("r", updates=True))
