"""queries/resolve.py, the one way from user text to a node: ``litkg query`` and ``litkg render
--focus`` (and the views on any graph) find the same node for every spelling, by one rule read
from a store or from a graph; the Cypher library writes the lookup once; the ego view and
``query neighbourhood``, the shared-datasets view and ``query shared-datasets`` count alike."""
from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

from litkg.cli import cli
from litkg.errors import NotFoundError, QueryError
from litkg.graph.nxgraph import to_networkx
from litkg.graph.store import GraphStore
from litkg.graph.view_nodes import GraphNodes, resolve_focus
from litkg.graph.views import select_view, store_focus
from litkg.queries import cypher_library as library
from litkg.queries.cypher_macros import expand_macros
from litkg.queries.resolve import resolve_node, resolve_one_node
from litkg.queries.shared import shared_datasets
from litkg.queries.structure import neighbourhood

MORDANT = "MORDANT: Moment-Regularised Domain-Agnostic Training for Domain Generalization"
MORDANT_KEY = "doi:10.5555/litkg.sample.001"
SPELLINGS = ["Office Home", "office-home", "OfficeHome", "office homes", "OFFICE-HOME", "Office_Home"]
PAPER_REFS = ["10.5555/litkg.sample.001", "https://doi.org/10.5555/litkg.sample.001", "arXiv:2206.04417v3",
              "2206.04417", "2206.04417v1", MORDANT, MORDANT.lower().replace(":", ""), "smp-001", MORDANT_KEY]


def _payload(path) -> dict:
    html = Path(path).read_text(encoding="utf-8")
    return json.loads(re.search(r"var LITKG = (\{.*?\});\n", html).group(1))


def _found(source, ref):
    """The nodes ``ref`` names in ``source``, or the message saying it names none."""
    try:
        return resolve_node(source, ref)
    except NotFoundError as err:
        return err.message


