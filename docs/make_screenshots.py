"""Render every HTML view of the seed graph and of a 20k-paper graph and screenshot them.

    python docs/make_screenshots.py [--seeds-db /tmp/seeds.db] [--out docs/img]

The seed graph is built from ../shared/seeds/*.txt (or read from --seeds-db, e.g. one made by
``litkg build ../shared/seeds/*.txt --db /tmp/seeds.db``); the 20k graph is the topically structured
synthetic one of bench/synthetic_views.py. Each page is opened in headless Chromium at 1600×1000 (Debian's
chromium: apt-get install -y chromium) and saved as seed-<view>.png and 20k-<view>.png; for the
overview also a second shot with a node clicked (its details panel open, the rest dimmed), and
for the seed concept map one coloured by the communities of ``litkg query communities``.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "bench"))

from browser import Session  # noqa: E402

from litkg import KnowledgeGraph  # noqa: E402
from litkg.graph.render import render_html  # noqa: E402
from litkg.graph.views import select_view  # noqa: E402

SEED_VIEWS = {"overview": {"max_nodes": 500}, "ego": {"focus": "CLIP", "radius": 2},
              "shared-datasets": {"max_nodes": 300}, "concept-map": {"max_nodes": 150}}
BIG_VIEWS = {"overview": {"max_nodes": 10 ** 9}, "ego": {"focus": "SegSet", "radius": 1},
             "shared-datasets": {"max_nodes": 500}, "concept-map": {"max_nodes": 300},
             "shared-datasets-focus": {"view": "shared-datasets", "focus": "SegBench",
                                       "max_nodes": 500}}


def shoot(page: Path, png: Path, click: str | None = None, script: str | None = None) -> None:
    with Session(window=(1600, 1000), timeout=300) as s:
        s.open(page)
        s.wait("document.body && document.body.dataset.litkgReady === '1'", 300)
        s.wait("new Promise(function (r) { setTimeout(function () { r(true); }, 300); })")
        if click:
            s.js(f"window.litkgSelect({click!r})")
        if script:
            s.js(script)
            s.wait("new Promise(function (r) { setTimeout(function () { r(true); }, 300); })")
        s.screenshot(png)
        if s.errors:
            raise RuntimeError(f"{page}: {s.errors}")
        labels = s.js("window.litkgLabels()")
    # What one looks for in the shot: how many labels are drawn and that none overlaps another.
    boxes = [label[3] for label in labels]
    overlaps = sum(a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
                   for i, a in enumerate(boxes) for b in boxes[i + 1:])
    print(f"  {png.name}: {len(labels)} labels drawn, {overlaps} overlapping")


def seed_views(db: Path, out: Path, tmp: Path) -> None:
    with KnowledgeGraph(db) as kg:
        for view, options in SEED_VIEWS.items():
            page = tmp / f"seed-{view}.html"
            result = kg.render(page, view=view, **options)
            shoot(page, out / f"seed-{view}.png")
            print(f"seed {view}: {result.nodes_shown} of {result.nodes_total} nodes, "
                  f"{result.edges_shown} edges")
        top = kg.store.conn.execute(
            "SELECT concept_key FROM edges GROUP BY concept_key ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
    shoot(tmp / "seed-overview.html", out / "seed-overview-panel.png", click=f"concept:{top}")
    shoot(tmp / "seed-concept-map.html", out / "seed-concept-map-communities.png",
          script="document.getElementById('litkg-colour-communities').click()")


def big_views(out: Path, tmp: Path) -> None:
    from synthetic_views import synthetic_graph

    graph = synthetic_graph(20000)
    for name, options in BIG_VIEWS.items():
        options = dict(options)
        view = options.pop("view", name)
        page = tmp / f"20k-{name}.html"
        result = render_html(select_view(graph, view, **options), page)
        shoot(page, out / f"20k-{name}.png")
        print(f"20k {name}: {result.nodes_shown} of {result.nodes_total} nodes, "
              f"{result.edges_shown} edges")
    shoot(tmp / "20k-overview.html", out / "20k-overview-panel.png", click="concept:segset")
    shoot(tmp / "20k-shared-datasets.html", out / "20k-shared-datasets-panel.png", click="group:0")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(REPO / "docs" / "img"))
    ap.add_argument("--seeds-db", help="a store built from the seeds (default: build one)")
    ap.add_argument("--only", choices=("seed", "20k"))
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.only != "20k":
            db = Path(args.seeds_db) if args.seeds_db else tmp / "seeds.db"
            if not args.seeds_db:
                with KnowledgeGraph(db) as kg:
                    kg.build(sorted((REPO.parent / "shared" / "seeds").glob("*.txt")))
            seed_views(db, out, tmp)
        if args.only != "seed":
            big_views(out, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
