"""Positions for a view, computed in Python so the page opens laid out.

Positions fill a fixed box (:data:`WIDTH` × :data:`HEIGHT` canvas units), which the page maps
onto the window at zoom about 1 on a 1600×1000 screen. Small graphs get a spring layout; large
ones a spring layout of their best-connected nodes (the skeleton) with every other node placed at
the mean of its neighbours, then spread so that nodes do not sit on each other. Everything is
vectorised (numpy/scipy), linear in the edges apart from the skeleton's fixed-size layout.

Labels are placed by the page itself, on screen, at every redraw (see :mod:`litkg.graph.page_js`):
from the most important node on, a label is drawn only where it overlaps no label already placed.
"""
from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx
import numpy as np
from scipy import sparse
from scipy.spatial import cKDTree

__all__ = ["WIDTH", "HEIGHT", "MIN_LABEL_PX", "MAX_LABEL_PX", "positions"]

WIDTH, HEIGHT = 1500.0, 820.0
#: The smallest and largest label a page draws, in screen pixels.
MIN_LABEL_PX, MAX_LABEL_PX = 10.5, 16.0
_SEED = 7
_SPRING_MAX = 1200  # above: skeleton + placement
_SKELETON = 500


def positions(g: nx.Graph, box=(WIDTH, HEIGHT), centre=None, nodes=None,
              groups=None) -> np.ndarray:
    """An ``(n, 2)`` array of positions, in the order of ``nodes`` (default: ``g``'s), filling
    ``box`` (width, height) centred on 0, 0; the node ``centre`` (if given) kept in the middle.

    ``groups`` maps some leaves of ``centre`` to (group, rank): when there are many, they are
    laid out around it in one sector per group, the best ranked nearest (a hub's papers by role).
    """
    nodes = list(g) if nodes is None else list(nodes)
    n = g.number_of_nodes()
    if n == 0:
        return np.zeros((0, 2))
    if n == 1:
        return np.zeros((1, 2))
    adj = _adjacency(g, nodes)
    centre = nodes.index(centre) if centre is not None and centre in g else None
    if n <= _SPRING_MAX:
        start = np.random.default_rng(_SEED).uniform(-1, 1, (n, 2))
        fixed = None
        if centre is not None:  # an ego view's focus stays in the middle
            start[centre] = 0
            fixed = np.zeros(n, bool)
            fixed[centre] = True
        pos = _spring(adj, start, iterations=120 if n <= 300 else 60, fixed=fixed)
    else:
        pos = _skeleton_layout(adj)
    if groups and centre is not None and len(groups) >= _SECTOR_MIN:
        pos = _sectors(_fill_box(pos, box), nodes, centre, groups)
    pos = _spread(_fill_box(pos, box), n, box)
    return _fill_box(pos, box)


_SECTOR_MIN = 40


def _sectors(pos, nodes, centre: int, groups) -> np.ndarray:
    """Leaves of ``centre`` in sectors by group, each a sunflower from near to far by rank."""
    pos = pos.copy()
    pos[centre] = 0
    index = {node: i for i, node in enumerate(nodes)}
    members: dict = defaultdict(list)
    for node, (group, rank) in groups.items():
        members[group].append((rank, index[node]))
    reach = np.abs(pos).max(axis=0)  # the room there is, per axis
    total, start = len(groups), 0.0
    golden = (math.sqrt(5) - 1) / 2
    for group in sorted(members):
        ranked = sorted(members[group])
        width = 2 * math.pi * len(ranked) / total
        for j, (_, i) in enumerate(ranked):
            r = 0.2 + 0.8 * math.sqrt((j + 0.5) / len(ranked))
            a = start + width * (0.06 + 0.88 * ((j * golden) % 1.0))
            pos[i] = (r * reach[0] * math.cos(a), r * reach[1] * math.sin(a))
        start += width
    return pos


def _adjacency(g, nodes) -> sparse.csr_matrix:
    """Symmetric adjacency with log-scaled weights, in the order of ``nodes``."""
    index = {node: i for i, node in enumerate(nodes)}
    rows, cols, vals = [], [], []
    for u, v, w in g.edges(data="weight"):
        if u == v:
            continue
        rows.append(index[u])
        cols.append(index[v])
        vals.append(1.0 + math.log1p(w) if isinstance(w, (int, float)) and w > 0 else 1.0)
    n = len(index)
    a = sparse.coo_matrix((vals, (rows, cols)), shape=(n, n)).tocsr()
    return (a + a.T).tocsr()


