"""Tests for litkg.graph.views and litkg.graph.render, the browser ones in a real headless Chromium.

Browser tests fail (they do not skip) when Chromium is missing: install it with
``apt-get install -y chromium``. Screenshots land in ``test-artifacts/render/``.
"""
from __future__ import annotations

import copy
import doctest
import json
import random
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

import litkg.graph.views as views_module
from litkg.errors import NotFoundError, QueryError
from litkg.graph.render import _script_json, render_html
from litkg.graph.views import VIEWS, ViewGraph, select_view

from browser import BrowserMissing, find_chromium, load_page

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "render"

# Each payload would mark <html> if it ever ran; the tests check that it never does.
SCRIPT_TITLE = "<script>document.documentElement.setAttribute('data-pwned','script')</script>"
IMG_TITLE = "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">"
BREAK_TITLE = ("</script><script>document.documentElement.setAttribute('data-pwned','break')"
               "</script>")
NAME_MARKUP = "<b>Bold</b> & \"quoted\" 'set'"


# --- graphs built by hand -------------------------------------------------------------------


def _paper(g, key, title, year=2020):
    g.add_node(f"paper:{key}", kind="paper", key=key, title=title, year=year, date=None,
               venue="ICML", url=f"https://example.org/{key}")


def _concept(g, key, name, type_, aliases=()):
    g.add_node(f"concept:{key}", kind="concept", key=key, name=name, type=type_,
               aliases=list(aliases))


def _mention(g, paper, concept, role, evidence="We use it."):
    g.add_edge(f"paper:{paper}", f"concept:{concept}", kind="mention", role=role,
               confidence=0.9, evidence=evidence, field="abstract")


@pytest.fixture
def kg():
    """Four papers, six concepts; the answers the tests expect follow from these lines."""
    g = nx.DiGraph()
    _paper(g, "p1", "Deep residual nets")
    _paper(g, "p2", "Wider residual nets", 2021)
    _paper(g, "p3", "Transformers for vision and text", None)
    _paper(g, "p4", "A transformer for GLUE")
    _concept(g, "imagenet", "ImageNet", "dataset", ["ILSVRC"])
    _concept(g, "cifar-10", "CIFAR-10", "dataset", ["CIFAR10"])
    _concept(g, "glue", "GLUE", "benchmark")
    _concept(g, "resnet", "ResNet", "model", ["residual network"])
    _concept(g, "resnet-50", "ResNet-50", "model", ["ResNet 50"])
    _concept(g, "transformer", "Transformer", "method")
    for paper, concept, role in [
        ("p1", "imagenet", "uses"), ("p1", "cifar-10", "evaluates_on"),
        ("p1", "resnet", "proposes"),
        ("p2", "imagenet", "uses"), ("p2", "cifar-10", "evaluates_on"),
        ("p2", "resnet", "compares_with"),
        ("p3", "imagenet", "uses"), ("p3", "glue", "evaluates_on"), ("p3", "transformer", "uses"),
        ("p4", "glue", "evaluates_on"), ("p4", "transformer", "proposes"),
    ]:
        _mention(g, paper, concept, role)
    g.add_edge("concept:resnet-50", "concept:resnet", kind="relation", rel="variant_of")
    return g


@pytest.fixture
def hostile():
    """Titles, a concept name and an evidence sentence that are markup or script."""
    g = nx.DiGraph()
    _paper(g, "evil1", SCRIPT_TITLE)
    _paper(g, "evil2", IMG_TITLE)
    _paper(g, "evil3", BREAK_TITLE)
    _concept(g, "bold", NAME_MARKUP, "dataset")
    for key in ("evil1", "evil2", "evil3"):
        _mention(g, key, "bold", "uses", evidence=BREAK_TITLE + IMG_TITLE)
    return g


