"""The reads of paper-to-paper overlap (one-paper ``shared-datasets``, similar papers): a paper's
concepts with how many papers use each, the papers sharing them, and how many concepts of the
asked types each of those names. Split from :mod:`litkg.graph.sql`, whose rules it follows
(plain rows, keys as one JSON parameter, values never in the SQL text).

The counts a store keeps (:mod:`litkg.graph.store_counts`: papers per concept, concepts of a
type per paper, papers) are read where a query needs them; on a store made before them, the same
functions count, as they did, and give the same answers.
"""
from __future__ import annotations

import json
import weakref
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from litkg.graph.sql import in_types, keys_param
from litkg.graph.store_counts import CONCEPT_PAPERS, PAPER_TYPES, TOTALS, counts_ready
from litkg.graph.store_postings import POSTINGS, postings_ready
from litkg.graph.store_sizes import SIZES

if TYPE_CHECKING:  # annotations only: the store is passed in, never imported at run time
    from litkg.graph.store import GraphStore

__all__ = ["counts_kept", "postings_kept", "postings_of", "paper_rowid", "paper_keys", "type_sizes",
           "paper_total", "paper_concepts_df", "papers_sharing", "papers_among_users", "users_of",
           "users_of_all", "papers_naming_only", "edges_to_among", "type_counts_per_paper"]


#: What each open read-only store keeps up to date (counts, lists): its snapshot never changes
#: while it is open (a writing connection's can, with each edge it writes: asked each time).
_KEPT: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _kept(store: GraphStore, ready) -> bool:
    if not store.readonly:
        return ready(store.conn)
    known = _KEPT.setdefault(store, {})
    if ready not in known:
        known[ready] = ready(store.conn)
    return known[ready]


def counts_kept(store: GraphStore) -> bool:
    """Whether the counts ``store`` keeps (:mod:`litkg.graph.store_counts`) are up to date with
    its edges; else the readers here count."""
    return _kept(store, counts_ready)


def postings_kept(store: GraphStore) -> bool:
    """Whether the lists of papers the store keeps (:mod:`litkg.graph.store_postings`) are up
    to date with its edges."""
    return _kept(store, postings_ready)


def postings_of(store: GraphStore, concepts: Sequence[str]) -> dict[str, bytes]:
    """concept key → its list of papers as stored (row ids in key order, little-endian int32)."""
    return dict(store.conn.execute(f"SELECT concept_key, papers FROM {POSTINGS} "
                                   "WHERE concept_key IN (SELECT value FROM json_each(?))", (keys_param(concepts),)))


