"""A deterministic, topically structured synthetic corpus for the view benchmarks and screenshots.

    from synthetic_views import synthetic_graph
    graph = synthetic_graph(20000)          # ~24k nodes, ~130k edges, the same every time

The graph has the shape litkg's loader produces (``paper:*`` and ``concept:*`` nodes, ``mention``
edges with a role, confidence and evidence sentence; a few ``variant_of`` relations), and the
structure of a real field rather than a random graph:

* 24 subfields in 6 areas (vision, language, learning theory, decision making, graphs and
  science, speech and signals). Each subfield has its own datasets, benchmarks, models and
  methods, a few popular ones and a long tail of rare ones (Zipf within the subfield), so
  concept use has a heavy tail;
* each area has concepts its subfields share, and a dozen hubs are used across every area;
* a paper belongs to one subfield (subfield sizes are uneven) and sometimes borrows from a
  second one, most often of its own area; it mentions 3 to 14 concepts, and sometimes
  proposes a new rare one;
* years 2015–2024 with growth, each subfield peaking in its own years.

Every name, title, author and sentence is invented (no real abstracts).
"""
from __future__ import annotations

import math
import random

import networkx as nx

__all__ = ["AREAS", "synthetic_graph"]

#: Areas and their subfields: (code used in invented names, readable subfield name).
AREAS = {
    "Vision": [("Seg", "semantic segmentation"), ("Det", "object detection"),
               ("Depth", "depth estimation"), ("Vid", "video understanding"),
               ("Med", "medical imaging")],
    "Language": [("QA", "question answering"), ("Trans", "machine translation"),
                 ("Sum", "summarisation"), ("Code", "code generation"),
                 ("Dial", "dialogue")],
    "Learning": [("Shift", "domain generalisation"), ("Few", "few-shot learning"),
                 ("Fair", "fairness"), ("Priv", "private learning")],
    "Decisions": [("Ctrl", "continuous control"), ("Game", "game playing"),
                  ("Nav", "robot navigation"), ("Rec", "recommendation")],
    "Science": [("Mol", "molecule property prediction"), ("Prot", "protein structure"),
                ("Graph", "node classification")],
    "Signals": [("Speech", "speech recognition"), ("Audio", "audio tagging"),
                ("Series", "time-series forecasting")],
}
_HUBS = [("dataset", "OmniCorpus"), ("dataset", "GlobeImages"), ("benchmark", "MegaEval"),
         ("benchmark", "UniBench"), ("model", "AtlasLM"), ("model", "Vanta-Transformer"),
         ("model", "CoreNet-50"), ("method", "Adaptive Momentum Descent"),
         ("method", "Contrastive Pretraining"), ("method", "Low-Rank Tuning"),
         ("method", "Knowledge Transfer"), ("dataset", "WebCrawl-9")]
_AREA_NAMES = {"dataset": ["{a}Corpus", "{a}-Mix", "Open{a}"],
               "benchmark": ["{a}-Suite", "{a}Arena"],
               "model": ["{a}Base", "{a}-XL", "{a}Former"],
               "method": ["{a} Distillation", "{a} Augmentation", "Unified {a} Pretraining"]}
_DATA_WORDS = ["Scenes", "Wild", "Street", "Lab", "Web", "Bank", "City", "Set", "Hub", "Log",
               "Atlas", "Stream", "Room", "Field", "Pairs", "Crowd", "Trail", "Vault"]
_BENCH_WORDS = ["Bench", "-Eval", "Arena", "-Board", "Test", "-Suite", "Gauge", "-Trials"]
_MODEL_WORDS = ["Former", "Net", "-GPT", "Mamba", "-ViT", "Flow", "Diff", "-BERT", "Mixer",
                "-UNet", "Res", "Kernel"]
_METHOD_HEADS = ["Masked", "Contrastive", "Adversarial", "Curriculum", "Self-Supervised",
                 "Sparse", "Hierarchical", "Causal", "Spectral", "Prompted", "Iterative",
                 "Bayesian", "Meta", "Robust", "Equivariant", "Federated"]
_METHOD_TAILS = ["Alignment", "Regularisation", "Distillation", "Pretraining", "Calibration",
                 "Pruning", "Augmentation", "Attention", "Matching", "Search", "Tuning",
                 "Sampling"]
_TITLE_OPENERS = ["Towards", "Rethinking", "Revisiting", "Scaling", "Understanding",
                  "Improving", "Learning", "Benchmarking", "Simplifying", "Accelerating"]
