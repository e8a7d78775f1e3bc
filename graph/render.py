"""Writing a view as one self-contained, offline HTML page drawn by vis-network (through pyvis).

The page inlines vis-network from the installed pyvis package, so it opens without a network. It
does not use pyvis's own page template, which loads Bootstrap from a CDN and inserts the heading
as raw HTML; nor ``Network.from_nx``, which writes into the graph it is given.

Every string that came from the data is escaped for where it lands:

* in HTML (heading, notes, legend) by Jinja's autoescaping;
* in the ``<script>`` block as JSON with ``< > & '`` written as ``\\u003c`` etc., so a title
  holding ``</script>`` cannot end the block;
* tooltips are plain text: the page wraps each in an element filled through ``textContent``, so
  no tooltip is ever parsed as HTML, whatever vis does with strings.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import networkx as nx
from jinja2 import Environment
from markupsafe import Markup
from pyvis.network import Network

from litkg.errors import LitkgError

from .views import ViewGraph

__all__ = ["RenderResult", "render_html", "NODE_STYLES", "EDGE_STYLES"]

#: Colour and vis shape per node type (Okabe–Ito colours, told apart by the colour-blind too).
NODE_STYLES = {
    "paper": ("#0072B2", "dot"),
    "dataset": ("#E69F00", "square"),
    "benchmark": ("#009E73", "diamond"),
    "model": ("#CC79A7", "triangle"),
    "method": ("#D55E00", "hexagon"),
    "concept": ("#999999", "star"),  # a concept of a type litkg does not know
}
#: Colour and dash pattern (False = solid) per edge kind: mention roles, relations, and links.
EDGE_STYLES = {
    "proposes": ("#D55E00", False),
    "uses": ("#56B4E9", False),
    "evaluates_on": ("#009E73", [8, 4]),
    "compares_with": ("#CC79A7", [2, 4]),
    "part_of": ("#555555", [10, 4, 2, 4]),
    "variant_of": ("#888888", [4, 4]),
    "shared": ("#E69F00", False),
    "together": ("#9E9E9E", False),
}
_EDGE_LEGEND = {"shared": "share datasets (width: how many)",
                "together": "used together (width: papers)"}  # others: the kind, spaced
# Legend swatches drawn like the vis shapes, in a 16×16 box centred on 0,0.
_SWATCHES = {
    "dot": '<circle r="6" fill="{c}"/>',
    "square": '<rect x="-6" y="-6" width="12" height="12" fill="{c}"/>',
    "diamond": '<polygon points="0,-7 7,0 0,7 -7,0" fill="{c}"/>',
    "triangle": '<polygon points="0,-7 7,6 -7,6" fill="{c}"/>',
    "hexagon": '<polygon points="7,0 3.5,6 -3.5,6 -7,0 -3.5,-6 3.5,-6" fill="{c}"/>',
    "star": '<polygon points="0,-7 2,-2 7,-2 3,1 5,7 0,3 -5,7 -3,1 -7,-2 -2,-2" fill="{c}"/>',
}
# Above this many nodes vis physics never settles in reasonable time: positions come from Python.
_PHYSICS_MAX_NODES = 300
# networkx's spring layout is dense O(n²) without scipy; above this a cheaper layout is used.
_SPRING_MAX_NODES = 500
_LAYOUT_SEED = 7
_LABEL_CHARS = 40

# Characters that could end the script block or start markup, written as JSON escapes instead.
# U+2028/2029 are line ends to older JavaScript parsers.
_SCRIPT_UNSAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                  ord("'"): "\\u0027", 0x2028: "\\u2028", 0x2029: "\\u2029"}


@dataclass(frozen=True)
class RenderResult:
    """What :func:`render_html` wrote: the page's path and how much of the view it shows."""

    path: Path
    nodes_shown: int
    nodes_total: int
    edges_shown: int


