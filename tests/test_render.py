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
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

import litkg.graph.views as views_module
from litkg.errors import NotFoundError, QueryError
from litkg.graph.render import _script_json, render_html
from litkg.graph.views import VIEWS, ViewGraph, select_view

from browser import BrowserMissing, Session, find_chromium, load_page

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
    ({"view": "overview", "focus": "p1"}, "focus only applies to the ego and shared-datasets views"),
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
    # One rule for queries and views (#12): "GLUE" is the concept's name, as for `litkg query
    # neighbourhood`; the paper keyed "glue" is "glue" or "paper:glue". A name two concepts share
    # names both, and a view, which centres on one node, asks for the id.
    _paper(kg, "glue", "A paper whose key is glue")
    assert set(select_view(kg, "ego", focus="GLUE", radius=0).graph) == {"concept:glue"}
    assert set(select_view(kg, "ego", focus="glue", radius=0).graph) == {"paper:glue"}
    assert set(select_view(kg, "ego", focus="paper:glue", radius=0).graph) == {"paper:glue"}
    _concept(kg, "glue-2", "GLUE", "dataset")
    with pytest.raises(QueryError, match="'GLUE' matches several nodes: concept:glue, concept:glue-2"):
        select_view(kg, "ego", focus="GLUE")


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


def test_cap_keeps_the_most_relevant_with_id_tie_break(kg):
    view = select_view(kg, "concept-map", max_nodes=3)
    # imagenet has 4 neighbours, resnet 3, then cifar-10, glue and transformer tie at 2: the id
    # decides.
    assert list(view.graph) == ["concept:imagenet", "concept:resnet", "concept:cifar-10"]
    assert view.nodes_total == 6 and view.capped
    # The overview gives a quarter of the places to the most used concepts, the rest to papers,
    # ranked by the rarity of the kept concepts they mention, then by recency (p2 is 2021, p1
    # 2020, p3 has no year), not by id.
    over = select_view(kg, "overview", max_nodes=4)
    assert list(over.graph) == ["concept:imagenet", "paper:p2", "paper:p1", "paper:p3"]
    assert over.nodes_total == 9
    # Ego keeps the focus, then the nearest, then the most relevant, and says what it left out.
    ego = select_view(kg, "ego", focus="p4", radius=3, max_nodes=3)
    assert list(ego.graph)[0] == "paper:p4" and ego.focus == "paper:p4"
    assert set(ego.graph) == {"paper:p4", "concept:glue", "concept:transformer"}
    assert ego.notes[0].startswith("showing the 2 nearest and most relevant of 4 neighbours")
    assert select_view(kg, "ego", focus="p4", radius=3, max_nodes=3).graph.nodes == ego.graph.nodes


def test_ego_of_a_hub_ranks_papers_by_role_not_by_id():
    g = nx.DiGraph()
    _concept(g, "hub", "Hub", "dataset")
    for i in range(30):
        _paper(g, f"a{i:02d}", f"Paper {i}", 2000 + i)
        _mention(g, f"a{i:02d}", "hub", "proposes" if i == 29 else
                 "evaluates_on" if i >= 25 else "uses")
    ego = select_view(g, "ego", focus="Hub", max_nodes=6)
    assert list(ego.graph) == ["concept:hub", "paper:a29", "paper:a28", "paper:a27",
                               "paper:a26", "paper:a25"]  # the proposer, then evaluators


def test_overview_under_a_cap_leaves_no_concept_alone():
    g = synthetic(2_000, 400, seed=3)
    view = select_view(g, "overview", max_nodes=300)
    assert view.capped and 0 < view.graph.number_of_nodes() <= 300
    assert all(view.graph.degree(n) > 0 for n in view.graph)


def test_shared_datasets_threshold_is_relative_to_the_corpus(monkeypatch, kg):
    # 4 papers: 75% of them use ImageNet. With a 50% share and no floor it is left out ...
    monkeypatch.setattr(views_module, "_COMMON_CONCEPT_PAPERS", 0)
    monkeypatch.setattr(views_module, "_COMMON_CONCEPT_SHARE", 0.5)
    assert "ImageNet" in select_view(kg, "shared-datasets").notes[0]
    # ... with 80% it stays.
    monkeypatch.setattr(views_module, "_COMMON_CONCEPT_SHARE", 0.8)
    assert select_view(kg, "shared-datasets").notes == ()


