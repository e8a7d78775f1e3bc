"""A networkx view of a store: paper and concept nodes, typed edges.

Node ids are ``"paper:<key>"`` and ``"concept:<key>"``. Paper→concept edges carry ``role``,
``confidence``, ``evidence`` (the first sentence naming the concept) and ``field``;
concept→concept edges carry ``rel`` (``part_of`` or ``variant_of``).
"""
from __future__ import annotations

import json

import networkx as nx

from litkg.graph.store import GraphStore

__all__ = ["to_networkx", "paper_node", "concept_node"]


def paper_node(key: str) -> str:
    return f"paper:{key}"


def concept_node(key: str) -> str:
    return f"concept:{key}"


def to_networkx(store: GraphStore) -> nx.DiGraph:
    """The whole store as a new DiGraph (O(papers + concepts + edges))."""
    graph = nx.DiGraph()
    conn = store.conn
    for key, title, year, date, venue, url, authors, doi, arxiv_id in conn.execute(
        "SELECT key, title, year, date, venue, url, authors, doi, arxiv_id FROM papers"
    ):
        graph.add_node(paper_node(key), kind="paper", key=key, title=title, year=year, date=date,
                       venue=venue, url=url, authors=json.loads(authors), doi=doi,
                       arxiv_id=arxiv_id)
    aliases: dict[str, list[str]] = {}
    for key, alias in conn.execute("SELECT concept_key, alias FROM concept_aliases ORDER BY rowid"):
        aliases.setdefault(key, []).append(alias)
    for key, name, type_, origin in conn.execute("SELECT key, name, type, origin FROM concepts"):
        graph.add_node(concept_node(key), kind="concept", key=key, name=name, type=type_, origin=origin,
                       aliases=aliases.get(key, []))
    evidence = {}
    for paper_key, concept_key, field, sentence in conn.execute(
        "SELECT paper_key, concept_key, field, sentence FROM evidence ORDER BY paper_key, concept_key, "
        "field = 'abstract', start"
    ):
        evidence.setdefault((paper_key, concept_key), (field, sentence))
    for paper_key, concept_key, role, confidence in conn.execute(
        "SELECT paper_key, concept_key, role, confidence FROM edges"
    ):
        field, sentence = evidence.get((paper_key, concept_key), ("", ""))
        graph.add_edge(paper_node(paper_key), concept_node(concept_key), kind="mention", role=role,
                       confidence=confidence, evidence=sentence, field=field)
    for src, rel, dst in conn.execute("SELECT src, rel, dst FROM concept_relations"):
        graph.add_edge(concept_node(src), concept_node(dst), kind="relation", rel=rel)
    return graph
