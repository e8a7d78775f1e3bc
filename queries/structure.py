"""The shape of the graph: ``neighbourhood``, ``path``, ``communities`` and ``gaps``.

The graph here is undirected and bipartite-plus: papers link to the concepts they name (the edge
carries the role), and concepts link to concepts by ``part_of`` / ``variant_of``. Node ids are
those of :mod:`litkg.graph.nxgraph`: ``"paper:<key>"`` and ``"concept:<key>"``. Walks read one
hop at a time from SQL, so a query touches only the part of the graph it reaches.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from litkg.errors import QueryError
from litkg.graph import sql
from litkg.graph.nxgraph import concept_node, paper_node
from litkg.graph.view_nodes import walk
from litkg.graph.store import GraphStore
from litkg.queries.concepts import check_limit, check_types, ranked_concepts, row_json
from litkg.queries.defaults import COMMUNITY_MIN_SIZE, COMMUNITY_SEED, COMMUNITY_TYPES, GAPS_TOP, RADIUS
from litkg.queries.resolve import resolve_node
from litkg.queries.usage import METHOD_TYPES
from litkg.records import DATA_TYPES

__all__ = ["Neighbourhood", "neighbourhood", "PathStep", "path", "Community", "communities", "Gap", "gaps"]

_PAPER, _CONCEPT = "paper:", "concept:"


@dataclass(frozen=True)
class Neighbourhood:
    """The nodes within some hops of a node, and every edge between them (sorted)."""

    nodes: tuple[str, ...]
    edges: tuple[tuple[str, str, str], ...]  # (paper, concept, role) or (concept, concept, rel)

    def to_json(self) -> dict:
        return row_json(self)


def neighbourhood(store: GraphStore, node: str, *, radius: int = RADIUS) -> Neighbourhood:
    """The nodes at most ``radius`` undirected hops from ``node``, and the edges among them.

    Parameters
    ----------
    store:
        An open store.
    node:
        A paper (key, id, DOI, arXiv id or title), a concept name in any spelling (one that
        several concepts share starts from all of them), or a node id ``paper:…``/``concept:…``.
    radius:
        Hops, 0 or more.

    Returns
    -------
    Neighbourhood
        The induced subgraph, as :func:`networkx.ego_graph` with ``undirected=True`` gives it.

    Raises
    ------
    NotFoundError
        When ``node`` names no paper and no concept.
    """
    if isinstance(radius, bool) or not isinstance(radius, int) or radius < 0:
        raise QueryError(f"radius must be a non-negative integer, not {radius!r}")
    # The walk of the ego view too: the view of a node's graph holds these nodes.
    seen = walk(resolve_node(store, node), radius, lambda frontier: (v for _, v in _hops(store, frontier)))
    papers, concepts = _split(seen)
    edges = sql.edges_among(store, papers, concepts)
    relations = sql.relations_among(store, concepts)
    links = [(paper_node(p), concept_node(c), role) for p, c, role in edges]
    links += [(concept_node(s), concept_node(d), rel) for s, d, rel in relations]
    return Neighbourhood(tuple(sorted(seen)), tuple(sorted(links)))


@dataclass(frozen=True)
class PathStep:
    """One node on a path: its id, ``kind`` ("paper" or "concept") and label (title or name)."""

    node: str
    kind: str
    label: str

    def to_json(self) -> dict:
        return row_json(self)


def path(store: GraphStore, a: str, b: str) -> list[PathStep]:
    """A shortest undirected path from ``a`` to ``b`` (papers or concepts, as for :func:`neighbourhood`).

    Breadth-first from ``a``, one SQL hop per level; among equally short paths the one through
    the smallest node ids is returned, so the answer is stable.

    Returns
    -------
    list of PathStep
        From ``a`` to ``b`` inclusive; one step when they are the same node; empty when they
        are not connected.

    Raises
    ------
    NotFoundError
        When ``a`` or ``b`` names no paper and no concept.
    """
    starts, goals = set(resolve_node(store, a)), set(resolve_node(store, b))
    parent: dict[str, str | None] = dict.fromkeys(starts)
    frontier = sorted(starts)
    reached = sorted(starts & goals)
    while frontier and not reached:
        found: dict[str, str] = {}
        for u, v in sorted(_hops(store, frontier)):
            if v not in parent and v not in found:
                found[v] = u
        parent.update(found)
        frontier = sorted(found)
        reached = sorted(goals.intersection(found))
    if not reached:
        return []
    steps = [reached[0]]
    while parent[steps[-1]] is not None:
        steps.append(parent[steps[-1]])
    return _label(store, steps[::-1])


@dataclass(frozen=True)
class Community:
    """Concepts used together; named by its three most used members."""

    name: str
    members: tuple[str, ...]  # names, most used first
    size: int

    def to_json(self) -> dict:
        return row_json(self)


def communities(store: GraphStore, *, types: Sequence[str] = COMMUNITY_TYPES, min_size: int = COMMUNITY_MIN_SIZE,
                seed: int = COMMUNITY_SEED) -> list[Community]:
    """Groups of concepts used together, by Louvain modularity on the co-usage graph.

    Two concepts are linked with weight = the number of papers using both (a sparse product of
    the paper × concept matrix). Concepts are added to the graph in key order and Louvain runs
    with ``seed``, so the result is reproducible.

    Returns
    -------
    list of Community
        Those with at least ``min_size`` members, by size desc then name. Members are ordered by
        papers using them desc, then name; each concept is in at most one community.
    """
    # networkx and scipy are needed here only: imported here, so the other questions start without them.
    import networkx as nx

    from litkg.queries._matrix import co_usage_matrix, load_incidence

    types = check_types(types)
    check_limit(min_size, "min_size")
    incidence = load_incidence(store, types)
    co = co_usage_matrix(incidence).tocoo()
    df = incidence.df
    graph = nx.Graph()
    graph.add_nodes_from(range(len(incidence.concept_keys)))
    graph.add_weighted_edges_from((int(i), int(j), int(w)) for i, j, w in zip(co.row, co.col, co.data) if i < j)
    names = sql.concept_names(store)
    index = {k: i for i, k in enumerate(incidence.concept_keys)}
    found = []
    for group in nx.community.louvain_communities(graph, weight="weight", seed=seed):
        if len(group) < min_size:
            continue
        keys = sorted((incidence.concept_keys[i] for i in group), key=lambda k: (-df[index[k]], names[k], k))
        members = tuple(names[k] for k in keys)
        found.append(Community(" / ".join(members[:3]), members, len(members)))
    return sorted(found, key=lambda c: (-c.size, c.name, c.members))


@dataclass(frozen=True)
class Gap:
    """A popular method and a popular benchmark that no paper uses together."""

    method: str
    benchmark: str
    method_papers: int
    benchmark_papers: int

    def to_json(self) -> dict:
        return row_json(self)


def gaps(store: GraphStore, *, methods: int = GAPS_TOP, benchmarks: int = GAPS_TOP) -> list[Gap]:
    """Pairs of a top method and a top benchmark never seen in the same paper.

    The top ``methods`` concepts of type method or model and the top ``benchmarks`` of type
    dataset or benchmark, each by papers using them (ties by name, then key, as in
    :func:`~litkg.queries.concepts.top_concepts`), are crossed; pairs some paper uses both of are
    dropped.

    Returns
    -------
    list of Gap
        Ranked by ``method_papers * benchmark_papers`` desc, then method name, then benchmark
        name.
    """
    top_methods = ranked_concepts(store, METHOD_TYPES, check_limit(methods, "methods"))
    top_data = ranked_concepts(store, DATA_TYPES, check_limit(benchmarks, "benchmarks"))
    together = sql.co_occurring(store, [m.key for m in top_methods], [d.key for d in top_data])
    found = [(m, d) for m in top_methods for d in top_data if (m.key, d.key) not in together]
    found.sort(key=lambda md: (-md[0].papers * md[1].papers, md[0].name, md[1].name, md[0].key, md[1].key))
    return [Gap(m.name, d.name, m.papers, d.papers) for m, d in found]


# -- walking the graph ------------------------------------------------------------------------


def _split(nodes: Iterable[str]) -> tuple[list[str], list[str]]:
    papers = sorted(n[len(_PAPER):] for n in nodes if n.startswith(_PAPER))
    concepts = sorted(n[len(_CONCEPT):] for n in nodes if n.startswith(_CONCEPT))
    return papers, concepts


def _hops(store: GraphStore, nodes: Sequence[str]) -> list[tuple[str, str]]:
    """(from, to) for every undirected edge leaving ``nodes``."""
    papers, concepts = _split(nodes)
    found = [(paper_node(p), concept_node(c)) for p, c in sql.edges_of_papers(store, papers)]
    found += [(concept_node(c), paper_node(p)) for p, c in sql.edges_of_concepts(store, concepts)]
    asked = set(concepts)
    for src, dst in sql.relations_touching(store, concepts):
        if src in asked:
            found.append((concept_node(src), concept_node(dst)))
        if dst in asked:
            found.append((concept_node(dst), concept_node(src)))
    return found


def _label(store: GraphStore, nodes: list[str]) -> list[PathStep]:
    papers, concepts = _split(nodes)
    titles = sql.paper_titles(store, papers)
    names = sql.concept_names(store, concepts)
    return [PathStep(n, "paper", titles[n[len(_PAPER):]]) if n.startswith(_PAPER)
            else PathStep(n, "concept", names[n[len(_CONCEPT):]]) for n in nodes]
