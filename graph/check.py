"""``litkg check``: is a store sound? (issue #14, item 6)

Runs SQLite's ``integrity_check`` and ``foreign_key_check`` on a read-only connection and says,
in words, what is wrong: the file is not a store, pages are damaged, rows point at papers or
concepts that are not there, counts the store keeps (:mod:`litkg.graph.store_counts`) disagree
with the rows they count. Nothing is written.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from litkg.errors import StoreError
from litkg.graph.store_counts import count_problems
from litkg.graph.store_postings import posting_problems
from litkg.graph.store_schema import DEFERRABLE_INDEXES

__all__ = ["CheckReport", "check_store"]

_MAX_PROBLEMS = 20  # integrity_check can list thousands of damaged pages: the first few say enough


@dataclass(frozen=True)
class CheckReport:
    """What :func:`check_store` found; ``ok`` when ``problems`` is empty."""

    path: str
    problems: tuple[str, ...] = field(default=())
    counts: dict = field(default_factory=dict)
    #: What is sound but not finished: indexes a killed build dropped and did not make again
    #: (queries answer the same, slower, until the next build into the store makes them).
    notes: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict:
        return {"path": self.path, "ok": self.ok, "problems": list(self.problems), "counts": self.counts,
                "notes": list(self.notes)}


def check_store(path: str | Path) -> CheckReport:
    """Check the store at ``path``; StoreError only when there is no file at all.

    >>> import tempfile, pathlib
    >>> bad = pathlib.Path(tempfile.mkdtemp()) / "x.db"; _ = bad.write_bytes(b"hello")
    >>> check_store(bad).problems  # doctest: +ELLIPSIS
    ('...is not an SQLite database, not a litkg store',)
    """
    from litkg.graph.store import open_snapshot

    path = Path(path)
    if not path.exists():
        raise StoreError(f"no litkg store at {path}")
    try:
        conn = open_snapshot(path)
    except StoreError as exc:
        return CheckReport(str(path), (exc.message,))
    problems: list[str] = []
    counts: dict[str, int] = {}
    notes: tuple[str, ...] = ()
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check(%d)" % _MAX_PROBLEMS)]
        if rows != ["ok"]:
            problems += [f"damaged: {r}" for r in rows]
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchmany(_MAX_PROBLEMS):
            problems.append(f"{table} row {rowid} points at a missing row of {parent}")
        problems += _edges_of_another_key(conn)
        for table in ("papers", "concepts", "edges"):
            counts[table] = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        problems += count_problems(conn)  # the counts the store keeps, against a recount (#10)
        problems += posting_problems(conn)  # and its lists of papers, against the edges
        notes = _unmade_indexes(conn)
    except sqlite3.DatabaseError as exc:
        problems.append(f"cannot be read: {exc}")
    finally:
        conn.close()
    return CheckReport(str(path), tuple(problems), counts, notes)


def _edges_of_another_key(conn: sqlite3.Connection) -> list[str]:
    """Edges whose paper key is not the key of the paper their id points at (an edge holds both:
    the foreign key checks the id only)."""
    rows = conn.execute("SELECT e.rowid, e.paper_key, p.key FROM edges e JOIN papers p ON p.pid = e.pid "
                        "WHERE p.key != e.paper_key LIMIT ?", (_MAX_PROBLEMS,)).fetchall()
    return [f"edges row {rowid} names paper {named!r} but points at paper {key!r}" for rowid, named, key in rows]


def _unmade_indexes(conn: sqlite3.Connection) -> tuple[str, ...]:
    """The indexes a large build drops while it writes (#10) that are not there: it was
    killed before its end made them again, or an earlier litkg made the store (one of them is
    new in 0.9.0)."""
    have = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    missing = [name for name in DEFERRABLE_INDEXES if name not in have]
    if not missing:
        return ()
    return (f"index {', '.join(missing)} not made yet (a build was stopped before its end, or an earlier "
            "litkg made this store): answers are the same, slower; the next 'litkg build' or 'litkg upgrade' "
            "makes it",)
