"""The concept side of a store's writes: concepts, aliases, relations, a paper's edges and evidence,
held Title Case phrases, and the rows derived from them across the corpus.

:class:`ConceptWriter` works on the connection of a :class:`~litkg.graph.store.GraphStore`, inside
its transactions. What makes a build fast without changing a single row:

* what is known to be stored already (gazetteer concepts, their aliases and relations, the normal
  forms of names) is remembered, so a name that thousands of papers use costs no query after its
  first;
* a paper's edges, evidence and concept views, and a batch's extractor stamps, are written with
  ``executemany``; a paper just inserted skips the deletes of its (absent) old rows;
* the corpus-wide links are refreshed from what was written, not from the whole store: each
  batch links the held phrases of the normal forms it added (as an alias or as a phrase), and the
  concept rows of discovered concepts are recomputed in one statement at the end of a build, for
  the concepts it touched (per batch, a concept used by thousands of papers was read again and
  again). A build marks the store while rows wait (:data:`PENDING`); a build that finds another
  one's mark (it was killed, or is running beside) recomputes them all at its end.

After a rollback, :meth:`ConceptWriter.forget` drops what was remembered.
"""
from __future__ import annotations

import sqlite3
from typing import Iterable, Sequence

from litkg.errors import StoreError
from litkg.extract.normalise import concept_norm
from litkg.graph.store_counts import EdgeCounts
from litkg.records import ROLES, ExtractedEntity

__all__ = ["ConceptWriter"]

#: An argument not given: the origin of a concept's stored row, for the writer to read.
_LOOK_UP = object()
#: At most this many alias rows and normal forms are remembered (memory stays bounded at any size).
_REMEMBER = 200_000

_INSERT_EDGE = "INSERT INTO edges (paper_key, concept_key, role, confidence, pid) VALUES (?, ?, ?, ?, ?)"

_LINK = """
SELECT DISTINCT p.paper_key, p.norm, a.concept_key FROM phrase_mentions p
JOIN concept_aliases a ON a.norm = p.norm {where} ORDER BY p.paper_key, p.norm, a.concept_key
"""

# The most frequent value of a column among the papers' views of a concept, ties in sort order.
_MOST_COMMON = ("(SELECT {col} FROM concept_views v WHERE v.concept_key = concepts.key "
                "GROUP BY {col} ORDER BY COUNT(*) DESC, {col} LIMIT 1)")
_REFRESH = (f"UPDATE concepts SET name = {_MOST_COMMON.format(col='name')}, "
            f"type = {_MOST_COMMON.format(col='type')}, origin = {_MOST_COMMON.format(col='origin')} "
            "WHERE {which} AND origin != 'gazetteer' "
            "AND EXISTS (SELECT 1 FROM concept_views v WHERE v.concept_key = concepts.key)")
_GIVEN = "key IN (SELECT value FROM json_each(?))"
#: Concepts a build touched, refreshed when it ends (a temporary table: it dies with the connection).
_TOUCHED = "litkg_touched"
#: The meta row a build holds while concept rows wait for its end: a build that finds another
#: build's there (one that was killed, or runs beside it) refreshes every concept at its end.
PENDING = "refresh_pending"


