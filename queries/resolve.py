"""Turning what a user typed into stored papers and concepts."""
from __future__ import annotations

from litkg.errors import NotFoundError
from litkg.graph import sql
from litkg.graph.store import ConceptRow, GraphStore
from litkg.identity import reference_identifiers

__all__ = ["resolve_paper", "resolve_concepts", "PAPER_HINT", "CONCEPT_HINT", "NODE_HINT"]

#: Where an unknown paper or concept sends the user: to the commands that list them.
PAPER_HINT = "give the paper's key, id, DOI, arXiv id or exact title; find it with 'litkg query papers --search TEXT'"
CONCEPT_HINT = "check the spelling, or list concepts with 'litkg query concepts'"
NODE_HINT = ("give a paper (key, id, DOI, arXiv id or title: 'litkg query papers --search TEXT' finds it) "
             "or a concept name ('litkg query concepts' lists them)")


def resolve_paper(store: GraphStore, ref: str) -> str:
    """The key of the paper ``ref`` names: its key, input id, DOI, arXiv id or title."""
    if sql.paper_exists(store, ref):
        return ref
    for ident in reference_identifiers(ref):
        key = sql.paper_by_ident(store, ident)
        if key is not None:
            return key
    rows = sql.papers_with_id(store, ref, limit=6)
    if len(rows) == 1:
        return rows[0]
    if rows:  # an input id two files gave to different papers: say so, and name them (#14)
        keys = ", ".join(rows[:5]) + (", …" if len(rows) > 5 else "")
        raise NotFoundError(f"{len(rows) if len(rows) <= 5 else 'more than 5'} papers have the id "
                            f"{shown(ref)}: {keys}", hint="give one of their keys")
    raise NotFoundError(f"no paper matches {shown(ref)}", hint=PAPER_HINT)


def shown(ref: str, limit: int = 120) -> str:
    """``ref`` quoted for a message, cut to ``limit`` characters (a 60,000-character argument is
    not echoed whole).

    >>> shown("abc"), shown("x" * 200, limit=5)
    ("'abc'", "'xxxxx…' (200 characters)")
    """
    return repr(ref) if len(ref) <= limit else f"{ref[:limit]!r}"[:-1] + f"…' ({len(ref):,} characters)"


def resolve_concepts(store: GraphStore, name: str) -> list[ConceptRow]:
    """Concepts named ``name`` by any spelling (WiLDS finds WILDS), or by key."""
    found = store.concepts_by_alias(name)
    if not found:
        row = store.concept(name)
        if row:
            found = [row]
    if not found:
        raise NotFoundError(f"no concept named {shown(name)} in the store", hint=CONCEPT_HINT)
    return found
