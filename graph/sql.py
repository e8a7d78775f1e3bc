"""Every read of a litkg store outside :class:`~litkg.graph.store.GraphStore`, by name.

The store owns the schema (``graph/store.py`` creates and writes it); the queries, the networkx
view, the exports and the Neo4j writer read it only through the functions here and in
:mod:`litkg.graph.sql_overlap` (the reads of one-paper shared-datasets), so a table or column
name is written in the store's modules and these and nowhere else. Each function takes the open
store first and returns plain rows (tuples), dicts or iterators; lists of keys travel as one JSON
parameter (``json_each``), values never in the SQL text.

Two things several readers need are written once:

- :func:`role_rank_sql`, the SQL ``CASE`` that ranks roles strongest first, generated from
  :data:`litkg.records.ROLES`;
- :data:`FIRST_EVIDENCE`, the join to the first sentence naming a concept (title before abstract,
  then by offset): what the networkx edges carry and Neo4j stores; :data:`FIRST_SENTENCE` is the
  same sentence as one column, what ``papers-using`` prints.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from litkg.records import ROLES

if TYPE_CHECKING:  # annotations only: the store is passed in, never imported at run time
    from litkg.graph.store import GraphStore

__all__ = [
    "role_rank_sql", "FIRST_EVIDENCE", "FIRST_SENTENCE", "search_clause",
    "paper_exists", "paper_by_ident", "papers_with_id", "paper_keys", "paper_titles", "paper_title_year",
    "list_papers", "count_papers", "paper_rows", "paper_nodes", "paper_idents",
    "concept_row", "concepts_by_norm", "concept_names", "concept_rows", "concept_aliases", "concepts_per_type",
    "edges_per_role",
    "linked_concepts", "ranked_concepts", "first_unknown_type", "first_unknown_role",
    "edges_with_evidence", "concept_users", "paper_roles", "parts_of", "co_used", "timeline_counts",
    "methods_on", "used_concept_keys", "edge_pairs", "edges_among", "edges_of_papers",
    "edges_of_concepts", "paper_edges", "relations", "relations_among", "relations_touching",
    "co_occurring", "array_values_contain",
]


def keys_param(keys: Iterable[str]) -> str:
    """A list of keys as the one JSON parameter ``json_each`` reads."""
    return json.dumps(list(keys))


def in_types(column: str, types: Sequence[str] | None, prefix: str = "AND") -> tuple[str, tuple]:
    """``AND column IN (?, …)`` and its parameters; nothing for ``types=None`` (any type)."""
    if types is None:
        return "", ()
    return f"{prefix} {column} IN ({','.join('?' * len(types))})", tuple(types)


def _rows(store: GraphStore, sql: str, params: tuple, limit: int | None) -> list[tuple]:
    """The rows of ``sql``, at most ``limit`` of them (None: all)."""
    if limit is not None:
        sql, params = f"{sql} LIMIT ?", (*params, limit)
    return store.conn.execute(sql, params).fetchall()


# -- shared fragments ---------------------------------------------------------------------------

def role_rank_sql(column: str) -> str:
    """An SQL expression ranking the role in ``column`` as :data:`~litkg.records.ROLES` orders them.

    >>> role_rank_sql("e.role")
    "CASE e.role WHEN 'proposes' THEN 0 WHEN 'evaluates_on' THEN 1 WHEN 'compares_with' THEN 2 ELSE 3 END"
    """
    ranks = " ".join(f"WHEN '{role}' THEN {rank}" for rank, role in enumerate(ROLES[:-1]))
    return f"CASE {column} {ranks} ELSE {len(ROLES) - 1} END"


def _first_evidence_of(alias: str) -> str:
    """A paper ``p``'s evidence rows ``alias`` for the edge ``e``, first row only: title before
    abstract, then by offset (the one rule of which sentence speaks for an edge)."""
    return (f"FROM evidence {alias} WHERE {alias}.pid = p.pid AND {alias}.concept_key = e.concept_key "
            f"ORDER BY {alias}.field = 'abstract', {alias}.start LIMIT 1")


#: Joins ``v``, the first evidence row of the edge ``e`` of the paper ``p``; ``v.field`` and
#: ``v.sentence`` are NULL for an edge without evidence. The rows of one edge are next to each
#: other in the table (clustered by paper id): one seek finds them.
FIRST_EVIDENCE = ("LEFT JOIN evidence v ON v.pid = p.pid AND v.concept_key = e.concept_key "
                  f"AND (v.field, v.start) = (SELECT v2.field, v2.start {_first_evidence_of('v2')})")
#: The sentence of :data:`FIRST_EVIDENCE` alone, as a column (NULL without evidence): one seek an
#: edge instead of two (papers-using at 1M papers, 2,882 rows: 79 -> 75 ms median).
FIRST_SENTENCE = f"(SELECT v.sentence {_first_evidence_of('v')})"


def search_clause(search: str | None) -> tuple[str, tuple]:
    """``WHERE`` over papers ``p`` whose title, key, id, DOI or arXiv id contains ``search``
    (case-insensitive, ``%`` and ``_`` taken literally); nothing for an empty search.

    >>> search_clause("  ")
    ('', ())
    >>> search_clause("50%")[1][0]
    '%50\\\\%%'
    """
    if not search or not search.strip():
        return "", ()
    needle = "%" + search.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    fields = ("p.title", "p.key", "p.id", "p.doi", "p.arxiv_id")
    return ("WHERE " + " OR ".join(f"lower(coalesce({f}, '')) LIKE ? ESCAPE '\\'" for f in fields),
            (needle,) * len(fields))


# -- papers -------------------------------------------------------------------------------------

def paper_exists(store: GraphStore, key: str) -> bool:
    return store.conn.execute("SELECT 1 FROM papers WHERE key = ?", (key,)).fetchone() is not None


def paper_by_ident(store: GraphStore, ident: str) -> str | None:
    """The key of the paper with the identifier ``ident`` (``doi:…``, ``arxiv:…``, ``title:…``)."""
    row = store.conn.execute("SELECT paper_key FROM paper_idents WHERE ident=?", (ident,)).fetchone()
    return row[0] if row else None


def papers_with_id(store: GraphStore, pid: str, limit: int) -> list[str]:
    """Keys of the papers whose input id is ``pid``, in key order (at most ``limit``)."""
    return [k for (k,) in store.conn.execute("SELECT key FROM papers WHERE id=? ORDER BY key LIMIT ?", (pid, limit))]


def paper_keys(store: GraphStore, among: Iterable[str] | None = None) -> Iterator[str]:
    """The keys of every paper (or of those of ``among`` that are stored), in key order (streamed)."""
    if among is None:
        rows = store.conn.execute("SELECT key FROM papers ORDER BY key")
    else:
        rows = store.conn.execute("SELECT key FROM papers WHERE key IN (SELECT value FROM json_each(?)) "
                                  "ORDER BY key", (keys_param(sorted(set(among))),))
    return (key for (key,) in rows)


def paper_titles(store: GraphStore, keys: Iterable[str]) -> dict[str, str]:
    """key → title of the papers ``keys``."""
    return dict(store.conn.execute("SELECT key, title FROM papers WHERE key IN (SELECT value FROM json_each(?))",
                                   (keys_param(keys),)))


def paper_title_year(store: GraphStore, key: str) -> tuple[str, int | None]:
    return store.conn.execute("SELECT title, year FROM papers WHERE key = ?", (key,)).fetchone()


def list_papers(store: GraphStore, search: str | None, limit: int | None) -> list[tuple]:
    """``(key, id, year, title, concepts)`` newest first, then by title and key (see
    :func:`search_clause`)."""
    where, params = search_clause(search)
    return _rows(store, "SELECT p.key, p.id, p.year, p.title, (SELECT COUNT(*) FROM edges e WHERE e.paper_key = "
                        f"p.key) FROM papers p {where} ORDER BY p.year IS NULL, p.year DESC, lower(p.title), p.key",
                 params, limit)


def count_papers(store: GraphStore, search: str | None) -> int:
    where, params = search_clause(search)
    return store.conn.execute(f"SELECT COUNT(*) FROM papers p {where}", params).fetchone()[0]


def paper_rows(store: GraphStore) -> Iterator[tuple]:
    """``(key, id, title, abstract, authors JSON, year, date, venue, url, doi, arxiv_id, upvotes)``
    of every paper, in key order (streamed)."""
    return store.conn.execute("SELECT key, id, title, abstract, authors, year, date, venue, url, doi, arxiv_id, "
                              "upvotes FROM papers ORDER BY key")


def paper_nodes(store: GraphStore) -> Iterator[tuple]:
    """``(key, title, year, date, venue, url, authors JSON, doi, arxiv_id)`` of every paper, in the
    order they were stored."""
    return store.conn.execute("SELECT key, title, year, date, venue, url, authors, doi, arxiv_id FROM papers")


def paper_idents(store: GraphStore) -> Iterator[tuple[str, str]]:
    """``(paper key, ident)`` sorted by both."""
    return store.conn.execute("SELECT paper_key, ident FROM paper_idents ORDER BY paper_key, ident")


# -- concepts -----------------------------------------------------------------------------------

def concept_row(store: GraphStore, key: str) -> tuple[str, str, str, str] | None:
    """``(key, name, type, origin)`` of the concept keyed ``key``, if there is one."""
    return store.conn.execute("SELECT key, name, type, origin FROM concepts WHERE key = ?", (key,)).fetchone()


def concepts_by_norm(store: GraphStore, norm: str) -> list[tuple[str, str, str, str]]:
    """``(key, name, type, origin)`` of the concepts one of whose spellings has the normal form
    ``norm`` (:func:`litkg.extract.normalise.concept_norm`), gazetteer concepts first, then by key."""
    return store.conn.execute(
        "SELECT c.key, c.name, c.type, c.origin FROM concept_aliases a JOIN concepts c ON c.key = a.concept_key "
        "WHERE a.norm = ? ORDER BY c.origin = 'gazetteer' DESC, c.key", (norm,)).fetchall()


def concept_names(store: GraphStore, keys: Iterable[str] | None = None) -> dict[str, str]:
    """key → name of the concepts ``keys`` (None: all)."""
    if keys is None:
        return dict(store.conn.execute("SELECT key, name FROM concepts"))
    return dict(store.conn.execute("SELECT key, name FROM concepts WHERE key IN (SELECT value FROM json_each(?))",
                                   (keys_param(keys),)))


def concept_rows(store: GraphStore, concept_type: str | None = None, *, in_key_order: bool = True) -> Iterator[tuple]:
    """``(key, name, type, origin)`` of the concepts (of ``concept_type``), in key order or in
    the order they were stored."""
    where, params = ("WHERE type = ?", (concept_type,)) if concept_type is not None else ("", ())
    order = "ORDER BY key" if in_key_order else ""
    return store.conn.execute(f"SELECT key, name, type, origin FROM concepts {where} {order}", params)


def concept_aliases(store: GraphStore, *, with_norms: bool = False) -> Iterator[tuple]:
    """``(concept key, alias)`` (with ``with_norms``: ``(concept key, alias, norm)`` sorted by
    concept key), each concept's aliases in the order they were stored."""
    if with_norms:
        return store.conn.execute("SELECT concept_key, alias, norm FROM concept_aliases ORDER BY concept_key, rowid")
    return store.conn.execute("SELECT concept_key, alias FROM concept_aliases ORDER BY rowid")


