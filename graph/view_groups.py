"""Topical groups of a large graph, fast: what big views colour, label and summarise by.

Concepts are grouped by Louvain on their co-usage graph (two concepts linked by the papers that
use both), weighted by association strength (co-use divided by the product of their uses, as
VOSviewer normalises), so that a dataset every field uses does not pull the fields together.
Only the most used concepts take part (at most ``max_concepts``); every other concept, and every
paper, joins the group its neighbours weigh most for, rare neighbours counting more.

The result is deterministic (Louvain with a fixed seed on nodes added in a fixed order).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx
import numpy as np
from scipy import sparse

__all__ = ["Groups", "topic_groups"]

_MAX_CONCEPTS = 1200
_MIN_PAPERS = 3  # a concept used by fewer papers does not take part in the grouping itself


@dataclass(frozen=True)
class Groups:
    """``of[node]`` is the group (0 = the largest) of each paper and concept that has one;
    ``names[k]`` names group ``k`` by its three most characteristic concepts; ``papers[k]`` is
    how many papers it holds."""

    of: dict
    names: tuple[str, ...]
    papers: tuple[int, ...]


def topic_groups(graph, *, max_concepts: int = _MAX_CONCEPTS, seed: int = 0) -> Groups:
    """Group the papers and concepts of ``graph`` (read, not modified) by topic.

    Parameters
    ----------
    graph : networkx.DiGraph
        Paper and concept nodes with paper→concept mention edges.
    max_concepts : int
        How many of the most used concepts Louvain groups; the rest follow their papers.
    seed : int
        Louvain's seed.

    Returns
    -------
    Groups
        Empty when the graph has fewer than two groups' worth of concepts.
    """
    papers, concepts, incidence = _incidence(graph)
    if incidence.nnz == 0:
        return Groups({}, (), ())
    df = np.asarray(incidence.sum(0)).ravel()
    order = np.lexsort((np.arange(len(concepts)), -df))
    core = [int(c) for c in order[:max_concepts] if df[c] >= _MIN_PAPERS]
    if len(core) < 4:
        return Groups({}, (), ())
    concept_group = _louvain(incidence, df, core, seed)
    paper_group = _vote(incidence, df, concept_group)
    # Concepts outside the core follow their papers.
    rest = np.flatnonzero(concept_group < 0)
    if len(rest):
        by_papers = _vote(incidence.T.tocsr()[rest], np.ones(len(papers)), paper_group)
        concept_group[rest] = by_papers
    return _named(graph, papers, concepts, incidence, df, paper_group, concept_group)


def _incidence(graph):
    papers = sorted(n for n, k in graph.nodes(data="kind") if k == "paper")
    concepts = sorted(n for n, k in graph.nodes(data="kind") if k == "concept")
    index = {c: i for i, c in enumerate(concepts)}
    rows, cols = [], []
    succ = graph.succ if graph.is_directed() else graph.adj
    for i, p in enumerate(papers):
        for c in succ[p]:
            j = index.get(c)
            if j is not None:
                rows.append(i)
                cols.append(j)
    data = np.ones(len(rows))
    m = sparse.csr_matrix((data, (rows, cols)), shape=(len(papers), len(concepts)))
    m.data[:] = 1.0  # a repeated edge counts once
    return papers, concepts, m


def _louvain(incidence, df, core, seed) -> np.ndarray:
    sub = incidence[:, core]
    co = (sub.T @ sub).tocoo()
    n_papers = incidence.shape[0]
    g = nx.Graph()
    g.add_nodes_from(range(len(core)))
    keep = co.row < co.col
    d = df[core]
    weights = co.data[keep] * n_papers / (d[co.row[keep]] * d[co.col[keep]])
    g.add_weighted_edges_from(zip(co.row[keep].tolist(), co.col[keep].tolist(), weights.tolist()))
    found = nx.community.louvain_communities(g, weight="weight", seed=seed)
    out = np.full(incidence.shape[1], -1)
    for k, members in enumerate(found):
        for i in members:
            out[core[i]] = k
    return out


def _vote(incidence, weight_df, groups) -> np.ndarray:
    """For each row of ``incidence``, the group its columns weigh most for (-1: none); a column
    weighs 1 / its use, so rare neighbours count most."""
    known = groups >= 0
    k = int(groups.max()) + 1 if known.any() else 0
    if k == 0:
        return np.full(incidence.shape[0], -1)
    cols = np.flatnonzero(known)
    member = sparse.csr_matrix((1.0 / np.maximum(weight_df[cols], 1), (cols, groups[cols])),
                               shape=(incidence.shape[1], k))
    votes = (incidence @ member).toarray()
    best = votes.argmax(1)
    best[votes.max(1) <= 0] = -1
    return best


def _named(graph, papers, concepts, incidence, df, paper_group, concept_group) -> Groups:
    """Renumber groups by their papers (largest first) and name each by its most characteristic
    concepts: those most used inside it relative to their use overall."""
    sizes = Counter(int(g) for g in paper_group if g >= 0)
    ranked = sorted(sizes, key=lambda g: (-sizes[g], g))
    renumber = {old: new for new, old in enumerate(ranked)}
    names, counts = [], []
    for old in ranked:
        rows = np.flatnonzero(paper_group == old)
        inside = np.asarray(incidence[rows].sum(0)).ravel()
        score = inside * inside / np.maximum(df, 1)
        top = np.lexsort((np.arange(len(concepts)), -score))[:3]
        names.append(" / ".join(str(graph.nodes[concepts[c]].get("name") or concepts[c])
                                for c in top if inside[c] > 0))
        counts.append(len(rows))
    of = {}
    for nodes, groups in ((papers, paper_group), (concepts, concept_group)):
        for node, g in zip(nodes, groups.tolist()):
            if g in renumber:
                of[node] = renumber[g]
    return Groups(of, tuple(names), tuple(counts))