def test_views_of_twenty_thousand_papers_are_capped():
    # Timing lives in bench/bench_views.py; here only what the views hold.
    g = synthetic(20_000, 2_500)
    for view in VIEWS:
        result = select_view(g, view, focus="c3" if view == "ego" else None, radius=2,
                             max_nodes=500)
        assert 0 < result.graph.number_of_nodes() <= 500 < result.nodes_total
        assert result.source is g


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


def _payload(path):
    html = Path(path).read_text(encoding="utf-8")
    return json.loads(re.search(r"var LITKG = (\{.*?\});\n", html).group(1))


def test_physics_off_unless_asked(kg, tmp_path):
    small = select_view(kg, "overview")
    page = tmp_path / "p.html"
    render_html(small, page)
    assert _payload(page)["options"]["physics"]["enabled"] is False
    render_html(small, page, physics=True)
    assert _payload(page)["options"]["physics"]["enabled"] is True


def test_page_data_has_panel_details_and_no_internal_keys(kg, tmp_path):
    kg.nodes["paper:p1"].update(doi="10.1/abc", arxiv_id="2101.00001", authors=["A. One", "B. Two"])
    render_html(select_view(kg, "overview", max_nodes=6), tmp_path / "p.html")
    data = _payload(tmp_path / "p.html")
    nodes = data["nodes"]
    i = nodes["id"].index("paper:p1")
    info = data["info"][i]
    assert info["authors"] == "A. One, B. Two"
    assert [label for label, _ in info["links"]] == ["link", "DOI 10.1/abc", "arXiv 2101.00001"]
    assert info["links"][1][1] == "https://doi.org/10.1/abc"
    groups = {g[0]: g for g in info["groups"]}
    assert set(groups) == {"uses", "evaluates on", "proposes"}
    assert data["strs"][groups["uses"][2][0][1]] == "We use it."
    # What a node shows (label, tooltip line) never holds the internal key.
    assert all("title:" not in s and "paper:" not in s for s in nodes["sub"] + nodes["full"])
    # Nodes the cap left out are searchable as "not shown".
    assert ["transformer", "Transformer"] in data["hidden"]


def test_layout_fills_the_box_and_labels_do_not_overlap():
    from litkg.graph.layout import HEIGHT, WIDTH, positions

    g = select_view(synthetic(3_000, 300), "overview", max_nodes=2_000).graph
    pos = positions(g)
    assert pos.shape == (g.number_of_nodes(), 2)
    assert pos[:, 0].max() - pos[:, 0].min() == pytest.approx(WIDTH)
    assert pos[:, 1].max() - pos[:, 1].min() == pytest.approx(HEIGHT)


def test_empty_view_renders_and_a_raw_graph_is_refused(kg, tmp_path):
    result = render_html(ViewGraph(nx.DiGraph(), 0, "Nothing here"), tmp_path / "empty.html")
    assert (result.nodes_shown, result.nodes_total, result.edges_shown) == (0, 0, 0)
    with pytest.raises(TypeError, match="render_html needs a ViewGraph"):
        render_html(kg, tmp_path / "raw.html")


def test_writing_two_thousand_nodes(tmp_path):
    # How fast: bench/bench_views.py (a test must not depend on the machine's speed).
    view = select_view(synthetic(6_000, 800), "overview", max_nodes=2_000)
    result = render_html(view, tmp_path / "big.html")
    assert result.nodes_shown == view.graph.number_of_nodes() <= 2_000


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
      document.body.dataset.byForm = document.body.dataset.litkgSelected;
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
    result = render_html(select_view(hostile, "ego", focus="evil3", radius=2),
                         tmp_path / "evil.html")
    # Every node's tooltip and details panel, as the page shows them; then a search for the
    # concept by its markup-like name.
    probe = """
      setTimeout(function () {
        var out = [], panel = document.getElementById("litkg-panel");
        ["paper:evil1", "paper:evil2", "paper:evil3", "concept:bold"].forEach(function (id) {
          window.litkgSelect(id);
          out.push({tip: window.litkgTip("node", id), panel: panel.textContent,
                    markup: panel.querySelectorAll("img, script, b, svg, iframe").length});
        });
        document.body.dataset.shown = JSON.stringify(out);
        document.body.dataset.docTitle = document.title;
        window.litkgFind("<b>bold</b>");
      }, 1000);
    """
    page = load_page(result.path, probe=probe, screenshot=ARTIFACTS / "hostile.png")
    _clean(page)
    assert "data-pwned" not in page.root
    assert page.body["litkg-nodes"] == "4" and page.body["litkg-edges"] == "3"
    shown = json.loads(page.body["shown"])
    for item, title in zip(shown, (SCRIPT_TITLE, IMG_TITLE, BREAK_TITLE, NAME_MARKUP)):
        assert item["tip"].startswith(title) and title in item["panel"], item
        assert item["markup"] == 0, item
    assert BREAK_TITLE + IMG_TITLE in shown[3]["panel"]  # the evidence sentence, as text
    assert page.body["doc-title"] == f"Neighbourhood of {BREAK_TITLE} (2 hops) · litkg"
    assert page.body["litkg-selected"] == "concept:bold"
    text = page.text()
    assert f"Neighbourhood of {BREAK_TITLE} (2 hops)" in text
    assert NAME_MARKUP in text  # the search status names the node it found


