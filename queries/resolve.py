"""Turning what a user typed into stored papers and concepts: the one resolver.

Every command that takes a paper or a concept from the user — ``litkg query``, ``litkg render
--focus``, the views of :mod:`litkg.graph.views` and the parameters ``litkg neo4j query`` derives —
finds it by the rule written here, once:

1. a node id, ``paper:<key>`` or ``concept:<key>``, names that node;
2. a paper by its key, else by the first identifier of
   :func:`litkg.identity.reference_identifiers` it holds (DOI, arXiv id with or without version,
   source id, normalised title), else by its input id when exactly one paper has it;
3. the concepts one of whose spellings has the normal form of the text
   (:func:`litkg.extract.normalise.concept_norm`: case, hyphens, spaces, punctuation and a plural
   "s" folded, so "Office Home", "office-home" and "OfficeHome" meet), gazetteer concepts first;
4. the concept whose key is the text.

The rule reads its :class:`Nodes`: a store's (:class:`StoreNodes`, the named reads of
:mod:`litkg.graph.sql`) or a networkx graph's (:class:`litkg.graph.view_nodes.GraphNodes`), so
a query on the store and a view of its graph find the same node.
"""
from __future__ import annotations

from litkg.errors import AmbiguousPaperError, NotFoundError, QueryError
from litkg.extract.normalise import concept_norm
from litkg.graph import sql
from litkg.graph.nxgraph import concept_node, paper_node
from litkg.graph.store import ConceptRow, GraphStore
from litkg.identity import reference_identifiers

__all__ = ["Nodes", "StoreNodes", "resolve_paper", "resolve_concepts", "resolve_node", "resolve_one_node",
           "shown", "PAPER_HINT", "CONCEPT_HINT", "NODE_HINT", "NODE_ID_HINT"]

#: Where an unknown paper or concept sends the user: to the commands that list them.
PAPER_HINT = "give the paper's key, id, DOI, arXiv id or exact title; find it with 'litkg query papers --search TEXT'"
CONCEPT_HINT = "check the spelling, or list concepts with 'litkg query concepts'"
NODE_HINT = ("give a paper (key, id, DOI, arXiv id or title: 'litkg query papers --search TEXT' finds it) "
             "or a concept name ('litkg query concepts' lists them)")
#: Where a text naming several nodes sends the user, when one node is needed.
NODE_ID_HINT = "pass the node id, e.g. concept:<key> or paper:<key>"

_PAPER, _CONCEPT = "paper:", "concept:"


class Nodes:
    """What the resolver reads: papers by key, identifier and input id; concepts by key and by the
    normal form of a spelling. Subclasses answer from a store or from a graph."""

    def has_paper(self, key: str) -> bool:
        raise NotImplementedError

    def paper_by_ident(self, ident: str) -> str | None:
        """The key of the paper holding ``ident`` (``doi:…``, ``arxiv:…``, ``title:…``)."""
        raise NotImplementedError

    def papers_with_id(self, pid: str, limit: int) -> list[str]:
        """Keys of the papers whose input id is ``pid``, in key order (at most ``limit``)."""
        raise NotImplementedError

    def concept(self, key: str) -> ConceptRow | None:
        raise NotImplementedError

    def concepts_by_norm(self, norm: str) -> list[ConceptRow]:
        """Concepts with a spelling of normal form ``norm``: gazetteer ones first, then by key."""
        raise NotImplementedError