def render_html(view: ViewGraph, out_path, *, physics: bool | None = None) -> RenderResult:
    """Write ``view`` as an interactive HTML page that works offline.

    Parameters
    ----------
    view : ViewGraph
        From :func:`litkg.graph.views.select_view`; read, never modified.
    out_path : str or os.PathLike
        Where to write the page; missing parent folders are created.
    physics : bool, optional
        Let vis move nodes until they settle. By default on for views of at most 300 nodes and
        off above. Positions are computed in Python either way, so the page opens laid out.

    Returns
    -------
    RenderResult

    Raises
    ------
    LitkgError
        The page cannot be written.
    TypeError
        ``view`` is not a :class:`ViewGraph`.

    Notes
    -----
    The page sets ``data-litkg-nodes``, ``data-litkg-edges`` (what vis actually loaded) and
    ``data-litkg-ready="1"`` on ``<body>`` once the network exists, and ``data-litkg-settled``
    once it stopped moving, so browser tests and scripts can check it.
    """
    if not isinstance(view, ViewGraph):
        raise TypeError(f"render_html needs a ViewGraph, not {type(view).__name__}")
    g = view.graph
    n = g.number_of_nodes()
    physics = n <= _PHYSICS_MAX_NODES if physics is None else bool(physics)
    positions = _layout(g)
    net = Network(directed=True, cdn_resources="in_line")
    for node, attrs in g.nodes(data=True):
        x, y = positions[node]
        net.add_node(str(node), **_node_options(attrs, g.degree(node), x, y))
    for i, (u, v, attrs) in enumerate(g.edges(data=True)):
        net.add_edge(str(u), str(v), **_edge_options(g, u, v, attrs, f"e{i}"))
    net.options = _vis_options(n, physics)

    shown, edges_shown = len(net.nodes), len(net.edges)
    cap_note = f"showing {shown:,} of {view.nodes_total:,} nodes — use --max-nodes" \
        if shown < view.nodes_total else ""
    types = {node["litkgType"] for node in net.nodes}
    kinds = {edge["litkgKind"] for edge in net.edges}
    html = _template().render(
        title=view.title,
        counts=f"{shown:,} nodes · {edges_shown:,} edges",
        cap_note=cap_note,
        notes=view.notes,
        # Swatches are built from the constants above only, never from data.
        node_legend=[(t, Markup(_SWATCHES[shape].format(c=colour)))
                     for t, (colour, shape) in NODE_STYLES.items() if t in types],
        edge_legend=[(_EDGE_LEGEND.get(k, k.replace("_", " ")), colour,
                      " ".join(map(str, dashes)) if dashes else "none")
                     for k, (colour, dashes) in EDGE_STYLES.items() if k in kinds],
        vis_js=Markup(_vis_asset("vis-network.min.js")),
        vis_css=Markup(_vis_asset("vis-network.css")),
        nodes_json=Markup(_script_json(net.nodes)),
        edges_json=Markup(_script_json(net.edges)),
        options_json=Markup(_script_json(net.options)),
    )
    path = Path(out_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    except OSError as err:
        raise LitkgError(f"cannot write {path}: {err.strerror or err}",
                         hint="check the output path and that its folder is writable") from err
    return RenderResult(path, shown, view.nodes_total, edges_shown)


# --- nodes and edges ------------------------------------------------------------------------


def _node_type(attrs) -> str:
    if attrs.get("kind") == "paper":
        return "paper"
    kind = attrs.get("type")
    return kind if kind in NODE_STYLES and kind != "paper" else "concept"


def _node_options(attrs, degree: int, x: float, y: float) -> dict:
    kind = _node_type(attrs)
    colour, shape = NODE_STYLES[kind]
    if kind == "paper":
        text = str(attrs.get("title") or attrs.get("key") or "untitled paper")
        when = " · ".join(str(v) for v in (attrs.get("year"), attrs.get("venue")) if v)
        tip = [text, when, str(attrs.get("key") or "")]
        terms = [text, attrs.get("key")]
    else:
        text = str(attrs.get("name") or attrs.get("key") or "concept")
        aliases = [str(a) for a in attrs.get("aliases") or ()]
        used = attrs.get("n_papers")
        tip = [text, " · ".join(filter(None, [
            str(attrs.get("type") or "concept"),
            f"used by {used:,} paper{'' if used == 1 else 's'}" if used is not None else ""])),
            "also: " + ", ".join(aliases[:8]) if aliases else ""]
        terms = [text, attrs.get("key"), *aliases]
    label = text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1].rstrip() + "…"
    return {
        "label": label,
        "shape": shape,
        "color": colour,
        "litkgType": kind,
        # Size grows with the square root of degree so hubs stand out without hiding the rest.
        "size": round(min(8 + 3 * math.sqrt(degree), 45), 1),
        "title": "\n".join(line for line in tip if line),
        "x": x,
        "y": y,
        "search": sorted({_normalise(t) for t in terms if t}),
    }