def test_capped_view_shows_its_note_in_chromium(chromium, kg, tmp_path):
    result = render_html(select_view(kg, "overview", max_nodes=4), tmp_path / "capped.html")
    page = load_page(result.path)
    _clean(page)
    assert "showing 4 of 9 nodes — raise --max-nodes or use --focus" in page.text()
    assert page.body["litkg-nodes"] == "4"


# --- used as a user uses it: real mouse and keyboard, real time ------------------------------


def _open(session, path):
    session.open(path)
    session.wait("document.body && document.body.dataset.litkgReady === '1'")


def _node_xy(session, node_id):
    """Where ``node_id`` is on the screen (page coordinates), once moved to the middle of the
    canvas so that no legend or panel covers it."""
    return session.js(f"""(function () {{
      var net = window.litkgNetwork, i = LITKG.nodes.id.indexOf({json.dumps(node_id)});
      net.moveTo({{position: net.getPositions([i])[i], animation: false}});
      var p = net.canvasToDOM(net.getPositions([i])[i]);
      var r = document.getElementById("litkg-network").getBoundingClientRect();
      return [p.x + r.left, p.y + r.top];
    }})()""")


def _element_xy(session, selector):
    return session.js(f"""(function () {{
      var r = document.querySelector({json.dumps(selector)}).getBoundingClientRect();
      return [r.left + r.width / 2, r.top + r.height / 2];
    }})()""")


def _panel(session):
    return session.js("document.getElementById('litkg-panel').hidden ? null : "
                      "document.getElementById('litkg-panel').textContent")


def test_clicking_a_node_opens_its_details_and_dims_the_rest(chromium, kg, tmp_path):
    kg.nodes["paper:p1"].update(doi="10.1/abc", authors=["Ada Lovelace", "Alan Turing"])
    page = render_html(select_view(kg, "overview"), tmp_path / "overview.html").path
    with Session() as s:
        _open(s, page)
        xy = _node_xy(s, "paper:p1")
        # Hovering shows a plain-text tooltip and dims all but the neighbourhood.
        s.hover(xy[0] + 3, xy[1] + 3)
        s.hover(*xy)
        tip = s.wait("!document.getElementById('litkg-tip').hidden && "
                     "document.getElementById('litkg-tip').textContent", 10)
        assert tip == "Deep residual nets\n2020 · ICML"
        assert s.js("document.body.dataset.litkgDimmed") == "5"
        s.click(*xy)
        s.wait("document.body.dataset.litkgPanel === 'paper:p1'", 10)
        text = _panel(s)
        for part in ("Deep residual nets", "Ada Lovelace, Alan Turing", "2020 · ICML",
                     "DOI 10.1/abc", "proposes", "ResNet", "evaluates on", "CIFAR-10",
                     "uses", "ImageNet", "We use it."):
            assert part in text, (part, text)
        assert "paper:" not in text and "p1" not in text.split()  # no internal key
        links = s.js("[].map.call(document.querySelectorAll('#litkg-panel a'), "
                     "function (a) { return a.href; })")
        assert links == ["https://example.org/p1", "https://doi.org/10.1/abc"]
        # All but p1 and its three concepts are dimmed.
        assert s.js("document.body.dataset.litkgDimmed") == "5"
        # A concept in the panel leads to that concept's details: its papers by role.
        s.click(*_element_xy(s, "#litkg-panel .litkg-go"))
        s.wait("document.body.dataset.litkgPanel !== 'paper:p1'", 10)
        assert s.js("document.body.dataset.litkgPanel").startswith("concept:")
        # A click on empty canvas closes the panel.
        s.js("window.litkgNetwork.moveTo({position: {x: 1e5, y: 1e5}, animation: false})")
        s.click(700, 600)
        s.wait("document.getElementById('litkg-panel').hidden", 10)
        assert s.errors == []


