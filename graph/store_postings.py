"""Each concept's papers as one array the store keeps (#10): the row ids of the papers with an
edge to it, in paper key order, as little-endian 32-bit integers in one blob.

One-paper ``shared-datasets`` at 1M papers reads the lists of a paper's concepts, a tenth of the
corpus for a popular dataset. Walked row by row in the index ``edges(concept_key, paper_key)``
with a look-up per row, those took 35 ms a paper on a real 1M store; read as arrays and combined
with numpy (:mod:`litkg.queries.shared_postings`), with the papers' sizes kept beside them
(:mod:`litkg.graph.store_sizes`), about 4 ms. Paper row ids never change: papers are only
inserted and updated in place, never deleted.

Who keeps them, and when: a build (:meth:`~litkg.graph.store.GraphStore.build_session`) brings
them up to date at its end. A build that wrote into most of the store, or found them out of
date when it began, makes every list again (16–23 s at 1M papers, the sizes included); a
smaller one merges into the old lists only the changes of the papers whose edges it wrote, which
:class:`EdgeLog` noted.

Readers trust them only when :data:`MARK` holds the edges' largest row id and total, as the
kept counts (:mod:`litkg.graph.store_counts`) give them, at the time they were made, and no
concept has changed type since: any edge written since (by a build still running, a killed
build, any other writer) moves one of the two, and readers then read the edges, as before.
``litkg check`` compares every list with the edges, and the sizes with the kept counts.
"""
from __future__ import annotations

import json
import sqlite3
import sys
from array import array
from bisect import bisect_left
from itertools import groupby
from operator import itemgetter
from typing import Iterable, Iterator

from litkg.graph.store_counts import DERIVED as COUNTS_DERIVED
from litkg.graph.store_counts import TOTALS, counts_ready
from litkg.graph.store_sizes import (
    RETYPED,
    RETYPED_TRIGGER,
    SIZES,
    make_sizes,
    merge_sizes,
    size_problems,
)

__all__ = ["POSTINGS", "MARK", "DERIVED", "EdgeLog", "postings_ready", "make_postings", "merge_postings",
           "posting_problems", "decode"]

#: concept key → the row ids of its papers, in paper key order (no row for a concept no paper uses).
POSTINGS = "concept_postings"
#: One row, ``edges``: "largest edges rowid:edges total" when the lists were made.
MARK = "concept_postings_mark"
#: Every derived table of the store: rows recomputed from the others at any time.
DERIVED = COUNTS_DERIVED | {POSTINGS, MARK, SIZES, RETYPED, RETYPED_TRIGGER}