def concepts_per_type(store: GraphStore) -> dict[str, int]:
    return dict(store.conn.execute("SELECT type, COUNT(*) FROM concepts GROUP BY type"))


def edges_per_role(store: GraphStore) -> dict[str, int]:
    return dict(store.conn.execute("SELECT role, COUNT(*) FROM edges GROUP BY role"))


def linked_concepts(store: GraphStore) -> int:
    """How many concepts some paper has an edge to."""
    return store.conn.execute("SELECT COUNT(DISTINCT concept_key) FROM edges").fetchone()[0]


def ranked_concepts(store: GraphStore, types: Sequence[str], limit: int | None) -> list[tuple]:
    """``(key, name, type, papers)`` of the used concepts of ``types``, most used first, then by
    name and key."""
    where, params = in_types("c.type", types, "WHERE")
    return _rows(store, f"SELECT c.key, c.name, c.type, COUNT(*) AS papers FROM edges e JOIN concepts c "
                        f"ON c.key = e.concept_key {where} GROUP BY c.key ORDER BY papers DESC, c.name, c.key",
                 params, limit)


def first_unknown_type(store: GraphStore, types: Sequence[str]) -> tuple[str, str] | None:
    """``(key, type)`` of a concept whose type is not one of ``types``, if any."""
    return store.conn.execute("SELECT key, type FROM concepts WHERE type NOT IN (SELECT value FROM json_each(?)) "
                              "LIMIT 1", (keys_param(types),)).fetchone()