def test_clicking_an_edge_shows_what_is_behind_it(chromium, kg, tmp_path):
    page = render_html(select_view(kg, "shared-datasets"), tmp_path / "shared.html").path
    with Session() as s:
        _open(s, page)
        xy = s.js("""(function () {
          var net = window.litkgNetwork, E = LITKG.edges, N = LITKG.nodes;
          for (var j = 0; j < E.from.length; j++) if (E.weight[j] === 2) break;
          var e = net.body.edges[j], p = e.edgeType.getPoint(0.5);
          net.moveTo({position: p, animation: false});
          p = e.edgeType.getPoint(0.5);
          var d = net.canvasToDOM(p), r = document.getElementById("litkg-network").getBoundingClientRect();
          return [d.x + r.left, d.y + r.top];
        })()""")
        s.click(*xy)
        s.wait("(document.body.dataset.litkgPanel || '').indexOf('edge:') === 0", 10)
        text = _panel(s)
        assert "Deep residual nets" in text and "Wider residual nets" in text
        assert "shared datasets and benchmarks" in text and "CIFAR-10" in text
        assert "ImageNet" in text
        assert s.errors == []


def test_legend_toggles_a_type_and_filters_by_year(chromium, kg, tmp_path):
    page = render_html(select_view(kg, "overview"), tmp_path / "overview.html").path
    with Session() as s:
        _open(s, page)
        s.click(*_element_xy(s, '#litkg-types li[data-type="paper"]'))
        assert s.wait("document.body.dataset.litkgVisibleNodes", 10) == "5"  # the concepts
        assert s.js("document.body.dataset.litkgVisibleEdges") == "0"
        assert s.js("document.querySelector('#litkg-types li[data-type=paper]').className") \
            == "litkg-off"
        s.click(*_element_xy(s, '#litkg-types li[data-type="paper"]'))
        s.wait("document.body.dataset.litkgVisibleNodes === '9'", 10)
        # Papers before 2021 hidden (p3 has no year and stays).
        s.js("var e = document.getElementById('litkg-year-min'); e.value = '2021';"
             "e.dispatchEvent(new Event('input'))")
        assert s.js("document.body.dataset.litkgVisibleNodes") == "7"
        # Colour by community: the colours change and their legend shows.
        s.click(*_element_xy(s, "#litkg-colour-communities"))
        assert s.js("document.getElementById('litkg-community-legend').hidden") is False
        assert s.js("LITKG.nodes.comm.length") == 9
        assert s.js("window.litkgNetwork.body.nodes[0].options.color.background") == \
            s.js("LITKG.palette[LITKG.nodes.comm[0]]")
        assert s.errors == []


def test_search_lists_matches_and_reports_capped_nodes(chromium, kg, tmp_path):
    page = render_html(select_view(kg, "overview", max_nodes=5), tmp_path / "capped.html").path
    with Session() as s:
        _open(s, page)
        s.click(*_element_xy(s, "#litkg-search-input"))
        s.type_text("residual")
        s.send("Input.dispatchKeyEvent", session=True, type="keyDown", key="Enter",
               code="Enter", windowsVirtualKeyCode=13, text="\r")
        s.wait("document.body.dataset.litkgMatches", 10)
        results = s.js("document.getElementById('litkg-results').textContent")
        assert "Deep residual nets" in results and "Wider residual nets" in results
        assert s.js("document.body.dataset.litkgSelected").startswith("paper:")
        # GLUE is in the graph but the cap left it out: the page says so.
        s.js("window.litkgFind('GLUE')")
        status = s.js("document.getElementById('litkg-search-status').textContent")
        assert status == "\u201cGLUE\u201d is in the graph but not shown: raise --max-nodes or use --focus"
        assert "GLUE" in s.js("document.getElementById('litkg-results').textContent")
        assert "no match" in s.js("window.litkgFind('zzz'), "
                                  "document.getElementById('litkg-search-status').textContent")
        assert s.errors == []


