"""The Neo4j graph model of litkg: labels, relationship types, rows and the Cypher that writes them.

::

    (:Paper {key, title, year, ...})
        -[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH {confidence, evidence, field}]->
    (:Concept:Dataset|:Concept:Benchmark|:Concept:Model|:Concept:Method {key, name, type, aliases, alias_norms})
    (:Concept)-[:PART_OF|VARIANT_OF]->(:Concept)

Labels and relationship types come only from the fixed sets below (they cannot be parameters in
Cypher, so they are the one thing interpolated into query text, and only after a lookup in these
tables). Every value travels as a parameter: each writing query is ``UNWIND $rows AS row …``.

The ``*_rows`` readers turn a :class:`~litkg.graph.store.GraphStore` into the rows both the
transactional writer (:mod:`litkg.graph.neo4j_push`) and the bulk CSV export
(:mod:`litkg.graph.neo4j_export`) use, so the two paths hold the same properties.
"""
from __future__ import annotations

import json
from itertools import groupby
from operator import itemgetter
from types import MappingProxyType
from typing import Callable, Iterable, Iterator

from litkg.errors import LitkgError, Neo4jConnectionError
from litkg.graph.store import GraphStore
from litkg.records import CONCEPT_TYPES, ROLES

__all__ = [
    "PAPER_LABEL", "CONCEPT_LABEL", "TYPE_LABELS", "ROLE_TYPES", "RELATION_TYPES", "MENTION_TYPES",
    "type_label", "role_type", "relation_type",
    "schema_statements", "merge_papers", "add_type_label", "remove_other_type_labels", "merge_concepts",
    "prune_mentions", "merge_mentions", "mention_list", "merge_relations", "create_mentions", "count_graph",
    "paper_rows", "concept_rows", "mention_rows", "keep_rows", "relation_rows",
    "Neo4jAuthError", "Neo4jQueryError", "Neo4jUriError", "Neo4jInterruptedError",
]

PAPER_LABEL = "Paper"
CONCEPT_LABEL = "Concept"
#: Concept type → its second label.
TYPE_LABELS = MappingProxyType({"dataset": "Dataset", "benchmark": "Benchmark", "model": "Model", "method": "Method"})
#: Edge role → relationship type from a paper to a concept.
ROLE_TYPES = MappingProxyType({"proposes": "PROPOSES", "uses": "USES", "evaluates_on": "EVALUATES_ON",
                               "compares_with": "COMPARES_WITH"})
#: Concept relation → relationship type between concepts.
RELATION_TYPES = MappingProxyType({"part_of": "PART_OF", "variant_of": "VARIANT_OF"})
#: ``PROPOSES|USES|EVALUATES_ON|COMPARES_WITH``, for patterns over every paper–concept type.
MENTION_TYPES = "|".join(ROLE_TYPES[role] for role in ROLES)

_MENTION_COLUMNS = ("UNWIND $rows AS row WITH row[0] AS paper, row[1] AS concept, row[2] AS confidence, "
                    "row[3] AS evidence, row[4] AS field")


class Neo4jAuthError(Neo4jConnectionError):
    """The server refused the user name or password."""

    code = "E501"
    hint = "check --user and NEO4J_PASSWORD (or --password)"


class Neo4jUriError(Neo4jConnectionError):
    """The Neo4j URI is malformed or names a scheme litkg does not speak (nothing was sent)."""

    code = "E503"
    hint = ("a URI looks like bolt://host:7687 or neo4j://host:7687; with TLS bolt+s:// or neo4j+s:// "
            "(+ssc for a self-signed certificate)")


class Neo4jInterruptedError(Neo4jConnectionError):
    """A push lost its server and ran out of retries; what it committed is kept, and pushing the
    same store again completes it without duplicates."""

    code = "E504"
    hint = ("push again when the server is back: what was written is matched, not duplicated "
            "(--retry-for waits longer for a restarting server)")