class StoreNodes(Nodes):
    """The resolver's reads of a store, through :mod:`litkg.graph.sql`."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def has_paper(self, key: str) -> bool:
        return sql.paper_exists(self.store, key)

    def paper_by_ident(self, ident: str) -> str | None:
        return sql.paper_by_ident(self.store, ident)

    def papers_with_id(self, pid: str, limit: int) -> list[str]:
        return sql.papers_with_id(self.store, pid, limit=limit)

    def concept(self, key: str) -> ConceptRow | None:
        row = sql.concept_row(self.store, key)
        return ConceptRow(*row) if row else None

    def concepts_by_norm(self, norm: str) -> list[ConceptRow]:
        return [ConceptRow(*row) for row in sql.concepts_by_norm(self.store, norm)]


def _nodes(source: GraphStore | Nodes) -> Nodes:
    return source if isinstance(source, Nodes) else StoreNodes(source)


def resolve_paper(source: GraphStore | Nodes, ref: str) -> str:
    """The key of the paper ``ref`` names: its key, DOI, arXiv id (any version), source id, title
    or input id (step 2 of the module's rule).

    Raises
    ------
    NotFoundError
        No paper matches, or an input id names several papers (they are listed).
    """
    nodes = _nodes(source)
    if nodes.has_paper(ref):
        return ref
    for ident in reference_identifiers(ref):
        key = nodes.paper_by_ident(ident)
        if key is not None:
            return key
    rows = nodes.papers_with_id(ref, 6)
    if len(rows) == 1:
        return rows[0]
    if rows:  # an input id two files gave to different papers: say so, and name them (#14)
        keys = ", ".join(rows[:5]) + (", …" if len(rows) > 5 else "")
        raise AmbiguousPaperError(f"{len(rows) if len(rows) <= 5 else 'more than 5'} papers have the id "
                                  f"{shown(ref)}: {keys}")
    raise NotFoundError(f"no paper matches {shown(ref)}", hint=PAPER_HINT)


def shown(ref: str, limit: int = 120) -> str:
    """``ref`` quoted for a message, cut to ``limit`` characters (a 60,000-character argument is
    not echoed whole).

    >>> shown("abc"), shown("x" * 200, limit=5)
    ("'abc'", "'xxxxx…' (200 characters)")
    """
    return repr(ref) if len(ref) <= limit else f"{ref[:limit]!r}"[:-1] + f"…' ({len(ref):,} characters)"


def resolve_concepts(source: GraphStore | Nodes, name: str) -> list[ConceptRow]:
    """Concepts named ``name`` by any spelling (WiLDS finds WILDS), else the one keyed ``name``
    (steps 3 and 4 of the module's rule)."""
    nodes = _nodes(source)
    found = nodes.concepts_by_norm(concept_norm(name))
    if not found:
        row = nodes.concept(name)
        if row:
            found = [row]
    if not found:
        raise NotFoundError(f"no concept named {shown(name)} in the store", hint=CONCEPT_HINT)
    return found


def resolve_node(source: GraphStore | Nodes, ref: str) -> list[str]:
    """The node ids ``ref`` names by the module's rule: an explicit id, else a paper, else the
    concepts of that name (a name several concepts share names all of them).

    Raises
    ------
    NotFoundError
        When ``ref`` names no paper and no concept.
    """
    nodes = _nodes(source)
    if ref.startswith(_PAPER) and nodes.has_paper(ref[len(_PAPER):]):
        return [ref]
    if ref.startswith(_CONCEPT) and nodes.concept(ref[len(_CONCEPT):]) is not None:
        return [ref]
    ambiguous = None
    try:
        return [paper_node(resolve_paper(nodes, ref))]
    except AmbiguousPaperError as err:  # an input id several papers share: a concept, else say so
        ambiguous = err
    except NotFoundError:
        pass
    try:
        return [concept_node(c.key) for c in resolve_concepts(nodes, ref)]
    except NotFoundError:
        if ambiguous is not None:
            raise ambiguous from None
        raise NotFoundError(f"no paper or concept matches {shown(ref)}", hint=NODE_HINT) from None


def resolve_one_node(source: GraphStore | Nodes, ref: str) -> str:
    """The one node id ``ref`` names (:func:`resolve_node`), for what centres on one node (the
    ego and shared-datasets views).

    Raises
    ------
    QueryError
        When ``ref`` names several nodes (they are listed).
    NotFoundError
        When it names none.
    """
    found = resolve_node(source, ref)
    if len(found) > 1:
        some = ", ".join(sorted(found)[:5]) + (", …" if len(found) > 5 else "")
        raise QueryError(f"{shown(ref)} matches several nodes: {some}", hint=NODE_ID_HINT)
    return found[0]
