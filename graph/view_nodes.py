"""Small helpers the views share: node kinds, neighbours, hop distances, the graph's nodes for the
one resolver (:mod:`litkg.queries.resolve`)."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from litkg.extract.normalise import concept_norm
from litkg.graph.store import ConceptRow
from litkg.identity import paper_identifiers
from litkg.queries.resolve import Nodes, resolve_one_node
from litkg.records import Paper

__all__ = [
    "GraphNodes",
    "concept_name",
    "copy_attrs",
    "degrees_within",
    "kind_of",
    "neighbours",
    "nodes_of_kind",
    "papers_of",
    "resolve_focus",
    "successors",
    "walk",
    "within",
    "year_of",
]


def kind_of(graph, node) -> str | None:
    kind = graph.nodes[node].get("kind")
    if kind is None and isinstance(node, str):
        # Hand-built graphs sometimes omit ``kind``; the id prefix says the same.
        kind = node.partition(":")[0] if ":" in node else None
    return kind


def nodes_of_kind(graph, kind: str) -> list:
    return sorted(n for n in graph if kind_of(graph, n) == kind)


def papers_of(graph, concept) -> set:
    near = graph.pred[concept] if graph.is_directed() else graph.adj[concept]
    return {p for p in near if kind_of(graph, p) == "paper"}


def concept_name(graph, concept) -> str:
    attrs = graph.nodes[concept]
    return str(attrs.get("name") or attrs.get("key") or concept)


def successors(graph, node):
    return graph.succ[node] if graph.is_directed() else graph.adj[node]


def neighbours(graph, node) -> Iterable:
    if graph.is_directed():
        yield from graph.succ[node]
        yield from graph.pred[node]
    else:
        yield from graph.adj[node]


def within(graph, centre, radius: int) -> dict:
    """Hop distance of every node at most ``radius`` hops from ``centre``, ignoring direction."""
    return walk([centre], radius, lambda frontier: (m for n in frontier for m in neighbours(graph, n)))


def walk(starts: Iterable, radius: int, step: Callable[[list], Iterable]) -> dict:
    """Hop distance of every node at most ``radius`` hops from ``starts``: breadth-first, one
    level at a time, ``step(frontier)`` giving the neighbours of the nodes found last (a store
    answers a level with one query). The one walk of the ego view and ``litkg query
    neighbourhood`` (:func:`litkg.queries.structure.neighbourhood`).

    >>> walk(["a"], 2, lambda frontier: [n + "x" for n in frontier])
    {'a': 0, 'ax': 1, 'axx': 2}
    """
    hops = dict.fromkeys(starts, 0)
    frontier = list(hops)
    for level in range(1, radius + 1):
        found = [n for n in dict.fromkeys(step(frontier)) if n not in hops]
        if not found:
            break
        hops.update(dict.fromkeys(found, level))
        frontier = found
    return hops


def degrees_within(graph, nodes) -> dict:
    return {n: len({m for m in neighbours(graph, n) if m in nodes and m != n}) for n in nodes}


def copy_attrs(attrs) -> dict:
    # A new dict with new lists, so editing the view can never reach the caller's graph.
    return {k: (list(v) if isinstance(v, (list, set, tuple)) else v) for k, v in attrs.items()}


def year_of(graph, node) -> int:
    year = graph.nodes[node].get("year")
    return year if isinstance(year, int) and not isinstance(year, bool) else 0


class GraphNodes(Nodes):
    """The resolver's reads of a knowledge graph (:func:`litkg.graph.nxgraph.to_networkx`'s, or one
    built by hand): papers by ``key``, by the identifiers of their ``doi``, ``arxiv_id`` and
    ``title`` (and ``idents``, when a node has them) and by input ``id``; concepts by ``key``, and
    by the normal form of their ``name`` and ``aliases``. Built once, O(nodes)."""

    def __init__(self, graph) -> None:
        self._papers: set[str] = set()
        self._idents: dict[str, str] = {}
        self._ids: dict[str, list[str]] = {}
        self._concepts: dict[str, ConceptRow] = {}
        self._norms: dict[str, list[ConceptRow]] = {}
        for node, attrs in graph.nodes(data=True):
            kind = kind_of(graph, node)
            key = str(attrs.get("key") or str(node).partition(":")[2])
            if kind == "paper":
                self._add_paper(key, attrs)
            elif kind == "concept":
                row = ConceptRow(key, str(attrs.get("name") or key), attrs.get("type"), attrs.get("origin"))
                self._concepts[key] = row
                for norm in {concept_norm(str(a)) for a in (row.name, *(attrs.get("aliases") or ()))}:
                    self._norms.setdefault(norm, []).append(row)
        for rows in self._norms.values():
            rows.sort(key=lambda r: (r.origin != "gazetteer", r.key))

    def _add_paper(self, key: str, attrs) -> None:
        self._papers.add(key)
        record = Paper(title=str(attrs.get("title") or ""), doi=attrs.get("doi"), arxiv_id=attrs.get("arxiv_id"))
        for ident in (*paper_identifiers(record), *(attrs.get("idents") or ())):
            self._idents.setdefault(ident, key)
        if attrs.get("id") is not None:
            self._ids.setdefault(str(attrs["id"]), []).append(key)

    def has_paper(self, key: str) -> bool:
        return key in self._papers

    def paper_by_ident(self, ident: str) -> str | None:
        return self._idents.get(ident)

    def papers_with_id(self, pid: str, limit: int) -> list[str]:
        return sorted(self._ids.get(pid, ()))[:limit]

    def concept(self, key: str) -> ConceptRow | None:
        return self._concepts.get(key)

    def concepts_by_norm(self, norm: str) -> list[ConceptRow]:
        return list(self._norms.get(norm, ()))


def resolve_focus(graph, focus: str):
    """The one node ``focus`` names in ``graph``, by litkg's one rule (:mod:`litkg.queries.resolve`):
    a node id, a paper (key, DOI, arXiv id, title, id), a concept (any spelling, or its key)."""
    if focus in graph:
        return focus
    return resolve_one_node(GraphNodes(graph), str(focus))