def first_unknown_role(store: GraphStore, roles: Sequence[str]) -> tuple[str, str, str] | None:
    """``(paper key, concept key, role)`` of an edge whose role is not one of ``roles``, if any."""
    return store.conn.execute("SELECT paper_key, concept_key, role FROM edges WHERE role NOT IN "
                              "(SELECT value FROM json_each(?)) LIMIT 1", (keys_param(roles),)).fetchone()


# -- edges --------------------------------------------------------------------------------------

def edges_with_evidence(store: GraphStore, role: str | None = None, *, in_key_order: bool = True) -> Iterator[tuple]:
    """``(paper key, concept key, role, confidence, field, sentence)`` of every edge (of ``role``),
    with its first evidence (:data:`FIRST_EVIDENCE`; None without one), sorted by paper and
    concept or in the order the edges were stored."""
    where, params = ("WHERE e.role = ?", (role,)) if role is not None else ("", ())
    order = "e.paper_key, e.concept_key" if in_key_order else "e.rowid"
    return store.conn.execute(f"SELECT e.paper_key, e.concept_key, e.role, e.confidence, v.field, v.sentence "
                              f"FROM edges e JOIN papers p ON p.key = e.paper_key {FIRST_EVIDENCE} {where} "
                              f"ORDER BY {order}", params)