def synthetic(n_papers, n_concepts, seed=0):
    """A corpus-shaped graph: Zipf-popular concepts, 1–10 mentions per paper."""
    rnd = random.Random(seed)
    g = nx.DiGraph()
    types = ("dataset", "benchmark", "model", "method")
    ids = [f"concept:c{i}" for i in range(n_concepts)]
    for i, cid in enumerate(ids):
        g.add_node(cid, kind="concept", key=f"c{i}", name=f"Concept {i}", type=types[i % 4],
                   aliases=[])
    weights = [1 / (i + 1) for i in range(n_concepts)]
    for p in range(n_papers):
        pid = f"paper:p{p}"
        g.add_node(pid, kind="paper", key=f"p{p}", title=f"Paper {p}", year=2000 + p % 25)
        for cid in set(rnd.choices(ids, weights, k=rnd.randint(1, 10))):
            g.add_edge(pid, cid, kind="mention", role="uses", confidence=0.8,
                       evidence="…", field="abstract")
    return g


def snapshot(g):
    return (copy.deepcopy(dict(g.nodes(data=True))),
            copy.deepcopy({(u, v): d for u, v, d in g.edges(data=True)}))


# --- views: pure, no browser ----------------------------------------------------------------


def test_doctests_run():
    assert doctest.testmod(views_module).failed == 0


@pytest.mark.parametrize("view", VIEWS)
def test_nothing_mutates_the_callers_graph(kg, view, tmp_path):
    before = snapshot(kg)
    result = select_view(kg, view, focus="p1" if view == "ego" else None, radius=2)
    view_before = snapshot(result.graph)
    render_html(result, tmp_path / "page.html")
    assert snapshot(kg) == before
    assert snapshot(result.graph) == view_before  # rendering leaves the view alone too
    # The view owns its attributes: editing them cannot reach the caller's graph.
    for node, attrs in result.graph.nodes(data=True):
        attrs["title"] = "changed"
        if "aliases" in attrs:
            attrs["aliases"].append("changed")
    assert snapshot(kg) == before


@pytest.mark.parametrize("kwargs, message", [
    ({"view": "galaxy"}, "unknown view 'galaxy'"),
    ({"view": "overview", "max_nodes": 0}, "max_nodes must be a positive integer, not 0"),
    ({"view": "ego"}, "the ego view needs a focus"),
    ({"view": "ego", "focus": "p1", "radius": -1}, "radius must be a non-negative integer"),
    ({"view": "overview", "focus": "p1"}, "focus only applies to the ego view"),
])
def test_bad_arguments_raise_query_error(kg, kwargs, message):
    with pytest.raises(QueryError) as err:
        select_view(kg, **kwargs)
    assert err.value.message.startswith(message)


def test_unknown_focus_raises_not_found(kg):
    with pytest.raises(NotFoundError, match="no paper or concept matches 'MNIST'"):
        select_view(kg, "ego", focus="MNIST")


@pytest.mark.parametrize("focus, centre", [
    ("concept:glue", "concept:glue"),   # a node id
    ("p3", "paper:p3"),                 # a paper key
    ("cifar-10", "concept:cifar-10"),   # a concept key
    ("Cifar 10", "concept:cifar-10"),   # its name, case and hyphen folded
    ("ilsvrc", "concept:imagenet"),     # an alias
    ("resnet50", "concept:resnet-50"),  # a key without its hyphen
    ("Residual-Network", "concept:resnet"),
])
def test_ego_focus_matches_keys_names_and_aliases(kg, focus, centre):
    assert set(select_view(kg, "ego", focus=focus, radius=0).graph) == {centre}


def test_focus_naming_two_nodes_asks_for_the_id(kg):
    _paper(kg, "glue", "A paper whose key is glue")
    with pytest.raises(QueryError, match="'GLUE' matches several nodes: concept:glue, paper:glue"):
        select_view(kg, "ego", focus="GLUE")
    assert set(select_view(kg, "ego", focus="paper:glue", radius=0).graph) == {"paper:glue"}


def test_ego_radius_counts_hops_in_both_directions(kg):
    def ego(radius):
        return set(select_view(kg, "ego", focus="p1", radius=radius).graph)

    assert ego(0) == {"paper:p1"}
    assert ego(1) == {"paper:p1", "concept:imagenet", "concept:cifar-10", "concept:resnet"}
    # Two hops: papers sharing p1's concepts, and resnet-50 through an edge that points inward.
    assert ego(2) == ego(1) | {"paper:p2", "paper:p3", "concept:resnet-50"}
    assert ego(3) == set(kg) - {"paper:p4"}
    view = select_view(kg, "ego", focus="p1", radius=1)
    assert view.title == "Neighbourhood of Deep residual nets (1 hop)"
    assert view.graph.edges["paper:p1", "concept:resnet"]["role"] == "proposes"


