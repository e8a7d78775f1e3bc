"""Time and memory to write the HTML views of a 20k-paper graph, and how the pages behave in Chromium.

    python bench/bench_views.py [--papers 20000] [--no-browser]

Builds the topically structured synthetic corpus of ``bench/synthetic_views.py`` (24 subfields
with their own datasets, models and methods, hubs shared across fields, a heavy-tailed use of
concepts, 3–14 concepts per paper: 20k papers give ~27k nodes and ~114k edges), then, each
render in a fresh process so that its peak RSS is its own:

* every view at 500 and 5,000 nodes, and the overview of the whole graph: select + write time,
  peak RSS (graph included), page size (shared-datasets is a summary at both caps: topical
  groups of papers and the datasets that connect them);
* in headless Chromium at 1600×1000 (real time, over the DevTools pipe): time until the page is
  drawn and interactive, a pan/zoom redraw (edges hidden while zooming, as the page does) and a
  full redraw (the median of 5), the labels drawn at the opening zoom (how many, the smallest,
  and the time placing them takes in a redraw: the median of 5).

Targets (issue #15): whole-graph overview <= 30 s and <= 1 GB; interactive <= 3 s at 5,000
nodes and <= 8 s for the whole graph; a pan/zoom redraw <= 50 ms at 5,000 nodes; every label
>= 10 px.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic_views import synthetic_graph

REPO = Path(__file__).resolve().parents[1]
WHOLE = 10 ** 9
HUB = "concept:omnicorpus"  # the most used dataset of the synthetic corpus (3,206 papers)


def render_one(args) -> int:
    """In a child process: build the graph, select and write one view, print the numbers."""
    from litkg.graph.render import render_html
    from litkg.graph.views import select_view

    graph = synthetic_graph(args.papers)
    t0 = time.perf_counter()
    view = select_view(graph, args.one, focus=HUB if args.one == "ego" else None,
                       max_nodes=args.max_nodes)
    t1 = time.perf_counter()
    result = render_html(view, args.out)
    t2 = time.perf_counter()
    print(json.dumps({"select_s": t1 - t0, "write_s": t2 - t1, "nodes": result.nodes_shown,
                      "total": result.nodes_total, "edges": result.edges_shown,
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "page_mb": Path(args.out).stat().st_size / 1e6}))
    return 0


def in_chromium(page: Path) -> dict:
    sys.path.insert(0, str(REPO / "tests"))
    from browser import Session

    with Session(window=(1600, 1000), timeout=300) as s:
        s.open(page)
        s.wait("document.body && document.body.dataset.litkgReady === '1'", 300)
        ready = float(s.js("document.body.dataset.litkgReadyMs"))
        zoom = s.js("[0,1,2,3,4].map(function () { return window.litkgRedrawMs(true); })")
        full = s.js("[0,1,2,3,4].map(function () { return window.litkgRedrawMs(false); })")
        sizes = s.js("window.litkgLabelSizes()")
        place = s.js("[0,1,2,3,4].map(function () { window.litkgRedrawMs(true); "
                     "return window.litkgLabelMs(); })")
        errors = list(s.errors)
    return {"ready_ms": ready, "zoom_ms": statistics.median(zoom),
            "full_ms": statistics.median(full), "labels": len(sizes),
            "place_ms": statistics.median(place),
            "min_label_px": min(sizes) if sizes else None, "errors": errors}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--papers", type=int, default=20000)
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--max-nodes", type=int, default=500, help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        return render_one(args)
    runs = [(v, k) for k in (500, 5000) for v in ("overview", "ego", "shared-datasets",
                                                   "concept-map")] + [("overview", WHOLE)]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for view, cap in runs:
            out = Path(tmp) / f"{view}-{cap}.html"
            proc = subprocess.run([sys.executable, __file__, "--one", view, "--max-nodes", str(cap),
                                   "--out", str(out), "--papers", str(args.papers)],
                                  capture_output=True, text=True, check=True)
            row = {"view": view, "cap": "whole" if cap == WHOLE else f"{cap:,}",
                   **json.loads(proc.stdout.strip().splitlines()[-1])}
            if not args.no_browser and (cap == WHOLE or (cap == 5000 and view == "overview")
                                        or cap == 500):
                row.update(in_chromium(out))
            rows.append(row)
            print(_line(row), flush=True)
    print()
    print(_table(rows))
    return 0


def _line(row) -> str:
    return " ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items())


def _table(rows) -> str:
    head = ("| view | cap | nodes | edges | select + write | peak RSS | page | interactive "
            "| zoom redraw | full redraw | labels (placing) | smallest label |")
    lines = [head, "|" + "---|" * 12]
    for r in rows:
        def ms(key):
            return f"{r[key]:,.0f} ms" if r.get(key) is not None else "–"
        lines.append(
            f"| {r['view']} | {r['cap']} | {r['nodes']:,} of {r['total']:,} | {r['edges']:,} "
            f"| {r['select_s'] + r['write_s']:.1f} s | {r['rss_mb']:,.0f} MB | {r['page_mb']:.1f} MB "
            f"| {ms('ready_ms')} | {ms('zoom_ms')} | {ms('full_ms')} "
            f"| {_labels(r)} "
            f"| {'%.1f px' % r['min_label_px'] if r.get('min_label_px') else '–'} |")
    return "\n".join(lines)


def _labels(r) -> str:
    return f"{r['labels']:,} ({r['place_ms']:.1f} ms)" if r.get("place_ms") is not None else "–"


if __name__ == "__main__":
    sys.exit(main())
