"""Stores of schema version 1 are upgraded in place to version 2 (#10): the same rows, readers
refuse the old version with a hint, a failed upgrade leaves the store as it was.

A version 1 store is made from a fresh one by rewriting the tables version 2 changed back to
version 1's layout (:data:`~litkg.graph.store_migrate.V1_TABLES`): ``papers`` with an implicit
rowid; ``paper_sources``, ``concept_views`` and ``evidence`` keyed by the paper's text key.
"""
from __future__ import annotations

import shutil
from contextlib import contextmanager
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from litkg.cli import cli
from litkg.core import KnowledgeGraph
from litkg.errors import StoreError
from litkg.graph.store import GraphStore
from litkg.graph.store_counts import counts_ready
from litkg.graph.store_migrate import V1_TABLES, V2_EDGES
from litkg.graph.store_postings import postings_ready
from litkg.queries import papers_using

from conftest import sample_files
from test_store_dump import dump_store


#: Version 1's rows of each table keyed by paper id in version 2, from the renamed version 2 tables.
_V1_ROWS = {
    "paper_sources": "SELECT p.key, s.path, s.line FROM paper_sources_v2 s JOIN papers_v2 p USING (pid)",
    "concept_views": "SELECT p.key, v.concept_key, v.name, v.type, v.origin FROM concept_views_v2 v "
                     "JOIN papers_v2 p USING (pid)",
    "evidence": "SELECT p.key, e.concept_key, e.field, e.start, e.end, e.text, e.sentence FROM evidence_v2 e "
                "JOIN papers_v2 p USING (pid)",
}


def downgrade_to_2(db: Path) -> None:
    """Rewrite the store at ``db`` as version 2 stored it: edges keyed by paper key, no ``pid``."""
    with _triggers_aside(db) as conn:
        conn.execute("ALTER TABLE edges RENAME TO edges_v3")
        conn.execute(V2_EDGES)
        conn.execute("INSERT INTO edges (rowid, paper_key, concept_key, role, confidence) "
                     "SELECT rowid, paper_key, concept_key, role, confidence FROM edges_v3")
        conn.execute("DROP TABLE edges_v3")
        conn.execute("CREATE INDEX edges_by_concept ON edges(concept_key, paper_key, role, confidence)")
        conn.execute("UPDATE meta SET value='2' WHERE key='schema_version'")


def downgrade_to_1(db: Path) -> None:
    """Rewrite the store at ``db`` as version 1 stored it (rowids and rows kept)."""
    downgrade_to_2(db)
    with _triggers_aside(db) as conn:
        columns = ", ".join(row[1] for row in conn.execute("PRAGMA table_info(papers)") if row[1] != "pid")
        conn.execute("DROP INDEX papers_year")
        conn.execute("DROP INDEX IF EXISTS concept_views_concept")
        for table in ("papers", *_V1_ROWS, "edges"):
            conn.execute(f"ALTER TABLE {table} RENAME TO {table}_v2")
        for statement in _v1_ddl():
            conn.execute(statement)
        conn.execute(f"INSERT INTO papers (rowid, {columns}) SELECT pid, {columns} FROM papers_v2")
        for table, rows in _V1_ROWS.items():
            conn.execute(f"INSERT INTO {table} {rows}")
        conn.execute("INSERT INTO edges (rowid, paper_key, concept_key, role, confidence) "
                     "SELECT rowid, paper_key, concept_key, role, confidence FROM edges_v2")
        for table in (*_V1_ROWS, "edges", "papers"):
            conn.execute(f"DROP TABLE {table}_v2")
        conn.execute("UPDATE meta SET value='1' WHERE key='schema_version'")


@contextmanager
def _triggers_aside(db: Path):
    """A transaction on ``db`` with every trigger dropped, made again at its end (their bodies
    name the tables a downgrade renames)."""
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("BEGIN")
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'").fetchall()
        for name, _ in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        yield conn
        for _, sql in triggers:
            conn.execute(sql)
        conn.execute("COMMIT")
    finally:
        conn.close()


def _v1_ddl() -> list[str]:
    # meta and concepts exist already: only the tables version 2 changed, and their indexes.
    statements = [s.strip() + ";" for s in V1_TABLES.split(";") if s.strip()]
    return [s for s in statements if not s.startswith(("CREATE TABLE meta", "CREATE TABLE concepts"))]


def rows(db: Path) -> dict:
    return dump_store(db, {})["tables"]


@pytest.fixture()
def stores(tmp_path):
    """A fresh sample store, and a copy of it rewritten as version 1."""
    fresh = tmp_path / "fresh.db"
    with KnowledgeGraph(fresh) as kg:
        kg.build(sample_files())
    old = tmp_path / "old.db"
    shutil.copy(fresh, old)
    downgrade_to_1(old)
    return fresh, old