def test_shared_datasets_weights_and_names(kg):
    view = select_view(kg, "shared-datasets")
    g = view.graph
    assert not g.is_directed()
    got = {tuple(sorted((u, v))): (d["weight"], d["shared"]) for u, v, d in g.edges(data=True)}
    assert got == {
        ("paper:p1", "paper:p2"): (2, ["CIFAR-10", "ImageNet"]),
        ("paper:p1", "paper:p3"): (1, ["ImageNet"]),
        ("paper:p2", "paper:p3"): (1, ["ImageNet"]),
        ("paper:p3", "paper:p4"): (1, ["GLUE"]),
    }
    assert view.nodes_total == 4 and g.nodes["paper:p1"]["title"] == "Deep residual nets"


def test_shared_datasets_leaves_out_very_common_datasets(monkeypatch, kg):
    monkeypatch.setattr(views_module, "_COMMON_CONCEPT_PAPERS", 2)
    view = select_view(kg, "shared-datasets")
    assert view.notes[0].startswith("left out 1 dataset(s) used by very many papers (ImageNet)")
    assert {tuple(sorted(e)) for e in view.graph.edges} == {("paper:p1", "paper:p2"),
                                                              ("paper:p3", "paper:p4")}


def test_concept_map_weights_and_relations(kg):
    g = select_view(kg, "concept-map").graph
    weight = {tuple(sorted((u, v))): d["weight"] for u, v, d in g.edges(data=True)}
    c = "concept:"
    assert weight[c + "cifar-10", c + "imagenet"] == 2      # p1, p2
    assert weight[c + "glue", c + "transformer"] == 2       # p3, p4
    assert weight[c + "glue", c + "imagenet"] == 1          # p3
    assert weight[c + "resnet", c + "resnet-50"] == 0       # a relation no paper shows
    assert g.edges[c + "resnet", c + "resnet-50"]["rel"] == "variant_of"
    assert len(weight) == 3 + 3 + 1  # p1's (= p2's) triangle, p3's (holds p4's pair), relation
    assert g.nodes[c + "imagenet"]["n_papers"] == 3


def test_overview_keeps_concepts_with_papers_and_their_edges(kg):
    view = select_view(kg, "overview")
    assert set(view.graph) == set(kg) - {"concept:resnet-50"}  # no paper mentions it
    assert view.nodes_total == 9 and not view.capped
    assert view.graph.number_of_edges() == 11


def test_cap_keeps_most_connected_with_id_tie_break(kg):
    view = select_view(kg, "concept-map", max_nodes=3)
    # imagenet has 4 neighbours, resnet 3, then cifar-10, glue and transformer tie at 2: the id
    # decides.
    assert list(view.graph) == ["concept:imagenet", "concept:resnet", "concept:cifar-10"]
    assert view.nodes_total == 6 and view.capped
    # The overview gives a quarter of the places to the most used concepts, the rest to papers.
    over = select_view(kg, "overview", max_nodes=4)
    assert list(over.graph) == ["concept:imagenet", "paper:p1", "paper:p2", "paper:p3"]
    assert over.nodes_total == 9
    # Ego keeps the focus, then the nearest, then the most connected.
    ego = select_view(kg, "ego", focus="p4", radius=3, max_nodes=3)
    assert list(ego.graph)[0] == "paper:p4"
    assert set(ego.graph) == {"paper:p4", "concept:glue", "concept:transformer"}
    assert select_view(kg, "ego", focus="p4", radius=3, max_nodes=3).graph.nodes == ego.graph.nodes


def test_views_scale_to_twenty_thousand_papers():
    g = synthetic(20_000, 2_500)
    for view in VIEWS:
        start = time.perf_counter()
        result = select_view(g, view, focus="c3" if view == "ego" else None, radius=2,
                             max_nodes=500)
        elapsed = time.perf_counter() - start
        assert elapsed < 3.0, f"{view} took {elapsed:.2f} s"
        assert result.graph.number_of_nodes() == 500 < result.nodes_total


