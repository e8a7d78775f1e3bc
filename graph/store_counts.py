"""Counts the store keeps of its own rows, so a query reads a number instead of counting (#10):
how many papers use each concept, how many concepts of each type each paper names, and how many
papers and edges there are. One-paper ``shared-datasets`` needs the first three for every answer
(idf, jaccard); at 1M papers counting them took more time than the ranking itself (and counting
the edges for a build's summary, a quarter of a second).

Who keeps them, and when:

* the edges a transaction writes or deletes (a batch of a build, a paper re-extracted, held
  phrases linked to a concept later) are noted by :class:`EdgeCounts` as the concept writer
  writes them, and applied before the transaction commits: each touched concept's paper count
  by the difference (and the edges total by their sum), each touched paper's type counts
  recounted from its edges. A rollback
  drops the notes with the rows; a build killed mid-way leaves the counts of its last commit,
  so a reader during a build sees exact counts for the batches it sees. A build that writes as
  many papers as the store held at its start (a first build, a rebuild) keeps none while it
  runs: it marks them out of date in the commit where it starts writing that many (readers then
  count) and recounts them all in its last (:meth:`EdgeCounts.defer`); killed, it leaves them
  marked, and its next writer recounts them when it opens the store;
* triggers keep what changes without an edge being written: the papers total, and the type
  counts of the papers using a concept whose type changes (the deferred concept refresh of
  :data:`~litkg.graph.store_concepts.PENDING`, a gazetteer entry replacing a discovered one).
  Per-edge triggers would keep everything, but made a build's store writes a third slower.

Readers trust the counts only when the ``version`` row of :data:`TOTALS` is this module's and
its ``edges_rowid`` row still equals the largest rowid of ``edges``: edges inserted by anything
but :class:`EdgeCounts` (an older litkg, a hand-written ``sqlite3`` session, a bench filling
tables directly) move that rowid, and readers then count, as on a store made before the counts.
The next writer recounts everything when it opens such a store (:func:`ensure_counts`) or
starts a transaction on it. Edges only deleted by such a writer can go unseen: ``litkg check``
compares every kept count with a recount (:func:`count_problems`). :data:`DERIVED` lists what
is made here, rows that can always be recomputed (the store dump of ``tests/test_store_dump.py``
leaves them out).
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from typing import Iterable

__all__ = ["COUNTS_VERSION", "CONCEPT_PAPERS", "PAPER_TYPES", "TOTALS", "DERIVED", "EdgeCounts", "ensure_counts",
           "counts_ready", "fill_counts", "kept_total", "count_problems"]

#: What the counts mean and how they are kept; a store whose ``version`` row differs is recounted.
COUNTS_VERSION = 2  # 2: the edges total too
#: concept key → how many papers have an edge to it (no row for 0).
CONCEPT_PAPERS = "count_concept_papers"
#: (paper key, concept type) → how many of the paper's edges go to a concept of that type (no row for 0).
PAPER_TYPES = "count_paper_types"
#: name → value: ``papers`` and ``edges`` (rows of those tables), ``edges_rowid`` (the largest
#: rowid of ``edges`` when the counts were last brought up to date) and ``version``
#: (:data:`COUNTS_VERSION`).
TOTALS = "count_totals"

_TABLES = (
    f"CREATE TABLE IF NOT EXISTS {CONCEPT_PAPERS} "
    "(concept_key TEXT PRIMARY KEY, papers INTEGER NOT NULL) WITHOUT ROWID",
    f"CREATE TABLE IF NOT EXISTS {PAPER_TYPES} "
    "(paper_key TEXT NOT NULL, type TEXT NOT NULL, concepts INTEGER NOT NULL, PRIMARY KEY (paper_key, type)) "
    "WITHOUT ROWID",
    f"CREATE TABLE IF NOT EXISTS {TOTALS} (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
)

# A concept of type T counted out of, or into, the type counts of every paper with an edge to it.
_USERS = "paper_key IN (SELECT paper_key FROM edges WHERE concept_key = OLD.key)"
_TYPED_OUT = f"""
    UPDATE {PAPER_TYPES} SET concepts = concepts - 1 WHERE type = OLD.type AND {_USERS};
    DELETE FROM {PAPER_TYPES} WHERE type = OLD.type AND concepts <= 0 AND {_USERS};"""
_TYPED_IN = f"""
    INSERT INTO {PAPER_TYPES} SELECT paper_key, NEW.type, 1 FROM edges WHERE concept_key = NEW.key
        ON CONFLICT (paper_key, type) DO UPDATE SET concepts = concepts + 1;"""
_PAPERS = f"\n    UPDATE {TOTALS} SET value = value {{sign}} 1 WHERE name = 'papers';"
#: name → (event, body); each fires on a rare write (a paper, a concept's new type), never per edge.
_TRIGGERS = {
    "count_concept_retyped": ("AFTER UPDATE OF type ON concepts WHEN OLD.type IS NOT NEW.type",
                              _TYPED_OUT + _TYPED_IN),
    "count_paper_added": ("AFTER INSERT ON papers", _PAPERS.format(sign="+")),
    "count_paper_removed": ("AFTER DELETE ON papers", _PAPERS.format(sign="-")),
}

#: Tables and triggers made here: derived rows, recomputed by :func:`fill_counts` at any time.
DERIVED = frozenset({CONCEPT_PAPERS, PAPER_TYPES, TOTALS, *_TRIGGERS})

# Each kept count and its recount from the rows it counts, as (key..., n) rows.
_RECOUNTS = {
    CONCEPT_PAPERS: (f"SELECT concept_key, papers AS n FROM {CONCEPT_PAPERS}",
                     "SELECT concept_key, COUNT(*) AS n FROM edges GROUP BY concept_key"),
    PAPER_TYPES: (f"SELECT paper_key, type, concepts AS n FROM {PAPER_TYPES}",
                  ("SELECT e.paper_key AS paper_key, c.type AS type, COUNT(*) AS n FROM edges e "
                   "JOIN concepts c ON c.key = e.concept_key GROUP BY e.paper_key, c.type")),
    TOTALS: (f"SELECT name, value AS n FROM {TOTALS} WHERE name IN ('papers', 'edges')",
             ("SELECT 'papers' AS name, COUNT(*) AS n FROM papers "
              "UNION ALL SELECT 'edges' AS name, COUNT(*) AS n FROM edges")),
}
#: The key columns of each kept count.
_KEYS = {CONCEPT_PAPERS: ("concept_key",), PAPER_TYPES: ("paper_key", "type"), TOTALS: ("name",)}
_EDGES_ROWID = "(SELECT coalesce(max(rowid), 0) FROM edges)"


def ensure_counts(conn: sqlite3.Connection) -> bool:
    """Make the store on ``conn`` keep exact counts (tables, triggers, a recount) unless it does;
    call inside a write transaction. Returns whether they were recounted now.

    Also turns on ``recursive_triggers`` for this connection: without it, a row that
    ``INSERT OR REPLACE`` deletes would not be counted out."""
    conn.execute("PRAGMA recursive_triggers=ON")
    if counts_ready(conn):
        return False
    for statement in _TABLES:
        conn.execute(statement)
    # Every counting trigger goes, another version's too (they may count otherwise), then ours come.
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'count^_%' "
                                "ESCAPE '^'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    for name, (event, body) in _TRIGGERS.items():
        conn.execute(f"CREATE TRIGGER {name} {event} BEGIN{body}\nEND")
    fill_counts(conn)
    return True


def fill_counts(conn: sqlite3.Connection) -> None:
    """Recount every kept count from the rows it counts (inside a write transaction)."""
    for table, (_, recount) in _RECOUNTS.items():
        conn.execute(f"DELETE FROM {table}")
        conn.execute(f"INSERT INTO {table} SELECT * FROM ({recount})")
    conn.execute(f"INSERT OR REPLACE INTO {TOTALS} VALUES ('version', ?)", (COUNTS_VERSION,))
    conn.execute(f"INSERT OR REPLACE INTO {TOTALS} VALUES ('edges_rowid', {_EDGES_ROWID})")


def kept_total(conn: sqlite3.Connection, table: str) -> int | None:
    """How many rows ``table`` (``papers`` or ``edges``) holds, as kept; None where readers count."""
    if table not in ("papers", "edges") or not counts_ready(conn):
        return None
    return conn.execute(f"SELECT value FROM {TOTALS} WHERE name = ?", (table,)).fetchone()[0]


def counts_ready(conn: sqlite3.Connection) -> bool:
    """Whether the counts of the store on ``conn`` are this version's and up to date with its edges."""
    try:
        rows = dict(conn.execute(f"SELECT name, value FROM {TOTALS} WHERE name IN ('version', 'edges_rowid')"))
    except sqlite3.OperationalError:  # no such table: a store made before the counts
        return False
    return (rows.get("version") == COUNTS_VERSION
            and rows.get("edges_rowid") == conn.execute(f"SELECT {_EDGES_ROWID}").fetchone()[0])


