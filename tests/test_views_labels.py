"""Label placement in a real headless Chromium: no two drawn labels overlap, at the opening zoom
or after zooming, and labels hidden by a collision appear as one zooms in.

The page draws labels itself (vis-network draws none), greedily by importance, and reports what
the last frame drew through ``litkgLabels()``: ``[id, text, px, [left, top, right, bottom]]``
on screen. The tests check those boxes against an independent measure (the node's position from
vis, the text's width from a fresh canvas) and against the canvas pixels, so that a box that
was reported but not drawn, or drawn elsewhere, fails too.
"""
from __future__ import annotations

import random
from contextlib import contextmanager
from pathlib import Path

import networkx as nx
import pytest

from litkg.graph.render import render_html
from litkg.graph.views import select_view

from browser import Session

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "render"


def dense_corpus(n_papers=3_000, n_concepts=400, seed=3):
    """Papers citing Zipf-popular concepts with long-ish names: a tight core where, drawn
    naively, the hubs' labels pile up."""
    rnd = random.Random(seed)
    g = nx.DiGraph()
    types = ("dataset", "benchmark", "model", "method")
    words = ["Vision", "Language", "Graph", "Speech", "Robust", "Sparse", "Neural", "Bench",
             "Former", "Corpus", "Images", "Mix"]
    ids = []
    for i in range(n_concepts):
        name = f"{rnd.choice(words)}{rnd.choice(words)}-{i}"
        ids.append(f"concept:c{i}")
        g.add_node(ids[-1], kind="concept", key=f"c{i}", name=name, type=types[i % 4], aliases=[])
    weights = [1 / (i + 1) ** 0.9 for i in range(n_concepts)]
    for p in range(n_papers):
        pid = f"paper:p{p}"
        g.add_node(pid, kind="paper", key=f"p{p}", title=f"Learning {rnd.choice(words)} {p}",
                   year=2000 + p % 25)
        for cid in set(rnd.choices(ids, weights, k=rnd.randint(2, 9))):
            g.add_edge(pid, cid, kind="mention", role="uses", confidence=0.8, evidence="…",
                       field="abstract")
    return g


@pytest.fixture(scope="module")
def dense():
    return dense_corpus()


# What the page drew, checked independently: each label's box is where its node is (below,
# above, right or left of it), as wide as its text measured on a fresh canvas, and has dark
# (text) pixels on the canvas.
_DRAWN = """(function () {
  var net = window.litkgNetwork, scale = net.getScale(), canvas = net.canvas.frame.canvas;
  var ctx = canvas.getContext("2d"), ratio = canvas.width / canvas.clientWidth;
  var measure = document.createElement("canvas").getContext("2d"), bad = [], out = [];
  var index = {};
  LITKG.nodes.id.forEach(function (id, i) { index[id] = i; });
  window.litkgLabels().forEach(function (l) {
    var i = index[l[0]], node = net.body.nodes[i], b = l[3];
    var p = net.canvasToDOM({x: node.x, y: node.y}), r = node.options.size * scale;
    measure.font = (i === LITKG.focus ? "bold " : "") + l[2].toFixed(1) + "px system-ui, sans-serif";
    var w = measure.measureText(l[1]).width, cx = (b[0] + b[2]) / 2, cy = (b[1] + b[3]) / 2;
    var near = Math.abs(cx - p.x) < 1 || Math.abs(cy - p.y) < 1;
    var beside = Math.min(Math.abs(b[1] - p.y - r), Math.abs(b[3] - p.y + r),
                          Math.abs(b[0] - p.x - r), Math.abs(b[2] - p.x + r)) < 5;
    var px = ctx.getImageData(Math.round(b[0] * ratio), Math.round(b[1] * ratio),
                              Math.max(1, Math.round((b[2] - b[0]) * ratio)),
                              Math.max(1, Math.round((b[3] - b[1]) * ratio))).data, dark = 0;
    // Text is #222, or grey (#b4b4b4) when the rest is dimmed around a node.
    var limit = document.body.dataset.litkgDimmed ? 560 : 200;
    for (var k = 0; k < px.length; k += 4) {
      var sum = px[k] + px[k + 1] + px[k + 2];
      if (px[k + 3] > 200 && sum < limit && Math.abs(px[k] - px[k + 2]) < 16) dark++;
    }
    if (Math.abs(w - (b[2] - b[0])) > 1 || !near || !beside || !dark) bad.push([l[1], w, b, p, r, dark]);
    out.push(b);
  });
  var visLabels = net.body.nodeIndices.filter(function (id) { return net.body.nodes[id].options.label !== undefined; }).length;
  return {boxes: out, bad: bad, texts: window.litkgLabels().map(function (l) { return l[1]; }),
          px: window.litkgLabelSizes(), visLabels: visLabels};
})()"""