def test_ego_view_marks_and_opens_its_focus(chromium, kg, tmp_path):
    page = render_html(select_view(kg, "ego", focus="ResNet", radius=2),
                       tmp_path / "ego.html").path
    with Session() as s:
        _open(s, page)
        assert s.js("document.body.dataset.litkgSelected") == "concept:resnet"
        assert "proposed by" in _panel(s) and "Deep residual nets" in _panel(s)
        assert s.js("LITKG.focus") == s.js("LITKG.nodes.id.indexOf('concept:resnet')")
        assert s.errors == []


def test_labels_are_readable_and_do_not_overlap_at_the_opening_zoom(chromium, tmp_path):
    view = select_view(synthetic(4_000, 500), "overview", max_nodes=1_500)
    page = render_html(view, tmp_path / "big.html").path
    with Session(window=(1600, 1000)) as s:
        _open(s, page)
        sizes = s.js("window.litkgLabelSizes()")
        assert len(sizes) >= 20 and min(sizes) >= 10, sizes[:20]
        # The boxes the page drew the labels in, on screen, overlap nowhere (more in
        # test_views_labels.py).
        boxes = [label[3] for label in s.js("window.litkgLabels()")]
        assert len(boxes) == len(sizes)
        overlaps = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                    if a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1]
        assert overlaps == [], overlaps[:5]
        s.screenshot(ARTIFACTS / "labels.png")
        assert s.errors == []


def test_large_view_loads_without_physics_in_chromium(chromium, monkeypatch, tmp_path):
    monkeypatch.setattr(views_module, "_SUMMARY_MIN", 10 ** 9)  # papers, not their summary
    view = select_view(synthetic(3_000, 300), "shared-datasets", max_nodes=800)
    result = render_html(view, tmp_path / "large.html")
    page = load_page(result.path, screenshot=ARTIFACTS / "large-shared-datasets.png")
    _clean(page)
    assert page.body["litkg-nodes"] == str(view.graph.number_of_nodes())
    assert 790 <= view.graph.number_of_nodes() <= 800  # the cap, less nodes it left alone
    assert page.body["litkg-edges"] == str(view.graph.number_of_edges())
    assert page.body["litkg-settled"] == "1"
    assert f"showing {view.graph.number_of_nodes()} of" in page.text()


@pytest.mark.parametrize("focus", ["10.5555/litkg.sample.001", "doi:10.5555/litkg.sample.001",
                                   "https://doi.org/10.5555/litkg.sample.001", "smp-001",
                                   "MORDANT: Moment-Regularised Domain-Agnostic Training for "
                                   "Domain Generalization"])
def test_focus_takes_every_paper_reference_query_paper_takes(sample_store, focus, tmp_path):
    from litkg.core import KnowledgeGraph

    db, _ = sample_store
    with KnowledgeGraph(db) as kg:
        kg.render(tmp_path / "ego.html", view="ego", focus=focus)
    data = _payload(tmp_path / "ego.html")
    centre = data["nodes"]["full"][data["focus"]]
    assert centre.startswith("MORDANT: Moment-Regularised")
    assert any(label.startswith("DOI 10.5555/litkg.sample.001")
               for label, _ in data["info"][data["focus"]]["links"])


def test_focus_by_arxiv_id_and_concept_name(sample_store, tmp_path):
    from litkg.core import KnowledgeGraph

    db, _ = sample_store
    with KnowledgeGraph(db) as kg:
        row = kg.store.conn.execute("SELECT arxiv_id, title FROM papers WHERE arxiv_id IS NOT NULL "
                                    "ORDER BY key LIMIT 1").fetchone()
        kg.render(tmp_path / "a.html", view="ego", focus=f"arXiv:{row[0]}v2")
        assert _payload(tmp_path / "a.html")["nodes"]["full"][_payload(tmp_path / "a.html")["focus"]] == row[1]
        kg.render(tmp_path / "c.html", view="ego", focus="wilds")
        data = _payload(tmp_path / "c.html")
        assert data["nodes"]["id"][data["focus"]].startswith("concept:")


