"""The query library: known answers on small hand-made stores, brute-force oracles on the seed
store and on random graphs, and the ``litkg query …`` commands' tables, JSON and errors.

Small stores are real SQLite files written through :class:`GraphStore`. Expected values are
worked out by hand (see the comments) or computed by simple independent code (brute force over
sets, networkx), never by the functions under test.
"""
from __future__ import annotations

import itertools
import json
import math
from collections import Counter

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import litkg.queries._matrix as matrix_module
from litkg.cli import cli
from litkg.core import KnowledgeGraph
from litkg.errors import NotFoundError, QueryError
from litkg.graph.nxgraph import to_networkx
from litkg.graph.store import GraphStore
from litkg.queries import (co_usage, communities, gaps, methods_on, neighbourhood, paper_profile, papers_using, path,
                           shared_datasets, similar_papers, timeline, top_concepts)

from store_builder import add_edges, add_paper

# -- a hand-made store with known answers ------------------------------------------------------

CONCEPTS = {  # key: (name, type)
    "imagenet": ("ImageNet", "dataset"), "pacs": ("PACS", "dataset"), "officehome": ("Office-Home", "dataset"),
    "wilds": ("WILDS", "benchmark"), "gwhd": ("GWHD 2021", "dataset"), "camelyon": ("Camelyon17", "dataset"),
    "rareds": ("RareDS", "dataset"), "erm": ("ERM", "method"), "irm": ("IRM", "method"),
    "mordant": ("Mordant", "method"), "resnet": ("ResNet-50", "model"), "clip": ("CLIP", "model"),
    "mnist": ("MNIST", "dataset"),  # stored, used by no paper
}
PAPERS = {  # key: (year, date, {concept: role})
    "p1": (2020, "2020-03-01", {"imagenet": "uses", "pacs": "evaluates_on", "officehome": "evaluates_on",
                                "erm": "compares_with", "resnet": "uses", "mordant": "proposes"}),
    "p2": (2021, "2021-06-10", {"imagenet": "uses", "pacs": "evaluates_on", "officehome": "evaluates_on",
                                "irm": "compares_with", "resnet": "uses"}),
    "p3": (2021, "2021-07-02", {"imagenet": "evaluates_on", "pacs": "evaluates_on", "clip": "uses"}),
    "p4": (2022, None, {"imagenet": "uses", "wilds": "evaluates_on", "rareds": "uses", "erm": "uses"}),
    "p5": (None, None, {"gwhd": "evaluates_on", "rareds": "uses", "erm": "compares_with"}),
    "p6": (2022, "2022-01-15", {"camelyon": "evaluates_on", "imagenet": "uses", "clip": "uses"}),
    "p7": (2023, "2023-02-01", {"clip": "uses"}),
    "p8": (2023, "2023-05-05", {}),  # names nothing: connected to nobody
}
N = len(PAPERS)
PARTS = [("gwhd", "wilds"), ("camelyon", "wilds")]


def idf(df: int) -> float:
    return math.log(N / df)


def make_store(path, papers, concepts, parts=()):
    """A real store holding exactly ``papers`` and ``concepts`` (and part_of ``parts``), written
    through the store's API: paper ``p1`` is titled "Paper p1" (its key ``title:paper p1``, its id
    ``p1``)."""
    with GraphStore(path) as store, store.transaction():
        for key, (name, type_) in concepts.items():
            store.upsert_concept(key, name, type_, "gazetteer")
        for key, (year, date, uses) in papers.items():
            stored = add_paper(store, f"Paper {key}", year=year, date=date, id=key)
            add_edges(store, stored, uses)
        for src, dst in parts:
            store.add_relation(src, "part_of", dst)
    return path


@pytest.fixture()
def tiny(tmp_path):
    db = make_store(tmp_path / "tiny.db", PAPERS, CONCEPTS, PARTS)
    with GraphStore(db, create=False) as store:
        yield store


def pairs_of(rows):
    return [(r.paper_a, r.paper_b) for r in rows]


# -- shared-datasets ---------------------------------------------------------------------------