def _overlaps(boxes, texts):
    return [(texts[i], texts[j]) for i, a in enumerate(boxes) for j, b in enumerate(boxes)
            if i < j and a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5
            and b[1] < a[3] - 0.5]


def _open(s, page):
    s.open(page)
    s.wait("document.body && document.body.dataset.litkgReady === '1'")
    s.wait("new Promise(function (r) { setTimeout(function () { r(true); }, 200); })")


@contextmanager
def _opened(graph, view, cap, folder):
    """A Chromium session on ``view`` of ``graph`` (at most ``cap`` nodes), drawn and settled."""
    page = render_html(select_view(graph, view, max_nodes=cap), folder / f"{view}.html").path
    with Session(window=(1600, 1000)) as s:
        _open(s, page)
        yield s


def _redraw(s):
    s.js("window.litkgRedrawMs(false)")


def _drawn(s):
    found = s.js(_DRAWN)
    assert found["visLabels"] == 0  # the page draws every label; vis none
    assert found["bad"] == [], found["bad"][:5]
    return found


# Labels that may show at this zoom (big enough on screen), on screen, yet not drawn: hidden
# by a collision. The most important first.
_HIDDEN = """(function () {
  var net = window.litkgNetwork, scale = net.getScale(), shown = {}, out = [];
  var W = net.canvas.frame.canvas.clientWidth, H = net.canvas.frame.canvas.clientHeight;
  window.litkgLabels().forEach(function (l) { shown[l[0]] = true; });
  LITKG.labelOrder.forEach(function (i) {
    var node = net.body.nodes[i], p = net.canvasToDOM({x: node.x, y: node.y}), id = LITKG.nodes.id[i];
    if (!shown[id] && LITKG.nodes.font[i] * scale >= 10 && p.x > 450 && p.x < W - 450
        && p.y > 250 && p.y < H - 250) out.push(id);
  });
  return out;
})()"""


def _zoom_on(s, node_id, factor):
    s.js(f"""(function () {{
      var i = LITKG.nodes.id.indexOf({node_id!r}), node = window.litkgNetwork.body.nodes[i];
      window.litkgNetwork.moveTo({{position: {{x: node.x, y: node.y}}, scale: {factor},
                                   animation: false}});
    }})()""")
    _redraw(s)


