"""Questions about one paper: what it does (``litkg query paper``) and which papers are most like it
(``litkg query similar``)."""
from __future__ import annotations

from dataclasses import dataclass

from litkg.graph import sql
from litkg.graph.store import GraphStore
from litkg.queries.concepts import check_limit, row_json, sort_names
from litkg.queries.defaults import PAPERS_LIMIT, SIMILAR_LIMIT
from litkg.queries.resolve import resolve_paper
from litkg.queries.shared import paper_overlap, papers_sharing_only
from litkg.records import ROLES

__all__ = ["SimilarPaper", "similar_papers", "count_similar", "PaperProfile", "paper_profile", "PaperRow",
           "list_papers", "count_papers"]


@dataclass(frozen=True)
class PaperRow:
    """A paper in the store: its key (what every query takes), its input id, year, title and how
    many concepts it names."""

    paper: str
    id: str | None
    year: int | None
    title: str
    concepts: int

    def to_json(self) -> dict:
        return row_json(self)


def list_papers(store: GraphStore, *, search: str | None = None, limit: int | None = PAPERS_LIMIT) -> list[PaperRow]:
    """The papers in the store, newest first (then by title), optionally only those whose title,
    key, id, DOI or arXiv id contains ``search`` (case-insensitive); at most ``limit`` (None or 0:
    all). The keys it lists are what ``paper``, ``similar`` and ``--paper`` take.

    >>> from litkg.queries.examples import sample_store
    >>> [p.paper for p in list_papers(sample_store(), search="mordant")]
    ['doi:10.5555/litkg.sample.001']
    """
    return [PaperRow(*row) for row in sql.list_papers(store, search, check_limit(limit))]


def count_papers(store: GraphStore, *, search: str | None = None) -> int:
    """How many papers :func:`list_papers` lists without a limit."""
    return sql.count_papers(store, search)


@dataclass(frozen=True)
class SimilarPaper:
    """A paper sharing concepts with the asked one; ``score`` weighs each shared concept by rarity."""

    paper: str
    title: str
    score: float  # sum over shared concepts of log(papers / papers using it), 4 places
    shared: tuple[str, ...]  # concept names, sorted case-insensitively

    def to_json(self) -> dict:
        return row_json(self)


def similar_papers(store: GraphStore, paper: str, *, limit: int | None = SIMILAR_LIMIT) -> list[SimilarPaper]:
    """The papers most similar to ``paper`` by the concepts (of any type) they share.

    Each shared concept adds its inverse document frequency ``log(N / df)`` (N papers in the
    store, df of them using the concept), so sharing a rare benchmark counts more than sharing
    ImageNet or a Transformer.

    Parameters
    ----------
    store:
        An open store.
    paper:
        Key, id, DOI, arXiv id or title.
    limit:
        At most this many (None: all papers sharing anything).

    Returns
    -------
    list of SimilarPaper
        Ranked by ``score`` desc, then paper key.

    Raises
    ------
    NotFoundError
        When ``paper`` names no stored paper.

    Examples
    --------
    >>> from litkg.queries.examples import sample_store
    >>> [s.title for s in similar_papers(sample_store(), "smp-001", limit=2)]  # doctest: +ELLIPSIS
    ['How Much Does Model Selection Explain Progress in Domain Generalization?', ...]
    """
    limit = check_limit(limit)
    key = resolve_paper(store, paper)
    overlap = paper_overlap(store, key, None)
    if overlap.big is None:
        return []
    ranked = [(score, other) for _, score, other in overlap.ranking()]  # (-score, paper)
    # Papers sharing only the most used concept score least; read them (in key order, as they
    # tie) only when fewer than `limit` papers score more.
    only_big = (overlap.big,)
    last = -overlap.score(only_big)
    if limit is None or sum(1 for score, _ in ranked if score < last) < limit:
        ranked += [(last, other) for other in papers_sharing_only(store, overlap, limit=limit)]
    ranked.sort()
    ranked = ranked[:limit] if limit is not None else ranked
    titles = sql.paper_titles(store, [other for _, other in ranked])
    return [SimilarPaper(other, titles[other], -score, overlap.names_of(overlap.shared.get(other, only_big)))
            for score, other in ranked]


def count_similar(store: GraphStore, paper: str) -> int:
    """How many papers :func:`similar_papers` lists without a limit (every paper sharing a concept)."""
    overlap = paper_overlap(store, resolve_paper(store, paper), None)
    if overlap.big is None:
        return 0
    return len(overlap.ranking()) + len(papers_sharing_only(store, overlap))


@dataclass(frozen=True)
class PaperProfile:
    """What a paper proposes, evaluates on, compares with and uses (names, case-insensitive order)."""

    paper: str
    title: str
    year: int | None
    proposes: tuple[str, ...]
    evaluates_on: tuple[str, ...]
    compares_with: tuple[str, ...]
    uses: tuple[str, ...]

    def to_json(self) -> dict:
        return row_json(self)


def paper_profile(store: GraphStore, paper: str) -> PaperProfile:
    """One paper's concepts grouped by its role towards them.

    Each concept appears under one role: the strongest the paper has towards it (see
    :data:`litkg.records.ROLES`).

    Raises
    ------
    NotFoundError
        When ``paper`` names no stored paper.
    """
    key = resolve_paper(store, paper)
    title, year = sql.paper_title_year(store, key)
    by_role: dict[str, list[str]] = {role: [] for role in ROLES}
    for role, name in sql.paper_roles(store, key):
        by_role.setdefault(role, []).append(name)
    return PaperProfile(key, title, year, sort_names(by_role["proposes"]), sort_names(by_role["evaluates_on"]),
                        sort_names(by_role["compares_with"]), sort_names(by_role["uses"]))