def test_shared_datasets_ranks_by_count_then_rarity_then_jaccard(tiny):
    # Data concepts: p1 = p2 = {ImageNet, PACS, Office-Home}; p3 {ImageNet, PACS};
    # p4 {ImageNet, WILDS, RareDS}; p5 {GWHD 2021, RareDS}; p6 {Camelyon17, ImageNet}.
    # p4–p5 share only RareDS (2 papers): it outranks pairs sharing only ImageNet (5 papers) even
    # though its Jaccard (1/4) is below p3–p6's (1/3).
    rows = shared_datasets(tiny, limit=None)
    assert pairs_of(rows) == [("title:paper p1", "title:paper p2"), ("title:paper p1", "title:paper p3"), ("title:paper p2", "title:paper p3"), ("title:paper p4", "title:paper p5"), ("title:paper p3", "title:paper p6"), ("title:paper p1", "title:paper p6"),
                              ("title:paper p2", "title:paper p6"), ("title:paper p3", "title:paper p4"), ("title:paper p4", "title:paper p6"), ("title:paper p1", "title:paper p4"), ("title:paper p2", "title:paper p4")]
    top = rows[0]
    assert top.shared == ("ImageNet", "Office-Home", "PACS") and top.count == 3 and top.jaccard == 1.0
    assert top.score == round(idf(5) + idf(3) + idf(2), 4)
    assert (rows[1].count, rows[1].jaccard, rows[1].score) == (2, round(2 / 3, 4), round(idf(5) + idf(3), 4))
    assert (rows[3].shared, rows[3].jaccard, rows[3].score) == (("RareDS",), 0.25, round(idf(2), 4))
    assert [r.jaccard for r in rows[4:]] == [round(1 / 3, 4), .25, .25, .25, .25, .2, .2]
    assert rows[0].title_a == "Paper p1" and rows[0].to_json()["shared"] == ["ImageNet", "Office-Home", "PACS"]


def test_shared_datasets_min_shared_limit_and_types(tiny):
    assert pairs_of(shared_datasets(tiny, min_shared=2)) == [("title:paper p1", "title:paper p2"), ("title:paper p1", "title:paper p3"), ("title:paper p2", "title:paper p3")]
    assert pairs_of(shared_datasets(tiny, limit=5)) == pairs_of(shared_datasets(tiny, limit=None))[:5]
    # Models only: ResNet-50 (2 papers) beats CLIP (3 papers); CLIP's pairs tie, so keys decide.
    assert pairs_of(shared_datasets(tiny, types=("model",), limit=None)) == [
        ("title:paper p1", "title:paper p2"), ("title:paper p3", "title:paper p6"), ("title:paper p3", "title:paper p7"), ("title:paper p6", "title:paper p7")]


def test_shared_datasets_for_one_paper(tiny):
    # p4 shares RareDS with p5, and ImageNet with p3, p6 (Jaccard 1/4) and p1, p2 (1/5).
    rows = shared_datasets(tiny, paper="title:paper p4", limit=None)
    assert {r.paper_a for r in rows} == {"title:paper p4"}
    assert [r.paper_b for r in rows] == ["title:paper p5", "title:paper p3", "title:paper p6", "title:paper p1", "title:paper p2"]
    for limit in (1, 2, 3):
        assert [r.paper_b for r in shared_datasets(tiny, paper="title:paper p4", limit=limit)] == ["title:paper p5", "title:paper p3", "title:paper p6"][:limit]
    assert shared_datasets(tiny, paper="title:paper p4", min_shared=2) == []
    assert [r.paper_b for r in shared_datasets(tiny, paper="title:paper p1", min_shared=2)] == ["title:paper p2", "title:paper p3"]
    assert shared_datasets(tiny, paper="title:paper p7") == []  # names no dataset


def test_shared_datasets_argument_errors(tiny):
    with pytest.raises(NotFoundError, match="no paper matches 'nope'"):
        shared_datasets(tiny, paper="nope")
    with pytest.raises(QueryError, match="unknown concept type 'datasets'"):
        shared_datasets(tiny, types=("datasets",))
    with pytest.raises(QueryError, match="limit"):
        shared_datasets(tiny, limit=-1)
    assert shared_datasets(tiny, limit=0) == shared_datasets(tiny, limit=None)  # 0 is no limit, as on the CLI