def test_positions_follow_the_page_order_and_neighbours_sit_close(kg, tmp_path):
    # A star and a separate pair: in the page data, each node's position must be its own.
    g = nx.DiGraph()
    _concept(g, "hub", "Hub", "dataset")
    for i in range(12):
        _paper(g, f"s{i}", f"Star {i}")
        _mention(g, f"s{i}", "hub", "uses")
    view = select_view(g, "ego", focus="Hub")
    render_html(view, tmp_path / "p.html")
    data = _payload(tmp_path / "p.html")
    ids, xs, ys = data["nodes"]["id"], data["nodes"]["x"], data["nodes"]["y"]
    hub = ids.index("concept:hub")
    assert data["focus"] == hub
    # The focus is kept in the middle, its papers around it.
    assert abs(xs[hub]) < 0.2 * max(map(abs, xs)) and abs(ys[hub]) < 0.2 * max(map(abs, ys))


def test_a_view_with_very_many_links_shows_a_nodes_links_on_click(chromium, monkeypatch, kg,
                                                                   tmp_path):
    import litkg.graph.render as render_module

    monkeypatch.setattr(render_module, "_MANY_EDGES", 5)
    page = render_html(select_view(kg, "overview"), tmp_path / "many.html").path
    with Session() as s:
        _open(s, page)
        drawn = "window.litkgNetwork.body.edgeIndices.filter(function (id) { " \
                "return !window.litkgNetwork.body.edges[id].options.hidden; }).length"
        assert s.js(drawn) == 0
        s.click(*_node_xy(s, "concept:imagenet"))
        s.wait("document.body.dataset.litkgPanel === 'concept:imagenet'", 10)
        assert s.js(drawn) == 3  # its three papers
        s.click(*_element_xy(s, "#litkg-show-edges"))
        s.wait(f"({drawn}) === 11", 10)
        assert s.errors == []


def test_an_ego_view_of_a_hub_groups_its_papers_by_role(tmp_path):
    import math

    g = nx.DiGraph()
    _concept(g, "hub", "Hub", "dataset")
    roles = ["proposes"] * 5 + ["evaluates_on"] * 20 + ["compares_with"] * 10 + ["uses"] * 45
    for i, role in enumerate(roles):
        _paper(g, f"h{i:02d}", f"Paper {i}", 2000 + i % 20)
        _mention(g, f"h{i:02d}", "hub", role)
    render_html(select_view(g, "ego", focus="Hub"), tmp_path / "hub.html")
    data = _payload(tmp_path / "hub.html")
    nodes, edges = data["nodes"], data["edges"]
    hub = nodes["id"].index("concept:hub")
    role_of = {(e if e != hub else t): data["kinds"][k][0]
               for e, t, k in zip(edges["from"], edges["to"], edges["kind"])}
    around = sorted(role_of, key=lambda i: math.atan2(nodes["y"][i] - nodes["y"][hub],
                                                       nodes["x"][i] - nodes["x"][hub]))
    sequence = [role_of[i] for i in around]
    changes = sum(a != b for a, b in zip(sequence, sequence[1:] + sequence[:1]))
    assert changes == 4  # one sector per role, going round


def test_communities_from_the_query_colour_concepts_and_their_papers(kg, tmp_path):
    from litkg.queries.structure import Community

    groups = [Community("ImageNet / CIFAR-10", ("ImageNet", "CIFAR-10", "ResNet"), 3),
              Community("GLUE / Transformer", ("GLUE", "Transformer"), 2)]
    render_html(select_view(kg, "overview"), tmp_path / "c.html", communities=groups)
    data = _payload(tmp_path / "c.html")
    comm = dict(zip(data["nodes"]["id"], data["nodes"]["comm"]))
    assert comm["concept:imagenet"] == comm["concept:resnet"] == comm["paper:p1"] == 0
    assert comm["concept:glue"] == comm["paper:p4"] == 1
    html = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert "ImageNet / CIFAR-10" in html and "GLUE / Transformer" in html  # the legend


def test_store_render_offers_the_query_communities(sample_store, tmp_path):
    from litkg.core import KnowledgeGraph

    db, _ = sample_store
    with KnowledgeGraph(db) as kg:
        names = [c.name for c in kg.communities(min_size=2)]
        kg.render(tmp_path / "o.html", view="overview")
    html = (tmp_path / "o.html").read_text(encoding="utf-8")
    assert names and any(_html_escape(name) in html for name in names)


