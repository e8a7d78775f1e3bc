"""Helpers several test modules share (fixtures live in conftest.py)."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path

#: The tables that make up a store's graph.
STORE_TABLES = ("papers", "paper_sources", "paper_idents", "concepts", "concept_aliases",
                "concept_relations", "concept_views", "edges", "evidence", "phrase_mentions")


@contextmanager
def within(seconds: float):
    """Fail instead of hanging: a reader once looped for ever on a stray control byte."""
    from litkg.extract.guards import raise_after

    with raise_after(seconds, lambda: TimeoutError(f"took more than {seconds} s")):
        yield


def canonical(db: Path, tables: tuple[str, ...] = STORE_TABLES) -> dict[str, list]:
    """Every row of every table, sorted: two stores are the same graph when these are equal."""
    conn = sqlite3.connect(db)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    finally:
        conn.close()