def brute_force_pairs(store, types=("dataset", "benchmark")):
    """Every pair's row, from plain set arithmetic over the edges table."""
    conn = store.conn
    n = conn.execute("SELECT COUNT(*) FROM papers").fetchone()[0]
    df = dict(conn.execute("SELECT concept_key, COUNT(*) FROM edges GROUP BY concept_key"))
    names = dict(conn.execute("SELECT key, name FROM concepts"))
    data: dict[str, set] = {}
    marks = ",".join("?" * len(types))
    for paper, concept in conn.execute(f"SELECT e.paper_key, e.concept_key FROM edges e JOIN concepts c "
                                       f"ON c.key = e.concept_key WHERE c.type IN ({marks})", types):
        data.setdefault(paper, set()).add(concept)
    rows = []
    for a, b in itertools.permutations(sorted(data), 2):
        both = data[a] & data[b]
        if both:
            rows.append((a, b, len(both), round(math.fsum(math.log(n / df[c]) for c in both), 4),
                         round(len(both) / len(data[a] | data[b]), 4),
                         tuple(sorted((names[c] for c in both), key=lambda s: (s.lower(), s)))))
    rows.sort(key=lambda r: (-r[2], -r[3], -r[4], r[0], r[1]))
    return rows


def as_tuples(rows):
    return [(r.paper_a, r.paper_b, r.count, r.score, r.jaccard, r.shared) for r in rows]


def check_against_brute_force(store, limits=(None, 1, 3, 10)):
    expected = brute_force_pairs(store)
    corpus = [r for r in expected if r[0] < r[1]]
    for limit in limits:
        want = corpus if limit is None else corpus[:limit]
        assert as_tuples(shared_datasets(store, limit=limit)) == want
    for paper in sorted({r[0] for r in expected}):
        mine = [r for r in expected if r[0] == paper]
        for limit in limits:
            assert as_tuples(shared_datasets(store, paper=paper, limit=limit)) == (mine if limit is None else mine[:limit])


#: The built graphs the corpus-level tests run on: the shipped sample always, the seed pages
#: when ../shared is beside the checkout.
BUILT = ["sample", pytest.param("seeds", marks=pytest.mark.corpus)]


@pytest.fixture(scope="module", params=BUILT)
def built_db(request):
    return request.getfixturevalue("sample_store" if request.param == "sample" else "seed_store")[0]


def test_both_paths_match_brute_force_on_a_built_graph(built_db):
    with GraphStore(built_db, create=False) as store:
        check_against_brute_force(store)


def test_corpus_path_keeps_the_right_pairs_across_many_blocks(built_db, monkeypatch):
    # A tiny budget makes one block per paper, so pairs are kept and dropped across blocks.
    monkeypatch.setattr(matrix_module, "BLOCK_BUDGET", 3)
    with GraphStore(built_db, create=False) as store:
        check_against_brute_force(store, limits=(None, 1, 2, 5, 50))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sets(st.integers(0, 9), max_size=5), min_size=2, max_size=14), st.integers(1, 3))
def test_random_graphs_match_brute_force(tmp_path_factory, uses, budget):
    # Concepts 0–5 are datasets (0 the most likely to be shared), 6–9 methods.
    concepts = {f"c{i}": (f"C{i}", "dataset" if i < 6 else "method") for i in range(10)}
    papers = {f"q{j:02d}": (None, None, {f"c{i}": "uses" for i in s}) for j, s in enumerate(uses)}
    db = make_store(tmp_path_factory.mktemp("random") / "r.db", papers, concepts)
    with pytest.MonkeyPatch.context() as patch, GraphStore(db, create=False) as store:
        patch.setattr(matrix_module, "BLOCK_BUDGET", budget)
        check_against_brute_force(store, limits=(None, 1, 2, 4))


# -- similar, co-usage, concepts ------------------------------------------------------------------

def test_similar_papers_weigh_rare_concepts_more(tiny):
    # p4 names ImageNet (5 papers), WILDS (1), RareDS (2), ERM (3).
    rows = similar_papers(tiny, "title:paper p4", limit=None)
    assert [r.paper for r in rows] == ["title:paper p5", "title:paper p1", "title:paper p2", "title:paper p3", "title:paper p6"]
    assert rows[0].shared == ("ERM", "RareDS") and rows[0].score == round(idf(2) + idf(3), 4)
    assert rows[1].score == round(idf(5) + idf(3), 4) and rows[2].score == round(idf(5), 4)
    assert [r.paper for r in similar_papers(tiny, "title:paper p4", limit=3)] == ["title:paper p5", "title:paper p1", "title:paper p2"]
    assert similar_papers(tiny, "title:paper p8") == []