_TABLES = (f"CREATE TABLE IF NOT EXISTS {POSTINGS} (concept_key TEXT PRIMARY KEY, papers BLOB NOT NULL) WITHOUT ROWID",
           f"CREATE TABLE IF NOT EXISTS {MARK} (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
_EDGES_NOW = (f"SELECT (SELECT coalesce(max(rowid), 0) FROM edges) || ':' || "
              f"coalesce((SELECT value FROM {TOTALS} WHERE name = 'edges'), 'none')")
_ROWS_PER_INSERT = 2000  # lists held in memory before they are written


def encode(rowids: Iterable[int]) -> bytes:
    ids = array("i", rowids)
    if sys.byteorder != "little":
        ids.byteswap()
    return ids.tobytes()


def decode(blob: bytes) -> array:
    """The row ids of a list as stored (readers with numpy use ``numpy.frombuffer(blob, "<i4")``)."""
    ids = array("i")
    ids.frombytes(blob)
    if sys.byteorder != "little":
        ids.byteswap()
    return ids


def postings_ready(conn: sqlite3.Connection) -> bool:
    """Whether the lists (and the papers' sizes, :mod:`litkg.graph.store_sizes`) of the store on
    ``conn`` are up to date with its edges and its concepts' types."""
    if not counts_ready(conn):
        return False
    try:
        row = conn.execute(f"SELECT value FROM {MARK} WHERE name = 'edges'").fetchone()
        retyped = conn.execute(f"SELECT 1 FROM {RETYPED} LIMIT 1").fetchone()
    except sqlite3.OperationalError:  # no such table: a store made before the lists
        return False
    return row is not None and retyped is None and row[0] == conn.execute(_EDGES_NOW).fetchone()[0]


class EdgeLog:
    """The papers whose edges a build wrote, and the concepts they had or have: what
    :func:`merge_postings` merges, noted by :class:`~litkg.graph.store_counts.EdgeCounts`. A
    rolled-back write leaves its notes, which only make the merge read more."""

    def __init__(self) -> None:
        self.papers: set[str] = set()
        self.concepts: set[str] = set()

    def note(self, paper_key: str, concept_keys: Iterable[str]) -> None:
        self.papers.add(paper_key)
        self.concepts.update(concept_keys)


def _mark(conn: sqlite3.Connection) -> None:
    conn.execute(f"INSERT OR REPLACE INTO {MARK} SELECT 'edges', ({_EDGES_NOW})")


def make_postings(conn: sqlite3.Connection) -> None:
    """Make every list again from the edges (inside a write transaction, the counts flushed)."""
    for statement in _TABLES:
        conn.execute(statement)
    conn.execute(f"DELETE FROM {POSTINGS}")
    rowid = dict(conn.execute("SELECT key, rowid FROM papers"))
    rows: list[tuple[str, bytes]] = []
    for concept, papers in _lists(conn.execute("SELECT concept_key, paper_key FROM edges "
                                               "ORDER BY concept_key, paper_key")):
        rows.append((concept, encode(rowid[p] for p in papers)))
        if len(rows) >= _ROWS_PER_INSERT:
            conn.executemany(f"INSERT INTO {POSTINGS} VALUES (?, ?)", rows)
            rows.clear()
    conn.executemany(f"INSERT INTO {POSTINGS} VALUES (?, ?)", rows)
    make_sizes(conn, rowid)
    _mark(conn)


def _lists(rows: Iterator[tuple[str, str]]) -> Iterator[tuple[str, list[str]]]:
    """``(concept, paper keys)`` from ``(concept, paper)`` rows sorted by concept."""
    for concept, group in groupby(rows, key=itemgetter(0)):
        yield concept, [paper for _, paper in group]


def merge_postings(conn: sqlite3.Connection, log: EdgeLog) -> None:
    """Bring lists that were up to date before ``log`` began up to date (inside a write
    transaction, the counts flushed): from each list of a concept the logged papers had or have,
    those papers go, and those that use it now go back in at their place in key order."""
    for statement in _TABLES:
        conn.execute(statement)
    logged = sorted(log.papers)
    rowid = dict(conn.execute("SELECT key, rowid FROM papers WHERE key IN (SELECT value FROM json_each(?))",
                              (json.dumps(logged),)))
    gone = {rowid[k] for k in logged if k in rowid}
    now: dict[str, list[str]] = {}
    for paper, concept in conn.execute("SELECT paper_key, concept_key FROM edges WHERE paper_key IN "
                                       "(SELECT value FROM json_each(?)) ORDER BY paper_key", (json.dumps(logged),)):
        now.setdefault(concept, []).append(paper)
    key_of = _KeyOf(conn)
    for concept in sorted(log.concepts | now.keys()):
        row = conn.execute(f"SELECT papers FROM {POSTINGS} WHERE concept_key = ?", (concept,)).fetchone()
        kept = [i for i in decode(row[0]) if i not in gone] if row else []
        ids, start = [], 0
        for paper in now.get(concept, ()):  # in key order: each goes in at or after the one before
            place = bisect_left(kept, paper, start, key=key_of)
            ids += kept[start:place]
            ids.append(rowid[paper])
            start = place
        ids += kept[start:]
        if ids:
            conn.execute(f"INSERT OR REPLACE INTO {POSTINGS} VALUES (?, ?)", (concept, encode(ids)))
        else:
            conn.execute(f"DELETE FROM {POSTINGS} WHERE concept_key = ?", (concept,))
    merge_sizes(conn, gone, lambda concept: _users(conn, concept))
    _mark(conn)


def _users(conn: sqlite3.Connection, concept: str) -> array:
    row = conn.execute(f"SELECT papers FROM {POSTINGS} WHERE concept_key = ?", (concept,)).fetchone()
    return decode(row[0]) if row else array("i")


class _KeyOf:
    """Paper row id → key, looked up once each (a merge's binary searches ask for few)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.known: dict[int, str] = {}

    def __call__(self, rowid: int) -> str:
        key = self.known.get(rowid)
        if key is None:
            row = self.conn.execute("SELECT key FROM papers WHERE rowid = ?", (rowid,)).fetchone()
            key = self.known[rowid] = row[0]
        return key


def posting_problems(conn: sqlite3.Connection, limit: int = 5) -> list[str]:
    """Where lists readers trust disagree with the edges, in words (at most ``limit`` concepts
    named); nothing when readers don't trust them (out of date, or a store made before them)."""
    if not postings_ready(conn):
        return []
    rowid = dict(conn.execute("SELECT key, rowid FROM papers"))
    # An edge of a key no paper has is litkg check's to report (graph/check.py), not a list's.
    want = {concept: encode(rowid[p] for p in papers if p in rowid) for concept, papers in _lists(conn.execute(
        "SELECT concept_key, paper_key FROM edges ORDER BY concept_key, paper_key"))}
    have = dict(conn.execute(f"SELECT concept_key, papers FROM {POSTINGS}"))
    wrong = sorted(k for k in want.keys() | have.keys() if want.get(k) != have.get(k))
    problems = size_problems(conn, rowid)
    if wrong:
        shown = "; ".join(f"{k}: kept {len(decode(have.get(k, b'')))} papers, "
                          f"{len(decode(want.get(k, b'')))} use it" for k in wrong[:limit])
        problems.insert(0, f"{POSTINGS}: {len(wrong)} lists disagree with the edges ({shown})")
    return problems
