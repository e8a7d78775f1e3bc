"""The most used concepts (``litkg query concepts``), and the checks every query shares.

The helpers here (type and limit checks, name sorting, JSON rows) are used by all query
modules, so each question validates its arguments and shapes its rows the same way.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Iterable, Sequence

from litkg.errors import QueryError
from litkg.graph import sql
from litkg.graph.store import GraphStore
from litkg.queries.defaults import TOP_CONCEPTS_LIMIT
from litkg.records import CONCEPT_TYPES

__all__ = ["ConceptCount", "top_concepts", "ranked_concepts", "check_type", "check_types", "check_limit",
           "sort_names", "row_json", "ConceptPapers"]


@dataclass(frozen=True)
class ConceptPapers:
    """A concept and a number of papers; the rows of several queries have this shape."""

    key: str
    name: str
    type: str
    papers: int

    def to_json(self) -> dict:
        return row_json(self)


class ConceptCount(ConceptPapers):
    """A concept and the number of papers with an edge to it (any role)."""


def top_concepts(store: GraphStore, *, type: str | None = None,
                 limit: int | None = TOP_CONCEPTS_LIMIT) -> list[ConceptCount]:
    """The most used concepts, with the number of papers using each.

    Parameters
    ----------
    store:
        An open store.
    type:
        Only concepts of this type (dataset, benchmark, model or method); None: all.
    limit:
        At most this many (None: all).

    Returns
    -------
    list of ConceptCount
        Ranked by ``papers`` desc, then ``name``, then ``key``. Concepts no paper uses are left
        out (a whole such as WILDS is stored even when papers name only its parts).

    Raises
    ------
    QueryError
        On an unknown type or a limit that is not a positive integer.

    Examples
    --------
    >>> from litkg.queries.examples import sample_store
    >>> [c.name for c in top_concepts(sample_store(), type="benchmark", limit=2)]
    ['DomainBed', 'WILDS']
    """
    types = (check_type(type),) if type is not None else CONCEPT_TYPES
    return ranked_concepts(store, types, check_limit(limit))


def ranked_concepts(store: GraphStore, types: Sequence[str], limit: int | None) -> list[ConceptCount]:
    """Concepts of ``types`` by papers using them; the ranking :func:`top_concepts` documents."""
    return [ConceptCount(*row) for row in sql.ranked_concepts(store, types, limit)]


# -- shared checks and shapes ----------------------------------------------------------------


def check_type(type_: str) -> str:
    """``type_`` when it is a concept type; :class:`QueryError` otherwise."""
    if type_ not in CONCEPT_TYPES:
        raise QueryError(f"unknown concept type {type_!r}", hint=f"choose one of: {', '.join(CONCEPT_TYPES)}")
    return type_


def check_types(types: Iterable[str]) -> tuple[str, ...]:
    """The distinct types of ``types`` in the order given; at least one, each known."""
    if isinstance(types, str):  # a lone "dataset" would otherwise be read as seven letters
        types = (types,)
    checked = tuple(dict.fromkeys(check_type(t) for t in types))
    if not checked:
        raise QueryError("no concept type given", hint=f"choose from: {', '.join(CONCEPT_TYPES)}")
    return checked


def check_limit(limit: int | None, what: str = "limit") -> int | None:
    """``limit`` as a positive integer, or None for no limit; :class:`QueryError` otherwise.

    No limit is ``None`` or ``0``, in Python as on the command line (``--limit 0``).
    """
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise QueryError(f"{what} must be a positive integer, or None or 0 for no limit, not {limit!r}")
    return limit or None


def sort_names(names: Iterable[str]) -> tuple[str, ...]:
    """Names sorted case-insensitively (then by case, so the order is total)."""
    return tuple(sorted(names, key=lambda n: (n.lower(), n)))


def row_json(row) -> dict:
    """A result row as JSON-ready data: tuples become lists, nested ones too."""

    def plain(value):
        if isinstance(value, (tuple, list)):
            return [plain(v) for v in value]
        return value

    return {f.name: plain(getattr(row, f.name)) for f in dataclasses.fields(row)}
