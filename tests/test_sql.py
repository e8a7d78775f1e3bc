"""graph/sql.py, the named reads of a store: each runs on a real store, and the two shared
fragments (role order, first evidence) say what they promise."""
from __future__ import annotations

import inspect
import sqlite3

import pytest

from litkg.graph import sql, sql_overlap
from litkg.graph.neo4j_model import ROLE_TYPES, role_rank_cypher
from litkg.graph.store import GraphStore
from litkg.queries.cypher_macros import expand_macros
from litkg.records import CONCEPT_TYPES, ROLES, ExtractedEntity, Mention

from store_builder import VERSION, add_paper


def test_the_role_rank_follows_roles_in_sql_and_in_cypher():
    conn = sqlite3.connect(":memory:")
    for rank, role in enumerate(ROLES):
        assert conn.execute(f"SELECT {sql.role_rank_sql('?')}", (role,)).fetchone() == (rank,)
        assert f"WHEN '{ROLE_TYPES[role]}' THEN {rank}" in role_rank_cypher("type(r)") or rank == len(ROLES) - 1
    assert expand_macros("{{ role_rank(type(r)) }}") == role_rank_cypher("type(r)")


def test_the_first_evidence_is_the_title_then_the_earliest_offset(tmp_path):
    mentions = (Mention("WILDS", 14, 19, "abstract", "WILDS again."),
                Mention("WILDS", 7, 12, "abstract", "We use WILDS."),
                Mention("WILDS", 0, 5, "title", "WILDS in the wild"))
    with GraphStore(tmp_path / "e.db") as store, store.transaction():
        key = add_paper(store, "WILDS in the wild", abstract="We use WILDS. WILDS again.")
        store.replace_edges(key, [ExtractedEntity("wilds", "WILDS", "benchmark", "uses", 0.9, mentions)], VERSION)
        assert list(sql.edges_with_evidence(store)) == [(key, "wilds", "uses", 0.9, "title", "WILDS in the wild")]
        assert sql.concept_users(store, ["wilds"])[0][-1] == "WILDS in the wild"
        store.replace_edges(key, [ExtractedEntity("wilds", "WILDS", "benchmark", "uses", 0.9, mentions[:2])], VERSION)
        assert list(sql.edges_with_evidence(store))[0][-1] == "We use WILDS."


#: Arguments that make each read run on any store.
_ARGUMENTS = {"store": None, "key": "x", "keys": ["x"], "ident": "x", "pid": "x", "limit": 5, "search": "net",
              "concept": "x", "concepts": ["x"], "papers": ["x"], "types": CONCEPT_TYPES, "type_": "dataset",
              "roles": ROLES, "but": "x", "by": "year", "a": ["x"], "b": ["x"], "text": ";", "among": None,
              "concept_type": None, "role": None, "norm": "wild", "rowids": [1]}


@pytest.mark.parametrize("module, name", [(sql, n) for n in sql.__all__ if n not in (
    "role_rank_sql", "FIRST_EVIDENCE", "FIRST_SENTENCE", "search_clause")] + [(sql_overlap, n) for n in sql_overlap.__all__])
def test_every_read_runs_on_a_real_store(sample_store, module, name):
    function = getattr(module, name)
    with GraphStore(sample_store[0], readonly=True) as store:
        params = [p for p in inspect.signature(function).parameters.values() if p.default is inspect.Parameter.empty]
        args = {p.name: _ARGUMENTS[p.name] for p in params[1:]}
        result = function(store, **args)
        if hasattr(result, "__next__"):  # a stream: read it to the end
            list(result)


def test_concepts_are_found_by_the_normal_form_of_any_spelling(sample_store):
    from litkg.extract.normalise import concept_norm

    with GraphStore(sample_store[0], readonly=True) as store:
        rows = sql.concepts_by_norm(store, concept_norm("Office Home"))
        assert [r[1] for r in rows] == ["Office-Home"]
        assert sql.concept_row(store, rows[0][0]) == rows[0]
        assert sql.concept_row(store, "no such key") is None and sql.concepts_by_norm(store, "nosuchnorm") == []
