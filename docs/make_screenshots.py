"""Render the four HTML views of the shipped sample corpus and screenshot them for the README.

    python docs/make_screenshots.py [--out docs/img]

Needs Debian's Chromium (apt-get install -y chromium). Writes view-<name>.html and
view-<name>.png for overview, ego (around WILDS), shared-datasets and concept-map.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from litkg import KnowledgeGraph

REPO = Path(__file__).resolve().parents[1]
SAMPLE = [REPO / "litkg" / "sample" / name for name in ("papers.jsonl", "more.csv", "daily_papers.txt")]
VIEWS = {"overview": {}, "ego": {"focus": "WILDS", "radius": 2}, "shared-datasets": {}, "concept-map": {}}
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--window-size=1280,860", "--virtual-time-budget=8000"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(REPO / "docs" / "img"))
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        with KnowledgeGraph(Path(tmp) / "sample.db") as kg:
            kg.build(SAMPLE)
            for view, options in VIEWS.items():
                page = Path(tmp) / f"view-{view}.html"
                result = kg.render(page, view=view, max_nodes=120, **options)
                png = out / f"view-{view}.png"
                subprocess.run([args.chromium, *FLAGS, f"--user-data-dir={tmp}/profile",
                                f"--screenshot={png}", page.as_uri()], check=True, capture_output=True, timeout=120)
                print(f"{view}: {result.nodes_shown} nodes, {result.edges_shown} edges -> {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