def concept_users(store: GraphStore, keys: Sequence[str]) -> list[tuple]:
    """``(paper key, title, year, concept name, concept key, role, confidence, evidence sentence)``
    of the edges to ``keys``: strongest role first, then newest paper, paper key, concept key."""
    return store.conn.execute(
        f"SELECT p.key, p.title, p.year, c.name, c.key, e.role, e.confidence, {FIRST_SENTENCE} "
        f"FROM edges e JOIN papers p ON p.pid = e.pid JOIN concepts c ON c.key = e.concept_key "
        f"WHERE e.concept_key IN (SELECT value FROM json_each(?)) "
        f"ORDER BY {role_rank_sql('e.role')}, p.year DESC, p.key, c.key", (keys_param(keys),)).fetchall()


def paper_roles(store: GraphStore, key: str) -> Iterator[tuple[str, str]]:
    """``(role, concept name)`` of one paper's edges."""
    return store.conn.execute("SELECT e.role, c.name FROM edges e JOIN concepts c ON c.key = e.concept_key "
                              "WHERE e.paper_key = ?", (key,))


def paper_edges(store: GraphStore, keys: Iterable[str] | None = None) -> Iterator[tuple[str, str, str]]:
    """``(paper key, role, concept key)`` of the edges of the papers ``keys`` (None: all), sorted
    by paper and concept."""
    where, params = ("WHERE paper_key IN (SELECT value FROM json_each(?))", (keys_param(keys),)) if keys is not None \
        else ("", ())
    return store.conn.execute(f"SELECT paper_key, role, concept_key FROM edges {where} "
                              "ORDER BY paper_key, concept_key", params)


