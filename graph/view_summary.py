"""Views that summarise a corpus too big to draw paper by paper.

``shared-datasets`` of tens of thousands of papers is a haze of pair links however it is cut.
Its summary shows what the question is about at that size: which *groups* of papers (the topical
groups of :mod:`litkg.graph.view_groups`) use which datasets and benchmarks, and so which
datasets connect which groups. A node per group (sized by its papers) and per dataset (sized by
the papers using it), a link when papers of the group use the dataset (width: how many). Each
group keeps its own most used datasets; then come the datasets that link the most groups. The
papers behind a group or a dataset are one ``--focus`` away.
"""
from __future__ import annotations

import heapq
from collections import Counter, defaultdict

import networkx as nx

from .view_groups import topic_groups
from .view_nodes import copy_attrs, successors, year_of

__all__ = ["GROUP_PREFIX", "summarise_shared_datasets"]

GROUP_PREFIX = "group:"
_OWN_DATASETS = 3     # each group keeps this many of its most used datasets
_MIN_LINK_SHARE = 0.02  # a group links a dataset when this share of its papers uses it ...
_MIN_LINK_PAPERS = 3    # ... and at least this many
_MEMBERS_LISTED = 12


def summarise_shared_datasets(graph, by_papers: dict, max_nodes: int, name_of):
    """The group × dataset summary graph and notes.

    Parameters
    ----------
    graph : networkx.DiGraph
        The knowledge graph (read only).
    by_papers : dict
        ``{dataset node: sorted list of paper nodes using it}`` for every dataset and benchmark.
    max_nodes : int
        At most this many nodes (groups and datasets together).
    name_of : callable
        A concept node's display name.

    Returns
    -------
    (networkx.Graph, list of str)
    """
    groups = topic_groups(graph)
    counts: dict = defaultdict(Counter)  # dataset -> group -> papers
    for c, papers in by_papers.items():
        for p in papers:
            g = groups.of.get(p)
            if g is not None:
                counts[c][g] += 1
    k = len(groups.names)
    n_groups = min(k, max(1, max_nodes // 3))
    links = {c: {g: n for g, n in per.items() if g < n_groups and n >= max(
        _MIN_LINK_PAPERS, _MIN_LINK_SHARE * groups.papers[g])} for c, per in counts.items()}
    chosen = _choose_datasets(links, n_groups, max_nodes - n_groups)
    view = nx.Graph()
    for g in range(n_groups):
        members = [p for p, h in groups.of.items() if h == g and p.startswith("paper:")]
        view.add_node(f"{GROUP_PREFIX}{g}", kind="group", name=groups.names[g],
                      n_papers=groups.papers[g], bulk=groups.papers[g], group=g,
                      members=_top_members(graph, members),
                      datasets=[[name_of(c), links[c][g]] for c in sorted(
                          (c for c in chosen if g in links[c]),
                          key=lambda c: (-links[c][g], c))[:_MEMBERS_LISTED]])
    for c in chosen:
        view.add_node(c, **copy_attrs(graph.nodes[c]), n_papers=len(by_papers[c]), bulk=len(by_papers[c]))
        for g, n in links[c].items():
            view.add_edge(f"{GROUP_PREFIX}{g}", c, weight=n, group_use=True)
    view.remove_nodes_from([n for n in list(view) if view.degree(n) == 0])
    papers = sum(groups.papers[:n_groups])
    notes = [(f"{papers:,} papers in {n_groups} topical groups (by the concepts they use), "
              f"and the {len(chosen):,} datasets and benchmarks that connect them most: "
              "use --focus DATASET to see the papers that share one, or raise --max-nodes")]
    if n_groups < k:
        notes.append(f"left out {k - n_groups} smaller group(s) "
                     f"({sum(groups.papers[n_groups:]):,} papers)")
    return view, notes


def _choose_datasets(links, n_groups: int, room: int) -> list:
    """Each group's own most used datasets first, then those linking the most groups."""
    chosen: dict = {}
    for g in range(n_groups):
        own = heapq.nsmallest(_OWN_DATASETS, (c for c in links if g in links[c]),
                              key=lambda c: (-links[c][g], c))
        for c in own:
            chosen.setdefault(c, None)
    bridges = sorted((c for c in links if len(links[c]) > 1),
                     key=lambda c: (-len(links[c]), -sum(links[c].values()), c))
    for c in bridges:
        chosen.setdefault(c, None)
    return list(chosen)[: max(room, 0)]


def _top_members(graph, members) -> list:
    """A group's papers worth listing first: the most connected, then the newest."""
    return heapq.nsmallest(_MEMBERS_LISTED, members,
                           key=lambda p: (-len(successors(graph, p)), -year_of(graph, p), p))
