"""The schema of a litkg store and the plumbing of its connections: opening a read-only snapshot,
checking a file is a litkg store, and turning SQLite faults into one-line :class:`StoreError` values.

:class:`~litkg.graph.store.GraphStore` owns the writes; this module owns the DDL and the faults.
"""
from __future__ import annotations

import os
import sqlite3
import urllib.parse
from pathlib import Path
from types import MappingProxyType

from litkg.errors import StoreError, StoreLockedError

__all__ = ["SCHEMA_VERSION", "SCHEMA", "DEFERRABLE_INDEXES", "RETIRED_INDEXES", "configure_writer", "open_snapshot", "store_error", "rollback"]

#: The page cache of a writing connection, in KiB: a large build's indexes stay in memory.
CACHE_KIB = 64 * 1024
#: The page cache of a read-only snapshot, in KiB: a session's queries keep the upper pages of
#: the large indexes and the lists of papers (:mod:`litkg.graph.store_postings`) between them.
#: Measured on a real 1M store: one-paper shared-datasets 5.2 ms median with SQLite's default
#: 2 MiB, 4.2 ms with 16 MiB, 4.6 ms with 32 MiB (papers-using 55, 58 and 63 ms: a larger cache
#: costs more to fill than it saves there).
SNAPSHOT_CACHE_KIB = 16 * 1024
#: Helper threads SQLite's sorter may use beside the writing one (at most 3).
SORT_THREADS = max(0, min(3, (os.cpu_count() or 1) - 1))
#: Pages of write-ahead log (4 KiB each) after which a commit checkpoints it into the file.
CHECKPOINT_PAGES = 65536
#: Bytes of write-ahead log file kept after a checkpoint.
WAL_LIMIT = 64 * 1024 * 1024

#: 2 (#10): papers have an explicit integer id, ``pid`` (their rowid, which VACUUM keeps), and
#: their sources, concept views and evidence are clustered by it: a new paper's rows are appended
#: at the end of those tables instead of going to random pages of indexes by text key.
#: 3 (#10): edges carry the paper's id too and are unique by ``(pid, concept_key)``, an index a
#: build appends to; the index by paper key (what readers look papers' edges up by) is one of the
#: :data:`DEFERRABLE_INDEXES`, made once at a large build's end. Stores of earlier versions are
#: upgraded by their first writer (:mod:`litkg.graph.store_migrate`).
SCHEMA_VERSION = "3"

#: The indexes by concept (and by paper key, since version 3): a large build drops them and
#: makes each once at its end (#10). Rows come in paper order, so each insert into these went to
#: a random page of a large index: a 1M paper build wrote some 25 pages a paper, most of them
#: these, at each commit and checkpoint.
DEFERRABLE_INDEXES = MappingProxyType({
    # With each edge's role and confidence: "papers using X" reads no edges row (at 1M papers,
    # papers-using 57 -> 48 ms median; the index is as large as the table, 1.05 GB, and takes 25 s
    # to make at a 1M build's end instead of 17 s). And the paper's id last, so that it finds each
    # paper by its rowid rather than through the index by key: one page read a row fewer (same 1M
    # store, the same 50 concepts, one process alternating: 104-139 -> 79-95 ms median a round).
    # Rows stay in paper key order, which the overlap queries and the lists of papers read.
    "edges_by_concept_pid":
        "CREATE INDEX IF NOT EXISTS edges_by_concept_pid ON edges(concept_key, paper_key, role, confidence, pid)",
    # The paper's edges by its key, as version 2's primary key held them. A build inserting into
    # it wrote a random page of it for each paper (1 GB at 1M papers), so it is made at the end.
    "edges_by_paper": "CREATE INDEX IF NOT EXISTS edges_by_paper ON edges(paper_key, concept_key)",
    "concept_views_concept": "CREATE INDEX IF NOT EXISTS concept_views_concept ON concept_views(concept_key)",
    "concept_aliases_concept":
        "CREATE INDEX IF NOT EXISTS concept_aliases_concept ON concept_aliases(concept_key)",
})
#: Indexes of earlier versions that nothing reads any more (each is a prefix of
#: ``edges_by_concept_pid``): a writer drops them, after it has made that one.
RETIRED_INDEXES = ("edges_concept", "edges_concept_paper", "edges_by_concept")

