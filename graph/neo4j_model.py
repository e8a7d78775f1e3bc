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
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

# The Neo4j errors live in litkg.errors; they are importable from here too, where they were first.
from litkg.errors import Neo4jAuthError, Neo4jInterruptedError, Neo4jQueryError, Neo4jUriError
from litkg.graph import sql
from litkg.records import CONCEPT_TYPES, ROLES

if TYPE_CHECKING:
    from litkg.graph.store import GraphStore

__all__ = [
    "DEFAULT_URI", "DEFAULT_USER", "DEFAULT_DATABASE", "DEFAULT_BATCH_SIZE", "DEFAULT_RETRY_FOR",
    "PAPER_LABEL", "CONCEPT_LABEL", "TYPE_LABELS", "ROLE_TYPES", "RELATION_TYPES", "MENTION_TYPES",
    "type_label", "role_type", "relation_type", "role_rank_cypher",
    "schema_statements", "merge_papers", "add_type_label", "remove_other_type_labels", "merge_concepts",
    "prune_mentions", "merge_mentions", "mention_list", "merge_relations", "create_mentions", "count_graph",
    "paper_rows", "concept_rows", "mention_rows", "keep_rows", "relation_rows",
    "Neo4jAuthError", "Neo4jQueryError", "Neo4jUriError", "Neo4jInterruptedError",
]

# Where a push goes and how, unless told otherwise: one value each, for the CLI options, the
# environment fallbacks (Neo4jSettings.from_env), the writer and the bulk-import command.
DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_USER = "neo4j"
DEFAULT_DATABASE = "neo4j"
#: Rows per transaction of a push.
DEFAULT_BATCH_SIZE = 2000
#: Seconds a push keeps retrying a batch after its first transient failure (a server restart).
DEFAULT_RETRY_FOR = 60.0

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


def role_rank_cypher(rel_type: str) -> str:
    """A Cypher expression ranking the relationship type ``rel_type`` (an expression such as
    ``type(r)``) as :data:`~litkg.records.ROLES` orders roles, strongest first; the library's
    ``{{ role_rank(…) }}`` (see :mod:`litkg.queries.cypher_library`).

    >>> role_rank_cypher("type(r)")
    "CASE type(r) WHEN 'PROPOSES' THEN 0 WHEN 'EVALUATES_ON' THEN 1 WHEN 'COMPARES_WITH' THEN 2 ELSE 3 END"
    """
    ranks = " ".join(f"WHEN '{ROLE_TYPES[role]}' THEN {rank}" for rank, role in enumerate(ROLES[:-1]))
    return f"CASE {rel_type} {ranks} ELSE {len(ROLES) - 1} END"


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
    idents = _lists_by_key(sql.paper_idents(store))
    for row in sql.paper_rows(store):
        key, pid, title, abstract, authors, year, date, venue, url, doi, arxiv_id, upvotes = row
        # No authors is no property (as in the bulk-import files), not an empty list.
        props = {"key": key, "id": pid, "title": title, "abstract": abstract, "authors": json.loads(authors) or None,
                 "year": year, "date": date, "venue": venue, "url": url, "doi": doi, "arxiv_id": arxiv_id,
                 "upvotes": upvotes, "idents": [ident for (ident,) in idents(key)]}
        yield {"key": key, "props": {k: v for k, v in props.items() if v is not None}}


def concept_rows(store: GraphStore, concept_type: str | None = None) -> Iterator[dict]:
    """One ``{key, type, props}`` per concept (of ``concept_type``, if given), in key order, with its
    spellings and their normal forms."""
    aliases = _lists_by_key(sql.concept_aliases(store, with_norms=True))
    for key, name, type_, origin in sql.concept_rows(store, concept_type):
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
    for paper, concept, role_, confidence, field, sentence in sql.edges_with_evidence(store, role):
        yield {"paper": paper, "concept": concept, "role": role_,
               "props": {"confidence": confidence, "evidence": sentence or "", "field": field or ""}}


def keep_rows(store: GraphStore, keys: Iterable[str] | None = None) -> Iterator[dict]:
    """One ``{key, keep}`` per paper (of ``keys``, if given) for :func:`prune_mentions`: its current
    ``[TYPE, concept key]`` pairs."""
    wanted = None if keys is None else sorted(set(keys))
    edges = _lists_by_key(sql.paper_edges(store, wanted))
    for key in sql.paper_keys(store, wanted):
        yield {"key": key, "keep": [[ROLE_TYPES.get(role, role), concept] for role, concept in edges(key)]}


def relation_rows(store: GraphStore) -> Iterator[dict]:
    """One ``{src, rel, dst}`` per concept→concept relation."""
    for src, rel, dst in sql.relations(store, in_key_order=True):
        yield {"src": src, "rel": rel, "dst": dst}
