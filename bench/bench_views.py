"""Time to select and write HTML views of a large graph.

    python bench/bench_views.py [--papers 20000] [--max-nodes 2000]

Builds a synthetic paper–concept graph in the shape litkg's loader produces (Zipf-distributed
concept use, 3–12 concepts per paper), then times select_view + render_html for each view at
--max-nodes. The issue's target: writing a 2,000-node view in at most 5 s.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from litkg.graph.render import render_html
from litkg.graph.views import VIEWS, select_view

TYPES = ("dataset", "benchmark", "model", "method")
ROLES = ("uses", "evaluates_on", "compares_with", "proposes")


def synthetic_graph(papers: int, concepts: int, seed: int = 7) -> nx.DiGraph:
    rng = random.Random(seed)
    graph = nx.DiGraph()
    weights = [1 / (rank + 1) for rank in range(concepts)]
    for c in range(concepts):
        graph.add_node(f"concept:c{c}", kind="concept", key=f"c{c}", name=f"Concept {c}", type=TYPES[c % 4], aliases=[])
    for p in range(papers):
        node = f"paper:p{p}"
        graph.add_node(node, kind="paper", key=f"p{p}", title=f"Paper {p} on <things> & stuff", year=2015 + p % 10,
                       date=None, venue=None, url=None)
        for c in set(rng.choices(range(concepts), weights=weights, k=rng.randint(3, 12))):
            graph.add_edge(node, f"concept:c{c}", kind="mention", role=rng.choice(ROLES), confidence=0.9,
                           evidence=f"Paper {p} uses Concept {c}.", field="abstract")
    return graph


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--papers", type=int, default=20000)
    ap.add_argument("--concepts", type=int, default=4000)
    ap.add_argument("--max-nodes", type=int, default=2000)
    args = ap.parse_args()
    start = time.perf_counter()
    graph = synthetic_graph(args.papers, args.concepts)
    print(f"graph: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges "
          f"(built in {time.perf_counter() - start:.1f} s)")
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for view in VIEWS:
            focus = "concept:c0" if view == "ego" else None
            t0 = time.perf_counter()
            selected = select_view(graph, view, focus=focus, max_nodes=args.max_nodes)
            t1 = time.perf_counter()
            result = render_html(selected, Path(tmp) / f"{view}.html")
            t2 = time.perf_counter()
            worst = max(worst, t2 - t0)
            size = (Path(tmp) / f"{view}.html").stat().st_size
            print(f"{view:16s} select {t1 - t0:6.2f} s   write {t2 - t1:6.2f} s   {result.nodes_shown:5d} of "
                  f"{result.nodes_total:6d} nodes, {result.edges_shown:6d} edges, {size / 1e6:.1f} MB")
    print(f"slowest view: {worst:.2f} s (target: writing a {args.max_nodes}-node view <= 5 s): "
          f"{'met' if worst <= 5 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