def _edge_options(g, u, v, attrs, edge_id: str) -> dict:
    name_u, name_v = _name(g.nodes[u]), _name(g.nodes[v])
    weight = attrs.get("weight")
    if attrs.get("kind") == "mention" or attrs.get("role"):
        kind = attrs.get("role") if attrs.get("role") in EDGE_STYLES else "uses"
        conf = attrs.get("confidence")
        tip = [name_u, f"{kind.replace('_', ' ')} {name_v}",
               " · ".join(filter(None, [
                   f"confidence {conf:.2f}" if isinstance(conf, (int, float))
                   and math.isfinite(conf) else "",
                   f"from the {attrs['field']}" if attrs.get("field") else ""])),
               f"“{attrs['evidence']}”" if attrs.get("evidence") else ""]
    elif "shared" in attrs:
        kind = "shared"
        tip = [f"{name_u} and {name_v}", f"share {weight}: " + ", ".join(map(str, attrs["shared"]))]
    elif attrs.get("rel") in EDGE_STYLES and not weight:
        kind = attrs["rel"]
        tip = [f"{name_u} {kind.replace('_', ' ')} {name_v}"]
    else:
        kind = attrs["rel"] if attrs.get("rel") in EDGE_STYLES else "together"
        tip = [f"{name_u} and {name_v}",
               f"used together in {weight or 0:,} paper{'' if weight == 1 else 's'}",
               f"{name_u} {attrs['rel'].replace('_', ' ')} {name_v}" if attrs.get("rel") else ""]
    colour, dashes = EDGE_STYLES[kind]
    directed = g.is_directed()
    return {
        "id": edge_id,
        "litkgKind": kind,
        "color": {"color": colour, "highlight": colour, "hover": colour, "opacity": 0.8},
        "dashes": dashes,
        # Width follows the weight on a log scale: a 1,000-paper link must not cover the page.
        "width": round(1 + 1.5 * math.log2(weight), 2) if isinstance(weight, (int, float))
        and weight >= 1 else 1.5,
        "arrows": {"to": {"enabled": directed, "scaleFactor": 0.5}},
        "title": "\n".join(line for line in tip if line),
    }


def _name(attrs) -> str:
    return str(attrs.get("title") or attrs.get("name") or attrs.get("key") or "?")


def _normalise(text) -> str:
    # The same folding as the page's search box does to a query: case, spaces, hyphens.
    return "".join(ch for ch in str(text).lower() if not (ch.isspace() or ch in "-_‐‑‒–—―"))


# --- layout and vis options -----------------------------------------------------------------