def test_co_usage_counts_papers_using_both(tiny):
    # Papers using ImageNet: p1, p2, p3, p4, p6.
    rows = co_usage(tiny, "imagenet", limit=None)
    assert [(r.name, r.papers) for r in rows] == [
        ("PACS", 3), ("CLIP", 2), ("ERM", 2), ("Office-Home", 2), ("ResNet-50", 2),
        ("Camelyon17", 1), ("IRM", 1), ("Mordant", 1), ("RareDS", 1), ("WILDS", 1)]
    assert [(r.key, r.papers) for r in co_usage(tiny, "ImageNet", type="dataset")] == [
        ("pacs", 3), ("officehome", 2), ("camelyon", 1), ("rareds", 1)]
    assert len(co_usage(tiny, "ImageNet", limit=2)) == 2
    with pytest.raises(NotFoundError, match="no concept named 'ImageNot'"):
        co_usage(tiny, "ImageNot")


def test_top_concepts_count_papers_and_skip_unused(tiny):
    rows = top_concepts(tiny, limit=None)
    assert [(r.name, r.papers) for r in rows[:8]] == [
        ("ImageNet", 5), ("CLIP", 3), ("ERM", 3), ("PACS", 3), ("Office-Home", 2), ("RareDS", 2), ("ResNet-50", 2),
        ("Camelyon17", 1)]
    assert len(rows) == len(CONCEPTS) - 1 and "MNIST" not in {r.name for r in rows}
    assert [r.name for r in top_concepts(tiny, type="dataset", limit=3)] == ["ImageNet", "PACS", "Office-Home"]
    with pytest.raises(QueryError):
        top_concepts(tiny, type="paper")


# -- usage over time, parts, methods -----------------------------------------------------------

def test_papers_using_is_alias_aware_and_counts_parts(tiny):
    assert [u.paper for u in papers_using(tiny, "wilds")] == ["title:paper p4"]
    with_parts = papers_using(tiny, "WILDS", include_parts=True)
    assert sorted(u.paper for u in with_parts) == ["title:paper p4", "title:paper p5", "title:paper p6"]
    assert {u.paper: u.via_part for u in with_parts} == {"title:paper p4": False, "title:paper p5": True, "title:paper p6": True}


def test_timeline_by_year_and_month(tiny):
    assert [(t.period, t.papers) for t in timeline(tiny, "ImageNet")] == [("2020", 1), ("2021", 2), ("2022", 2)]
    assert [(t.period, t.papers) for t in timeline(tiny, "WILDS", include_parts=True)] == [("2022", 2), ("unknown", 1)]
    # p4 has a year but no date: no month to put it in.
    assert [t.to_json() for t in timeline(tiny, "WILDS", by="month", include_parts=True)] == [
        {"period": "2022-01", "papers": 1}, {"period": "unknown", "papers": 2}]
    with pytest.raises(QueryError, match="by must be"):
        timeline(tiny, "WILDS", by="week")


def test_methods_on_a_benchmark(tiny):
    # PACS is evaluated on by p1, p2, p3; their proposed/used methods: p1 ResNet-50 + Mordant,
    # p2 ResNet-50, p3 CLIP (compared-with baselines do not count).
    assert [(m.name, m.papers) for m in methods_on(tiny, "PACS")] == [("ResNet-50", 2), ("CLIP", 1), ("Mordant", 1)]
    assert [m.name for m in methods_on(tiny, "WILDS")] == ["ERM"]
    # With parts: p6 (Camelyon17) uses CLIP; p5 (GWHD 2021) only compares with ERM.
    assert [(m.name, m.papers) for m in methods_on(tiny, "WILDS", include_parts=True)] == [("CLIP", 1), ("ERM", 1)]