def _cli_neighbourhood_start(runner, db, ref) -> list[str]:
    result = runner.invoke(cli, ["query", "neighbourhood", ref, "--radius", "0", "--json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["nodes"]


def _cli_render_focus(runner, db, ref, tmp_path, view="ego") -> str:
    out = tmp_path / "page.html"
    result = runner.invoke(cli, ["render", "--out", str(out), "--view", view, "--focus", ref, "--db", str(db)])
    assert result.exit_code == 0, result.output
    data = _payload(out)
    return data["nodes"]["id"][data["focus"]]


@pytest.mark.parametrize("ref, node", [(s, "concept:office-home") for s in SPELLINGS] +
                         [(r, f"paper:{MORDANT_KEY}") for r in PAPER_REFS])
def test_query_neighbourhood_and_render_focus_find_the_same_node(sample_store, runner, tmp_path, ref, node):
    db = sample_store[0]
    assert _cli_neighbourhood_start(runner, db, ref) == [node]
    assert _cli_render_focus(runner, db, ref, tmp_path) == node


@pytest.mark.parametrize("ref", ["10.5555/litkg.sample.001", "arXiv:2206.04417v2", MORDANT])
def test_shared_datasets_focus_takes_every_paper_reference(sample_store, runner, tmp_path, ref):
    # Before #12 only the ego view resolved a DOI or an arXiv id; shared-datasets said "no match".
    assert _cli_render_focus(runner, sample_store[0], ref, tmp_path, "shared-datasets") == f"paper:{MORDANT_KEY}"


def test_the_store_and_its_graph_resolve_every_name_alike(sample_store):
    with GraphStore(sample_store[0], readonly=True) as store:
        graph = to_networkx(store)
        nodes = GraphNodes(graph)
        refs = []
        for _, attrs in graph.nodes(data=True):
            if attrs["kind"] == "paper":
                refs += [attrs["key"], attrs["title"], attrs["title"].upper(), attrs["doi"], attrs["arxiv_id"]]
                refs += [f"arXiv:{attrs['arxiv_id']}v4"] if attrs["arxiv_id"] else []
            else:
                for alias in [attrs["name"], *attrs["aliases"]]:
                    refs += [alias, alias.lower().replace("-", " "), alias.replace(" ", "-") + "s"]
        assert len(refs) > 500
        for ref in filter(None, refs):
            found = _found(store, ref)
            assert found == _found(nodes, ref), ref
            if isinstance(found, list) and len(found) == 1:
                assert store_focus(store, ref) == resolve_focus(graph, ref) == found[0]


@pytest.mark.parametrize("ref", ["office homes", "Office.Home", "OfficeHomes", "10.5555/litkg.sample.001",
                                 "arXiv:2206.04417v2", MORDANT.replace(":", " —").replace("-", " ")])
def test_the_old_disagreements_are_gone(sample_store, ref):
    # The views folded only case, spaces, hyphens and underscores (no plural, no punctuation) and
    # knew no DOI or arXiv id: each of these failed on the graph, and not in the query. (An input id
    # such as smp-001 needs the store, which `render --focus` asks first: see the CLI test above.)
    with GraphStore(sample_store[0], readonly=True) as store:
        graph = to_networkx(store)
        assert select_view(graph, "ego", focus=ref, radius=0).focus == resolve_node(store, ref)[0]


def test_a_key_in_other_case_is_a_name_the_same_way_in_both(tmp_path):
    # A paper keyed "glue" and the concept GLUE: "GLUE" is the concept's name, for the query and
    # the view alike (the view used to fold paper keys too, and call it ambiguous).
    g = nx.DiGraph()
    g.add_node("paper:glue", kind="paper", key="glue", title="A paper whose key is glue")
    g.add_node("concept:glue", kind="concept", key="glue", name="GLUE", type="benchmark", aliases=[])
    g.add_edge("paper:glue", "concept:glue", kind="mention", role="uses")
    assert resolve_focus(g, "GLUE") == "concept:glue" and resolve_focus(g, "glue") == "paper:glue"


def test_a_name_of_two_concepts_starts_the_query_from_both_and_the_view_asks_for_an_id():
    g = nx.DiGraph()
    g.add_node("concept:sam-opt", kind="concept", key="sam-opt", name="SAM", type="method", origin="gazetteer")
    g.add_node("concept:sam-seg", kind="concept", key="sam-seg", name="SAM", type="model", origin="discovered")
    assert resolve_node(GraphNodes(g), "sam") == ["concept:sam-opt", "concept:sam-seg"]  # gazetteer first
    with pytest.raises(QueryError, match="'sam' matches several nodes: concept:sam-opt, concept:sam-seg"):
        resolve_one_node(GraphNodes(g), "sam")
    with pytest.raises(NotFoundError, match="no paper or concept matches 'SAM 2'"):
        resolve_focus(g, "SAM 2")


@pytest.mark.parametrize("radius", [0, 1, 2, 3])
@pytest.mark.parametrize("ref", ["Office Home", "smp-001", "WILDS", "arXiv:2206.04417v2"])
def test_the_ego_view_holds_the_neighbourhood_query_nodes(sample_store, ref, radius):
    with GraphStore(sample_store[0], readonly=True) as store:
        hood = neighbourhood(store, ref, radius=radius)
        view = select_view(to_networkx(store), "ego", focus=store_focus(store, ref), radius=radius, max_nodes=10_000)
    assert sorted(view.graph) == list(hood.nodes)


def test_the_shared_datasets_view_counts_what_the_query_counts(sample_store):
    with GraphStore(sample_store[0], readonly=True) as store:
        pairs = {(p.paper_a, p.paper_b): p for p in shared_datasets(store, limit=None)}
        view = select_view(to_networkx(store), "shared-datasets", max_nodes=10_000)
        focused = select_view(to_networkx(store), "shared-datasets", focus=f"paper:{MORDANT_KEY}")
        mine = {p.paper_b: p.count for p in shared_datasets(store, paper=MORDANT, limit=None)}
    links = {tuple(sorted((a[6:], b[6:]))): d for a, b, d in view.graph.edges(data=True)}
    assert len(links) == len(pairs) > 20
    for key, attrs in links.items():
        assert attrs["weight"] == pairs[key].count and attrs["shared"] == sorted(pairs[key].shared)
    around = {(b if a == f"paper:{MORDANT_KEY}" else a)[6:]: d["weight"]
              for a, b, d in focused.graph.edges(f"paper:{MORDANT_KEY}", data=True)}
    assert around == mine


# -- the Cypher library writes each lookup once --------------------------------------------------

def test_no_library_file_copies_a_lookup():
    for path in sorted(library.LIBRARY_DIR.glob("*.cypher")):
        text = path.read_text(encoding="utf-8")
        assert "(candidate:Paper)" not in text and "alias_norms" not in text and "explicitPaper" not in text, path.name
    queries = library.load_library()
    assert all("{{" not in q.cypher for q in queries.values())
    for name in ("paper-profile", "shared-datasets", "neighbourhood", "path"):
        assert "candidate.idents" in queries[name].cypher
    assert queries["path"].cypher.count("OPTIONAL MATCH (candidate:Paper)") == 2


def test_the_macros_expand_with_what_they_carry():
    text = expand_macros("{{ find_node($b, $b_idents, $b_norm, goals, starts) }}")
    assert text.splitlines()[-3].startswith("WITH starts, CASE WHEN explicitPaper IS NOT NULL")
    assert text.endswith("END AS goals")
    assert expand_macros("{{ find_concepts($name, $norm, targets) }}").endswith("ELSE [byKey] END AS targets")
    with pytest.raises(QueryError, match="wrong number of arguments"):
        expand_macros("{{ find_paper($paper) }}")


def test_neo4j_queries_show_prints_the_expanded_lookup(runner):
    result = runner.invoke(cli, ["neo4j", "queries", "--show", "paper-profile"])
    assert result.exit_code == 0
    assert "OPTIONAL MATCH (candidate:Paper)" in result.output and "{{" not in result.output