def paper_rowid(store: GraphStore, key: str) -> int | None:
    """The row id of paper ``key``; None when there is none."""
    row = store.conn.execute("SELECT rowid FROM papers WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def paper_keys(store: GraphStore, rowids: Iterable[int]) -> dict[int, str]:
    """row id → key of the papers ``rowids``."""
    return dict(store.conn.execute("SELECT rowid, key FROM papers WHERE rowid IN (SELECT value FROM json_each(?))",
                                   (json.dumps([int(r) for r in rowids]),)))


def type_sizes(store: GraphStore, types: Sequence[str] | None) -> list[tuple[int, bytes]]:
    """``(bytes a paper, sizes)`` of the arrays the store keeps of how many concepts of each of
    ``types`` (None: every type) each paper names (:mod:`litkg.graph.store_sizes`)."""
    where, params = ("WHERE type IN (SELECT value FROM json_each(?))", (keys_param(types),)) if types is not None \
        else ("", ())
    return store.conn.execute(f"SELECT width, sizes FROM {SIZES} {where}", params).fetchall()


def paper_total(store: GraphStore) -> int:
    """How many papers the store holds."""
    if counts_kept(store):
        return store.conn.execute(f"SELECT value FROM {TOTALS} WHERE name = 'papers'").fetchone()[0]
    return store.conn.execute("SELECT COUNT(*) FROM papers").fetchone()[0]


def paper_concepts_df(store: GraphStore, key: str, types: Sequence[str] | None) -> list[tuple[str, str, int]]:
    """``(concept key, name, papers using it)`` of the concepts (of ``types``) paper ``key`` names."""
    where, params = in_types("c.type", types)
    df = (f"(SELECT papers FROM {CONCEPT_PAPERS} n WHERE n.concept_key = e.concept_key)" if counts_kept(store)
          else "(SELECT COUNT(*) FROM edges x WHERE x.concept_key = e.concept_key)")
    return store.conn.execute(
        f"SELECT e.concept_key, c.name, {df} FROM edges e JOIN concepts c ON c.key = e.concept_key "
        f"WHERE e.paper_key = ? {where}", (key, *params)).fetchall()


def papers_sharing(store: GraphStore, concepts: Sequence[str], but: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """``(paper key, concept keys in key order)`` of the papers other than ``but`` using one of
    ``concepts``."""
    for other, keys in store.conn.execute(
            "SELECT e.paper_key, group_concat(e.concept_key, char(31)) FROM edges e "
            "WHERE e.concept_key IN (SELECT value FROM json_each(?)) AND e.paper_key <> ? GROUP BY e.paper_key",
            (keys_param(concepts), but)):
        yield other, tuple(sorted(keys.split("\x1f")))  # group_concat's order is the plan's (#10)


def papers_among_users(store: GraphStore, concept: str, papers: Iterable[str]) -> list[str]:
    """Those of ``papers`` that use ``concept``."""
    return [k for (k,) in store.conn.execute(
        "SELECT paper_key FROM edges WHERE concept_key = ? AND paper_key IN (SELECT value FROM json_each(?))",
        (concept, keys_param(papers)))]


def users_of(store: GraphStore, concept: str, but: str) -> Iterator[str]:
    """Keys of the papers other than ``but`` using ``concept``, in key order (streamed)."""
    for (key,) in store.conn.execute("SELECT paper_key FROM edges WHERE concept_key = ? AND paper_key <> ? "
                                     "ORDER BY paper_key", (concept, but)):
        yield key


def _size(store: GraphStore, paper: str, types: Sequence[str] | None) -> tuple[str, tuple]:
    """SQL of how many concepts (of ``types``) the paper in column ``paper`` names, and its
    parameters."""
    if counts_kept(store):
        # "+": the paper's few rows are read in one range rather than looked up type by type.
        where, params = in_types("+t.type", types)
        return f"(SELECT SUM(t.concepts) FROM {PAPER_TYPES} t WHERE t.paper_key = {paper} {where})", params
    where, params = in_types("c.type", types)
    return (f"(SELECT COUNT(*) FROM edges x JOIN concepts c ON c.key = x.concept_key WHERE x.paper_key = {paper} "
            f"{where})", params)


def _names_only(store: GraphStore, paper: str, concepts: Sequence[str],
                types: Sequence[str] | None) -> tuple[str, tuple]:
    """SQL true when the paper in column ``paper``, which names every one of ``concepts`` (all of
    ``types``), names no other concept of ``types``, and its parameters: its kept size is
    ``len(concepts)``, or (counting) no edge goes to another."""
    if counts_kept(store):
        size, params = _size(store, paper, types)
        return f"{size} = ?", (*params, len(concepts))
    where, params = in_types("c.type", types)
    return (f"NOT EXISTS (SELECT 1 FROM edges x JOIN concepts c ON c.key = x.concept_key WHERE x.paper_key = {paper} "
            f"AND x.concept_key NOT IN ({','.join('?' * len(concepts))}) {where})", (*concepts, *params))


def users_of_all(store: GraphStore, concepts: Sequence[str], but: str,
                 types: Sequence[str] | None) -> Iterator[tuple[str, int]]:
    """``(paper key, how many concepts of types it names)`` of the papers other than ``but`` that
    use every one of ``concepts``, in key order (streamed: stop reading when you have enough).
    The papers using ``concepts[0]`` are walked in the covering index ``edges(concept_key,
    paper_key)`` and the others looked up by paper: give the rarest first. The size is one
    look-up of the kept counts (counting, a join of the paper's edges)."""
    first, *also = concepts
    size, size_params = _size(store, "a.paper_key", types)
    joins = "".join(f" CROSS JOIN edges e{i} ON e{i}.paper_key = a.paper_key AND e{i}.concept_key = ?"
                    for i in range(len(also)))
    return store.conn.execute(f"SELECT a.paper_key, {size} FROM edges a{joins} WHERE a.concept_key = ? "
                              "AND a.paper_key <> ? ORDER BY a.paper_key", (*size_params, *also, first, but))


def papers_naming_only(store: GraphStore, papers: Iterable[str], concepts: Sequence[str],
                       types: Sequence[str] | None) -> set[str]:
    """Those of ``papers`` (each naming every one of ``concepts``, all of ``types``) that name no
    other concept of ``types``."""
    only, params = _names_only(store, "j.value", concepts, types)
    return {k for (k,) in store.conn.execute(f"SELECT j.value FROM json_each(?) j WHERE {only}",
                                             (keys_param(papers), *params))}


def edges_to_among(store: GraphStore, papers: Iterable[str], concepts: Sequence[str]) -> Iterator[tuple[str, str]]:
    """``(paper key, concept key)`` of the edges from ``papers`` to ``concepts``: one look-up in
    the covering index ``edges(concept_key, paper_key)`` per paper and concept."""
    # Papers in key order: the look-ups walk the index forwards, on pages read just before.
    return store.conn.execute(
        "SELECT e.paper_key, e.concept_key FROM json_each(?) j CROSS JOIN edges e ON e.paper_key = j.value "
        "AND e.concept_key IN (SELECT value FROM json_each(?))", (keys_param(sorted(papers)), keys_param(concepts)))


def type_counts_per_paper(store: GraphStore, keys: Iterable[str], types: Sequence[str] | None) -> dict[str, int]:
    """paper key → how many concepts (of ``types``) it names, for the papers ``keys`` naming any."""
    if counts_kept(store):
        where, params = in_types("+type", types)  # "+": see _size
        return dict(store.conn.execute(
            f"SELECT paper_key, SUM(concepts) FROM {PAPER_TYPES} WHERE paper_key IN (SELECT value FROM json_each(?)) "
            f"{where} GROUP BY paper_key", (keys_param(sorted(set(keys))), *params)))
    where, params = in_types("c.type", types)
    return dict(store.conn.execute(
        "SELECT e.paper_key, COUNT(*) FROM edges e JOIN concepts c ON c.key = e.concept_key "
        f"WHERE e.paper_key IN (SELECT value FROM json_each(?)) {where} GROUP BY e.paper_key",
        (keys_param(keys), *params)))