def test_paper_profile_groups_by_role(tiny):
    profile = paper_profile(tiny, "title:paper p1")
    assert profile.to_json() == {
        "paper": "title:paper p1", "title": "Paper p1", "year": 2020, "proposes": ["Mordant"],
        "evaluates_on": ["Office-Home", "PACS"], "compares_with": ["ERM"], "uses": ["ImageNet", "ResNet-50"]}
    with pytest.raises(NotFoundError):
        paper_profile(tiny, "p99")


def test_gaps_are_popular_pairs_never_used_together(tiny):
    # Top 3 methods: CLIP, ERM (3 papers), ResNet-50 (2); top 2 data: ImageNet, PACS — all met.
    assert gaps(tiny, methods=3, benchmarks=2) == []
    # The 3rd and 4th data concepts, Office-Home and RareDS (2 papers each), open three gaps.
    assert [(g.method, g.benchmark, g.method_papers, g.benchmark_papers) for g in gaps(tiny, methods=3, benchmarks=4)] == [
        ("CLIP", "Office-Home", 3, 2), ("CLIP", "RareDS", 3, 2), ("ResNet-50", "RareDS", 2, 2)]


# -- structure -----------------------------------------------------------------------------------

def test_neighbourhood_matches_networkx_ego_graph(tiny):
    hood = neighbourhood(tiny, "WILDS")
    assert hood.nodes == ("concept:camelyon", "concept:gwhd", "concept:wilds", "paper:title:paper p4")
    assert hood.edges == (("concept:camelyon", "concept:wilds", "part_of"), ("concept:gwhd", "concept:wilds", "part_of"),
                          ("paper:title:paper p4", "concept:wilds", "evaluates_on"))
    graph = to_networkx(tiny).to_undirected()
    for centre, radius in (("concept:wilds", 2), ("paper:title:paper p4", 1), ("paper:title:paper p4", 3)):
        hood = neighbourhood(tiny, centre, radius=radius)
        ego = nx.ego_graph(graph, centre, radius=radius)
        assert set(hood.nodes) == set(ego.nodes)
        assert {frozenset(e[:2]) for e in hood.edges} == {frozenset(e) for e in ego.edges}
    assert neighbourhood(tiny, "title:paper p8", radius=2).nodes == ("paper:title:paper p8",)
    with pytest.raises(QueryError):
        neighbourhood(tiny, "title:paper p1", radius=-1)


def test_path_is_a_shortest_path(tiny):
    assert [s.node for s in path(tiny, "GWHD 2021", "Camelyon17")] == ["concept:gwhd", "concept:wilds", "concept:camelyon"]
    assert [(s.kind, s.label) for s in path(tiny, "title:paper p7", "PACS")] == [
        ("paper", "Paper p7"), ("concept", "CLIP"), ("paper", "Paper p3"), ("concept", "PACS")]
    assert [s.node for s in path(tiny, "title:paper p2", "title:paper p2")] == ["paper:title:paper p2"]
    assert path(tiny, "title:paper p1", "title:paper p8") == []
    graph = to_networkx(tiny).to_undirected()
    steps = [s.node for s in path(tiny, "title:paper p5", "title:paper p7")]
    assert len(steps) - 1 == nx.shortest_path_length(graph, "paper:title:paper p5", "paper:title:paper p7")
    assert all(graph.has_edge(u, v) for u, v in zip(steps, steps[1:]))
    with pytest.raises(NotFoundError, match="no paper or concept matches 'Atlantis'"):
        path(tiny, "title:paper p1", "Atlantis")


def test_communities_find_groups_used_together(tmp_path):
    # A1–A3 are used together (A1 by 3 papers, A2 by 2, A3 by 1); B1–B4 by two papers; C alone.
    concepts = {k: (k.upper(), "dataset") for k in ("a1", "a2", "a3", "b1", "b2", "b3", "b4", "c")}
    papers = {"q1": (None, None, {"a1": "uses", "a2": "uses", "a3": "uses"}), "q2": (None, None, {"a1": "uses", "a2": "uses"}),
              "q3": (None, None, {"a1": "uses"}), "q4": (None, None, {b: "uses" for b in ("b1", "b2", "b3", "b4")}),
              "q5": (None, None, {b: "uses" for b in ("b4", "b3", "b2", "b1")}), "q6": (None, None, {"c": "uses"})}
    with GraphStore(make_store(tmp_path / "c.db", papers, concepts), create=False) as store:
        found = communities(store)
        assert [c.to_json() for c in found] == [
            {"name": "B1 / B2 / B3", "members": ["B1", "B2", "B3", "B4"], "size": 4},
            {"name": "A1 / A2 / A3", "members": ["A1", "A2", "A3"], "size": 3}]
        assert [c.size for c in communities(store, min_size=4)] == [4]
        assert communities(store, types=("method",)) == []


