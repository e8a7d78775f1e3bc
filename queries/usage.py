"""Who uses a concept, with what, and when: ``papers-using``, ``co-usage``, ``timeline``,
``methods-on``.

Names are resolved alias-aware (WiLDS finds WILDS); a name that several concepts share (SAM the
optimiser, SAM the segmentation model) stands for all of them. With ``include_parts``, papers that
name only a part of the concept (GWHD 2021 or Camelyon17 for WILDS) count too.
"""
from __future__ import annotations

from dataclasses import dataclass

from litkg.errors import QueryError
from litkg.graph import sql
from litkg.graph.store import GraphStore
from litkg.queries.concepts import ConceptPapers, check_limit, check_type, row_json
from litkg.queries.defaults import CO_USAGE_LIMIT, TIMELINE_BY
from litkg.queries.resolve import resolve_concepts

__all__ = ["PaperUse", "papers_using", "concept_parts", "CoUsage", "co_usage", "TimelinePoint", "timeline",
           "MethodOnBenchmark", "methods_on"]

#: Types that count as methods in ``methods_on`` and ``gaps``.
METHOD_TYPES = ("method", "model")


@dataclass(frozen=True)
class PaperUse:
    """One paper's edge to the asked-for concept (or one of its parts), with the evidence."""

    paper: str
    title: str
    year: int | None
    concept: str  # the concept's name as stored
    concept_key: str
    role: str
    confidence: float
    evidence: str  # the first sentence that mentions it
    via_part: bool  # True when the paper names a part (GWHD 2021) of the asked concept (WILDS)

    def to_json(self) -> dict:
        return dict(self.__dict__)


def concept_parts(store: GraphStore, keys: list[str]) -> list[str]:
    """Concepts that are part of any of ``keys``, transitively (WILDS → GWHD 2021, Camelyon17…)."""
    found: list[str] = []
    frontier = list(keys)
    seen = set(keys)
    while frontier:
        rows = sql.parts_of(store, frontier)
        frontier = [r for r in rows if r not in seen]
        seen.update(frontier)
        found.extend(frontier)
    return found


def papers_using(store: GraphStore, name: str, *, include_parts: bool = False) -> list[PaperUse]:
    """Papers with an edge to the concept called ``name`` (any spelling), strongest role first.

    With ``include_parts``, papers that name only a part of it count too (``via_part``).
    """
    keys, wanted = _wanted(store, name, include_parts)
    rows = sql.concept_users(store, wanted)
    direct = set(keys)
    uses: dict[str, PaperUse] = {}
    for key, title, year, cname, ckey, role, conf, evidence in rows:
        use = PaperUse(key, title, year, cname, ckey, role, conf, evidence or "", ckey not in direct)
        # One row per paper: a direct edge beats one through a part.
        if key not in uses or (uses[key].via_part and not use.via_part):
            uses[key] = use
    return list(uses.values())


def _wanted(store: GraphStore, name: str, include_parts: bool) -> tuple[list[str], list[str]]:
    """The keys ``name`` resolves to, and those plus their parts when ``include_parts``."""
    keys = [c.key for c in resolve_concepts(store, name)]
    parts = concept_parts(store, keys) if include_parts else []
    return keys, keys + [p for p in parts if p not in keys]


class CoUsage(ConceptPapers):
    """A concept used together with the asked one: by ``papers`` papers that use both."""


def co_usage(store: GraphStore, name: str, *, type: str | None = None,
             limit: int | None = CO_USAGE_LIMIT) -> list[CoUsage]:
    """Concepts most used together with ``name``, optionally of one type.

    Parameters
    ----------
    store:
        An open store.
    name:
        A concept name in any spelling.
    type:
        Only co-used concepts of this type; None: all types.
    limit:
        At most this many (None: all).

    Returns
    -------
    list of CoUsage
        Ranked by ``papers`` (papers using both) desc, then ``name``, then ``key``; the asked
        concept itself is left out.

    Raises
    ------
    NotFoundError
        When no concept is called ``name``.

    Examples
    --------
    >>> from litkg.queries.examples import sample_store
    >>> rows = co_usage(sample_store(), "ColoredMNIST", type="dataset")
    >>> "Office-Home" in [c.name for c in rows], all(c.type == "dataset" for c in rows)
    (True, True)
    """
    if type is not None:
        check_type(type)
    limit = check_limit(limit)
    keys, _ = _wanted(store, name, False)
    return [CoUsage(*row) for row in sql.co_used(store, keys, type, limit)]


@dataclass(frozen=True)
class TimelinePoint:
    """How many papers of one period use the concept; ``period`` is "2023", "2023-04" or "unknown"."""

    period: str
    papers: int

    def to_json(self) -> dict:
        return row_json(self)


def timeline(store: GraphStore, name: str, *, by: str = TIMELINE_BY,
             include_parts: bool = False) -> list[TimelinePoint]:
    """Papers per year (or month) using ``name``.

    Parameters
    ----------
    store:
        An open store.
    name:
        A concept name in any spelling.
    by:
        ``"year"`` or ``"month"``.
    include_parts:
        Also count papers that name only a part of it.

    Returns
    -------
    list of TimelinePoint
        Periods in order, only those with papers; papers with no year (for ``by="month"``: no
        full date) come last as period ``"unknown"``. The counts add up to the number of papers
        :func:`papers_using` returns for the same arguments.

    Raises
    ------
    NotFoundError
        When no concept is called ``name``.
    QueryError
        When ``by`` is neither ``"year"`` nor ``"month"``.
    """
    if by not in ("year", "month"):
        raise QueryError(f"by must be 'year' or 'month', not {by!r}")
    _, wanted = _wanted(store, name, include_parts)
    return [TimelinePoint(p, n) for p, n in sql.timeline_counts(store, wanted, by)]


class MethodOnBenchmark(ConceptPapers):
    """A method or model that ``papers`` papers evaluating on the benchmark propose or use."""


def methods_on(store: GraphStore, benchmark: str, *, include_parts: bool = False) -> list[MethodOnBenchmark]:
    """Methods and models proposed or used by papers that evaluate on ``benchmark``.

    A paper evaluates on it when its edge to the benchmark (or, with ``include_parts``, to one of
    its parts) has the role ``evaluates_on``; its methods are its edges with role ``proposes`` or
    ``uses`` to concepts of type method or model.

    Returns
    -------
    list of MethodOnBenchmark
        Ranked by ``papers`` desc, then ``name``, then ``key``.

    Raises
    ------
    NotFoundError
        When no concept is called ``benchmark``.
    """
    _, wanted = _wanted(store, benchmark, include_parts)
    return [MethodOnBenchmark(*row) for row in sql.methods_on(store, wanted, METHOD_TYPES)]
