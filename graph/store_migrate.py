"""Upgrading a store made by an earlier litkg to this schema version, in place, by its first writer.

Version 1 → 2 (#10): ``papers`` gets its integer id as a column, ``pid`` (the rowid it had, so the
lists of papers the store keeps stay valid), and ``paper_sources``, ``concept_views`` and
``evidence`` are keyed and clustered by that id instead of the paper's text key. The tables are
copied into new ones, the old ones dropped and the new ones renamed, in one transaction: a killed
upgrade leaves the store at version 1, and the next writer starts it again. Readers of an older
store are told to open it with a writer first.

Version 2 → 3 (#10): ``edges`` gets the paper's id, ``pid``, and is unique by ``(pid,
concept_key)`` instead of ``(paper_key, concept_key)``; the index by paper key becomes
``edges_by_paper``. The rows are copied with their rowids (the kept counts and lists of papers
stay valid), then the indexes are made, each in one sort. A version 1 store goes through both.

>>> import sqlite3
>>> conn = sqlite3.connect(":memory:", isolation_level=None)
>>> _ = conn.executescript(V1_TABLES + "INSERT INTO meta VALUES ('schema_version', '1');"
...     "INSERT INTO concepts VALUES ('x', 'X', 'dataset', 'gazetteer');"
...     "INSERT INTO papers (key, title, abstract, text_hash) VALUES ('title:a', 'A', 'We use X.', 'h');"
...     "INSERT INTO evidence VALUES ('title:a', 'x', 'abstract', 7, 8, 'X', 'We use X.');")
>>> upgrade(conn)
'1'
>>> conn.execute("SELECT pid, key FROM papers").fetchall(), conn.execute("SELECT pid, text FROM evidence").fetchall()
([(1, 'title:a')], [(1, 'X')])
"""
from __future__ import annotations

import sqlite3

from litkg.errors import StoreError
from litkg.graph.store_schema import (DEFERRABLE_INDEXES, EDGES_DDL, EDGES_PID, EVIDENCE_DDL, PAPERS_DDL,
                                      PAPERS_YEAR, SCHEMA_VERSION, SOURCES_DDL, VIEWS_DDL, rollback, table_ddl)

__all__ = ["upgrade", "schema_version", "refuse_unknown_version", "unwritable_version", "V1_TABLES", "V2_EDGES"]

#: The versions this litkg writes: its own, and those :func:`upgrade` brings to it.
WRITABLE_VERSIONS = ("1", "2", SCHEMA_VERSION)

#: ``edges`` as versions 1 and 2 made it (for tests of the upgrade).
V2_EDGES = """CREATE TABLE edges (paper_key TEXT NOT NULL REFERENCES papers(key),
    concept_key TEXT NOT NULL REFERENCES concepts(key), role TEXT NOT NULL, confidence REAL NOT NULL,
    PRIMARY KEY (paper_key, concept_key));"""
#: The tables versions 2 and 3 changed as version 1 made them, and the concepts they point at
#: (for tests of the upgrade).
V1_TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE concepts (key TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, origin TEXT NOT NULL);
CREATE TABLE papers (key TEXT PRIMARY KEY, id TEXT, title TEXT NOT NULL, abstract TEXT NOT NULL,
    authors TEXT NOT NULL DEFAULT '[]', author_count INTEGER, year INTEGER, date TEXT, date_raw TEXT,
    venue TEXT, url TEXT, doi TEXT, arxiv_id TEXT, upvotes INTEGER, metadata TEXT NOT NULL DEFAULT '{}',
    text_hash TEXT NOT NULL, extractor TEXT);
CREATE INDEX papers_year ON papers(year);
CREATE TABLE paper_sources (paper_key TEXT NOT NULL REFERENCES papers(key), path TEXT NOT NULL,
    line INTEGER NOT NULL, PRIMARY KEY (paper_key, path, line));
CREATE TABLE concept_views (paper_key TEXT NOT NULL, concept_key TEXT NOT NULL, name TEXT NOT NULL,
    type TEXT NOT NULL, origin TEXT NOT NULL, PRIMARY KEY (paper_key, concept_key));
CREATE INDEX concept_views_concept ON concept_views(concept_key);
CREATE TABLE evidence (paper_key TEXT NOT NULL, concept_key TEXT NOT NULL, field TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, sentence TEXT NOT NULL,
    PRIMARY KEY (paper_key, concept_key, field, start));