class EdgeCounts:
    """The edges one transaction writes and deletes, applied to the kept counts by :meth:`flush`.

    The concept writer calls :meth:`adding` before it inserts edges it knows are new,
    :meth:`removing` before it deletes a paper's, and :meth:`begin` before it inserts edges that
    may be there already (then :meth:`adding` for each it did insert); the store calls
    :meth:`flush` before each commit and :meth:`forget` after a rollback. Before a
    transaction's first edge the counts are checked to be up to date: if another writer's edges
    came in since, :meth:`flush` recounts everything instead."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._concepts: Counter[str] = Counter()  # concept key → papers gained (lost if negative)
        self._papers: set[str] = set()  # papers whose edges changed: their type counts are recounted
        self._stale: bool | None = None  # None: no edge written since the last flush
        #: Also told of each paper whose edges change, with their concepts, while a build runs:
        #: an :class:`~litkg.graph.store_postings.EdgeLog` (the store's lists of papers, #10).
        self.log = None
        #: A large build (:meth:`defer`): nothing is noted until :meth:`recount` at its end.
        self.deferred = False

    def adding(self, paper_key: str, concept_keys: Iterable[str]) -> None:
        """Edges from ``paper_key`` to ``concept_keys``, none of them stored, are inserted now."""
        self.begin()
        if self.deferred:
            return
        keys = list(concept_keys)
        for key in keys:  # not Counter.update: given a dict, it would add its values
            self._concepts[key] += 1
        self._papers.add(paper_key)
        if self.log is not None:
            self.log.note(paper_key, keys)

    def removing(self, paper_key: str, pid: int) -> None:
        """Every edge of ``paper_key`` (whose id is ``pid``) is about to be deleted."""
        self.begin()
        if self.deferred:
            return
        keys = [k for (k,) in self.conn.execute("SELECT concept_key FROM edges WHERE pid = ?", (pid,))]
        self._concepts.subtract(keys)
        self._papers.add(paper_key)
        if self.log is not None:
            self.log.note(paper_key, keys)

    def begin(self) -> None:
        """Note whether the counts are up to date, before this transaction writes an edge."""
        if self._stale is None:
            self._stale = not counts_ready(self.conn)

    def flush(self) -> None:
        """Apply what was noted to the kept counts (inside the transaction that wrote the edges)."""
        if self._stale is None:
            return
        if self.deferred:  # readers must not trust them: deleted edges alone move no rowid
            self.conn.execute(f"UPDATE {TOTALS} SET value = -1 WHERE name = 'edges_rowid'")
        elif self._stale:
            fill_counts(self.conn)
        else:
            self._apply()
        self.forget()

    def defer(self) -> None:
        """From now on note nothing, and leave the counts out of date (readers count) until
        :meth:`recount`: a build that writes as many papers as the store held recounts them in
        one pass at its end, cheaper than keeping each paper's type counts, rows that went to a
        random page of a large table for each paper (#10)."""
        self._concepts.clear()
        self._papers.clear()
        self._stale = False  # what this transaction noted goes: its flush marks the counts out of date
        self.deferred = True

    def recount(self) -> None:
        """Count everything again (inside a write transaction) and keep the counts from now on."""
        self.forget()
        self.deferred = False
        fill_counts(self.conn)

    def forget(self) -> None:
        """Drop what was noted: the transaction rolled back, or it was applied."""
        self._concepts.clear()
        self._papers.clear()
        self._stale = None

    def _apply(self) -> None:
        changed = [(k, d) for k, d in self._concepts.items() if d]
        self.conn.execute(f"UPDATE {TOTALS} SET value = value + ? WHERE name = 'edges'", (sum(d for _, d in changed),))
        self.conn.executemany(f"INSERT INTO {CONCEPT_PAPERS} VALUES (?, ?) "
                              "ON CONFLICT (concept_key) DO UPDATE SET papers = papers + excluded.papers", changed)
        fewer = json.dumps([k for k, d in changed if d < 0])
        self.conn.execute(f"DELETE FROM {CONCEPT_PAPERS} WHERE concept_key IN (SELECT value FROM json_each(?)) "
                          "AND papers <= 0", (fewer,))
        papers = json.dumps(sorted(self._papers))
        self.conn.execute(f"DELETE FROM {PAPER_TYPES} WHERE paper_key IN (SELECT value FROM json_each(?))", (papers,))
        self.conn.execute(f"INSERT INTO {PAPER_TYPES} SELECT e.paper_key, c.type, COUNT(*) FROM json_each(?) j "
                          "JOIN papers p ON p.key = j.value JOIN edges e ON e.pid = p.pid "
                          "JOIN concepts c ON c.key = e.concept_key GROUP BY e.paper_key, c.type", (papers,))
        self.conn.execute(f"UPDATE {TOTALS} SET value = {_EDGES_ROWID} WHERE name = 'edges_rowid'")


def count_problems(conn: sqlite3.Connection, limit: int = 5) -> list[str]:
    """Where the kept counts disagree with a recount, in words (at most ``limit`` keys named per
    table); nothing for a store whose readers count (no counts, or out of date with its edges)."""
    if not counts_ready(conn):
        return []
    problems = []
    have = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    missing = sorted(set(_TRIGGERS) - have)
    if missing:
        problems.append(f"the triggers that keep the counts are missing: {', '.join(missing)}")
    for table, (kept, recount) in _RECOUNTS.items():
        a, b = f"SELECT * FROM ({kept})", f"SELECT * FROM ({recount})"  # each whole: a recount may be a UNION
        wrong = sorted({row[:-1] for row in conn.execute(f"SELECT * FROM ({a} EXCEPT {b}) UNION ALL "
                                                         f"SELECT * FROM ({b} EXCEPT {a})")})
        if wrong:
            shown = "; ".join(_describe(table, key, conn) for key in wrong[:limit])
            problems.append(f"{table}: {len(wrong)} counts disagree with the rows they count ({shown})")
    return problems


def _describe(table: str, key: tuple, conn: sqlite3.Connection) -> str:
    """One disagreeing count: its key, the kept count and the recount."""
    where = " AND ".join(f"{column} = ?" for column in _KEYS[table])
    have, want = (conn.execute(f"SELECT n FROM ({sql}) WHERE {where}", key).fetchone() for sql in _RECOUNTS[table])
    return f"{'/'.join(map(str, key))}: kept {have[0] if have else 0}, counted {want[0] if want else 0}"
