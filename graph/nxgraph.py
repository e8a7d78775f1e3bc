"""A networkx view of a store: paper and concept nodes, typed edges.

Node ids are ``"paper:<key>"`` and ``"concept:<key>"``. Paper→concept edges carry ``role``,
``confidence``, ``evidence`` (the first sentence naming the concept) and ``field``;
concept→concept edges carry ``rel`` (``part_of`` or ``variant_of``).
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from litkg.graph import sql

if TYPE_CHECKING:
    import networkx as nx

    from litkg.graph.store import GraphStore

__all__ = ["to_networkx", "paper_node", "concept_node"]


def paper_node(key: str) -> str:
    return f"paper:{key}"


def concept_node(key: str) -> str:
    return f"concept:{key}"


def to_networkx(store: GraphStore) -> nx.DiGraph:
    """The whole store as a new DiGraph (O(papers + concepts + edges)), nodes and edges in the
    order they were stored."""
    import networkx as nx  # here, not at the top: the node ids above are used by commands that draw no graph

    graph = nx.DiGraph()
    for key, title, year, date, venue, url, authors, doi, arxiv_id in sql.paper_nodes(store):
        graph.add_node(paper_node(key), kind="paper", key=key, title=title, year=year, date=date,
                       venue=venue, url=url, authors=json.loads(authors), doi=doi,
                       arxiv_id=arxiv_id)
    aliases: dict[str, list[str]] = {}
    for key, alias in sql.concept_aliases(store):
        aliases.setdefault(key, []).append(alias)
    for key, name, type_, origin in sql.concept_rows(store, in_key_order=False):
        graph.add_node(concept_node(key), kind="concept", key=key, name=name, type=type_, origin=origin,
                       aliases=aliases.get(key, []))
    for paper_key, concept_key, role, confidence, field, sentence in sql.edges_with_evidence(store, in_key_order=False):
        graph.add_edge(paper_node(paper_key), concept_node(concept_key), kind="mention", role=role,
                       confidence=confidence, evidence=sentence or "", field=field or "")
    for src, rel, dst in sql.relations(store):
        graph.add_edge(concept_node(src), concept_node(dst), kind="relation", rel=rel)
    return graph