def test_the_downgrade_makes_version_1s_layout(stores):
    _, old = stores
    conn = sqlite3.connect(old)
    for table in _V1_ROWS:
        assert "paper_key" in [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    assert "pid" not in [row[1] for row in conn.execute("PRAGMA table_info(papers)")]
    assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == ("1",)


def test_litkg_upgrade_gives_the_rows_of_a_fresh_build(stores):
    fresh, old = stores
    result = CliRunner().invoke(cli, ["upgrade", "--db", str(old)])
    assert result.exit_code == 0, result.output
    assert "schema version 1 → 3" in result.output
    assert rows(old) == rows(fresh)
    again = CliRunner().invoke(cli, ["upgrade", "--db", str(old)])
    assert "nothing to do" in again.output and rows(old) == rows(fresh)
    check = CliRunner().invoke(cli, ["check", "--db", str(old)])
    assert check.exit_code == 0 and ": ok (" in check.output


def test_a_version_2_store_upgrades_to_the_rows_of_a_fresh_build_and_keeps_its_counts(stores, tmp_path):
    fresh, _ = stores
    old = tmp_path / "v2.db"
    shutil.copy(fresh, old)
    downgrade_to_2(old)
    assert "pid" not in [row[1] for row in sqlite3.connect(old).execute("PRAGMA table_info(edges)")]
    result = CliRunner().invoke(cli, ["upgrade", "--db", str(old)])
    assert result.exit_code == 0 and "schema version 2 → 3" in result.output, result.output
    assert rows(old) == rows(fresh)
    edges = "SELECT rowid, paper_key, concept_key, pid FROM edges ORDER BY rowid"
    assert sqlite3.connect(old).execute(edges).fetchall() == sqlite3.connect(fresh).execute(edges).fetchall()
    conn = sqlite3.connect(old)
    assert counts_ready(conn) and postings_ready(conn)  # the rowids they trust were kept
    indexes = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE tbl_name='edges'")}
    assert {"edges_pid", "edges_by_concept_pid", "edges_by_paper"} <= indexes
    check = CliRunner().invoke(cli, ["check", "--db", str(old)])
    assert check.exit_code == 0 and ": ok (" in check.output, check.output


def test_an_edge_of_no_paper_stops_the_upgrade_from_2_and_leaves_it_as_it_was(stores, tmp_path):
    fresh, _ = stores
    old = tmp_path / "v2.db"
    shutil.copy(fresh, old)
    downgrade_to_2(old)
    conn = sqlite3.connect(old, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("INSERT INTO edges VALUES ('title:no such paper', 'wilds', 'uses', 0.9)")
    conn.close()
    before = rows(old)
    with pytest.raises(StoreError, match="a row of edges pointing at a missing row of papers"):
        GraphStore(old)
    assert rows(old) == before


def test_readers_refuse_version_1_and_name_the_upgrade(stores):
    _, old = stores
    with pytest.raises(StoreError) as refused:
        GraphStore(old, readonly=True)
    assert "schema version 1" in str(refused.value) and "litkg upgrade --db" in refused.value.hint
    result = CliRunner().invoke(cli, ["stats", "--db", str(old)])
    assert result.exit_code != 0 and "litkg upgrade" in result.output


def test_a_build_upgrades_first_and_then_answers_with_evidence(stores, tmp_path):
    fresh, old = stores
    with KnowledgeGraph(old) as kg:
        kg.build(sample_files())  # nothing new: only the upgrade writes
    assert rows(old) == rows(fresh)
    with KnowledgeGraph(old) as kg:
        uses = papers_using(kg.store, "WILDS")
    assert uses and all(use.evidence for use in uses)


def test_a_failed_upgrade_leaves_version_1_as_it_was(stores):
    _, old = stores
    conn = sqlite3.connect(old, isolation_level=None)
    key = conn.execute("SELECT key FROM papers LIMIT 1").fetchone()[0]
    conn.execute("INSERT INTO evidence VALUES (?, 'no-such-concept', 'abstract', 0, 1, 'x', 'x')", (key,))
    conn.close()
    before = rows(old)
    with pytest.raises(StoreError, match="missing row of concepts"):
        GraphStore(old)
    assert rows(old) == before
    assert sqlite3.connect(old).execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == ("1",)


def test_a_writer_refuses_a_newer_version_and_changes_nothing(stores):
    fresh, _ = stores
    conn = sqlite3.connect(fresh)
    conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    before = rows(fresh)
    with pytest.raises(StoreError) as refused:
        GraphStore(fresh)
    assert "schema version 99" in str(refused.value) and "upgrade litkg" in refused.value.hint
    assert rows(fresh) == before


def test_a_writer_checks_the_version_before_it_runs_any_ddl(stores):
    """A newer store that lacks one of this version's tables or indexes is refused as it is: the
    writer's CREATE … IF NOT EXISTS statements would otherwise add them to it."""
    fresh, _ = stores
    conn = sqlite3.connect(fresh)
    conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    conn.execute("DROP TABLE phrase_mentions")
    conn.execute("DROP INDEX papers_year")
    conn.commit()
    schema = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    conn.close()
    with pytest.raises(StoreError, match="schema version 99"):
        GraphStore(fresh)
    conn = sqlite3.connect(fresh)
    assert conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall() == schema
    conn.close()