def _layout(g) -> dict:
    """Pixel positions for every node: a spring layout when small, a cheap one when large."""
    n = g.number_of_nodes()
    if n == 0:
        return {}
    spread = 150 + 40 * math.sqrt(n)
    if n <= _SPRING_MAX_NODES:
        pos = nx.spring_layout(g, seed=_LAYOUT_SEED, iterations=50 if n <= 150 else 30)
        return {node: (round(float(p[0]) * spread, 1), round(float(p[1]) * spread, 1))
                for node, p in pos.items()}
    # Large: hubs on a sunflower spiral from the centre outward, then each node is pulled a few
    # times halfway to its neighbours' mean, so papers sit near their concepts. O(n + edges).
    order = sorted(g, key=lambda node: (-g.degree(node), str(node)))
    golden = math.pi * (3 - math.sqrt(5))
    anchor = {node: (math.sqrt(i + 0.5) * math.cos(i * golden),
                     math.sqrt(i + 0.5) * math.sin(i * golden)) for i, node in enumerate(order)}
    undirected = g.to_undirected(as_view=True)
    pos = anchor
    for _ in range(3):
        moved = {}
        for node in order:
            near = [pos[m] for m in undirected.adj[node] if m != node]
            ax, ay = anchor[node]
            if near:
                mx = sum(p[0] for p in near) / len(near)
                my = sum(p[1] for p in near) / len(near)
                moved[node] = ((ax + mx) / 2, (ay + my) / 2)
            else:
                moved[node] = (ax, ay)
        pos = moved
    scale = spread / math.sqrt(n)
    return {node: (round(x * scale, 1), round(y * scale, 1)) for node, (x, y) in pos.items()}


def _vis_options(n: int, physics: bool) -> dict:
    small = n <= _PHYSICS_MAX_NODES
    return {
        "layout": {"improvedLayout": False, "randomSeed": _LAYOUT_SEED},
        "nodes": {"font": {"size": 12, "face": "sans-serif"}, "borderWidth": 1},
        "edges": {"smooth": {"type": "continuous"} if small else False,
                  "selectionWidth": 2, "hoverWidth": 0.5},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": not small,
                        "navigationButtons": False, "keyboard": False},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.01,
                                 "springLength": 110, "springConstant": 0.08,
                                 "avoidOverlap": 0.3},
            "minVelocity": 1.0,
            # Short: positions are precomputed, vis only has to tidy them.
            "stabilization": {"enabled": physics, "iterations": 150 if small else 60,
                              "updateInterval": 25, "fit": True},
        },
    }


# --- the page -------------------------------------------------------------------------------