def co_used(store: GraphStore, keys: Sequence[str], type_: str | None, limit: int | None) -> list[tuple]:
    """``(key, name, type, papers)`` of the concepts (of ``type_``) that papers using one of
    ``keys`` also use, by how many such papers, then name and key; ``keys`` left out."""
    named: dict[str, object] = {"keys": keys_param(keys)}
    if type_ is not None:
        named["type"] = type_
    sql = f"""
        WITH target(key) AS (SELECT value FROM json_each(:keys)),
        users AS (SELECT DISTINCT paper_key FROM edges WHERE concept_key IN (SELECT key FROM target))
        SELECT c.key, c.name, c.type, COUNT(*) AS papers
        FROM users u JOIN edges e ON e.paper_key = u.paper_key JOIN concepts c ON c.key = e.concept_key
        WHERE e.concept_key NOT IN (SELECT key FROM target) {"AND c.type = :type" if type_ is not None else ""}
        GROUP BY c.key ORDER BY papers DESC, c.name, c.key
    """
    if limit is not None:
        sql += " LIMIT :limit"
        named["limit"] = limit
    return store.conn.execute(sql, named).fetchall()


#: ``timeline`` periods: a paper's year, or the month of a full ISO date (a bare year has none).
_PERIODS = {"year": "CAST(p.year AS TEXT)",
            "month": "CASE WHEN p.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' THEN substr(p.date, 1, 7) END"}


def timeline_counts(store: GraphStore, keys: Sequence[str], by: str) -> list[tuple[str, int]]:
    """``(period, papers)`` of the papers using one of ``keys``, per ``by`` (``year`` or
    ``month``); papers without one come last as ``"unknown"``."""
    return store.conn.execute(
        f"SELECT COALESCE({_PERIODS[by]}, 'unknown') AS period, COUNT(*) FROM papers p "
        "WHERE p.key IN (SELECT paper_key FROM edges WHERE concept_key IN (SELECT value FROM json_each(?))) "
        "GROUP BY period ORDER BY period = 'unknown', period", (keys_param(keys),)).fetchall()


def methods_on(store: GraphStore, keys: Sequence[str], types: Sequence[str]) -> list[tuple]:
    """``(key, name, type, papers)`` of the concepts of ``types`` that papers evaluating on one of
    ``keys`` propose or use, by how many such papers, then name and key."""
    where, params = in_types("c.type", types)
    return store.conn.execute(
        f"""
        WITH evaluating AS (SELECT DISTINCT paper_key FROM edges
                            WHERE role = 'evaluates_on' AND concept_key IN (SELECT value FROM json_each(?)))
        SELECT c.key, c.name, c.type, COUNT(*) AS papers
        FROM evaluating v JOIN edges e ON e.paper_key = v.paper_key JOIN concepts c ON c.key = e.concept_key
        WHERE e.role IN ('proposes', 'uses') {where}
        GROUP BY c.key ORDER BY papers DESC, c.name, c.key
        """, (keys_param(keys), *params)).fetchall()


# -- concept pairs ---------------------------------------------------------------------------

def used_concept_keys(store: GraphStore, types: Sequence[str] | None) -> list[str]:
    """Keys of the concepts (of ``types``) some paper uses, in key order."""
    where, params = in_types("c.type", types, "WHERE")
    return [k for (k,) in store.conn.execute(
        f"SELECT DISTINCT e.concept_key FROM edges e JOIN concepts c ON c.key = e.concept_key {where} "
        "ORDER BY e.concept_key", params)]


def edge_pairs(store: GraphStore, types: Sequence[str] | None) -> Iterator[tuple[str, str]]:
    """``(paper key, concept key)`` of every edge to a concept of ``types`` (streamed)."""
    where, params = in_types("c.type", types, "WHERE")
    return store.conn.execute(
        f"SELECT e.paper_key, e.concept_key FROM edges e JOIN concepts c ON c.key = e.concept_key {where}", params)