@pytest.mark.parametrize("view,cap", [("concept-map", 300), ("overview", 1_500)])
def test_no_two_labels_overlap_and_hidden_ones_appear_on_zooming_in(chromium, dense, view, cap,
                                                                   tmp_path):
    with _opened(dense, view, cap, tmp_path) as s:
        opening = s.js("window.litkgNetwork.getScale()")
        found = _drawn(s)
        s.screenshot(ARTIFACTS / f"labels-{view}.png")
        # Enough labels to read the map, every one readable, none over another.
        assert len(found["boxes"]) >= 40, found["texts"]
        assert min(found["px"]) >= 10
        assert _overlaps(found["boxes"], found["texts"]) == []
        # The most connected concept is labelled at the opening zoom.
        top = s.js("LITKG.nodes.id[LITKG.labelOrder[0]]")
        assert top in [label[0] for label in s.js("window.litkgLabels()")]
        # A dense view hides labels that would collide...
        hidden = s.js(_HIDDEN)
        assert hidden, "nothing was hidden: the view is not dense enough to test"
        # ...and they appear as one zooms in, still without overlap.
        target = hidden[0]
        for factor in (1.5, 2, 3, 4, 6, 8):
            _zoom_on(s, target, opening * factor)
            found = _drawn(s)
            assert _overlaps(found["boxes"], found["texts"]) == []
            if target in [label[0] for label in s.js("window.litkgLabels()")]:
                break
        else:
            pytest.fail(f"{target}'s label did not appear up to zoom 8")
        assert factor > 1
        assert s.errors == []


def test_the_hovered_or_selected_node_and_its_neighbours_are_labelled(chromium, dense, tmp_path):
    with _opened(dense, "concept-map", 300, tmp_path) as s:
        opening = s.js("window.litkgNetwork.getScale()")
        target = s.js(_HIDDEN)[0]  # its label hidden by a collision at the opening zoom
        # Hovered, a node's label shows whatever it collides with.
        x, y = s.js(f"""(function () {{
          var net = window.litkgNetwork, node = net.body.nodes[LITKG.nodes.id.indexOf({target!r})];
          var p = net.canvasToDOM({{x: node.x, y: node.y}}), box = net.canvas.frame.canvas.getBoundingClientRect();
          return [p.x + box.left, p.y + box.top];
        }})()""")
        s.hover(x, y)
        s.wait("new Promise(function (r) { setTimeout(function () { r(true); }, 300); })")
        under = s.js(f"""LITKG.nodes.id[window.litkgNetwork.getNodeAt({{x: {x}, y: {y} -
                     window.litkgNetwork.canvas.frame.canvas.getBoundingClientRect().top}})]""")
        assert under == target
        assert under in [label[0] for label in s.js("window.litkgLabels()")]
        s.hover(5, 5)
        # Selected (and back at the opening zoom), it is labelled, and so are its neighbours
        # before any other label: most of those on screen.
        s.js(f"window.litkgSelect({target!r})")
        _zoom_on(s, target, opening)
        labelled = [label[0] for label in s.js("window.litkgLabels()")]
        assert target in labelled
        neighbours = s.js(f"""(function () {{
          var i = LITKG.nodes.id.indexOf({target!r}), out = {{}};
          for (var j = 0; j < LITKG.edges.from.length; j++) {{
            if (LITKG.edges.from[j] === i) out[LITKG.nodes.id[LITKG.edges.to[j]]] = 1;
            if (LITKG.edges.to[j] === i) out[LITKG.nodes.id[LITKG.edges.from[j]]] = 1;
          }}
          return Object.keys(out);
        }})()""")
        shown = [n for n in neighbours if n in labelled]
        assert len(shown) >= min(5, len(neighbours)), (len(shown), len(neighbours))
        found = _drawn(s)
        assert _overlaps(found["boxes"], found["texts"]) == []
        s.screenshot(ARTIFACTS / "labels-selected.png")
        assert s.errors == []


def test_region_names_and_node_labels_keep_off_each_other(chromium, dense, tmp_path):
    # Above 2,000 nodes a view opens coloured by community, each named on the map.
    with _opened(dense, "overview", 2_500, tmp_path) as s:
        regions = s.js("window.litkgRegions()")
        assert len(regions) >= 3, regions
        found = _drawn(s)
        assert len(found["boxes"]) >= 40
        names = [f"region {name}" for name, _ in regions]
        boxes = [box for _, box in regions] + found["boxes"]
        assert _overlaps(boxes, names + found["texts"]) == []
        s.screenshot(ARTIFACTS / "labels-regions.png")
        assert s.errors == []