_TITLE_GOALS = ["robust", "efficient", "faithful", "data-efficient", "calibrated",
                "interpretable", "scalable", "fair", "label-free", "long-context"]
_SURNAMES = ["Arvel", "Brisko", "Caldor", "Dumont", "Ekwa", "Farrow", "Galen", "Hoskin",
             "Ivers", "Jandro", "Kestrel", "Lumen", "Marlow", "Norrel", "Oduya", "Pellan",
             "Quorra", "Raskin", "Sorvik", "Tamsin", "Ulmer", "Varga", "Wexler", "Yarrow"]
_VENUES = ["NeurIPS", "ICML", "ICLR", "CVPR", "ACL", "EMNLP", "AAAI", "KDD", "ICCV", "arXiv"]
# Per subfield, concepts of each type: (type, popular ones, long tail).
_SUBFIELD_MIX = (("dataset", 10, 45), ("benchmark", 4, 10), ("model", 8, 45),
                 ("method", 8, 55))
_YEARS = tuple(range(2015, 2025))
_EVIDENCE = {"uses": "We use {n} throughout.", "evaluates_on": "We evaluate on {n}.",
             "compares_with": "We compare with {n}.", "proposes": "We propose {n}."}


def synthetic_graph(papers: int = 20000, seed: int = 7) -> nx.DiGraph:
    """The structured corpus as a new DiGraph (see the module docstring); same seed, same graph."""
    rng = random.Random(seed)
    graph = nx.DiGraph()
    fields = _fields()
    pools = _concepts(graph, rng, fields)
    # Uneven subfield sizes: a few big subfields, many small ones.
    share = [1 / (k + 2) ** 0.7 for k in range(len(fields))]
    rng.shuffle(share)
    # Year weights per subfield: the field grows, and each subfield peaks in its own years.
    peak = {}
    for code, _, _ in fields:
        top = rng.uniform(2017, 2026)
        peak[code] = [math.exp(0.15 * (y - 2015) - (y - top) ** 2 / 18) for y in _YEARS]
    for p in range(papers):
        home = rng.choices(range(len(fields)), weights=share)[0]
        _paper(graph, rng, p, fields, home, pools, peak)
    return graph


def _fields():
    return [(code, name, area) for area, subs in AREAS.items() for code, name in subs]


def _add_concept(graph, key, name, type_, aliases=()) -> str:
    node = f"concept:{key}"
    graph.add_node(node, kind="concept", key=key, name=name, type=type_, origin="synthetic",
                   aliases=list(aliases))
    return node


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")


def _concepts(graph, rng, fields) -> dict:
    """Concept nodes; returns {scope: [(node, type), ...] most popular first} per subfield code,
    per area and "hubs"."""
    pools: dict[str, list] = {"hubs": []}
    for type_, name in _HUBS:
        pools["hubs"].append((_add_concept(graph, _slug(name), name, type_), type_))
    for area in AREAS:
        pools[area] = []
        for type_, patterns in _AREA_NAMES.items():
            for pattern in patterns:
                name = pattern.format(a=area)
                pools[area].append((_add_concept(graph, _slug(name), name, type_), type_))
        rng.shuffle(pools[area])
    for code, _, _ in fields:
        pools[code] = _subfield_concepts(graph, rng, code)
    return pools


def _subfield_concepts(graph, rng, code: str) -> list:
    seen, out = set(), []
    for type_, popular, tail in _SUBFIELD_MIX:
        made = attempt = 0
        while made < popular + tail:
            attempt += 1
            name = _invent(rng, type_, code, attempt)
            if name in seen:
                continue
            seen.add(name)
            node = _add_concept(graph, _slug(name), name, type_)
            out.append((node, type_, made < popular))
            made += 1
    # Popular ones first (each type keeps its order), the tail after: the Zipf rank.
    out.sort(key=lambda row: not row[2])
    ranked = [(node, type_) for node, type_, _ in out]
    # A few models are variants of the subfield's first one.
    models = [node for node, type_ in ranked if type_ == "model"]
    for node in models[3:6]:
        graph.add_edge(node, models[0], kind="relation", rel="variant_of")
    return ranked