def co_occurring(store: GraphStore, a: Sequence[str], b: Sequence[str]) -> set[tuple[str, str]]:
    """The pairs (one of ``a``, one of ``b``) that some paper uses both of."""
    return set(store.conn.execute(
        "SELECT DISTINCT a.concept_key, b.concept_key FROM edges a JOIN edges b ON b.paper_key = a.paper_key "
        "WHERE a.concept_key IN (SELECT value FROM json_each(?)) AND b.concept_key IN (SELECT value FROM json_each(?))",
        (keys_param(a), keys_param(b))).fetchall())


# -- walking the graph --------------------------------------------------------------------------

def edges_among(store: GraphStore, papers: Sequence[str], concepts: Sequence[str]) -> list[tuple[str, str, str]]:
    """``(paper key, concept key, role)`` of the edges between ``papers`` and ``concepts``."""
    return store.conn.execute(
        "SELECT paper_key, concept_key, role FROM edges WHERE paper_key IN (SELECT value FROM json_each(?)) "
        "AND concept_key IN (SELECT value FROM json_each(?))", (keys_param(papers), keys_param(concepts))).fetchall()


def edges_of_papers(store: GraphStore, papers: Sequence[str]) -> Iterator[tuple[str, str]]:
    """``(paper key, concept key)`` of the edges of ``papers``."""
    return store.conn.execute("SELECT paper_key, concept_key FROM edges WHERE paper_key IN "
                              "(SELECT value FROM json_each(?))", (keys_param(papers),))


def edges_of_concepts(store: GraphStore, concepts: Sequence[str]) -> Iterator[tuple[str, str]]:
    """``(paper key, concept key)`` of the edges to ``concepts``."""
    return store.conn.execute("SELECT paper_key, concept_key FROM edges WHERE concept_key IN "
                              "(SELECT value FROM json_each(?))", (keys_param(concepts),))


def relations(store: GraphStore, *, in_key_order: bool = False) -> Iterator[tuple[str, str, str]]:
    """``(src, rel, dst)`` of every concept relation, sorted or in the order they were stored."""
    order = "ORDER BY src, rel, dst" if in_key_order else ""
    return store.conn.execute(f"SELECT src, rel, dst FROM concept_relations {order}")


def parts_of(store: GraphStore, keys: Sequence[str]) -> list[str]:
    """Concepts ``part_of`` one of ``keys`` (one level)."""
    return [src for (src,) in store.conn.execute(
        "SELECT src FROM concept_relations WHERE rel='part_of' AND dst IN (SELECT value FROM json_each(?))",
        (keys_param(keys),))]


def relations_among(store: GraphStore, concepts: Sequence[str]) -> list[tuple[str, str, str]]:
    """``(src, dst, rel)`` of the relations between two of ``concepts``."""
    return store.conn.execute(
        "SELECT src, dst, rel FROM concept_relations WHERE src IN (SELECT value FROM json_each(:c)) "
        "AND dst IN (SELECT value FROM json_each(:c))", {"c": keys_param(concepts)}).fetchall()


def relations_touching(store: GraphStore, concepts: Sequence[str]) -> Iterator[tuple[str, str]]:
    """``(src, dst)`` of the relations from or to one of ``concepts``."""
    return store.conn.execute(
        "SELECT src, dst FROM concept_relations WHERE src IN (SELECT value FROM json_each(:c)) "
        "OR dst IN (SELECT value FROM json_each(:c))", {"c": keys_param(concepts)})


# -- exports ------------------------------------------------------------------------------------

def array_values_contain(store: GraphStore, text: str) -> bool:
    """Whether ``text`` occurs in an element of a list property: an author, an identifier, an
    alias or its normal form (the Neo4j CSV export's array delimiter must not)."""
    checks = ("SELECT 1 FROM papers, json_each(papers.authors) WHERE instr(json_each.value, ?) > 0 LIMIT 1",
              "SELECT 1 FROM paper_idents WHERE instr(ident, ?) > 0 LIMIT 1",
              "SELECT 1 FROM concept_aliases WHERE instr(alias, ?) > 0 OR instr(norm, ?) > 0 LIMIT 1")
    return any(store.conn.execute(sql, (text,) * sql.count("?")).fetchone() for sql in checks)