# -- on the seed graph --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds_graph(built_db):
    """A built graph (the sample, and the seed pages when present) and its networkx view."""
    store = GraphStore(built_db, create=False)
    yield store, to_networkx(store)
    store.close()


def users(graph, concept_key):
    return {p for p in graph.predecessors(f"concept:{concept_key}") if graph.nodes[p]["kind"] == "paper"}


def test_seed_co_usage_of_colored_mnist(seeds_graph):
    store, graph = seeds_graph
    mine = users(graph, "colored-mnist")
    rows = co_usage(store, "ColoredMNIST", limit=None)
    assert rows and "Camelyon17" in {r.name for r in rows}
    for row in rows:
        assert row.papers == len(mine & users(graph, row.key)) >= 1


def test_seed_papers_using_wilds_with_parts_and_timeline_totals(seeds_graph):
    store, _ = seeds_graph
    direct = {u.paper for u in papers_using(store, "WILDS")}
    with_parts = {u.paper for u in papers_using(store, "WILDS", include_parts=True)}
    assert direct and direct < with_parts
    for name in ("WILDS", "ImageNet", "GPT-4"):
        for parts in (False, True):
            count = len(papers_using(store, name, include_parts=parts))
            for by in ("year", "month"):
                assert sum(t.papers for t in timeline(store, name, by=by, include_parts=parts)) == count


def test_seed_top_concepts_match_networkx_degrees(seeds_graph):
    store, graph = seeds_graph
    rows = top_concepts(store, type="benchmark", limit=None)
    assert rows and all(r.type == "benchmark" for r in rows)
    assert [r.papers for r in rows] == sorted((r.papers for r in rows), reverse=True)
    for row in rows:
        assert row.papers == len(users(graph, row.key))


def test_seed_communities_cover_each_concept_once(seeds_graph):
    store, graph = seeds_graph
    found = communities(store)
    # Names are not unique (SAM the optimiser, SAM the model): count concepts per name.
    used = Counter(d["name"] for n, d in graph.nodes(data=True) if d["kind"] == "concept" and graph.in_degree(n)
                   and any(graph.nodes[p]["kind"] == "paper" for p in graph.predecessors(n)))
    members = Counter(m for c in found for m in c.members)
    assert found and not members - used
    for c in found:
        assert c.size == len(c.members) >= 3 and c.name == " / ".join(c.members[:3])
    assert found == communities(store)  # the same seed gives the same groups


def test_seed_gaps_are_never_used_together(seeds_graph):
    store, graph = seeds_graph
    by_name = {d["name"]: n for n, d in graph.nodes(data=True) if d["kind"] == "concept"}
    found = gaps(store, methods=10, benchmarks=10)
    assert found
    for gap in found:
        assert not users(graph, by_name[gap.method][8:]) & users(graph, by_name[gap.benchmark][8:])
    assert [g.method_papers * g.benchmark_papers for g in found] == sorted(
        (g.method_papers * g.benchmark_papers for g in found), reverse=True)


def test_seed_path_and_similar(seeds_graph):
    store, graph = seeds_graph
    undirected = graph.to_undirected()
    steps = [s.node for s in path(store, "WILDS", "DomainBed")]
    assert len(steps) - 1 == nx.shortest_path_length(undirected, "concept:wilds", "concept:domainbed")
    pair = shared_datasets(store, limit=1)[0]
    similar = similar_papers(store, pair.paper_a, limit=None)
    assert pair.paper_b in {s.paper for s in similar}
    assert [s.score for s in similar] == sorted((s.score for s in similar), reverse=True)


# -- the CLI -------------------------------------------------------------------------------------