def _script_json(value) -> str:
    """JSON that is safe inside an inline ``<script>``: no ``<``, ``>``, ``&`` or ``'``."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.translate(_SCRIPT_UNSAFE)


@lru_cache(maxsize=None)
def _vis_asset(name: str) -> str:
    import pyvis

    path = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise LitkgError(f"cannot read vis-network from the pyvis package: {path}",
                         hint="reinstall pyvis 0.3.x") from err
    # Inlined verbatim, so it must not be able to end its own <script>/<style> element.
    if "</script" in text.lower() or "</style" in text.lower():
        raise LitkgError(f"{path} cannot be inlined safely", hint="reinstall pyvis 0.3.x")
    return text


@lru_cache(maxsize=1)
def _template():
    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    return env.from_string(_PAGE)


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
{# No request may leave the page: it must work offline and cannot leak what it shows. #}
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="litkg">
<title>{{ title }} · litkg</title>
<style>{{ vis_css }}</style>
<style>
  html, body { margin: 0; height: 100%; font: 14px/1.4 system-ui, sans-serif; color: #222; }
  body { display: flex; flex-direction: column; } h1 { font-size: 18px; margin: 0 0 4px; }
  header { padding: 8px 16px; border-bottom: 1px solid #ddd; } header p { margin: 2px 0; }
  .litkg-note { color: #8a4b00; } #litkg-search { margin-top: 6px; }
  #litkg-search input { width: 280px; padding: 3px 6px; }
  #litkg-search-status { margin-left: 8px; color: #555; }
  main { flex: 1; position: relative; min-height: 400px; }
  #litkg-network { position: absolute; inset: 0; }
  #litkg-legend { position: absolute; top: 8px; right: 8px; background: rgba(255,255,255,.92);
                  border: 1px solid #ccc; border-radius: 4px; padding: 6px 10px; font-size: 12px; }
  #litkg-legend h2 { font-size: 13px; margin: 0 0 4px; }
  #litkg-legend ul { list-style: none; margin: 0 0 4px; padding: 0; }
  #litkg-legend li { display: flex; align-items: center; gap: 6px; }
  .litkg-tip { white-space: pre-wrap; max-width: 420px; }
</style>
<script>{{ vis_js }}</script>
</head>
<body>
<header>
  <h1 id="litkg-title">{{ title }}</h1>
  <p id="litkg-counts">{{ counts }}</p>
  {% if cap_note %}
  <p id="litkg-cap-note" class="litkg-note">{{ cap_note }}</p>
  {% endif %}
  {% for note in notes %}
  <p class="litkg-note">{{ note }}</p>
  {% endfor %}
  <form id="litkg-search" role="search">
    <input id="litkg-search-input" type="search" placeholder="Find a paper or concept"
           aria-label="Find a paper or concept" autocomplete="off">
    <button type="submit">Find</button><span id="litkg-search-status" aria-live="polite"></span>
  </form>
</header>
<main>
  <div id="litkg-network"></div>
  <aside id="litkg-legend" aria-label="Legend">
    <h2>Legend</h2>
    <ul>
    {% for kind, swatch in node_legend %}
      <li data-kind="{{ kind }}"><svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true">{{ swatch }}</svg>{{ kind }}</li>
    {% endfor %}
    </ul>
    <ul>
    {% for label, colour, dash in edge_legend %}
      <li><svg width="32" height="10" aria-hidden="true"><line x1="0" y1="5" x2="32" y2="5" stroke="{{ colour }}" stroke-width="3" stroke-dasharray="{{ dash }}"/></svg>{{ label }}</li>
    {% endfor %}
    </ul>
  </aside>
</main>
<script>
(function () {
  "use strict";
  var nodeData = {{ nodes_json }};
  var edgeData = {{ edges_json }};
  var options = {{ options_json }};
  var body = document.body;

  // Tooltips are plain text. An element filled through textContent is shown as it is, so no
  // title from the data is ever parsed as HTML (vis would use innerHTML on older versions).
  function tip(item) {
    if (typeof item.title !== "string") return;
    var el = document.createElement("div");
    el.className = "litkg-tip";
    el.textContent = item.title;
    item.title = el;
  }
  nodeData.forEach(tip);
  edgeData.forEach(tip);

  var nodes = new vis.DataSet(nodeData), edges = new vis.DataSet(edgeData);
  var network = new vis.Network(document.getElementById("litkg-network"),
                                {nodes: nodes, edges: edges}, options);
  window.litkgNetwork = network;
  body.dataset.litkgNodes = String(nodes.length);
  body.dataset.litkgEdges = String(edges.length);

  // Once laid out, stop the simulation: a settled page should not keep drifting.
  function settled() {
    network.setOptions({physics: {enabled: false}});
    body.dataset.litkgSettled = "1";
  }
  if (options.physics.enabled) network.once("stabilizationIterationsDone", settled);
  else body.dataset.litkgSettled = "1";

  // Search: exact name/alias/key first, else the first node (most connected first) containing it.
  function norm(text) {
    return String(text).toLowerCase().replace(/[\\s\\-_\\u2010-\\u2015]+/g, "");
  }
  var status = document.getElementById("litkg-search-status");
  function find(query) {
    var want = norm(query), exact = null, partial = null;
    if (!want) return (status.textContent = "", null);
    nodes.forEach(function (node) {
      var terms = node.search || [];
      if (exact === null && terms.indexOf(want) >= 0) {
        exact = node.id;
      } else if (partial === null && terms.some(function (t) { return t.indexOf(want) >= 0; })) {
        partial = node.id;
      }
    });
    var hit = exact !== null ? exact : partial;
    if (hit === null) {
      network.unselectAll();
      status.textContent = "no match for \\u201c" + query + "\\u201d";
      delete body.dataset.litkgSelected;
      return null;
    }
    network.selectNodes([hit]);
    network.focus(hit, {scale: 1.2, animation: {duration: 400}});
    status.textContent = nodes.get(hit).label;
    body.dataset.litkgSelected = hit;
    return hit;
  }
  window.litkgFind = find;
  document.getElementById("litkg-search").addEventListener("submit", function (event) {
    event.preventDefault();
    find(document.getElementById("litkg-search-input").value);
  });
  body.dataset.litkgReady = "1";
})();
</script>
</body>
</html>
"""