def _invent(rng, type_, code, attempt) -> str:
    """An invented name; plain for the first attempts, with a size or version suffix later (so
    that enough distinct names exist)."""
    if type_ == "dataset":
        sizes = (2, 3, 5, 10, 20, 50, 100)
        return f"{code}{rng.choice(_DATA_WORDS)}" + (f"-{rng.choice(sizes)}K" if attempt > 8 else "")
    if type_ == "benchmark":
        return f"{code}{rng.choice(_BENCH_WORDS)}" + (f" v{attempt // 4 + 1}" if attempt > 4 else "")
    if type_ == "model":
        return f"{code}{rng.choice(_MODEL_WORDS)}" + (f"-{attempt % 90 + 2}" if attempt > 8 else "")
    tail = f" {attempt // 100 + 1}" if attempt > 150 else ""
    return f"{rng.choice(_METHOD_HEADS)} {code} {rng.choice(_METHOD_TAILS)}{tail}"


def _zipf_pick(rng, pool, exponent=1.1):
    # Inverse-CDF of a truncated power law over ranks: cheap and heavy-tailed.
    u = rng.random()
    n = len(pool)
    rank = int(n ** u ** exponent) - 1 if n > 1 else 0
    return pool[min(max(rank, 0), n - 1)]


def _paper(graph, rng, p, fields, home, pools, peak) -> None:
    code, name, area = fields[home]
    year = rng.choices(_YEARS, weights=peak[code])[0]
    node = f"paper:syn{p:05d}"
    n_concepts = min(14, max(3, round(rng.lognormvariate(1.6, 0.45))))
    second = None
    if rng.random() < 0.18:  # borrows from a second subfield, most often of its own area
        near = [f for f in fields if f[2] == area and f[0] != code]
        second = (rng.choice(near) if rng.random() < 0.7 else rng.choice(fields))[0]
    chosen: dict[str, str] = {}
    for _ in range(n_concepts * 3):
        if len(chosen) >= n_concepts:
            break
        r = rng.random()
        scope = ("hubs" if r < 0.08 else area if r < 0.2 else
                 second if second and r < 0.35 else code)
        concept, type_ = _zipf_pick(rng, pools[scope], 1.0 if scope == code else 1.3)
        chosen.setdefault(concept, type_)
    proposed = None
    if rng.random() < 0.15:  # a new method or model of its own, rarely picked up
        kind = rng.choice(("method", "model"))
        proposed = _invent(rng, kind, code, 1) + f" {p % 97 + 1}"
        concept = _add_concept(graph, _slug(proposed) + f"-{p}", proposed, kind)
        chosen[concept] = kind
    focus = max(chosen, key=lambda c: graph.nodes[c]["name"] != proposed)
    title = _title(rng, name, graph.nodes[focus]["name"], proposed)
    authors = [f"{chr(65 + rng.randrange(26))}. {rng.choice(_SURNAMES)}"
               for _ in range(rng.randint(1, 6))]
    graph.add_node(node, kind="paper", key=f"syn{p:05d}", title=title, year=year, date=None,
                   venue=rng.choice(_VENUES), url=None, authors=authors, doi=None,
                   arxiv_id=None)
    for concept, type_ in chosen.items():
        role = _role(rng, type_, graph.nodes[concept]["name"] == proposed)
        graph.add_edge(node, concept, kind="mention", role=role,
                       confidence=round(0.6 + 0.4 * rng.random(), 2),
                       evidence=_EVIDENCE[role].format(n=graph.nodes[concept]["name"]),
                       field="abstract")


def _role(rng, type_, proposed: bool) -> str:
    if proposed:
        return "proposes"
    if type_ in ("dataset", "benchmark"):
        return "evaluates_on" if rng.random() < 0.6 else "uses"
    return "compares_with" if type_ == "model" and rng.random() < 0.4 else "uses"


def _title(rng, subfield, concept_name, proposed) -> str:
    goal = rng.choice(_TITLE_GOALS)
    if proposed and rng.random() < 0.7:
        return f"{proposed}: {goal} {subfield} {rng.choice(('at scale', 'made simple', 'without labels', 'in the wild'))}"
    opener = rng.choice(_TITLE_OPENERS)
    return f"{opener} {goal} {subfield} with {concept_name}"


if __name__ == "__main__":
    g = synthetic_graph()
    kinds = [a["kind"] for _, a in g.nodes(data=True)]
    print(f"{g.number_of_nodes():,} nodes ({kinds.count('paper'):,} papers), "
          f"{g.number_of_edges():,} edges; "
          f"the most used concept: {max(g.in_degree(n) for n in g if n.startswith('concept:')):,} papers")
