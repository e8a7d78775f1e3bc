"""Counts that describe a store (``litkg stats``)."""
from __future__ import annotations

from litkg.graph import sql
from litkg.graph.store import GraphStore
from litkg.records import CONCEPT_TYPES, ROLES

__all__ = ["store_stats"]


def store_stats(store: GraphStore) -> dict:
    """Papers, sources, concepts by type and edges by role.

    Every type and role is present in the result, with 0 when the store has none, so the JSON
    shape does not depend on the data.
    """
    by_type = dict.fromkeys(CONCEPT_TYPES, 0)
    by_type.update(sql.concepts_per_type(store))
    by_role = dict.fromkeys(ROLES, 0)
    by_role.update(sql.edges_per_role(store))
    return {
        "papers": store.count("papers"),
        "sources": store.count("paper_sources"),
        "concepts": store.count("concepts"),
        "concepts_linked": sql.linked_concepts(store),
        "concepts_by_type": by_type,
        "edges": store.count("edges"),
        "edges_by_role": by_role,
        "relations": store.count("concept_relations"),
    }