#: The tables version 2 changed (papers, and the tables keyed by paper id) and version 3 changed
#: (edges), as DDL for a table named ``@name`` (the upgrade makes them under another name, then
#: renames them).
PAPERS_DDL = """CREATE TABLE IF NOT EXISTS @name (
    pid INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    id TEXT,
    title TEXT NOT NULL,
    abstract TEXT NOT NULL,
    authors TEXT NOT NULL DEFAULT '[]',
    author_count INTEGER,
    year INTEGER,
    date TEXT,
    date_raw TEXT,
    venue TEXT,
    url TEXT,
    doi TEXT,
    arxiv_id TEXT,
    upvotes INTEGER,
    metadata TEXT NOT NULL DEFAULT '{}',
    text_hash TEXT NOT NULL,
    extractor TEXT
)"""
SOURCES_DDL = """CREATE TABLE IF NOT EXISTS @name (
    pid INTEGER NOT NULL REFERENCES papers(pid),
    path TEXT NOT NULL,
    line INTEGER NOT NULL,
    PRIMARY KEY (pid, path, line)
) WITHOUT ROWID"""
VIEWS_DDL = """CREATE TABLE IF NOT EXISTS @name (
    pid INTEGER NOT NULL REFERENCES papers(pid),
    concept_key TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    origin TEXT NOT NULL,
    PRIMARY KEY (pid, concept_key)
) WITHOUT ROWID"""
EVIDENCE_DDL = """CREATE TABLE IF NOT EXISTS @name (
    pid INTEGER NOT NULL REFERENCES papers(pid),
    concept_key TEXT NOT NULL REFERENCES concepts(key),
    field TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    sentence TEXT NOT NULL,
    PRIMARY KEY (pid, concept_key, field, start)
) WITHOUT ROWID"""

# A rowid table: the kept counts and lists of papers know the edges they saw by the largest rowid.
# The paper's key stays beside its id (readers select it; the id is for the writer's lookups).
EDGES_DDL = """CREATE TABLE IF NOT EXISTS @name (
    paper_key TEXT NOT NULL,
    concept_key TEXT NOT NULL REFERENCES concepts(key),
    role TEXT NOT NULL,
    confidence REAL NOT NULL,
    pid INTEGER NOT NULL REFERENCES papers(pid)
)"""
#: One edge per paper and concept. An index, not the table's primary key, so that the upgrade
#: from version 2 makes it in one sort after copying the rows.
EDGES_PID = "CREATE UNIQUE INDEX IF NOT EXISTS edges_pid ON edges(pid, concept_key)"

PAPERS_YEAR = "CREATE INDEX IF NOT EXISTS papers_year ON papers(year)"


def table_ddl(ddl: str, name: str) -> str:
    return ddl.replace("@name", name)


SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
%(papers)s;
%(papers_year)s;
%(paper_sources)s;
CREATE TABLE IF NOT EXISTS paper_idents (
    ident TEXT PRIMARY KEY,
    paper_key TEXT NOT NULL REFERENCES papers(key)
);
CREATE TABLE IF NOT EXISTS concepts (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    origin TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS concept_aliases (
    norm TEXT NOT NULL,
    concept_key TEXT NOT NULL REFERENCES concepts(key),
    alias TEXT NOT NULL,
    PRIMARY KEY (norm, concept_key)
);
%(concept_aliases_concept)s;
CREATE TABLE IF NOT EXISTS concept_relations (
    src TEXT NOT NULL REFERENCES concepts(key),
    rel TEXT NOT NULL,
    dst TEXT NOT NULL REFERENCES concepts(key),
    PRIMARY KEY (src, rel, dst)
);
%(edges)s;
%(edges_pid)s;
-- Covering: "papers using concept X" reads the index alone (one-paper shared-datasets, similar).
%(edges_by_concept_pid)s;
%(edges_by_paper)s;
-- How each paper's extraction saw a discovered concept; the concept row is recomputed from these,
-- so it depends on the current papers only, not on the order or batches they were built in.
%(concept_views)s;
%(concept_views_concept)s;
-- Title Case phrases not (yet) known as a name: linked when a concept gets them as an alias.
CREATE TABLE IF NOT EXISTS phrase_mentions (
    paper_key TEXT NOT NULL REFERENCES papers(key),
    norm TEXT NOT NULL,
    role TEXT NOT NULL,
    confidence REAL NOT NULL,
    field TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    sentence TEXT NOT NULL,
    PRIMARY KEY (paper_key, norm, field, start)
);
CREATE INDEX IF NOT EXISTS phrase_mentions_norm ON phrase_mentions(norm);
-- Clustered by paper id: a build appends each new paper's rows; an edge's rows are one seek.
%(evidence)s;
""" % {**DEFERRABLE_INDEXES, "papers": table_ddl(PAPERS_DDL, "papers"), "papers_year": PAPERS_YEAR,
       "paper_sources": table_ddl(SOURCES_DDL, "paper_sources"), "concept_views": table_ddl(VIEWS_DDL, "concept_views"),
       "evidence": table_ddl(EVIDENCE_DDL, "evidence"), "edges": table_ddl(EDGES_DDL, "edges"),
       "edges_pid": EDGES_PID}


def configure_writer(conn: sqlite3.Connection) -> None:
    """Set up a connection that writes: WAL (readers never wait for a build), synchronous=NORMAL
    (a commit survives a killed process; an OS crash may lose the last ones, never the file's
    consistency), foreign keys, and the sizes below."""
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    # Checkpoints (and their fsyncs) every 256 MiB of log rather than every 4 MiB: a 30,000-paper
    # build spent more time in them than in writing; the log file shrinks back after each.
    conn.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")
    conn.execute(f"PRAGMA journal_size_limit={WAL_LIMIT}")
    # Large sorts (a build's deferred indexes and recounts, made at its end while the extraction
    # workers are idle) may use the other cores: at 100k papers, the index by concept 3.9 -> 2.9 s
    # with two helper threads (one, as on 2 cores, was not timed apart from a whole build).
    conn.execute(f"PRAGMA threads={SORT_THREADS}")


_SQLITE_HEADER = b"SQLite format 3\x00"


def open_snapshot(path: Path, timeout: float = 10.0) -> sqlite3.Connection:
    """A read-only connection to the litkg store at ``path``, inside one read transaction: every
    query through it sees the store as it was when it was opened, even while a build commits.

    The file is opened with a ``mode=ro`` URI (on a read-only file system, ``immutable=1``): no
    schema statement, no write lock, nothing written. A file that is not a litkg store, or is of
    another schema version, is refused without being touched.
    """
    with open(path, "rb") as stream:
        head = stream.read(len(_SQLITE_HEADER))
    if head != _SQLITE_HEADER:
        what = "an empty file" if not head else "not an SQLite database"
        raise StoreError(f"{path} is {what}, not a litkg store",
                         hint="point --db at a store made by 'litkg build'")
    uri = "file:" + urllib.parse.quote(os.fsencode(path.resolve()))  # any bytes of the name (#14)
    error: sqlite3.Error | None = None
    for flags in ("?mode=ro", "?mode=ro&immutable=1"):  # immutable: a read-only folder or disk
        conn = sqlite3.connect(uri + flags, uri=True, timeout=timeout, isolation_level=None,
                               check_same_thread=False)
        try:
            conn.execute("PRAGMA query_only=ON")
            conn.execute(f"PRAGMA cache_size=-{SNAPSHOT_CACHE_KIB}")
            conn.execute("BEGIN")  # deferred: the first read below takes the snapshot
            _check_schema(conn, path)
            return conn
        except sqlite3.OperationalError as exc:
            conn.close()
            error = exc
            if "unable to open" not in str(exc) and "readonly" not in str(exc):
                break
        except BaseException:
            conn.close()
            raise
    raise store_error(error, path)


def _check_schema(conn: sqlite3.Connection, path: Path) -> None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        conn.execute("SELECT 1 FROM papers LIMIT 1").fetchall()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            raise StoreError(f"{path} is an SQLite database but not a litkg store ({exc})",
                             hint="point --db at a store made by 'litkg build'") from None
        raise
    except sqlite3.DatabaseError as exc:
        raise store_error(exc, path) from None
    if row is None:
        raise StoreError(f"{path} has no schema version: not a litkg store, or a damaged one",
                         hint="run 'litkg check' on it, or rebuild it with 'litkg build'")
    if row[0] != SCHEMA_VERSION:
        newer = row[0].isdigit() and int(row[0]) > int(SCHEMA_VERSION)
        raise StoreError(f"{path} has schema version {row[0]}; this litkg reads {SCHEMA_VERSION}",
                         hint="upgrade litkg to read it" if newer else
                         f"upgrade it in place with 'litkg upgrade --db {path}'")


def rollback(conn: sqlite3.Connection) -> None:
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    except sqlite3.DatabaseError:
        pass  # SQLite rolled back on its own (disk full, I/O error)


def store_error(exc: sqlite3.Error, path: Path) -> StoreError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return StoreLockedError(f"{path} is locked by another writer")
    if "full" in text:
        return StoreError(f"{path}: the disk is full; the last batch was not written",
                          hint="free some space and run the build again: it resumes where it stopped")
    if "readonly" in text or "read-only" in text:
        return StoreError(f"{path} cannot be written (a read-only file, folder or disk): {text}",
                          hint="build into a --db you can write")
    if "unable to open" in text:
        return StoreError(f"{path} cannot be opened: {text}",
                          hint="check the file's permissions and that its folder can be read")
    if "malformed" in text:
        return StoreError(f"{path} is damaged: {text}",
                          hint="run 'litkg check' to see what is wrong; rebuild it from its inputs into a new --db")
    if "not a database" in text:
        return StoreError(f"{path} is not a litkg store (or is damaged): {text}",
                          hint="point --db at a litkg store, or at a new path to create one")
    return StoreError(f"{path}: {text}")