class ConceptWriter:
    """Writes concepts and edges on ``conn`` (call inside the store's transactions)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.counts = EdgeCounts(conn)  # the edges written, for the counts the store keeps (#10)
        self.touched: set[str] = set()  # discovered concepts whose row to recompute
        self.new_norms: set[str] = set()  # normal forms added as alias or held phrase since the last link
        self._gazetteer: set[str] = set()  # concepts stored with a gazetteer row (final: never changes)
        self._aliases: set[tuple[str, str]] = set()  # (norm, concept key) rows stored
        self._relations: set[tuple[str, str, str]] = set()  # concept_relations rows stored
        self._norms: dict[str, str] = {}
        self._build: str | None = None  # the build whose concept refresh waits for its end
        self._all = False  # refresh every concept at its end
        self.pids: dict[str, int] = {}  # paper key -> pid of the papers this transaction upserted

    def pid(self, paper_key: str) -> int:
        """The integer id of the stored paper ``paper_key`` (evidence is keyed by it)."""
        pid = self.pids.get(paper_key)
        if pid is None:
            row = self.conn.execute("SELECT pid FROM papers WHERE key=?", (paper_key,)).fetchone()
            if row is None:
                raise StoreError(f"no paper {paper_key!r} in the store", hint="upsert the paper before its edges")
            pid = self.pids[paper_key] = row[0]
        return pid

    def forget(self) -> None:
        """After a rollback: rows this writer remembered may not be stored any more."""
        self.counts.forget()
        self.pids.clear()
        self.touched.clear()
        self.new_norms.clear()
        self._gazetteer.clear()
        self._aliases.clear()
        self._relations.clear()

    def norm(self, name: str) -> str:
        norm = self._norms.get(name)
        if norm is None:
            norm = concept_norm(name)
            if len(self._norms) < _REMEMBER:
                self._norms[name] = norm
        return norm

    # -- concepts -------------------------------------------------------------------------------
    def upsert_concept(self, key: str, name: str, type_: str, origin: str, aliases: Sequence[str] = (),
                       *, stored: str | None | object = _LOOK_UP) -> None:
        """Insert a concept; a gazetteer concept's name and type win over a discovered one's.
        ``stored``: the origin of the stored row (None: no row), when the caller has just read it."""
        if key not in self._gazetteer:
            if stored is _LOOK_UP:
                stored = self._stored_origin(key)
            if stored is None:
                self.conn.execute("INSERT INTO concepts VALUES (?, ?, ?, ?)", (key, name, type_, origin))
            elif origin == "gazetteer" and stored != "gazetteer":
                self.conn.execute("UPDATE concepts SET name=?, type=?, origin=? WHERE key=?",
                                  (name, type_, origin, key))
            if origin == "gazetteer" or stored == "gazetteer":
                self._gazetteer.add(key)
        rows = []
        for alias in (name, *aliases):
            norm = self.norm(alias)
            if norm and (norm, key) not in self._aliases:
                rows.append((norm, key, alias))
                if key in self._gazetteer and len(self._aliases) < _REMEMBER:
                    self._aliases.add((norm, key))  # discovered names are mostly one paper's: not kept
        if rows:
            self.conn.executemany("INSERT OR IGNORE INTO concept_aliases VALUES (?, ?, ?)", rows)
            self.new_norms.update(row[0] for row in rows)

    def add_relation(self, src: str, rel: str, dst: str) -> None:
        relation = (src, rel, dst)
        if relation in self._relations:
            return  # the gazetteer's relations (a part of WILDS) come again with every paper naming one
        self.conn.execute("INSERT OR IGNORE INTO concept_relations VALUES (?, ?, ?)", relation)
        if len(self._relations) < _REMEMBER:
            self._relations.add(relation)

    def write_relations(self, entities: Sequence[ExtractedEntity], stored: dict[str, str]) -> None:
        """Each entity's relations, from its stored concept (``stored``, as :meth:`replace_edges`
        returned it) to the target, which becomes a concept even when no paper names it (WILDS,
        the whole GWHD 2021 is part of), so "papers using WILDS, with parts" can find it. A phrase
        held without a concept has no relation to write."""
        for entity in entities:
            if not entity.relations or entity.key not in stored:
                continue
            for relation in entity.relations:
                target = relation.target
                self.upsert_concept(target.key, target.name, target.type, target.origin, target.aliases)
                self.add_relation(stored[entity.key], relation.rel, target.key)

    def canonical_key(self, entity: ExtractedEntity) -> tuple[str, str | None | object]:
        """The concept a discovered entity belongs to: its own key if stored, else a concept that
        has one of its longer spellings (TRAM's "Trust Region Aware Minimization") as an alias.
        With it, the origin of its stored row (None: not stored; :data:`_LOOK_UP`: not read), which
        :meth:`upsert_concept` would otherwise read again."""
        if entity.key in self._gazetteer:
            return entity.key, _LOOK_UP
        origin = self._stored_origin(entity.key)
        if origin is not None:
            return entity.key, origin
        for alias in entity.aliases:
            norm = self.norm(alias)
            if len(norm) < 6:
                continue  # short acronyms mean different things in different papers
            row = self.conn.execute(
                "SELECT a.concept_key, c.origin FROM concept_aliases a LEFT JOIN concepts c ON c.key = a.concept_key "
                "WHERE a.norm=? ORDER BY a.concept_key LIMIT 1", (norm,)).fetchone()
            if row:
                return row[0], row[1]
        return entity.key, None

    def _stored_origin(self, key: str) -> str | None:
        row = self.conn.execute("SELECT origin FROM concepts WHERE key=?", (key,)).fetchone()
        return None if row is None else row[0]

    # -- a paper's edges --------------------------------------------------------------------------
    def replace_edges(self, paper_key: str, entities: Sequence[ExtractedEntity], *,
                      fresh: bool = False) -> dict[str, str]:
        """Make the paper's edges exactly ``entities``; ``fresh``: the paper was inserted in this
        transaction, so it has no old rows to delete. Returns each entity's stored concept key."""
        if not fresh:
            self._delete_paper_rows(paper_key)
        stored: dict[str, str] = {}
        pid = self.pid(paper_key)
        edges: dict[str, tuple[str, float]] = {}
        evidence: list[tuple] = []
        views: list[tuple] = []
        for entity in entities:
            key, origin = (entity.key, _LOOK_UP) if entity.origin == "gazetteer" else self.canonical_key(entity)
            if entity.origin == "titled_phrase" and key == entity.key:
                self._hold_phrase(paper_key, entity)  # no concept has this spelling yet
                continue
            stored[entity.key] = key
            self.upsert_concept(key, entity.name, entity.type, entity.origin, entity.aliases, stored=origin)
            if entity.origin != "gazetteer":
                views.append((pid, key, entity.name, entity.type, entity.origin))
                self.touched.add(key)
            role, confidence = edges.get(key, (entity.role, entity.confidence))
            if ROLES.index(entity.role) < ROLES.index(role):
                role = entity.role  # two spellings in one paper: the stronger role wins
            edges[key] = (role, max(confidence, entity.confidence))
            evidence.extend((pid, key, m.field, m.start, m.end, m.text, m.sentence) for m in entity.mentions)
        if views:
            self.conn.executemany("INSERT OR REPLACE INTO concept_views VALUES (?, ?, ?, ?, ?)", views)
        self.counts.adding(paper_key, edges)
        self.conn.executemany(_INSERT_EDGE, [(paper_key, key, role, conf, pid) for key, (role, conf) in edges.items()])
        self.conn.executemany("INSERT OR IGNORE INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?)", evidence)
        return stored

    def _delete_paper_rows(self, paper_key: str) -> None:
        pid = self.pid(paper_key)
        self.conn.execute("DELETE FROM evidence WHERE pid=?", (pid,))
        self.counts.removing(paper_key, pid)
        self.conn.execute("DELETE FROM edges WHERE pid=?", (pid,))
        self.conn.execute("DELETE FROM phrase_mentions WHERE paper_key=?", (paper_key,))
        self.touched.update(k for (k,) in self.conn.execute(
            "SELECT concept_key FROM concept_views WHERE pid=?", (pid,)))
        self.conn.execute("DELETE FROM concept_views WHERE pid=?", (pid,))

    def _hold_phrase(self, paper_key: str, entity: ExtractedEntity) -> None:
        norm = self.norm(entity.name)
        self.conn.executemany(
            "INSERT OR IGNORE INTO phrase_mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(paper_key, norm, entity.role, entity.confidence, m.field, m.start, m.end, m.text, m.sentence)
             for m in entity.mentions],
        )
        self.new_norms.add(norm)

    # -- across the corpus ------------------------------------------------------------------------
    def link_phrases(self, norms: Iterable[str] | None = None) -> int:
        """Turn held phrases that are now a concept's alias into edges; returns how many (paper,
        phrase) pairs were linked. Only phrases of ``norms`` when given (the normal forms added
        since the last link: no other phrase can have become linkable), else every held one."""
        if norms is None:
            rows = self.conn.execute(_LINK.format(where="")).fetchall()
        else:
            norms = sorted(set(norms))
            if not norms:
                return 0
            rows = self.conn.execute(_LINK.format(where="WHERE p.norm IN (SELECT value FROM json_each(?))"),
                                     (_json_list(norms),)).fetchall()
        if rows:
            self.counts.begin()
        for paper_key, norm, concept_key in rows:
            role, confidence = self.conn.execute(
                "SELECT role, MAX(confidence) FROM phrase_mentions WHERE paper_key=? AND norm=?", (paper_key, norm)
            ).fetchone()
            if role is None:
                continue  # already linked to another concept of the same alias, as the full join would
            if self.conn.execute(_INSERT_EDGE.replace("INSERT", "INSERT OR IGNORE"),
                                 (paper_key, concept_key, role, confidence, self.pid(paper_key))).rowcount:
                self.counts.adding(paper_key, (concept_key,))
            self.conn.execute(
                "INSERT OR IGNORE INTO evidence SELECT ?, ?, field, start, end, text, sentence "
                "FROM phrase_mentions WHERE paper_key=? AND norm=?", (self.pid(paper_key), concept_key, paper_key, norm))
            self.conn.execute("DELETE FROM phrase_mentions WHERE paper_key=? AND norm=?", (paper_key, norm))
        return len(rows)

    def refresh_concepts(self) -> None:
        """Recompute the name, type and origin of the discovered concepts touched since the last
        call from how the papers that use them now see them (most frequent first, then in sort
        order), in one statement; a concept no paper uses any more keeps its row. During a build
        (:meth:`defer`), only note them, for :meth:`refresh_deferred` at its end."""
        if self.touched and self._build is not None:
            self._hold_build()
            self.conn.executemany(f"INSERT OR IGNORE INTO temp.{_TOUCHED} VALUES (?)", [(k,) for k in self.touched])
        elif self.touched:
            self.conn.execute(_REFRESH.format(which=_GIVEN), (_json_list(sorted(self.touched)),))
        self.touched.clear()

    def defer(self, build: str) -> None:
        """Start a build named ``build``: concept rows are refreshed at its end, not per batch."""
        self.conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_TOUCHED} (key TEXT PRIMARY KEY)")
        self._build, self._all = build, False

    def refresh_deferred(self) -> None:
        """End the build: refresh the concepts it touched (every concept, if another build's mark
        was found: what that one touched is not known), and drop the mark."""
        self.refresh_concepts()
        if self._foreign_mark():
            self._all = True
        which = "1" if self._all else f"key IN (SELECT key FROM temp.{_TOUCHED})"
        self.conn.execute(_REFRESH.format(which=which))
        self.conn.execute(f"DELETE FROM temp.{_TOUCHED}")
        self.conn.execute("DELETE FROM meta WHERE key=?", (PENDING,))
        self._build = None

    def stop_deferring(self) -> None:
        """A build that ends early: its mark stays in the store for the next build to find."""
        self._build = None

    def _hold_build(self) -> None:
        if self._foreign_mark():
            self._all = True
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (PENDING, self._build))

    def _foreign_mark(self) -> bool:
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (PENDING,)).fetchone()
        return row is not None and row[0] != self._build


def _json_list(values: Sequence[str]) -> str:
    import json

    return json.dumps(list(values), ensure_ascii=False)