class Neo4jQueryError(LitkgError):
    """The server rejected a query (a bad ad-hoc query, a missing parameter, a constraint)."""

    code = "E502"
    hint = "check the query and its --param values; 'litkg neo4j queries' lists the library"

    def __init__(self, message: str, *, server_code: str | None = None, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.server_code = server_code


# -- fixed names ----------------------------------------------------------------------------------

def _lookup(table, value: str, what: str) -> str:
    try:
        return table[value]
    except KeyError:
        raise ValueError(f"unknown {what} {value!r}; expected one of {sorted(table)}") from None


def type_label(concept_type: str) -> str:
    """The label of a concept type (``"dataset"`` → ``"Dataset"``); ValueError for anything else."""
    return _lookup(TYPE_LABELS, concept_type, "concept type")


def role_type(role: str) -> str:
    """The relationship type of an edge role (``"evaluates_on"`` → ``"EVALUATES_ON"``)."""
    return _lookup(ROLE_TYPES, role, "role")


def relation_type(rel: str) -> str:
    """The relationship type of a concept relation (``"part_of"`` → ``"PART_OF"``)."""
    return _lookup(RELATION_TYPES, rel, "relation")


# -- Cypher text: pure functions, values only as $parameters ---------------------------------------

def schema_statements() -> tuple[str, ...]:
    """Uniqueness constraints on the paper and concept keys, then indexes; all idempotent.

    >>> schema_statements()[0]
    'CREATE CONSTRAINT litkg_paper_key IF NOT EXISTS FOR (p:Paper) REQUIRE p.key IS UNIQUE'
    """
    return (
        "CREATE CONSTRAINT litkg_paper_key IF NOT EXISTS FOR (p:Paper) REQUIRE p.key IS UNIQUE",
        "CREATE CONSTRAINT litkg_concept_key IF NOT EXISTS FOR (c:Concept) REQUIRE c.key IS UNIQUE",
        "CREATE INDEX litkg_concept_name IF NOT EXISTS FOR (c:Concept) ON (c.name)",
        "CREATE INDEX litkg_concept_type IF NOT EXISTS FOR (c:Concept) ON (c.type)",
        "CREATE INDEX litkg_paper_year IF NOT EXISTS FOR (p:Paper) ON (p.year)",
    )


def merge_papers() -> str:
    """Upsert papers: ``$rows`` of ``{key, props}``; ``props`` replaces what the store holds.

    Returns the keys of the papers that were there before (only their relationships can be stale,
    see :func:`prune_mentions`).
    """
    return ("UNWIND $rows AS row OPTIONAL MATCH (old:Paper {key: row.key}) "
            "WITH row, old IS NOT NULL AS existed "
            "MERGE (p:Paper {key: row.key}) SET p += row.props "
            "WITH row, existed WHERE existed RETURN row.key AS key")


def add_type_label(concept_type: str) -> str:
    """First half of a type change: give existing concepts of ``$rows`` the label of their new type.

    Returns the keys it relabelled, for :func:`remove_other_type_labels`.

    A concept whose type changed between builds (a discovered name later found in the gazetteer)
    is relabelled in two transactions, this one and :func:`remove_other_type_labels`: some
    Bolt servers (ArcadeDB) reject adding and removing labels of one node in one transaction.
    """
    label = type_label(concept_type)
    others = " OR ".join(f"c:{TYPE_LABELS[t]}" for t in CONCEPT_TYPES if t != concept_type)
    # Concepts that already carry the new label but still another one are returned too: a push
    # that died between the two halves finishes the change the next time.
    return (f"UNWIND $rows AS row MATCH (c:Concept {{key: row.key}}) WHERE NOT c:{label} OR {others} "
            f"SET c:{label} RETURN c.key AS key")


def remove_other_type_labels(concept_type: str) -> str:
    """Second half of a type change: drop the other type labels of concepts of ``$rows``."""
    label = type_label(concept_type)
    others = [TYPE_LABELS[t] for t in CONCEPT_TYPES if t != concept_type]
    test = " OR ".join(f"c:{other}" for other in others)
    return (f"UNWIND $rows AS row MATCH (c:Concept:{label} {{key: row.key}}) WHERE {test} "
            f"REMOVE c:{':'.join(others)}")


def merge_concepts(concept_type: str) -> str:
    """Upsert concepts of one type: ``$rows`` of ``{key, props}``."""
    label = type_label(concept_type)
    return f"UNWIND $rows AS row MERGE (c:Concept:{label} {{key: row.key}}) SET c += row.props"


def prune_mentions() -> str:
    """Delete paper→concept relationships the store no longer has.

    ``$rows`` of ``{key, keep}``: ``keep`` lists ``[TYPE, concept key]`` pairs of the paper's
    current edges; its other litkg relationships (an old role, a dropped concept) go.
    """
    return (f"UNWIND $rows AS row MATCH (p:Paper {{key: row.key}})-[r:{MENTION_TYPES}]->(c:Concept) "
            "WHERE NOT [type(r), c.key] IN row.keep DELETE r")


def merge_mentions(role: str) -> str:
    """Upsert paper→concept relationships of one role.

    ``$rows`` are lists ``[paper key, concept key, confidence, evidence, field]`` (see
    :func:`mention_list`): the bulk of a push, and lists cost the driver half the encoding time of
    maps.
    """
    rel = role_type(role)
    return (f"{_MENTION_COLUMNS} MATCH (p:Paper {{key: paper}}) MATCH (c:Concept {{key: concept}}) "
            f"MERGE (p)-[r:{rel}]->(c) SET r.confidence = confidence, r.evidence = evidence, r.field = field")


def create_mentions(role: str) -> str:
    """The bare ``CREATE`` twin of :func:`merge_mentions`, same rows (not idempotent; for the bench)."""
    rel = role_type(role)
    return (f"{_MENTION_COLUMNS} MATCH (p:Paper {{key: paper}}) MATCH (c:Concept {{key: concept}}) "
            f"CREATE (p)-[r:{rel}]->(c) SET r.confidence = confidence, r.evidence = evidence, r.field = field")


def mention_list(row: dict) -> list:
    """A :func:`mention_rows` row as the list :func:`merge_mentions` takes."""
    props = row["props"]
    return [row["paper"], row["concept"], props["confidence"], props["evidence"], props["field"]]


def merge_relations(rel: str) -> str:
    """Upsert concept→concept relationships of one kind: ``$rows`` of ``{src, dst}``."""
    kind = relation_type(rel)
    return ("UNWIND $rows AS row MATCH (a:Concept {key: row.src}) MATCH (b:Concept {key: row.dst}) "
            f"MERGE (a)-[:{kind}]->(b)")


def count_graph() -> str:
    """Counts of litkg's nodes and relationships: one row ``{papers, concepts, mentions, relations}``."""
    return (
        "CALL { MATCH (p:Paper) RETURN count(p) AS papers } "
        "CALL { MATCH (c:Concept) RETURN count(c) AS concepts } "
        f"CALL {{ MATCH (:Paper)-[r:{MENTION_TYPES}]->(:Concept) RETURN count(r) AS mentions }} "
        "CALL { MATCH (:Concept)-[r:PART_OF|VARIANT_OF]->(:Concept) RETURN count(r) AS relations } "
        "RETURN papers, concepts, mentions, relations"
    )


# -- rows from the store --------------------------------------------------------------------------
# Every reader streams: lists (idents, aliases, kept edges) are joined in key order from a second
# cursor, so memory does not grow with the store.

def _lists_by_key(cursor: Iterable[tuple]) -> Callable[[str], list]:
    """For keys asked in ascending order: the rows (minus the key) ``cursor``, sorted by key, has."""
    groups = groupby(cursor, key=itemgetter(0))
    current = next(groups, None)

    def lookup(key: str) -> list:
        nonlocal current
        while current is not None and current[0] < key:
            current = next(groups, None)
        if current is None or current[0] != key:
            return []
        found = [row[1:] for row in current[1]]
        current = next(groups, None)
        return found

    return lookup


def paper_rows(store: GraphStore) -> Iterator[dict]:
    """One ``{key, props}`` per paper, in key order; ``props`` holds no None (Neo4j stores no nulls)."""
    idents = _lists_by_key(store.conn.execute("SELECT paper_key, ident FROM paper_idents ORDER BY paper_key, ident"))
    for row in store.conn.execute(
        "SELECT key, id, title, abstract, authors, year, date, venue, url, doi, arxiv_id, upvotes "
        "FROM papers ORDER BY key"
    ):
        key, pid, title, abstract, authors, year, date, venue, url, doi, arxiv_id, upvotes = row
        # No authors is no property (as in the bulk-import files), not an empty list.
        props = {"key": key, "id": pid, "title": title, "abstract": abstract, "authors": json.loads(authors) or None,
                 "year": year, "date": date, "venue": venue, "url": url, "doi": doi, "arxiv_id": arxiv_id,
                 "upvotes": upvotes, "idents": [ident for (ident,) in idents(key)]}
        yield {"key": key, "props": {k: v for k, v in props.items() if v is not None}}


def concept_rows(store: GraphStore, concept_type: str | None = None) -> Iterator[dict]:
    """One ``{key, type, props}`` per concept (of ``concept_type``, if given), in key order, with its
    spellings and their normal forms."""
    aliases = _lists_by_key(store.conn.execute(
        "SELECT concept_key, alias, norm FROM concept_aliases ORDER BY concept_key, rowid"))
    where, params = ("WHERE type = ?", (concept_type,)) if concept_type is not None else ("", ())
    for key, name, type_, origin in store.conn.execute(
            f"SELECT key, name, type, origin FROM concepts {where} ORDER BY key", params):
        spellings = aliases(key)
        props = {"key": key, "name": name, "type": type_, "origin": origin,
                 "aliases": list(dict.fromkeys(alias for alias, _ in spellings)),
                 "alias_norms": [norm for _, norm in spellings]}
        yield {"key": key, "type": type_, "props": props}


def mention_rows(store: GraphStore, role: str | None = None) -> Iterator[dict]:
    """One ``{paper, concept, role, props}`` per paper→concept edge (of ``role``, if given);
    ``props`` has the confidence and the evidence.

    ``evidence`` is the first sentence naming the concept (title before abstract), the same one
    ``litkg query papers-using`` shows.
    """
    where, params = ("WHERE e.role = ?", (role,)) if role is not None else ("", ())
    sql = f"""
        SELECT e.paper_key, e.concept_key, e.role, e.confidence, v.field, v.sentence
        FROM edges e LEFT JOIN evidence v ON v.rowid = (
            SELECT v2.rowid FROM evidence v2 WHERE v2.paper_key = e.paper_key AND v2.concept_key = e.concept_key
            ORDER BY v2.field = 'abstract', v2.start LIMIT 1)
        {where}
        ORDER BY e.paper_key, e.concept_key
    """
    for paper, concept, role_, confidence, field, sentence in store.conn.execute(sql, params):
        yield {"paper": paper, "concept": concept, "role": role_,
               "props": {"confidence": confidence, "evidence": sentence or "", "field": field or ""}}


def keep_rows(store: GraphStore, keys: Iterable[str] | None = None) -> Iterator[dict]:
    """One ``{key, keep}`` per paper (of ``keys``, if given) for :func:`prune_mentions`: its current
    ``[TYPE, concept key]`` pairs."""
    if keys is None:
        papers, where, params = "SELECT key FROM papers ORDER BY key", "", ()
    else:
        wanted = json.dumps(sorted(set(keys)))
        papers = "SELECT key FROM papers WHERE key IN (SELECT value FROM json_each(?)) ORDER BY key"
        where, params = "WHERE paper_key IN (SELECT value FROM json_each(?))", (wanted,)
    edges = _lists_by_key(store.conn.execute(
        f"SELECT paper_key, role, concept_key FROM edges {where} ORDER BY paper_key, concept_key", params))
    for (key,) in store.conn.execute(papers, params):
        yield {"key": key, "keep": [[ROLE_TYPES.get(role, role), concept] for role, concept in edges(key)]}


def relation_rows(store: GraphStore) -> Iterator[dict]:
    """One ``{src, rel, dst}`` per concept→concept relation."""
    for src, rel, dst in store.conn.execute("SELECT src, rel, dst FROM concept_relations ORDER BY src, rel, dst"):
        yield {"src": src, "rel": rel, "dst": dst}
