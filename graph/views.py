"""Choosing what an HTML graph view shows: pure functions from the knowledge graph to a small graph.

A view never touches the caller's graph: it reads it and builds a new one holding only what the
page should draw, capped at ``max_nodes``. Drawing is :mod:`litkg.graph.render`'s job.

The four views are

``overview``
    The most used concepts and the papers that mention them (mention and relation edges).
``ego``
    Everything within ``radius`` hops of one paper or concept, ignoring edge direction.
``shared-datasets``
    A paper–paper graph: two papers are linked when they mention the same dataset or benchmark;
    the edge's ``weight`` counts the shared concepts and ``shared`` names them. With ``focus`` (a
    dataset, or a paper) only the papers using it (sharing one with it). Too many papers for
    the cap: a summary instead (:mod:`litkg.graph.view_summary`), topical groups of papers and
    the datasets that connect them.
``concept-map``
    A concept–concept graph: two concepts are linked when papers mention both; ``weight`` counts
    those papers, and ``rel`` carries a ``part_of``/``variant_of`` relation when there is one.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from litkg.errors import QueryError
from litkg.records import DATA_TYPES

from .view_nodes import (
    concept_name,
    copy_attrs,
    degrees_within,
    kind_of,
    nodes_of_kind,
    papers_of,
    resolve_focus,
    successors,
    within,
    year_of,
)
from .view_summary import summarise_shared_datasets

__all__ = ["VIEWS", "FOCUS_VIEWS", "ViewGraph", "select_view", "store_focus"]

#: The view names :func:`select_view` accepts, in the order the CLI lists them.
VIEWS = ("overview", "ego", "shared-datasets", "concept-map")
#: The views that take a ``focus``.
FOCUS_VIEWS = ("ego", "shared-datasets")

# A dataset used by a large share of the corpus (ImageNet, COCO) links nearly every vision paper to
# every other: it says little, and its pairs grow with the square of its papers. Such concepts are
# left out of shared-datasets, and the page says so. "Large" is relative to the corpus: more than
# this share of the papers using any dataset, and never fewer than the floor below.
_COMMON_CONCEPT_SHARE = 0.05
_COMMON_CONCEPT_PAPERS = 150
# How much each role towards the focus counts when an ego view of a hub ranks its papers.
_ROLE_WEIGHT = {"proposes": 3, "evaluates_on": 2, "compares_with": 1, "uses": 0}
# Upper bound on paper pairs shared-datasets will count, so the time stays bounded whatever the
# corpus looks like; rare (most telling) datasets are counted first.
_PAIR_BUDGET = 1_500_000
# shared-datasets summarises (groups of papers, not papers) above the cap and this many papers.
_SUMMARY_MIN = 1000
# A paper mentioning this many concepts is a survey; its pairs would swamp the concept map.
_SURVEY_CONCEPTS = 40
# In the overview under a cap, this share of the page goes to concepts, the rest to their papers.
_OVERVIEW_CONCEPT_SHARE = 4
# The paper–paper and concept–concept views can be dense (100,000 links among 2,000 nodes), which
# no browser draws well: they keep the strongest links, this many per node shown.
_EDGES_PER_NODE = 8


@dataclass(frozen=True)
class ViewGraph:
    """What one page shows.

    Attributes
    ----------
    graph : networkx.Graph
        A new graph owned by the view (a ``DiGraph`` for overview and ego, a ``Graph`` for the
        paper–paper and concept–concept views). Node attributes are copies of the source's, and
        concept nodes carry ``n_papers``, the number of papers mentioning them in the whole graph.
    nodes_total : int
        How many nodes the view would have without the ``max_nodes`` cap.
    title : str
        A heading for the page (plain text; the renderer escapes it).
    notes : tuple of str
        Plain-text remarks for the page, e.g. which very common datasets were left out.
    focus : str, optional
        The ego view's centre (a node id); None for the other views.
    source : networkx.Graph, optional
        The graph the view was chosen from, read (never written) by the renderer to fill the
        details panel and to tell which searched names exist but were left out by the cap.
    summary : bool
        The nodes stand for groups of papers (``kind="group"``) rather than being a cut.
    """

    graph: nx.Graph
    nodes_total: int
    title: str
    notes: tuple[str, ...] = ()
    focus: str | None = None
    source: nx.Graph | None = field(default=None, compare=False, repr=False)
    summary: bool = False

    @property
    def capped(self) -> bool:
        """True when the cap left nodes out."""
        return self.graph.number_of_nodes() < self.nodes_total


def select_view(graph, view="overview", *, focus=None, radius=1, max_nodes=500) -> ViewGraph:
    """Build the graph one HTML view shows.

    Parameters
    ----------
    graph : networkx.DiGraph
        The knowledge graph: ``paper:*`` and ``concept:*`` nodes with a ``kind`` attribute,
        paper→concept ``mention`` edges and concept→concept ``relation`` edges. Not modified.
    view : str
        One of :data:`VIEWS`.
    focus : str, optional
        For ``ego`` (required there) and ``shared-datasets``: a node id, a paper key, a concept
        key, or a concept's name or alias, found by litkg's one rule
        (:mod:`litkg.queries.resolve`): names match in any spelling
        (:func:`litkg.extract.normalise.concept_norm`), papers by key, DOI, arXiv id or title.
    radius : int
        For ``ego``: how many hops from the focus, ignoring edge direction.
    max_nodes : int
        At most this many nodes are kept, the most relevant first: concepts by how many papers
        use them; papers by the rarity-weighted sum of the kept concepts they mention, then
        recency; in an ego view the nearest, then (for papers) by their role towards the focus.
        Ties are broken by node id. Nodes the cap left without any edge are dropped.

    Returns
    -------
    ViewGraph

    Raises
    ------
    QueryError
        Unknown view, a bad ``radius``/``max_nodes``, ``focus`` missing for ego or given for
        overview or concept-map, or a focus that names several nodes.
    NotFoundError
        No paper or concept matches ``focus``.

    Notes
    -----
    Time is linear in the graph's size except for the pair counting of shared-datasets (bounded
    by a pair budget, rare datasets first) and concept-map (pairs within each paper's concepts;
    surveys with very many concepts are skipped).

    Examples
    --------
    >>> g = nx.DiGraph()
    >>> g.add_node("paper:p1", kind="paper", key="p1", title="A", year=2020)
    >>> g.add_node("concept:mnist", kind="concept", key="mnist", name="MNIST", type="dataset")
    >>> g.add_edge("paper:p1", "concept:mnist", kind="mention", role="uses")
    >>> v = select_view(g, "ego", focus="mnist")
    >>> sorted(v.graph), v.nodes_total
    (['concept:mnist', 'paper:p1'], 2)
    """
    _check_arguments(view, focus, radius, max_nodes)
    if view == "ego":
        return _ego(graph, str(focus), radius, max_nodes)
    if view == "shared-datasets":
        return _shared_datasets(graph, max_nodes, None if focus is None else str(focus))
    if view == "overview":
        return _overview(graph, max_nodes)
    return _concept_map(graph, max_nodes)


def _check_arguments(view, focus, radius, max_nodes) -> None:
    if view not in VIEWS:
        raise QueryError(f"unknown view {view!r}", hint=f"choose one of: {', '.join(VIEWS)}")
    if isinstance(max_nodes, bool) or not isinstance(max_nodes, int) or max_nodes < 1:
        raise QueryError(f"max_nodes must be a positive integer, not {max_nodes!r}")
    if view == "ego":
        if focus is None or not str(focus).strip():
            raise QueryError("the ego view needs a focus: a paper or concept key, name or alias")
        if isinstance(radius, bool) or not isinstance(radius, int) or radius < 0:
            raise QueryError(f"radius must be a non-negative integer, not {radius!r}")
    elif focus is not None and view not in FOCUS_VIEWS:
        raise QueryError(f"focus only applies to the ego and shared-datasets views, not {view!r}")


def store_focus(store, focus: str) -> str:
    """``focus`` for :func:`select_view` on a store's graph: the node id the one resolver
    (:func:`litkg.queries.resolve.resolve_one_node`) finds in the store for it, as ``litkg query
    neighbourhood`` does."""
    from litkg.queries.resolve import resolve_one_node

    return resolve_one_node(store, str(focus))


# --- the four views -------------------------------------------------------------------------


def _overview(graph, max_nodes: int) -> ViewGraph:
    concept_papers = {
        c: ps for c in nodes_of_kind(graph, "concept") if (ps := papers_of(graph, c))
    }
    papers = set().union(*concept_papers.values()) if concept_papers else set()
    total = len(concept_papers) + len(papers)
    title = "Overview: the most used concepts and their papers"
    if total <= max_nodes:
        keep = list(concept_papers) + sorted(papers)
        return ViewGraph(_induced(graph, keep, concept_papers), total, title, source=graph)

    # A plain degree cut would keep only concepts (a concept's degree dwarfs a paper's), so the
    # page is shared: the top concepts first, then the papers most tied to them.
    ranked = sorted(concept_papers, key=lambda c: (-len(concept_papers[c]), c))
    n_concepts = min(len(ranked), max(1, max_nodes // _OVERVIEW_CONCEPT_SHARE))
    kept = ranked[:n_concepts]
    ranked_papers = _rank_papers(graph, kept, concept_papers, len(papers))
    # Every kept concept first gets its best paper, so none is left alone on the page.
    best = []
    for c in kept:
        top = min(concept_papers[c], key=ranked_papers.get)
        best.append(top)
    order = sorted(set(best), key=ranked_papers.get) + sorted(ranked_papers, key=ranked_papers.get)
    chosen = list(dict.fromkeys(order))[: max_nodes - n_concepts]
    # Few papers to show: give the free places to the next concepts, each with a paper.
    room = max_nodes - n_concepts - len(chosen)
    have = set(chosen)
    for c in ranked[n_concepts:]:
        if room <= 0:
            break
        if not concept_papers[c] & have:
            if room < 2:
                continue
            best = min(concept_papers[c], key=lambda p: (-year_of(graph, p), p))
            chosen.append(best)
            have.add(best)
            room -= 1
        kept.append(c)
        room -= 1
    view = _drop_isolates(_induced(graph, kept + chosen, concept_papers))
    return ViewGraph(view, total, title, source=graph)


def _rank_papers(graph, concepts, concept_papers, n_papers: int) -> dict:
    """Rank (0 = best) of every paper mentioning one of ``concepts``: the sum of the rarity
    (log N/df) of the concepts it mentions, then recency, then id."""
    score: Counter = Counter()
    for c in concepts:
        weight = math.log((n_papers + 1) / len(concept_papers[c])) + 0.1
        for p in concept_papers[c]:
            score[p] += weight
    order = sorted(score, key=lambda p: (-round(score[p], 9), -year_of(graph, p), p))
    return {p: i for i, p in enumerate(order)}


def _ego(graph, focus: str, radius: int, max_nodes: int) -> ViewGraph:
    centre = resolve_focus(graph, focus)
    hops = within(graph, centre, radius)
    # Near nodes first; among equally near ones papers by their role towards the focus (a hub's
    # proposers and evaluators before its users), then the most connected, then the newest.
    degree = degrees_within(graph, hops)
    roles = _roles_towards(graph, centre)
    keep = sorted(hops, key=lambda n: (hops[n], -roles.get(n, -1), -degree[n],
                                       -year_of(graph, n), n))[:max_nodes]
    attrs = graph.nodes[centre]
    name = attrs.get("title") or attrs.get("name") or attrs.get("key") or centre
    title = f"Neighbourhood of {name} ({radius} hop{'s' if radius != 1 else ''})"
    view = _induced(graph, keep)
    if len(keep) < len(hops):
        view = _drop_isolates(view, keep=centre)
    notes = ()
    if len(hops) > len(keep):
        notes = (f"showing the {view.number_of_nodes() - 1:,} nearest and most relevant of "
                 f"{len(hops) - 1:,} neighbours: papers that propose or evaluate on it first, "
                 "then the most connected and newest",)
    return ViewGraph(view, len(hops), title, notes, focus=centre, source=graph)


def _roles_towards(graph, centre) -> dict:
    """How strongly each node next to ``centre`` relates to it by role (see _ROLE_WEIGHT)."""
    near = {p: _ROLE_WEIGHT.get(graph.edges[p, centre].get("role"), 0) for p in _preds(graph, centre)}
    if graph.is_directed():
        for c, attrs in graph.succ[centre].items():
            near[c] = _ROLE_WEIGHT.get(attrs.get("role"), 0)
    return near


def _preds(graph, node):
    return graph.pred[node] if graph.is_directed() else graph.adj[node]


def _shared_datasets(graph, max_nodes: int, focus=None) -> ViewGraph:
    data_concepts = [
        c for c in nodes_of_kind(graph, "concept") if graph.nodes[c].get("type") in DATA_TYPES
    ]
    by_papers = {c: sorted(papers_of(graph, c)) for c in data_concepts}
    title, centre = "Papers that share datasets or benchmarks", None
    if focus is not None:
        by_papers, title, centre = _around(graph, focus, by_papers)
    candidates = {p for ps in by_papers.values() if len(ps) > 1 for p in ps}
    if centre is None and len(candidates) > max(max_nodes, _SUMMARY_MIN):
        view, notes = summarise_shared_datasets(graph, by_papers, max_nodes,
                                                lambda c: concept_name(graph, c))
        return ViewGraph(view, len(candidates), "Groups of papers and the datasets they share",
                         tuple(notes), source=graph, summary=True)
    counted, left_out = _counted(by_papers)
    degree, links, total = _pair_links(graph, {c: by_papers[c] for c in counted}, max_nodes)
    view, dropped = _weighted_graph(graph, sorted(degree, key=lambda p: (-degree[p], p))[:max_nodes], links, total)
    notes = []
    if left_out:
        names = ", ".join(concept_name(graph, c) for c in sorted(
            left_out, key=lambda c: (-len(by_papers[c]), c))[:5])
        notes.append(f"left out {len(left_out)} dataset(s) used by very many papers ({names}"
                     f"{', …' if len(left_out) > 5 else ''}): they would link almost every paper")
    notes += dropped
    focus_node = centre if centre in view else None
    return ViewGraph(_drop_isolates(view, keep=focus_node), len(degree), title, tuple(notes),
                     focus=focus_node, source=graph)


def _counted(by_papers: dict) -> tuple[list, list]:
    """The concepts whose pairs of papers count, and those left out: used by very many papers, or
    beyond the pair budget (rare datasets first: they say most about two papers)."""
    order = sorted((c for c in by_papers if len(by_papers[c]) > 1), key=lambda c: (len(by_papers[c]), c))
    with_data = len(set().union(*by_papers.values())) if by_papers else 0
    common = max(_COMMON_CONCEPT_PAPERS, int(_COMMON_CONCEPT_SHARE * with_data))
    counted, left_out, budget = [], [], _PAIR_BUDGET
    for c in order:
        pairs = len(by_papers[c]) * (len(by_papers[c]) - 1) // 2
        if len(by_papers[c]) > common or pairs > budget:
            left_out.append(c)
        else:
            budget -= pairs
            counted.append(c)
    return counted, left_out


def _pair_links(graph, users: dict, max_nodes: int) -> tuple[dict, list, int]:
    """How many papers each paper shares a concept of ``users`` with; the strongest links among
    the ``max_nodes`` papers sharing with most (``weight``: how many concepts they share, the
    heaviest :data:`_EDGES_PER_NODE` per paper shown), and how many links they have in all. Pairs
    are counted as ``litkg query shared-datasets`` counts them (:func:`litkg.queries.shared.count_pairs`)."""
    import numpy as np

    from litkg.queries.shared import count_pairs

    pairs = count_pairs(users)
    per_paper = np.bincount(np.concatenate([pairs.a, pairs.b]), minlength=len(pairs.papers)).tolist()
    degree = {p: n for p, n in zip(pairs.papers, per_paper) if n}
    ranked = sorted(degree, key=lambda p: (-degree[p], p))[:max_nodes]
    row = {p: i for i, p in enumerate(pairs.papers)}
    kept = np.zeros(len(pairs.papers), dtype=bool)
    kept[[row[p] for p in ranked]] = True
    among = np.flatnonzero(kept[pairs.a] & kept[pairs.b])
    # Rows are in key order, so (-weight, row a, row b) is the page's order (-weight, id a, id b).
    order = np.lexsort((pairs.b[among], pairs.a[among], -pairs.count[among]))
    top = among[order][:_EDGES_PER_NODE * max(len(ranked), 1)]
    links = [(pairs.papers[i], pairs.papers[j],
              {"weight": n, "shared": sorted(concept_name(graph, c) for c in pairs.shared(i, j))})
             for i, j, n in zip(pairs.a[top].tolist(), pairs.b[top].tolist(), pairs.count[top].tolist())]
    return degree, links, len(among)


def _around(graph, focus: str, by_papers: dict):
    """``by_papers`` cut to the papers using the concept ``focus`` names (less the concept
    itself), or sharing a dataset with the paper it names; a title saying so; the focus node."""
    centre = resolve_focus(graph, focus)
    name = concept_name(graph, centre) if kind_of(graph, centre) == "concept" else \
        str(graph.nodes[centre].get("title") or centre)
    if kind_of(graph, centre) == "concept":  # all its papers use it: linked by the others
        keep = set(papers_of(graph, centre))
        title = f"Papers using {name}: the other datasets and benchmarks they share"
    else:
        keep = {centre}.union(*(by_papers.get(c, ()) for c in successors(graph, centre)))
        title = f"Papers that share datasets or benchmarks with {name}"
    cut = {c: [p for p in ps if p in keep] for c, ps in by_papers.items() if c != centre}
    return cut, title, centre


def _concept_map(graph, max_nodes: int) -> ViewGraph:
    together: Counter = Counter()
    surveys = 0
    for p in nodes_of_kind(graph, "paper"):
        cs = sorted(c for c in successors(graph, p) if kind_of(graph, c) == "concept")
        if len(cs) > _SURVEY_CONCEPTS:
            surveys += 1
            continue
        for i, a in enumerate(cs):
            for b in cs[i + 1 :]:
                together[a, b] += 1
    relations = {}
    for u, v, rel in graph.edges(data="rel"):
        if rel and kind_of(graph, u) == "concept" and kind_of(graph, v) == "concept" and u != v:
            relations[min(u, v), max(u, v)] = rel

    pairs = set(together) | set(relations)
    degree: Counter = Counter()
    for a, b in pairs:
        degree[a] += 1
        degree[b] += 1
    ranked = sorted(degree, key=lambda c: (-degree[c], c))[:max_nodes]
    keep = set(ranked)
    links = []
    for a, b in pairs:
        if a in keep and b in keep:
            attrs = {"weight": together.get((a, b), 0)}
            if (a, b) in relations:
                attrs["rel"] = relations[a, b]
            links.append((a, b, attrs))
    view, dropped = _weighted_graph(graph, ranked, links)
    for c in view:
        view.nodes[c]["n_papers"] = len(papers_of(graph, c))
    notes = [f"left out {surveys} paper(s) mentioning more than {_SURVEY_CONCEPTS} concepts"] \
        if surveys else []
    return ViewGraph(_drop_isolates(view), len(degree), "Concepts used together in papers",
                     tuple(notes + dropped), source=graph)


# --- helpers --------------------------------------------------------------------------------


def _weighted_graph(graph, ranked, links, total: int | None = None) -> tuple[nx.Graph, list[str]]:
    """An undirected graph on ``ranked`` with the strongest ``links``, and a note if some went
    (``total``: how many links there were, when ``links`` holds only the strongest)."""
    limit = _EDGES_PER_NODE * max(len(ranked), 1)
    total = len(links) if total is None else total
    # Heaviest first; ids break ties so the same input always gives the same page.
    links.sort(key=lambda link: (-link[2]["weight"], link[0], link[1]))
    view = nx.Graph()
    for n in ranked:
        view.add_node(n, **copy_attrs(graph.nodes[n]))
    for a, b, attrs in links[:limit]:
        view.add_edge(a, b, **attrs)
    if total <= limit:
        return view, []
    return view, [f"showing the {limit:,} strongest of {total:,} links"]


def _drop_isolates(view, keep=None):
    """``view`` without nodes the cap left with no edge (``keep`` stays whatever happens)."""
    alone = [n for n in view if n != keep and view.degree(n) == 0]
    view.remove_nodes_from(alone)
    return view


def _induced(graph, keep, concept_papers=None) -> nx.DiGraph:
    """A new DiGraph on ``keep`` (in that order) with the source's edges among them."""
    kept = set(keep)
    view = nx.DiGraph()
    for n in keep:
        attrs = copy_attrs(graph.nodes[n])
        if kind_of(graph, n) == "concept":
            papers = concept_papers.get(n) if concept_papers else None
            attrs["n_papers"] = len(papers if papers is not None else papers_of(graph, n))
        view.add_node(n, **attrs)
    for n in keep:
        near = successors(graph, n)
        for m in sorted(near):
            if m in kept:
                view.add_edge(n, m, **copy_attrs(near[m]))
    return view
