"""Small helpers the views share: node kinds, neighbours, hop distances, focus resolution."""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable

from litkg.errors import NotFoundError, QueryError

__all__ = [
    "concept_name",
    "copy_attrs",
    "degrees_within",
    "kind_of",
    "neighbours",
    "nodes_of_kind",
    "papers_of",
    "resolve_focus",
    "successors",
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
    hops = {centre: 0}
    queue = deque([centre])
    while queue:
        node = queue.popleft()
        if hops[node] == radius:
            continue
        for nbr in neighbours(graph, node):
            if nbr not in hops:
                hops[nbr] = hops[node] + 1
                queue.append(nbr)
    return hops


def degrees_within(graph, nodes) -> dict:
    return {n: len({m for m in neighbours(graph, n) if m in nodes and m != n}) for n in nodes}


def copy_attrs(attrs) -> dict:
    # A new dict with new lists, so editing the view can never reach the caller's graph.
    return {k: (list(v) if isinstance(v, (list, set, tuple)) else v) for k, v in attrs.items()}


def year_of(graph, node) -> int:
    year = graph.nodes[node].get("year")
    return year if isinstance(year, int) and not isinstance(year, bool) else 0


_SEPARATORS = re.compile(r"[\s\-_\u2010-\u2015]+")


def _normalise(text) -> str:
    return _SEPARATORS.sub("", str(text).casefold())


def resolve_focus(graph, focus: str):
    """The one node ``focus`` names: a node id, then a key, then a name, then an alias or title."""
    if focus in graph:
        return focus
    want = _normalise(focus)
    tiers: list[set] = [set(), set(), set()]
    for n, attrs in graph.nodes(data=True):
        if _normalise(n) == want or _normalise(attrs.get("key", "")) == want:
            tiers[0].add(n)
        elif _normalise(attrs.get("name", "")) == want:
            tiers[1].add(n)
        elif any(_normalise(a) == want for a in attrs.get("aliases") or ()) or (
            _normalise(attrs.get("title", "")) == want
        ):
            tiers[2].add(n)
    for found in tiers:
        if len(found) == 1:
            return next(iter(found))
        if found:
            some = ", ".join(sorted(map(str, found))[:5])
            raise QueryError(f"{focus!r} matches several nodes: {some}",
                             hint="pass the node id, e.g. concept:<key> or paper:<key>")
    raise NotFoundError(f"no paper or concept matches {focus!r}")