""" + V2_EDGES

def schema_version(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    return row[0] if row else None


def refuse_unknown_version(conn: sqlite3.Connection, path) -> None:
    """Raise a :class:`StoreError` when the file on ``conn`` holds a schema version this litkg
    cannot write (a newer litkg's): checked before the writer runs any DDL, so such a store is
    left exactly as it was (not even a missing table of this version is added to it)."""
    has_meta = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    found = schema_version(conn) if has_meta else None
    if found is not None and found not in WRITABLE_VERSIONS:
        raise unwritable_version(path, found)


def unwritable_version(path, found: str) -> StoreError:
    """The error of a writer that finds schema version ``found`` in the store at ``path``."""
    return StoreError(f"{path} has schema version {found}; this litkg writes {SCHEMA_VERSION}",
                      hint="upgrade litkg to write it, or build into a new --db")


def upgrade(conn: sqlite3.Connection) -> str | None:
    """Bring the store on ``conn`` (a writer's connection, outside a transaction) to
    :data:`SCHEMA_VERSION` when it is older and litkg knows how; returns the version it had
    (None: a new store, or a file with no litkg tables yet)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone():
        return None
    found = schema_version(conn)
    if found not in _STEPS:
        return found
    # Off while the old tables are dropped (other tables still name them); checked before commit.
    conn.execute("PRAGMA foreign_keys=OFF")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            while (now := schema_version(conn)) in _STEPS:  # from where another writer may have left it
                _STEPS[now](conn)
            conn.execute("COMMIT")
        except BaseException:
            rollback(conn)
            raise
    finally:
        conn.execute("PRAGMA foreign_keys=ON")
    return found


#: The tables keyed by paper id in version 2: their DDL and their rows from version 1's table
#: ``{table}`` (joined to the new papers table, ``papers_v2``, by key), in key order.
_BY_PID = {
    "paper_sources": (SOURCES_DDL, "SELECT p.pid, s.path, s.line FROM paper_sources s "
                                   "JOIN papers_v2 p ON p.key = s.paper_key ORDER BY 1, 2, 3"),
    "concept_views": (VIEWS_DDL, "SELECT p.pid, v.concept_key, v.name, v.type, v.origin FROM concept_views v "
                                 "JOIN papers_v2 p ON p.key = v.paper_key ORDER BY 1, 2"),
    "evidence": (EVIDENCE_DDL, "SELECT p.pid, e.concept_key, e.field, e.start, e.end, e.text, e.sentence "
                               "FROM evidence e JOIN papers_v2 p ON p.key = e.paper_key ORDER BY 1, 2, 3, 4"),
}


def _from_1(conn: sqlite3.Connection) -> None:
    columns = ", ".join(row[1] for row in conn.execute("PRAGMA table_info(papers)"))
    # Triggers on papers (the kept counts) go with the old table: made again on the new one.
    triggers = [sql for (sql,) in conn.execute("SELECT sql FROM sqlite_master WHERE type='trigger' "
                                               "AND tbl_name='papers'")]
    conn.execute(table_ddl(PAPERS_DDL, "papers_v2"))
    conn.execute(f"INSERT INTO papers_v2 (pid, {columns}) SELECT rowid, {columns} FROM papers ORDER BY rowid")
    for table, (ddl, rows) in _BY_PID.items():
        conn.execute(table_ddl(ddl, f"{table}_v2"))
        conn.execute(f"INSERT INTO {table}_v2 {rows}")
    for table in (*_BY_PID, "papers"):
        conn.execute(f"DROP TABLE {table}")
        conn.execute(f"ALTER TABLE {table}_v2 RENAME TO {table}")
    conn.execute(PAPERS_YEAR)
    conn.execute(DEFERRABLE_INDEXES["concept_views_concept"])  # went with the old table
    for sql in triggers:
        conn.execute(sql)
    conn.execute("UPDATE meta SET value='2' WHERE key='schema_version'")
    _refuse_broken(conn, _BY_PID)


def _from_2(conn: sqlite3.Connection) -> None:
    # The triggers of the kept counts name edges in their bodies: made again once it is renamed.
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'").fetchall()
    for name, _ in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute(table_ddl(EDGES_DDL, "edges_v3"))
    # A left join: an edge of no paper gets no id, and the foreign key check below names it.
    conn.execute("INSERT INTO edges_v3 (rowid, paper_key, concept_key, role, confidence, pid) "
                 "SELECT e.rowid, e.paper_key, e.concept_key, e.role, e.confidence, coalesce(p.pid, -1) "
                 "FROM edges e LEFT JOIN papers p ON p.key = e.paper_key ORDER BY e.rowid")
    conn.execute("DROP TABLE edges")
    conn.execute("ALTER TABLE edges_v3 RENAME TO edges")
    for statement in (EDGES_PID, DEFERRABLE_INDEXES["edges_by_concept_pid"], DEFERRABLE_INDEXES["edges_by_paper"]):
        conn.execute(statement)
    for _, sql in triggers:
        conn.execute(sql)
    conn.execute("UPDATE meta SET value='3' WHERE key='schema_version'")
    _refuse_broken(conn, ("edges",))


#: Each version :func:`upgrade` knows, and the step that brings a store of it to the next.
_STEPS = {"1": _from_1, "2": _from_2}


def _refuse_broken(conn: sqlite3.Connection, tables) -> None:
    """Raise (rolling the upgrade back) when a row of ``tables`` points at a missing row."""
    broken = [row for table in tables for row in conn.execute(f"PRAGMA foreign_key_check({table})").fetchmany(1)]
    if broken:
        raise StoreError(f"the upgrade to schema version {SCHEMA_VERSION} found a row of {broken[0][0]} "
                         f"pointing at a missing row of {broken[0][2]}; the store was left as it was",
                         hint="run 'litkg check' on it, or rebuild it from its inputs into a new --db")