def _spring(adj, pos, iterations: int, fixed=None) -> np.ndarray:
    """Fruchterman–Reingold with dense repulsion (n ≤ a few thousand), vectorised."""
    n = pos.shape[0]
    k = 1.0 / math.sqrt(n)
    coo = adj.tocoo()
    t = 0.1
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((delta ** 2).sum(-1))
        np.fill_diagonal(dist, 1.0)
        np.maximum(dist, 0.01, out=dist)
        disp = (delta * (k * k / dist ** 2)[:, :, None]).sum(1)
        d = pos[coo.row] - pos[coo.col]
        dl = np.sqrt((d ** 2).sum(-1)) + 1e-9
        pull = d * (coo.data * dl / k)[:, None]
        np.add.at(disp, coo.row, -pull)
        # A little gravity keeps separate components on the page.
        disp -= pos * 0.05 * n * k
        length = np.sqrt((disp ** 2).sum(-1)) + 1e-9
        step = disp * (np.minimum(length, t) / length)[:, None]
        if fixed is not None:
            step[fixed] = 0
        pos = pos + step
        t *= 0.96
    return pos


def _skeleton_layout(adj) -> np.ndarray:
    """Spring-lay the best-connected nodes, then put every other node among its neighbours."""
    n = adj.shape[0]
    degree = np.asarray((adj > 0).sum(1)).ravel()
    order = np.lexsort((np.arange(n), -degree))
    core = order[:_SKELETON]
    # The skeleton's links: direct edges plus shared neighbours (papers between two concepts).
    sub = adj[core]
    links = (sub[:, core] + (sub @ sub.T) * 0.2).tocsr()
    links.setdiag(0)
    links.eliminate_zeros()
    links.data = np.log1p(links.data)
    rng = np.random.default_rng(_SEED)
    pos = np.zeros((n, 2))
    placed = np.zeros(n, bool)
    pos[core] = _spring(links, rng.uniform(-1, 1, (len(core), 2)), iterations=60)
    placed[core] = True
    # Each other node goes to the weighted mean of its placed neighbours, the rarest weighing
    # most, so a paper sits by its most specific concept: papers bundle under their concepts.
    rarity = sparse.diags(1.0 / np.maximum(degree, 1).astype(float) ** 2)
    binary = ((adj > 0).astype(float) @ rarity).tocsr()
    for _ in range(40):  # breadth first: each round places the nodes next to placed ones
        counts = binary @ placed.astype(float)
        ready = (~placed) & (counts > 0)
        if not ready.any():
            break
        sums = binary @ (pos * placed[:, None])
        pos[ready] = sums[ready] / counts[ready, None]
        placed |= ready
    # Nodes in components without a skeleton node: a ring outside.
    rest = np.flatnonzero(~placed)
    if len(rest):
        angle = np.linspace(0, 2 * math.pi, len(rest), endpoint=False)
        pos[rest] = 1.15 * np.c_[np.cos(angle), np.sin(angle)] * np.abs(pos[core]).max()
    # Nodes with the same neighbours land on one point: scatter them around it, by rank.
    jitter = rng.normal(0, 1, (n, 2)) * (0.02 / np.sqrt(1 + degree))[:, None]
    jitter[core] = 0
    return pos + jitter


def _fill_box(pos, box) -> np.ndarray:
    """Scale x and y to fill the layout box (each axis on its own)."""
    out = np.zeros_like(pos, dtype=float)
    for axis, size in ((0, box[0]), (1, box[1])):
        low, high = pos[:, axis].min(), pos[:, axis].max()
        span = high - low if high > low else 1.0
        out[:, axis] = (pos[:, axis] - (low + high) / 2) / span * size
    return out


def _spread(pos, n: int, box, rounds: int = 6) -> np.ndarray:
    """Push apart nodes closer than a share of the mean spacing (local, by a k-d tree)."""
    if n < 2:
        return pos
    gap = 0.55 * math.sqrt(box[0] * box[1] / n)
    for _ in range(rounds):
        pairs = cKDTree(pos).query_pairs(gap, output_type="ndarray")
        if len(pairs) == 0:
            break
        d = pos[pairs[:, 0]] - pos[pairs[:, 1]]
        dist = np.sqrt((d ** 2).sum(-1))
        same = dist < 1e-6
        d[same] = np.random.default_rng(len(pairs)).normal(0, 1, (int(same.sum()), 2))
        dist[same] = np.sqrt((d[same] ** 2).sum(-1))
        push = d * ((gap - dist) / (2 * dist + 1e-9))[:, None] * 0.5
        move = np.zeros_like(pos)
        np.add.at(move, pairs[:, 0], push)
        np.add.at(move, pairs[:, 1], -push)
        pos = pos + move
    return pos
