"""The data one page carries, built straight from a view as column arrays (linear time).

Nodes and edges are lists indexed by position (node ``i`` is the ``i``-th node of the view);
strings that repeat (evidence sentences, concept names) are stored once in ``strs`` and referred
to by index. ``info`` holds what the details panel shows for each node, read from the view's
source graph (never written): a paper's authors, links and concepts by role with evidence; a
concept's type, aliases, relations and papers by role.
"""
from __future__ import annotations

import heapq
import math
from collections import Counter
from urllib.parse import quote

import networkx as nx

from litkg.records import ROLES

from .layout import MAX_LABEL_PX, MIN_LABEL_PX

__all__ = ["NODE_STYLES", "EDGE_STYLES", "PageData"]

#: Colour and vis shape per node type (Okabe–Ito colours, told apart by the colour-blind too).
NODE_STYLES = {
    "paper": ("#0072B2", "dot"),
    "dataset": ("#E69F00", "square"),
    "benchmark": ("#009E73", "diamond"),
    "model": ("#CC79A7", "triangle"),
    "method": ("#D55E00", "hexagon"),
    "concept": ("#999999", "star"),  # a concept of a type litkg does not know
    "paper group": ("#56B4E9", "dot"),  # a summary's topical group of papers
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
    "group_use": ("#E69F00", False),
}
_PAPER_HEADINGS = {"proposes": "proposes", "evaluates_on": "evaluates on",
                   "compares_with": "compares with", "uses": "uses"}
_CONCEPT_HEADINGS = {"proposes": "proposed by", "evaluates_on": "papers evaluating on it",
                     "compares_with": "papers comparing with it", "uses": "papers using it"}
_PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442",
            "#999999", "#882255", "#44AA99", "#117733", "#332288", "#AA4499", "#DDCC77"]
_PER_GROUP = 12   # papers listed per role in a concept's panel
_LABEL_CHARS = 40
_LABEL_CANDIDATES = 6000  # nodes whose labels may show at the opening zoom
_DEEP_ZOOM = 3.0          # the others' from this zoom on
_COMMUNITY_MAX = 3000     # Louvain on bigger views takes too long: topical groups instead
_COMMUNITY_ON = 2000      # views this big open coloured by community, the groups named
_REGION_SHARE = 0.01      # a community gets a name on the map when it holds this share of nodes


def node_type(attrs) -> str:
    if attrs.get("kind") in ("paper", "group"):
        return "paper" if attrs["kind"] == "paper" else "paper group"
    kind = attrs.get("type")
    return kind if kind in NODE_STYLES and kind != "paper" else "concept"


def display_name(attrs, node="?") -> str:
    return str(attrs.get("title") or attrs.get("name") or attrs.get("key") or node)


def normalise(text) -> str:
    # The same folding as the page's search box does to a query: case, spaces, hyphens.
    return "".join(ch for ch in str(text).lower() if not (ch.isspace() or ch in "-_‐‑‒–—―"))


def _year_of(attrs) -> int:
    year = attrs.get("year")
    return year if isinstance(year, int) and not isinstance(year, bool) else 0