def _html_escape(text):
    import html

    return html.escape(text, quote=True)


def test_hovering_a_link_shows_its_role_confidence_and_evidence(chromium, kg, tmp_path):
    page = render_html(select_view(kg, "ego", focus="p1"), tmp_path / "ego.html").path
    with Session() as s:
        _open(s, page)
        xy = s.js("""(function () {
          var net = window.litkgNetwork, E = LITKG.edges, N = LITKG.nodes;
          for (var j = 0; j < E.from.length; j++) if (N.id[E.to[j]] === "concept:resnet") break;
          var e = net.body.edges[j];
          net.moveTo({position: e.edgeType.getPoint(0.5), animation: false});
          var d = net.canvasToDOM(e.edgeType.getPoint(0.5));
          var r = document.getElementById("litkg-network").getBoundingClientRect();
          return [d.x + r.left, d.y + r.top];
        })()""")
        s.hover(xy[0] + 2, xy[1] + 2)
        s.hover(*xy)
        tip = s.wait("!document.getElementById('litkg-tip').hidden && "
                     "document.getElementById('litkg-tip').textContent", 10)
        assert tip == ("Deep residual nets\nproposes ResNet\nconfidence 0.90 · from the abstract\n"
                       "\u201cWe use it.\u201d")
        assert s.errors == []


# --- views that summarise (#15): topical groups, the shared-datasets summary, --focus ----------


def two_fields(names=("Seg", "QA"), papers=12, hub="Hub"):
    """Two fields, each with four datasets of its own that its papers use, and one hub dataset
    every paper uses: the hub must not merge the fields."""
    g = nx.DiGraph()
    _concept(g, "hub", hub, "dataset")
    for f, field in enumerate(names):
        for d in range(4):
            _concept(g, f"f{f}d{d}", f"{field} data {d}", "dataset")
        for p in range(papers):
            key = f"f{f}p{p:02d}"
            _paper(g, key, f"{field} paper {p}", 2015 + p % 5)
            _mention(g, key, "hub", "uses")
            for d in (p % 4, (p + 1) % 4, (p + 2) % 4):
                _mention(g, key, f"f{f}d{d}", "evaluates_on")
    return g


def test_topic_groups_follow_the_fields_not_the_hub():
    from litkg.graph.view_groups import topic_groups

    g = two_fields()
    groups = topic_groups(g)
    assert len(groups.names) == 2 and groups.papers == (12, 12)
    seg = {groups.of[f"paper:f0p{p:02d}"] for p in range(12)}
    qa = {groups.of[f"paper:f1p{p:02d}"] for p in range(12)}
    assert len(seg) == 1 and len(qa) == 1 and seg != qa
    assert groups.of["concept:f0d0"] in seg and groups.of["concept:f1d3"] in qa
    # Named by what is characteristic of the group, not by the hub every paper uses.
    assert all("Hub" not in name for name in groups.names)
    assert topic_groups(g) == groups  # deterministic


def test_shared_datasets_above_the_cap_summarises_groups_and_their_datasets(monkeypatch):
    from litkg.graph.view_groups import topic_groups

    monkeypatch.setattr(views_module, "_SUMMARY_MIN", 0)
    g = two_fields()
    view = select_view(g, "shared-datasets", max_nodes=8)
    assert view.summary and view.title == "Groups of papers and the datasets they share"
    assert view.nodes_total == 24 and view.graph.number_of_nodes() <= 8
    groups = [n for n, k in view.graph.nodes(data="kind") if k == "group"]
    assert len(groups) == 2
    of = topic_groups(g).of
    for node in groups:
        attrs = view.graph.nodes[node]
        assert attrs["n_papers"] == 12 and len(attrs["members"]) == 12
        # Each link counts the group's papers using the dataset.
        for _, c, weight in view.graph.edges(node, data="weight"):
            using = [p for p in g.pred[c] if of[p] == attrs["group"]]
            assert weight == len(using) > 0
    # The hub links both groups: it is what connects them.
    assert set(view.graph.adj["concept:hub"]) == set(groups)
    assert view.notes[0].startswith("24 papers in 2 topical groups")
    assert snapshot(g) == snapshot(two_fields())  # the caller's graph untouched


