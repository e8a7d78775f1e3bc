"""Writing a view as one self-contained, offline HTML page drawn by vis-network.

The page inlines vis-network from the installed pyvis package, so it opens without a network;
pyvis itself is not used to build the page (its ``add_node``/``add_edge`` are quadratic and its
template loads Bootstrap from a CDN). The page data is built here directly, as column arrays,
with positions and label sizes computed in Python (:mod:`litkg.graph.layout`); the markup and
script are in :mod:`litkg.graph.page` and :mod:`litkg.graph.page_js`.

Every string that came from the data is escaped for where it lands:

* in HTML (heading, notes, legend) by Jinja's autoescaping;
* in the ``<script>`` block as JSON with ``< > & '`` written as ``\\u003c`` etc., so a title
  holding ``</script>`` cannot end the block;
* the page script shows every text (tooltips, details panel, search results) through
  ``textContent``, draws labels on the canvas as text (``fillText``), and gives a link an
  ``href`` only for an http(s) address.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from litkg.errors import OutputError, RenderError

from .layout import HEIGHT, MAX_LABEL_PX, MIN_LABEL_PX, WIDTH, positions
from .page import page_template
from .page_data import _PALETTE, EDGE_STYLES, NODE_STYLES, PageData
from .page_js import PAGE_JS
from .views import ViewGraph

__all__ = ["RenderResult", "render_html", "NODE_STYLES", "EDGE_STYLES"]

_EDGE_LEGEND = {"shared": "share datasets (width: how many)",
                "together": "used together (width: papers)",
                "group_use": "its papers use it (width: how many)"}  # others: the kind, spaced
# Legend swatches drawn like the vis shapes, in a 16×16 box centred on 0,0.
_SWATCHES = {
    "dot": '<circle r="6" fill="{c}"/>',
    "square": '<rect x="-6" y="-6" width="12" height="12" fill="{c}"/>',
    "diamond": '<polygon points="0,-7 7,0 0,7 -7,0" fill="{c}"/>',
    "triangle": '<polygon points="0,-7 7,6 -7,6" fill="{c}"/>',
    "hexagon": '<polygon points="7,0 3.5,6 -3.5,6 -7,0 -3.5,-6 3.5,-6" fill="{c}"/>',
    "star": '<polygon points="0,-7 2,-2 7,-2 3,1 5,7 0,3 -5,7 -3,1 -7,-2 -2,-2" fill="{c}"/>',
}
# Above this many nodes the page is "big": no physics, no dashes or arrows, edges hidden while
# dragging or zooming.
_BIG = 300
_PANEL = 360  # the details panel's width, with its margin
# Above this many links a page opens with them hidden: a node's links show on hover or click.
_MANY_EDGES = 40_000
_LAYOUT_SEED = 7
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


def render_html(view: ViewGraph, out_path, *, physics: bool | None = None,
                communities=None) -> RenderResult:
    """Write ``view`` as an interactive HTML page that works offline.

    Parameters
    ----------
    view : ViewGraph
        From :func:`litkg.graph.views.select_view`; read, never modified (nor its source).
    out_path : str or os.PathLike
        Where to write the page; missing parent folders are created.
    physics : bool, optional
        Let vis move nodes until they settle. Off by default: positions are computed in Python
        so that the page opens laid out and labels do not overlap.
    communities : sequence of Community, optional
        From :func:`litkg.queries.communities` (``name`` and ``members``, concept names): the
        page can colour concepts by them, and papers by their concepts' most common one.
        Without them the page offers Louvain communities of the view itself (up to 3,000 nodes).

    Returns
    -------
    RenderResult

    Raises
    ------
    OutputError
        The page cannot be written.
    RenderError
        The vis-network script of the installed pyvis cannot be inlined.
    TypeError
        ``view`` is not a :class:`ViewGraph`.

    Notes
    -----
    The page sets ``data-litkg-nodes``, ``data-litkg-edges`` (what vis loaded) on ``<body>``,
    ``data-litkg-ready="1"`` once the network was first drawn (``data-litkg-ready-ms``: when),
    and ``data-litkg-settled`` once nodes stopped moving; ``data-litkg-selected`` and
    ``data-litkg-panel`` name the selected node and what the details panel shows. Scripts can
    call ``litkgFind(text)``, ``litkgSelect(id)``, ``litkgLabels()`` (every label the last frame
    drew: id, text, px and its box on screen), ``litkgLabelSizes()`` (their px),
    ``litkgRegions()`` (the region names drawn and their boxes), ``litkgLabelMs()`` (the time the
    last frame took to place and draw its labels) and ``litkgRedrawMs(zooming)``.
    """
    if not isinstance(view, ViewGraph):
        raise TypeError(f"render_html needs a ViewGraph, not {type(view).__name__}")
    g = view.graph
    n = g.number_of_nodes()
    # An ego view opens with the focus's details panel on the right: its layout leaves room.
    box = (WIDTH - _PANEL if view.focus is not None else WIDTH, HEIGHT)
    data = PageData(view, box, communities)
    pos = positions(g, box, centre=view.focus, nodes=data.ids, groups=_leaf_groups(view))
    data.place(pos)
    big = n > _BIG
    payload = data.payload(box=list(box), big=big,
                           options=_vis_options(n, bool(physics), big))
    hide_edges = g.number_of_edges() > _MANY_EDGES
    payload["hideEdges"] = hide_edges
    shown, edges_shown = n, g.number_of_edges()
    html = _page_html(view, data, payload, hide_edges)
    path = _write(Path(out_path), html)
    return RenderResult(path, shown, view.nodes_total, edges_shown)


def _write(path: Path, html: str) -> Path:
    from litkg.outputs import write_text_atomic

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, html)  # whole or not at all (#14)
    except OSError as err:
        raise OutputError(f"cannot write {path}: {err.strerror or err}",
                         hint="check the output path and that its folder is writable") from err
    return path


def _leaf_groups(view) -> dict:
    """The ego focus's leaves (linked to it only) with (role order, rank in the view)."""
    g, focus = view.graph, view.focus
    if focus is None or focus not in g:
        return {}
    order = {node: i for i, node in enumerate(g)}
    near = g.to_undirected(as_view=True) if g.is_directed() else g
    out = {}
    for node in near.adj[focus]:
        if near.degree(node) == 1:
            role = near.edges[focus, node].get("role") or near.edges[focus, node].get("rel")
            out[node] = (_ROLE_ORDER.get(role, len(_ROLE_ORDER)), order[node])
    return out