# --- render: the page as text, no browser ---------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(html):
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def test_script_json_cannot_close_the_script_block():
    text = _script_json({"t": BREAK_TITLE + "&'\u2028"})
    assert not re.search(r"[<>&'\u2028]", text)
    assert json.loads(text) == {"t": BREAK_TITLE + "&'\u2028"}


def test_page_is_offline_and_hostile_strings_never_become_markup(hostile, tmp_path):
    result = render_html(select_view(hostile, "ego", focus="evil3", radius=2),
                         tmp_path / "evil.html")
    html = result.path.read_text(encoding="utf-8")
    tags = _tags(html)
    # Exactly our two scripts (vis-network and the page's own), no tag from the data.
    assert [t for t, _ in tags if t == "script"] == ["script", "script"]
    assert not {t for t, _ in tags} & {"img", "b", "iframe", "link", "object", "embed"}
    for tag, attrs in tags:
        for name in ("src", "href", "action", "data"):
            assert not re.match(r"\s*(https?:)?//", attrs.get(name) or ""), (tag, attrs)
    assert not re.search(r"<(script|link)[^>]+(src|href)\s*=", html, flags=re.I)
    assert "&lt;/script&gt;&lt;script&gt;" in html  # the heading, escaped
    assert result.nodes_shown == result.nodes_total == 4 and result.edges_shown == 3


def test_physics_on_for_small_off_for_large_or_when_asked(kg, tmp_path):
    def options(view, **kw):
        html = render_html(view, tmp_path / "p.html", **kw).path.read_text(encoding="utf-8")
        return json.loads(re.search(r"var options = (\{.*?\});\n", html).group(1))

    small = select_view(kg, "overview")
    assert options(small)["physics"]["enabled"] is True
    assert options(small, physics=False)["physics"]["enabled"] is False
    large = select_view(synthetic(600, 80), "overview", max_nodes=400)
    assert options(large)["physics"]["enabled"] is False


def test_empty_view_renders_and_a_raw_graph_is_refused(kg, tmp_path):
    result = render_html(ViewGraph(nx.DiGraph(), 0, "Nothing here"), tmp_path / "empty.html")
    assert (result.nodes_shown, result.nodes_total, result.edges_shown) == (0, 0, 0)
    with pytest.raises(TypeError, match="render_html needs a ViewGraph"):
        render_html(kg, tmp_path / "raw.html")


def test_writing_two_thousand_nodes_is_fast(tmp_path):
    view = select_view(synthetic(6_000, 800), "overview", max_nodes=2_000)
    start = time.perf_counter()
    result = render_html(view, tmp_path / "big.html")
    elapsed = time.perf_counter() - start
    assert result.nodes_shown == 2_000 and elapsed < 5.0, f"{elapsed:.2f} s"


def test_missing_chromium_fails_with_the_install_command(monkeypatch):
    import browser

    monkeypatch.delenv("LITKG_CHROMIUM", raising=False)
    monkeypatch.setattr(browser.shutil, "which", lambda name: None)
    monkeypatch.setattr(browser.os, "access", lambda path, mode: False)
    with pytest.raises(BrowserMissing, match=r"apt-get install -y chromium"):
        find_chromium()


# --- in the browser -------------------------------------------------------------------------


def _clean(page):
    assert page.errors == [], page.errors
    assert page.body.get("litkg-ready") == "1", page.body


@pytest.mark.parametrize("view", VIEWS)
def test_each_view_loads_in_chromium(chromium, kg, view, tmp_path):
    chosen = select_view(kg, view, focus="p1" if view == "ego" else None, radius=1)
    result = render_html(chosen, tmp_path / f"{view}.html")
    page = load_page(result.path, screenshot=ARTIFACTS / f"{view}.png")
    _clean(page)
    assert page.body["litkg-nodes"] == str(chosen.graph.number_of_nodes())
    assert page.body["litkg-edges"] == str(chosen.graph.number_of_edges())
    assert page.body.get("litkg-settled") == "1"
    assert chosen.title in page.text() and "Legend" in page.text()
    assert (ARTIFACTS / f"{view}.png").stat().st_size > 10_000


