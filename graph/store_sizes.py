"""How many concepts of each type each paper names, as one array a type the store keeps beside
its lists of papers (#10, :mod:`litkg.graph.store_postings`): indexed by paper row id, one byte
a paper (two where some paper names 256 or more concepts of the type).

One-paper ``shared-datasets`` needs the other papers' sizes for their jaccard. Looked up paper
by paper in the kept counts (:data:`~litkg.graph.store_counts.PAPER_TYPES`), the papers a
ranking walks cost 15 µs each on a real 1M store, two thirds of the query; from these arrays,
nothing. They are made, merged and trusted with the lists: a paper's sizes change when its
edges do, which the lists' log notes, or when a concept it names changes type, which the
trigger :data:`RETYPED_TRIGGER` notes in :data:`RETYPED` until the lists' next merge. Readers
trust neither while a concept is noted there.
"""
from __future__ import annotations

import json
import sqlite3
import sys
from array import array
from typing import Iterable, Mapping

from litkg.graph.store_counts import PAPER_TYPES

__all__ = ["SIZES", "RETYPED", "RETYPED_TRIGGER", "SIZE_TABLES", "make_sizes", "merge_sizes", "size_problems",
           "decode_sizes"]

#: concept type → (bytes a paper, the sizes of every paper by row id, little-endian).
SIZES = "paper_type_sizes"
#: Concepts whose type changed since the lists and sizes were last brought up to date.
RETYPED = "concept_postings_retyped"
RETYPED_TRIGGER = "postings_concept_retyped"
SIZE_TABLES = (
    f"CREATE TABLE IF NOT EXISTS {SIZES} (type TEXT PRIMARY KEY, width INTEGER NOT NULL, sizes BLOB NOT NULL) "
    "WITHOUT ROWID",
    f"CREATE TABLE IF NOT EXISTS {RETYPED} (concept_key TEXT PRIMARY KEY) WITHOUT ROWID",
    f"CREATE TRIGGER IF NOT EXISTS {RETYPED_TRIGGER} AFTER UPDATE OF type ON concepts "
    f"WHEN OLD.type IS NOT NEW.type BEGIN INSERT OR IGNORE INTO {RETYPED} VALUES (NEW.key); END",
)
_CODES = {1: "B", 2: "H"}


def decode_sizes(width: int, blob: bytes) -> array:
    sizes = array(_CODES[width])
    sizes.frombytes(blob)
    if width > 1 and sys.byteorder != "little":
        sizes.byteswap()
    return sizes


def _encode(sizes: array) -> tuple[int, bytes]:
    """(bytes a paper, the sizes little-endian): one byte unless some paper needs two."""
    if max(sizes, default=0) < 256:
        return 1, array("B", sizes).tobytes()
    wide = array("H", sizes)
    if sys.byteorder != "little":
        wide.byteswap()
    return 2, wide.tobytes()


def _stored(conn: sqlite3.Connection) -> dict[str, array]:
    rows = conn.execute(f"SELECT type, width, sizes FROM {SIZES}")
    return {type_: array("H", decode_sizes(width, blob)) for type_, width, blob in rows}


def _write(conn: sqlite3.Connection, arrays: Mapping[str, array]) -> None:
    conn.execute(f"DELETE FROM {SIZES}")
    conn.executemany(f"INSERT INTO {SIZES} VALUES (?, ?, ?)",
                     [(t, *_encode(sizes)) for t, sizes in sorted(arrays.items()) if any(sizes)])
    conn.execute(f"DELETE FROM {RETYPED}")


def _recounted(conn: sqlite3.Connection, rowid: Mapping[str, int], length: int) -> dict[str, array]:
    arrays: dict[str, array] = {}
    for paper, type_, concepts in conn.execute(f"SELECT paper_key, type, concepts FROM {PAPER_TYPES}"):
        sizes = arrays.get(type_)
        if sizes is None:
            sizes = arrays[type_] = array("H", bytes(2 * length))
        if paper in rowid:  # the counts of a key no paper has are count_problems' to report
            sizes[rowid[paper]] = concepts
    return arrays


def make_sizes(conn: sqlite3.Connection, rowid: Mapping[str, int]) -> None:
    """Make every array again from the kept counts (``rowid``: paper key → row id, every paper)."""
    for statement in SIZE_TABLES:
        conn.execute(statement)
    _write(conn, _recounted(conn, rowid, max(rowid.values(), default=0) + 1))


def merge_sizes(conn: sqlite3.Connection, rowids: Iterable[int], users_of) -> None:
    """Bring the arrays up to date for the papers ``rowids`` and the papers using a concept noted
    in :data:`RETYPED` (``users_of(concept)``: their row ids), from the kept counts."""
    for statement in SIZE_TABLES:
        conn.execute(statement)
    changed = set(rowids)
    for (concept,) in conn.execute(f"SELECT concept_key FROM {RETYPED}").fetchall():
        changed.update(users_of(concept))
    arrays = _stored(conn)
    length = conn.execute("SELECT coalesce(max(rowid), 0) + 1 FROM papers").fetchone()[0]
    for sizes in arrays.values():
        sizes.extend(array("H", bytes(2 * max(0, length - len(sizes)))))  # papers added since
        for i in changed:
            sizes[i] = 0
    for i, type_, concepts in conn.execute(
            f"SELECT p.rowid, t.type, t.concepts FROM papers p JOIN {PAPER_TYPES} t ON t.paper_key = p.key "
            "WHERE p.rowid IN (SELECT value FROM json_each(?))", (json.dumps(sorted(changed)),)):
        if type_ not in arrays:
            arrays[type_] = array("H", bytes(2 * length))
        arrays[type_][i] = concepts
    _write(conn, arrays)


def size_problems(conn: sqlite3.Connection, rowid: Mapping[str, int]) -> list[str]:
    """Where the arrays disagree with the kept counts, in words (call only where readers trust them)."""
    length = max(rowid.values(), default=0) + 1
    want = {t: list(s) for t, s in _recounted(conn, rowid, length).items() if any(s)}
    have = {t: list(s) + [0] * (length - len(s)) for t, s in _stored(conn).items()}
    wrong = sorted(t for t in want.keys() | have.keys() if want.get(t) != have.get(t))
    return [f"{SIZES}: the sizes of type {t} disagree with {PAPER_TYPES}" for t in wrong]