_ROLE_ORDER = {"proposes": 0, "evaluates_on": 1, "compares_with": 2, "uses": 3}


def _page_html(view, data, payload, hide_edges: bool) -> str:
    g = view.graph
    shown, edges_shown = g.number_of_nodes(), g.number_of_edges()
    cap_note = (f"showing {shown:,} of {view.nodes_total:,} nodes — raise --max-nodes or use "
                "--focus" if shown < view.nodes_total and not view.summary else "")
    return page_template().render(
        title=view.title,
        counts=f"{shown:,} nodes · {edges_shown:,} edges",
        cap_note=cap_note,
        notes=view.notes,
        # Swatches are built from the constants above only, never from data.
        node_legend=[(t, Markup(_SWATCHES[shape].format(c=colour)))
                     for t, (colour, shape) in NODE_STYLES.items() if t in data.types_used],
        edge_legend=[(k, _EDGE_LEGEND.get(k, k.replace("_", " ")), colour,
                      " ".join(map(str, dashes)) if dashes else "none")
                     for k, (colour, dashes) in EDGE_STYLES.items() if k in data.kinds_used],
        years=data.year_range(),
        weights=data.max_weight(),
        communities=data.has_communities,
        communities_on=data.community_on,
        community_legend=[(name, _PALETTE[k]) for k, name in enumerate(data.community_names)],
        hide_edges=f"{g.number_of_edges():,}" if hide_edges else "",
        vis_js=Markup(_vis_asset("vis-network.min.js")),
        vis_css=Markup(_vis_asset("vis-network.css")),
        data_json=Markup(_script_json(payload)),
        page_js=Markup(PAGE_JS),
    )


def _vis_options(n: int, physics: bool, big: bool) -> dict:
    return {
        "layout": {"improvedLayout": False, "randomSeed": _LAYOUT_SEED},
        "nodes": {"font": {"face": "system-ui, sans-serif"}, "borderWidth": 1,
                  # vis draws no label: the page does (page_js), from these: a label only when
                  # at least MIN_LABEL_PX on screen (drawThreshold - 1, as vis would), never
                  # larger than MAX_LABEL_PX.
                  "scaling": {"label": {"enabled": False, "drawThreshold": math.floor(MIN_LABEL_PX) + 1,
                                        "maxVisible": MAX_LABEL_PX}}},
        "edges": {"smooth": False if big else {"type": "continuous"},
                  "selectionWidth": 2, "hoverWidth": 0.5},
        "interaction": {"hover": True, "tooltipDelay": 100, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big, "navigationButtons": False, "keyboard": False},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.01,
                                 "springLength": 110, "springConstant": 0.08,
                                 "avoidOverlap": 0.3},
            "minVelocity": 1.0,
            "stabilization": {"enabled": physics, "iterations": 150, "updateInterval": 25,
                              "fit": True},
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
        raise RenderError(f"cannot read vis-network from the pyvis package: {path}",
                         hint="reinstall pyvis 0.3.x") from err
    # Inlined verbatim, so it must not be able to end its own <script>/<style> element.
    if "</script" in text.lower() or "</style" in text.lower():
        raise RenderError(f"{path} cannot be inlined safely")
    return text