def test_shared_datasets_under_the_cap_draws_papers(kg):
    view = select_view(kg, "shared-datasets", max_nodes=3)
    assert not view.summary and all(n.startswith("paper:") for n in view.graph)


def test_shared_datasets_focus_shows_the_papers_of_a_dataset_or_around_a_paper(kg):
    by_dataset = select_view(kg, "shared-datasets", focus="ImageNet")
    assert by_dataset.title.startswith("Papers using ImageNet")
    # p1, p2 and p3 use ImageNet; only p1 and p2 share another dataset (CIFAR-10).
    assert {tuple(sorted(e)) for e in by_dataset.graph.edges} == {("paper:p1", "paper:p2")}
    assert by_dataset.graph.edges["paper:p1", "paper:p2"]["shared"] == ["CIFAR-10"]
    around = select_view(kg, "shared-datasets", focus="p4")
    assert around.focus == "paper:p4" and set(around.graph) == {"paper:p3", "paper:p4"}
    assert around.graph.edges["paper:p3", "paper:p4"]["shared"] == ["GLUE"]


def test_a_big_view_opens_coloured_with_its_groups_named(monkeypatch, tmp_path):
    import litkg.graph.page_data as page_data

    monkeypatch.setattr(page_data, "_COMMUNITY_ON", 10)
    monkeypatch.setattr(page_data, "_COMMUNITY_MAX", 10)  # topical groups, as above 3,000
    render_html(select_view(two_fields(), "overview"), tmp_path / "big.html")
    data = _payload(tmp_path / "big.html")
    assert data["communityOn"] is True
    assert len(data["regions"]) == 2 and all("Hub" not in r[0] for r in data["regions"])
    comm = dict(zip(data["nodes"]["id"], data["nodes"]["comm"]))
    assert comm["paper:f0p00"] == comm["concept:f0d1"] != comm["paper:f1p00"]
    html = (tmp_path / "big.html").read_text(encoding="utf-8")
    assert re.search(r'id="litkg-colour-communities" type="checkbox" checked', html)
    # Group names come from concept names: in the script block they are escaped JSON.
    render_html(select_view(two_fields(names=(SCRIPT_TITLE, IMG_TITLE)), "overview"),
                tmp_path / "evil.html")
    evil = (tmp_path / "evil.html").read_text(encoding="utf-8")
    names = " ".join(r[0] for r in _payload(tmp_path / "evil.html")["regions"])
    assert SCRIPT_TITLE in names and IMG_TITLE in names
    assert SCRIPT_TITLE not in evil and "<img src=x" not in evil
    # A small view opens coloured by type.
    monkeypatch.setattr(page_data, "_COMMUNITY_ON", 2000)
    render_html(select_view(two_fields(), "overview"), tmp_path / "small.html")
    assert _payload(tmp_path / "small.html")["communityOn"] is False


def test_a_summary_group_opens_its_papers_and_datasets_in_chromium(chromium, monkeypatch,
                                                                    tmp_path):
    monkeypatch.setattr(views_module, "_SUMMARY_MIN", 0)
    # Hostile names travel into group names, panels and tooltips: they must stay text.
    g = two_fields(names=(SCRIPT_TITLE, IMG_TITLE), hub=BREAK_TITLE)
    page = render_html(select_view(g, "shared-datasets", max_nodes=8), tmp_path / "s.html").path
    with Session() as s:
        _open(s, page)
        s.click(*_node_xy(s, "group:0"))
        s.wait("document.body.dataset.litkgPanel === 'group:0'", 10)
        text = _panel(s)
        assert "a group of 12 papers" in text and "papers in it, the most connected first" in text
        assert "datasets and benchmarks its papers use" in text and ": 12 papers" in text
        assert "litkg render --view shared-datasets --focus" in text
        assert SCRIPT_TITLE in text or IMG_TITLE in text  # the names, as text
        j = s.js("LITKG.edges.kind.indexOf(LITKG.kinds.map(function (k) { return k[0]; })"
                 ".indexOf('group_use'))")
        tip = s.js(f"window.litkgTip('edge', {j})")
        assert re.search(r"\n\d+ of its papers use ", tip), tip
        assert s.js("document.documentElement.getAttribute('data-pwned')") is None
        assert s.js("document.querySelectorAll('#litkg-panel img, #litkg-panel script').length") == 0
        assert s.errors == []