def test_counts_legend_and_search_in_chromium(chromium, kg, tmp_path):
    result = render_html(select_view(kg, "overview"), tmp_path / "overview.html")
    probe = """
      window.litkgFind("cifar10");
      document.body.dataset.byName = document.body.dataset.litkgSelected;
      document.getElementById("litkg-search-input").value = "Residual Network";
      document.getElementById("litkg-search").requestSubmit();
      document.body.dataset.byForm = window.litkgNetwork.getSelectedNodes().join(",");
      document.body.dataset.miss = String(window.litkgFind("no such thing"));
    """
    page = load_page(result.path, probe=probe)
    _clean(page)
    assert (page.body["litkg-nodes"], page.body["litkg-edges"]) == ("9", "11")
    assert page.body["by-name"] == "concept:cifar-10"
    assert page.body["by-form"] == "concept:resnet"
    assert page.body["miss"] == "null"
    text = page.text()
    for kind in ("paper", "dataset", "benchmark", "model", "method", "proposes",
                 "evaluates on", "compares with"):
        assert kind in text
    assert "9 nodes · 11 edges" in text


def test_hostile_titles_show_as_text_and_run_nothing_in_chromium(chromium, hostile, tmp_path):
    # Physics off: the hover below aims at node positions, which must not drift while it runs.
    result = render_html(select_view(hostile, "ego", focus="evil3", radius=2),
                         tmp_path / "evil.html", physics=False)
    # Hover each node the way vis does and record what its tooltip holds; then search for the
    # concept by its markup-like name.
    probe = """
      setTimeout(function () {
        var net = window.litkgNetwork, tips = [];
        ["paper:evil1", "paper:evil2", "paper:evil3", "concept:bold"].forEach(function (id) {
          net.interactionHandler.popupObj = undefined;
          net.interactionHandler._checkShowPopup(net.canvasToDOM(net.getPositions([id])[id]));
          var tip = document.querySelector(".vis-tooltip");
          tips.push({text: tip.textContent,
                     markup: tip.querySelectorAll("*:not(.litkg-tip)").length});
        });
        document.body.dataset.tips = JSON.stringify(tips);
        document.body.dataset.docTitle = document.title;
        window.litkgFind("<b>bold</b>");
      }, 2000);
    """
    page = load_page(result.path, probe=probe, screenshot=ARTIFACTS / "hostile.png")
    _clean(page)
    assert "data-pwned" not in page.root
    assert page.body["litkg-nodes"] == "4" and page.body["litkg-edges"] == "3"
    tips = json.loads(page.body["tips"])
    for tip, title in zip(tips, (SCRIPT_TITLE, IMG_TITLE, BREAK_TITLE, NAME_MARKUP)):
        assert tip["text"].startswith(title) and tip["markup"] == 0, tip
    assert page.body["doc-title"] == f"Neighbourhood of {BREAK_TITLE} (2 hops) · litkg"
    assert page.body["litkg-selected"] == "concept:bold"
    text = page.text()
    assert f"Neighbourhood of {BREAK_TITLE} (2 hops)" in text
    assert NAME_MARKUP in text  # the search status names the node it found


def test_capped_view_shows_its_note_in_chromium(chromium, kg, tmp_path):
    result = render_html(select_view(kg, "overview", max_nodes=4), tmp_path / "capped.html")
    page = load_page(result.path)
    _clean(page)
    assert "showing 4 of 9 nodes — use --max-nodes" in page.text()
    assert page.body["litkg-nodes"] == "4"


def test_large_view_loads_without_physics_in_chromium(chromium, tmp_path):
    view = select_view(synthetic(3_000, 300), "shared-datasets", max_nodes=800)
    result = render_html(view, tmp_path / "large.html")
    page = load_page(result.path, screenshot=ARTIFACTS / "large-shared-datasets.png")
    _clean(page)
    assert page.body["litkg-nodes"] == "800"
    assert page.body["litkg-edges"] == str(view.graph.number_of_edges())
    assert page.body["litkg-settled"] == "1"
    assert "showing 800 of" in page.text()