def _finite(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


class PageData:
    """Column arrays for one view's page; see the module docstring."""

    def __init__(self, view, box=(1500.0, 820.0), communities=None) -> None:
        self.view, self.g, self.box = view, view.graph, box
        self.given_communities = list(communities or ())
        self.community_names: list[str] = []
        self.source = view.source if view.source is not None else view.graph
        # Least connected first: vis draws in this order, so hubs and their labels end on top.
        degree = self.g.degree()
        self.ids = sorted(self.g, key=lambda node: degree[node])
        self.index = {node: i for i, node in enumerate(self.ids)}
        self.strs: list[str] = []
        self._str_index: dict[str, int] = {}
        self.types = list(NODE_STYLES)
        self.kinds = list(EDGE_STYLES)
        self._nodes()
        self._edges()
        self.types_used = {self.types[t] for t in self.nodes["type"]}
        self.kinds_used = {self.kinds[k] for k in self.edges["kind"]}
        self.has_communities = False

    def s(self, text) -> int:
        """The index of ``text`` in the string table (-1 for no text)."""
        if not text:
            return -1
        text = str(text)
        k = self._str_index.get(text)
        if k is None:
            k = self._str_index[text] = len(self.strs)
            self.strs.append(text)
        return k

    # --- nodes -------------------------------------------------------------------------

    def _nodes(self) -> None:
        g, cols = self.g, {k: [] for k in ("id", "label", "full", "sub", "type", "year", "size",
                                            "terms")}
        degrees = dict(g.degree())
        # Node radius: a share of the spacing the box leaves per node, growing with degree
        # relative to the most connected node (up to 3 times).
        spacing = math.sqrt(self.box[0] * self.box[1] / max(g.number_of_nodes(), 1))
        base = min(7.0, max(1.5, 0.15 * spacing))
        hub = 8.0 if g.number_of_nodes() <= 1000 else 3.0
        # A summary's nodes are sized by the papers they stand for, others by their links.
        bulk = {node: g.nodes[node].get("bulk", d) for node, d in degrees.items()}
        top = max(bulk.values(), default=1) or 1
        for node in self.ids:
            attrs = g.nodes[node]
            kind = node_type(attrs)
            full = display_name(attrs, node)
            cols["id"].append(str(node))
            cols["full"].append(full)
            cols["label"].append(full if len(full) <= _LABEL_CHARS
                                 else full[: _LABEL_CHARS - 1].rstrip() + "…")
            cols["type"].append(self.types.index(kind))
            year = attrs.get("year")
            cols["year"].append(year if kind == "paper" and _finite(year) else 0)
            cols["sub"].append(self._subtitle(kind, attrs))
            r = math.sqrt(bulk[node] / top)
            cols["size"].append(round(min(base * (1 + 2 * r) + hub * r, 40), 1))
            terms = [full, attrs.get("key"), *(attrs.get("aliases") or ())]
            cols["terms"].append(sorted({normalise(t) for t in terms if t}))
        self.nodes = cols
        self.degrees = [degrees[node] for node in self.ids]
        self.info = [self._info(node) for node in self.ids]

    @staticmethod
    def _subtitle(kind, attrs) -> str:
        if kind == "paper":
            return " · ".join(str(v) for v in (attrs.get("year"), attrs.get("venue")) if v)
        used = attrs.get("n_papers")
        if kind == "paper group":
            return f"a group of {used:,} papers"
        return " · ".join(filter(None, [str(attrs.get("type") or "concept"),
                          f"used by {used:,} paper{'' if used == 1 else 's'}"
                          if isinstance(used, int) else ""]))

    def place(self, pos) -> None:
        """Positions from the layout, then each node's label font and the order in which the
        page places labels (the most important first)."""
        self.nodes["x"] = [round(float(x), 1) for x in pos[:, 0]] if len(pos) else []
        self.nodes["y"] = [round(float(y), 1) for y in pos[:, 1]] if len(pos) else []
        n = len(self.ids)
        focus = self.index.get(self.view.focus, -1)
        # Concepts before papers (a concept's name says more on a map than a title), the
        # focus before all; then the most connected.
        concept = [self.types[t] != "paper" and self.view.focus is None
                   for t in self.nodes["type"]]
        priority = [self.degrees[i] + (1e9 if i == focus else 0) + (1e6 if concept[i] else 0)
                    for i in range(n)]
        self.label_order = sorted(range(n), key=lambda i: (-priority[i], i))
        # The font (canvas units, the opening zoom being about 1) says how big a label is and
        # from which zoom on it may be drawn at all (MIN_LABEL_PX on screen); the page draws it
        # only where it overlaps no more important one. The best connected get bigger labels;
        # beyond the first _LABEL_CANDIDATES, labels may show only from zoom _DEEP_ZOOM on (a
        # frame then looks at fewer labels).
        top = max(self.degrees, default=1) or 1
        chosen = set(self.label_order[:_LABEL_CANDIDATES])
        deep = round(MIN_LABEL_PX / _DEEP_ZOOM, 2)
        self.nodes["font"] = [round(min(MAX_LABEL_PX, 11 + 5 * math.sqrt(d / top)), 2)
                              if i in chosen else deep for i, d in enumerate(self.degrees)]
        self.focus = focus

    def _communities(self) -> None:
        """``nodes["comm"]`` (-1: none) and ``community_names``: from the communities query when
        the renderer was given them (concepts by name; a paper takes the most common of its
        concepts'), else Louvain on the view itself."""
        if self.given_communities:
            comm, names = self._given_communities()
        else:
            comm, names = self._louvain()
        if len(names) < 2:
            return
        # Only as many groups as there are colours; the rest are drawn as "other".
        comm = [c if c < len(_PALETTE) else -1 for c in comm]
        self.nodes["comm"] = comm
        self.community_names = names[: len(_PALETTE)]
        self.has_communities = True

    def _given_communities(self):
        by_name = {}
        for k, c in enumerate(self.given_communities):
            for name in getattr(c, "members", ()):
                by_name.setdefault(str(name), k)
        comm = [by_name.get(self.nodes["full"][i], -1) if self.types[t] != "paper" else -1
                for i, t in enumerate(self.nodes["type"])]
        near = self.g.to_undirected(as_view=True) if self.g.is_directed() else self.g
        for i, node in enumerate(self.ids):
            if self.types[self.nodes["type"][i]] == "paper":
                votes = Counter(comm[self.index[m]] for m in near.adj[node])
                votes.pop(-1, None)
                if votes:
                    comm[i] = min(votes, key=lambda k: (-votes[k], k))
        present = sorted({c for c in comm if c >= 0})
        renumber = {old: new for new, old in enumerate(present)}
        names = [str(getattr(self.given_communities[k], "name", k)) for k in present]
        return [renumber.get(c, -1) for c in comm], names

    def _louvain(self):
        g = self.g
        if g.number_of_nodes() <= 2 or g.number_of_edges() == 0:
            return [], []
        if g.number_of_nodes() > _COMMUNITY_MAX:
            from .view_groups import topic_groups

            groups = topic_groups(self.source)
            return [groups.of.get(node, -1) for node in self.ids], list(groups.names)
        und = g.to_undirected(as_view=True) if g.is_directed() else g
        groups = nx.community.louvain_communities(und, seed=0)
        groups.sort(key=lambda c: (-len(c), min(self.index[x] for x in c)))
        comm = [0] * len(self.ids)
        names = []
        for k, members in enumerate(groups):
            for node in members:
                comm[self.index[node]] = k
            top = sorted(members, key=lambda x: (-self.degrees[self.index[x]], self.index[x]))[:3]
            names.append(" / ".join(self.nodes["full"][self.index[x]][:30] for x in top))
        return comm, names

    # --- edges -------------------------------------------------------------------------

    def _edges(self) -> None:
        g, index = self.g, self.index
        cols = {k: [] for k in ("from", "to", "kind", "width", "weight")}
        extra = {k: [] for k in ("role", "conf", "field", "ev", "names", "rel", "papers")}
        used = set()
        for u, v, attrs in g.edges(data=True):
            kind, more = self._edge_kind(u, v, attrs)
            used.update(more)
            cols["from"].append(index[u])
            cols["to"].append(index[v])
            cols["kind"].append(self.kinds.index(kind))
            weight = attrs.get("weight")
            w = weight if _finite(weight) else 0
            cols["weight"].append(w)
            cols["width"].append(w)  # made a width below, once the heaviest is known
            for k in extra:
                extra[k].append(more.get(k, 0 if k in ("role", "names", "papers") else
                                         (None if k == "conf" else -1)))
        for k in extra:
            if k in used:
                cols[k] = extra[k]
        # Width follows the weight on a log scale, 1 to 5 px: the heaviest link must not cover
        # the page.
        top = math.log1p(max(cols["weight"], default=0)) or 1.0
        cols["width"] = [round(1 + 4 * math.log1p(w) / top, 2) if w >= 1 else 1.5
                         for w in cols["width"]]
        self.edges = cols

    def _edge_kind(self, u, v, attrs):
        """The edge's kind and its extra columns (only those it has)."""
        if attrs.get("kind") == "mention" or attrs.get("role"):
            kind = attrs.get("role") if attrs.get("role") in EDGE_STYLES else "uses"
            conf = attrs.get("confidence")
            return kind, {"role": 1, "conf": round(conf, 3) if _finite(conf) else None,
                          "field": self.s(attrs.get("field")), "ev": self.s(attrs.get("evidence"))}
        if "shared" in attrs:
            return "shared", {"names": [self.s(x) for x in attrs["shared"]]}
        if attrs.get("group_use"):
            return "group_use", {}
        weight = attrs.get("weight")
        if attrs.get("rel") in EDGE_STYLES and not weight:
            return attrs["rel"], {}
        more = {"papers": self._papers_behind(u, v, weight)}
        if attrs.get("rel"):
            more["rel"] = self.s(attrs["rel"])
        return "together", more

    def _papers_behind(self, a, b, weight) -> list:
        """[how many, a few] papers mentioning both concepts ``a`` and ``b`` (the link's
        weight counts them; the few are the first by id)."""
        src = self.source
        if a not in src or b not in src:
            return [0, []]
        both = self._near_set(a) & self._near_set(b)  # in C, from the smaller side
        few = [p for p in heapq.nsmallest(12, both) if src.nodes[p].get("kind") == "paper"][:6]
        return [max(int(weight or 0), len(few)), [self._target(p) for p in sorted(few)]]

    def _near_set(self, node) -> frozenset:
        cache = self.__dict__.setdefault("_near_sets", {})
        found = cache.get(node)
        if found is None:
            src = self.source
            found = cache[node] = frozenset(src.pred[node] if src.is_directed() else src.adj[node])
        return found

    # --- the details panel --------------------------------------------------------------

    def _target(self, node):
        """A node index when ``node`` is on the page (the panel links to it), else its name."""
        i = self.index.get(node)
        return i if i is not None else display_name(self.source.nodes[node], node)

    def _info(self, node) -> dict:
        src = self.source
        if self.g.nodes[node].get("kind") == "group":
            return self._group_info(self.g.nodes[node])
        if node not in src:
            return {}
        attrs = src.nodes[node]
        if node_type(attrs) == "paper":
            return self._paper_info(node, attrs)
        return self._concept_info(node, attrs)

    def _paper_info(self, node, attrs) -> dict:
        src = self.source
        authors = [str(a) for a in attrs.get("authors") or ()]
        info = {"links": _links(attrs)}
        if authors:
            info["authors"] = ", ".join(authors[:12]) + (f" and {len(authors) - 12} more"
                                                         if len(authors) > 12 else "")
        near = src.succ[node] if src.is_directed() else src.adj[node]
        by_role = {r: [] for r in ROLES}
        for c, e in near.items():
            if e.get("role"):
                by_role.get(e["role"], by_role["uses"]).append(
                    (display_name(src.nodes[c], c).casefold(), c, e.get("evidence")))
        info["groups"] = [[_PAPER_HEADINGS[r], len(items),
                           [[self._target(c), self.s(ev)] for _, c, ev in sorted(items)]]
                          for r, items in by_role.items() if items]
        return info

    def _group_info(self, attrs) -> dict:
        """A summary's group: its best connected papers and the datasets its papers use."""
        members, used = attrs.get("members") or [], attrs.get("datasets") or []
        info = {"groups": [
            ["papers in it, the most connected first", attrs.get("n_papers", len(members)),
             [[self._target(p)] for p in members]],
            ["datasets and benchmarks its papers use", len(used),
             [[f"{name}: {n:,} papers"] for name, n in used]]]}
        if used:
            info["hint"] = ("to see its papers one by one: litkg render --view shared-datasets "
                            f"--focus \"{used[0][0]}\"")
        return info

    def _concept_info(self, node, attrs) -> dict:
        src = self.source
        info = {"aliases": [str(a) for a in attrs.get("aliases") or ()][:20]}
        groups = []
        if src.is_directed():
            rels = [(f"{e['rel'].replace('_', ' ')}", d) for d, e in src.succ[node].items()
                    if e.get("rel")]
            rels += [(f"has {'parts' if e['rel'] == 'part_of' else 'variants'}", s_)
                     for s_, e in src.pred[node].items() if e.get("rel")]
            for heading in sorted({h for h, _ in rels}):
                items = sorted((display_name(src.nodes[x], x) for h, x in rels if h == heading))
                groups.append([heading, len(items), [[x] for x in items[:_PER_GROUP]]])
        preds = src.pred[node] if src.is_directed() else src.adj[node]
        by_role = {r: [] for r in ROLES}
        for p, e in preds.items():
            if e.get("role"):
                by_role.get(e["role"], by_role["uses"]).append(p)
        for r, papers in by_role.items():
            if papers:
                # Papers on the page first, then the newest, then by id.
                top = heapq.nsmallest(_PER_GROUP, papers, key=lambda p: (
                    p not in self.index, -_year_of(src.nodes[p]), p))
                groups.append([_CONCEPT_HEADINGS[r], len(papers),
                               [[self._target(p), self.s(preds[p].get("evidence"))] for p in top]])
        info["groups"] = groups
        return info

    # --- the payload ---------------------------------------------------------------------

    def hidden(self) -> list:
        """[folded name, name] of every paper or concept of the source not on the page."""
        if self.source is self.g:
            return []
        out = []
        for node, attrs in self.source.nodes(data=True):
            if node not in self.index and attrs.get("kind") in ("paper", "concept"):
                name = display_name(attrs, node)[:120]
                out.append([normalise(name), name])
        return out

    def year_range(self):
        years = [y for y in self.nodes["year"] if y]
        return (min(years), max(years)) if years and min(years) < max(years) else None

    def max_weight(self):
        w = max(self.edges["weight"], default=0)
        return int(w) if w and w > 1 else None

    def regions(self) -> list:
        """[name, x, y] of each community big enough to be named on the map: at its nodes'
        median position. Only for views that open coloured by community."""
        comm = self.nodes.get("comm")
        if not comm or not self.community_on:
            return []
        members: dict = {}
        for i, c in enumerate(comm):
            if c >= 0:
                members.setdefault(c, []).append(i)
        out = []
        for c, idx in sorted(members.items()):
            if len(idx) >= max(3, _REGION_SHARE * len(comm)):
                xs = sorted(self.nodes["x"][i] for i in idx)
                ys = sorted(self.nodes["y"][i] for i in idx)
                name = " / ".join(self.community_names[c].split(" / ")[:2])
                out.append([name, xs[len(xs) // 2], ys[len(ys) // 2]])
        return out

    @property
    def community_on(self) -> bool:
        return self.has_communities and len(self.ids) > _COMMUNITY_ON

    def payload(self, *, box, big, options) -> dict:
        self._communities()
        return {"box": box, "communityOn": self.community_on, "regions": self.regions(),
                "panel": 360, "big": big, "directed": self.g.is_directed(), "focus": self.focus,
                "options": options,
                "types": [[t, *NODE_STYLES[t]] for t in self.types],
                "kinds": [[k, *EDGE_STYLES[k]] for k in self.kinds],
                "palette": _PALETTE, "nodes": self.nodes, "labelOrder": self.label_order,
                "edges": self.edges, "info": self.info, "strs": self.strs, "hidden": self.hidden()}


def _links(attrs) -> list:
    """[label, address] for the paper's URL, DOI and arXiv id; only http(s) addresses."""
    out = []
    url = attrs.get("url")
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
        out.append(["link", url])
    doi = attrs.get("doi")
    if isinstance(doi, str) and doi.strip():
        out.append([f"DOI {doi}", "https://doi.org/" + quote(doi.strip(), safe="/:;()._-")])
    arxiv = attrs.get("arxiv_id") or attrs.get("arxiv")
    if isinstance(arxiv, str) and arxiv.strip():
        out.append([f"arXiv {arxiv}", "https://arxiv.org/abs/" + quote(arxiv.strip(), safe="/.")])
    return out