COMMANDS = {  # command line → (header words in the table, a cell expected in it)
    ("shared-datasets",): ("shared", "RareDS"),
    ("shared-datasets", "--paper", "title:paper p4", "--type", "dataset", "--type", "benchmark"): ("jaccard", "Paper p5"),
    ("co-usage", "ImageNet", "--type", "dataset"): ("papers", "Office-Home"),
    ("similar", "title:paper p4"): ("score", "RareDS"),
    ("concepts", "--top", "3"): ("concept", "ImageNet"),
    ("timeline", "WILDS", "--include-parts", "--by", "month"): ("period", "2022-01"),
    ("gaps", "--methods", "3", "--benchmarks", "4"): ("benchmark", "RareDS"),
    ("paper", "title:paper p1"): ("evaluates on", "Office-Home"),
    ("methods-on", "PACS"): ("method", "Mordant"),
    ("neighbourhood", "WILDS"): ("nodes", "part_of"),
    ("path", "GWHD 2021", "Camelyon17"): ("concept", "WILDS"),
    ("communities", "--min-size", "2"): ("community", "ImageNet"),
}


def run(runner, *args):
    return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture()
def tiny_db(tmp_path):
    return make_store(tmp_path / "tiny.db", PAPERS, CONCEPTS, PARTS)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_query_command_prints_a_table_and_json(runner, tiny_db, command):
    header, cell = COMMANDS[command]
    table = run(runner, "query", *command, "--db", tiny_db)
    assert table.exit_code == 0, table.output
    assert header in table.output and cell in table.output
    result = run(runner, "query", *command, "--db", tiny_db, "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data and cell in json.dumps(data, ensure_ascii=False)


def test_cli_json_is_the_api_rows(runner, tiny_db):
    data = json.loads(run(runner, "query", "shared-datasets", "--paper", "title:paper p4", "--limit", 0, "--db", tiny_db, "--json").output)
    with KnowledgeGraph(tiny_db) as kg:
        assert data == [r.to_json() for r in kg.shared_datasets(paper="title:paper p4", limit=None)]
        assert json.loads(run(runner, "query", "concepts", "--type", "model", "--db", tiny_db, "--json").output) == [
            r.to_json() for r in kg.top_concepts(type="model")]
    assert {"paper_a", "title_a", "paper_b", "title_b", "shared", "count", "jaccard", "score"} == data[0].keys()


@pytest.mark.parametrize("command", ["co-usage", "similar", "concepts", "timeline", "gaps", "paper", "methods-on",
                                     "neighbourhood", "path", "communities"])
def test_query_commands_have_help(runner, command):
    result = run(runner, "query", command, "--help")
    assert result.exit_code == 0 and len(result.output.split("\n\n")[1].strip()) > 10


@pytest.mark.parametrize("args", [("timeline", "WILDS", "--by", "week"), ("concepts", "--type", "paper"),
                                  ("co-usage",), ("path", "title:paper p1"), ("neighbourhood", "title:paper p1", "--radius", -1),
                                  ("gaps", "--methods", 0), ("similar", "title:paper p1", "--limit", -2),
                                  ("communities", "--type", "venue")])
def test_query_usage_errors_exit_2(runner, tiny_db, args):
    assert run(runner, "query", *args, "--db", tiny_db).exit_code == 2


def test_query_unknown_names_are_one_line_errors(runner, tiny_db):
    for args, start in ((("co-usage", "Nope"), "Error: no concept named 'Nope'"),
                        (("similar", "nope"), "Error: no paper matches 'nope'"),
                        (("path", "title:paper p1", "Nope"), "Error: no paper or concept matches 'Nope'")):
        result = run(runner, "query", *args, "--db", tiny_db)
        assert result.exit_code == 1 and result.output.startswith(start) and "hint:" in result.output
        assert len(result.output.strip().splitlines()) == 1


def test_empty_answers_say_so(runner, tiny_db):
    assert "not connected" in run(runner, "query", "path", "title:paper p1", "title:paper p8", "--db", tiny_db).output
    assert "No paper shares" in run(runner, "query", "similar", "title:paper p8", "--db", tiny_db).output
    assert run(runner, "query", "similar", "title:paper p8", "--db", tiny_db, "--json").output.strip() == "[]"
