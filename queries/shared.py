"""Papers that share datasets and benchmarks (``litkg query shared-datasets``).

Two paths answer the same question:

- for one paper, indexed SQL touches only the papers that use one of its concepts
  (:func:`paper_overlap`, also used by :func:`~litkg.queries.papers.similar_papers`); with a
  limit, only as many of them as the ranking needs: tiers of tied papers walked best first, the
  lists of popular concepts read in key order only until the ranking is settled
  (:mod:`litkg.queries.shared_top`, tested against brute force in ``tests/test_shared_fast.py``);
- for the whole corpus, sparse products of the paper × concept matrix in row blocks
  (:func:`~litkg.queries._matrix.pair_blocks`) keep only the pairs that can still rank.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping, Sequence

from litkg.graph import sql, sql_overlap
from litkg.graph.store import GraphStore
from litkg.queries.concepts import check_limit, check_types, row_json, sort_names
from litkg.queries.defaults import SHARED_LIMIT, SHARED_MIN, SHARED_TYPES
from litkg.queries.resolve import resolve_paper
from litkg.queries.shared_postings import top_rows_from_postings
from litkg.queries.shared_top import PLACES as _PLACES, top_rows

if TYPE_CHECKING:
    import numpy as np

# numpy and scipy (litkg.queries._matrix) are imported by the corpus-wide path only, inside its
# functions: the one-paper path, `litkg query similar` and every other command start without them.

__all__ = ["SharedPair", "shared_datasets", "count_shared_pairs", "Overlap", "paper_overlap", "PairCounts",
           "count_pairs"]

# Composite ranking key ``count * _SCALE + score``; exact for scores below 2**20.
_SCALE = float(2**20)


@dataclass(frozen=True)
class SharedPair:
    """Two papers and the datasets/benchmarks both use."""

    paper_a: str
    title_a: str
    paper_b: str
    title_b: str
    shared: tuple[str, ...]  # concept names, sorted case-insensitively
    count: int
    jaccard: float  # shared / concepts (of the asked types) of either paper, 4 places
    score: float  # sum over shared concepts of log(papers / papers using it), 4 places

    def to_json(self) -> dict:
        return row_json(self)


@dataclass(frozen=True)
class Overlap:
    """The papers sharing concepts with one paper, found by indexed SQL.

    ``shared`` maps each other paper to the keys of the concepts it shares. Papers that share
    only ``big`` (the paper's most used concept) are left out of ``shared`` when the caller did
    not ask for them: they rank last and may be many (see :func:`paper_overlap`).
    """

    paper: str
    idf: dict[str, float]  # the paper's concepts of the asked types → idf
    names: dict[str, str]  # the same concepts → names
    shared: dict[str, tuple[str, ...]]
    big: str | None

    def score(self, keys: Sequence[str]) -> float:
        # fsum: the same value whatever the order the concepts came in.
        return round(math.fsum(self.idf[k] for k in keys), _PLACES)

    def ranking(self, min_shared: int = 1) -> list[tuple[int, float, str]]:
        """``(-count, -score, paper)`` for the papers in ``shared``: sorted, the ranking order."""
        scores: dict[tuple[str, ...], float] = {}  # many papers share the same few concepts
        found = []
        for other, keys in self.shared.items():
            if len(keys) >= min_shared:
                score = scores.get(keys)
                if score is None:
                    score = scores[keys] = self.score(keys)
                found.append((-len(keys), -score, other))
        return found

    def names_of(self, keys: Sequence[str]) -> tuple[str, ...]:
        return sort_names(self.names[k] for k in keys)


def paper_overlap(store: GraphStore, key: str, types: Sequence[str] | None) -> Overlap:
    """Papers sharing a concept of ``types`` (None: any) with paper ``key``, except via ``big``.

    Lists of papers per concept are read rarest first. Any paper sharing two or more concepts
    appears in a list other than the most used concept's (``big``), so only that list is left
    out here; :func:`papers_sharing_only` reads it when the ranking reaches it. Cost:
    O(sum of the other concepts' document frequencies), with the covering index
    ``edges(concept_key, paper_key)``.
    """
    mine = sql_overlap.paper_concepts_df(store, key, types)
    if not mine:
        return Overlap(key, {}, {}, {}, None)
    papers = sql_overlap.paper_total(store)
    idf = {k: math.log(papers / df) for k, _, df in mine}
    names = {k: name for k, name, _ in mine}
    big = max(mine, key=lambda r: (r[2], r[0]))[0]
    others = [k for k in idf if k != big]
    shared: dict[str, tuple[str, ...]] = {}
    if others:
        shared.update(sql_overlap.papers_sharing(store, others, but=key))
        if shared:
            for other in sql_overlap.papers_among_users(store, big, shared):
                shared[other] += (big,)
    return Overlap(key, idf, names, shared, big)


def papers_sharing_only(store: GraphStore, overlap: Overlap, *, limit: int | None = None) -> list[str]:
    """Papers whose only shared concept is ``overlap.big``, in key order (at most ``limit``)."""
    if overlap.big is None:
        return []
    found = []
    for other in sql_overlap.users_of(store, overlap.big, but=overlap.paper):
        if other not in overlap.shared:
            found.append(other)
            if limit is not None and len(found) >= limit:
                break
    return found


def shared_datasets(store: GraphStore, *, paper: str | None = None, min_shared: int = SHARED_MIN,
                    limit: int | None = SHARED_LIMIT, types: Sequence[str] = SHARED_TYPES) -> list[SharedPair]:
    """Pairs of papers ranked by the datasets and benchmarks they share.

    Parameters
    ----------
    store:
        An open store.
    paper:
        Only pairs with this paper (key, id, DOI, arXiv id or title); it is always ``paper_a``.
        Without it, every pair in the corpus, ``paper_a`` < ``paper_b`` by key.
    min_shared:
        Leave out pairs sharing fewer.
    limit:
        At most this many pairs (None: all; on a large corpus that can be very many).
    types:
        Concept types that count (default: dataset and benchmark).

    Returns
    -------
    list of SharedPair
        Ranked by ``count`` desc, then ``score`` desc (sharing a rare dataset says more than
        sharing ImageNet), then ``jaccard`` desc, then the two keys.

    Raises
    ------
    NotFoundError
        When ``paper`` names no stored paper.
    QueryError
        When ``types`` holds an unknown type or ``limit``/``min_shared`` are not positive.

    Examples
    --------
    >>> from litkg.queries.examples import sample_store
    >>> pairs = shared_datasets(sample_store(), min_shared=2)
    >>> "ImageNet" in pairs[0].shared, pairs[0].count >= pairs[-1].count >= 2
    (True, True)
    """
    types = check_types(types)
    min_shared = max(1, int(min_shared))
    limit = check_limit(limit)  # None or 0: no limit
    if paper is not None:
        return _one_paper_top(store, resolve_paper(store, paper), min_shared, limit, types)
    return _corpus(store, min_shared, limit, types)


def count_shared_pairs(store: GraphStore, *, paper: str | None = None, min_shared: int = SHARED_MIN,
                       types: Sequence[str] = SHARED_TYPES) -> int:
    """How many pairs :func:`shared_datasets` lists without a limit: for one paper from its overlap
    (indexed SQL), for the corpus one pass over the pair blocks that keeps nothing."""
    types = check_types(types)
    min_shared = max(1, int(min_shared))
    if paper is not None:
        overlap = paper_overlap(store, resolve_paper(store, paper), types)
        if overlap.big is None:
            return 0
        found = len(overlap.ranking(min_shared))
        return found + (len(papers_sharing_only(store, overlap)) if min_shared <= 1 else 0)
    from litkg.queries._matrix import idf_weights, load_incidence, pair_blocks  # scipy: see the top

    incidence = load_incidence(store, types)
    idf = idf_weights(incidence.df, incidence.papers)
    return sum(len(a) for a, *_ in pair_blocks(incidence, idf, min_count=min_shared))


@dataclass(frozen=True)
class PairCounts:
    """Every pair of papers sharing a concept, counted as :func:`shared_datasets` counts them
    (:func:`~litkg.queries._matrix.pair_blocks`): row numbers ``a < b`` into ``papers`` (sorted
    keys) and how many concepts each pair shares; :meth:`shared` names them."""

    papers: list[str]
    a: np.ndarray
    b: np.ndarray
    count: np.ndarray
    incidence: object = field(repr=False)

    def shared(self, i: int, j: int) -> list[str]:
        """Keys of the concepts papers ``i`` and ``j`` both use, in key order."""
        from litkg.queries._matrix import shared_columns  # scipy: see the top

        return [self.incidence.concept_keys[c] for c in shared_columns(self.incidence, i, j)]


def count_pairs(users: Mapping[str, Sequence[str]]) -> PairCounts:
    """The pairs of papers sharing one of the concepts of ``users`` (concept key → keys of the
    papers using it): the pair counting of :func:`shared_datasets` for what holds a graph rather
    than a store (the shared-datasets view of :mod:`litkg.graph.views`).

    >>> pairs = count_pairs({"pacs": ["p1", "p2", "p3"], "wilds": ["p2", "p3"]})
    >>> sorted((pairs.papers[i], pairs.papers[j], n) for i, j, n in
    ...        zip(pairs.a.tolist(), pairs.b.tolist(), pairs.count.tolist()))
    [('p1', 'p2', 1), ('p1', 'p3', 1), ('p2', 'p3', 2)]
    >>> pairs.shared(1, 2)
    ['pacs', 'wilds']
    """
    from litkg.queries._matrix import all_pairs, incidence_of  # scipy: see the top

    incidence = incidence_of(users)
    a, b, count = all_pairs(incidence)
    return PairCounts(incidence.paper_keys, a, b, count, incidence)


# -- one paper -----------------------------------------------------------------------------------

def _one_paper_top(store, key, min_shared, limit, types) -> list[SharedPair]:
    """The pairs of one paper: the first ``limit`` from the store's lists of papers
    (:func:`~litkg.queries.shared_postings.top_rows_from_postings`) or else the index
    (:func:`~litkg.queries.shared_top.top_rows`), where either applies (only as many other papers
    read as the ranking needs), else all of :func:`_one_paper` cut at ``limit``."""
    found = None
    if limit is not None:  # the store's lists of papers where up to date, else the index (#10)
        found = top_rows_from_postings(store, key, min_shared, limit, types)
        if found is None:
            found = top_rows(store, key, min_shared, limit, types)
    if found is None:
        return _one_paper(store, key, min_shared, limit, types)
    rows, names = found
    return _pairs(store, rows, limit, lambda keys: sort_names(names[k] for k in keys))


def _one_paper(store, key, min_shared, limit, types) -> list[SharedPair]:
    """Every pair with paper ``key``, ranked, then cut to ``limit``: the reference the fast path
    (:func:`_one_paper_top`) must equal, and the path without a limit."""
    overlap = paper_overlap(store, key, types)
    if overlap.big is None:
        return []
    ranked = overlap.ranking(min_shared)
    # Papers sharing only the most used concept rank after every other paper except those tied
    # with them (count 1, the same score); they are read only when the ranking reaches them.
    only_big = (overlap.big,)
    last = (-1, -overlap.score(only_big))
    if min_shared <= 1 and (limit is None or sum(1 for c, s, _ in ranked if (c, s) < last) < limit):
        ranked += [(*last, other) for other in papers_sharing_only(store, overlap)]
    ranked.sort()
    needed = _through_boundary(ranked, limit)
    sizes = _data_sizes(store, [key] + [r[2] for r in needed], types)
    rows = [(-count, -score, round(-count / (sizes[key] + sizes[other] + count), _PLACES), key, other,
             overlap.shared.get(other, only_big)) for count, score, other in needed]
    return _pairs(store, rows, limit, overlap.names_of)


def _through_boundary(ranked: list, limit: int | None) -> list:
    """The first ``limit`` sorted entries plus any tied with the last on (count, score)."""
    if limit is None or len(ranked) <= limit:
        return ranked
    end = limit
    while end < len(ranked) and ranked[end][:2] == ranked[limit - 1][:2]:
        end += 1
    return ranked[:end]


def _data_sizes(store, keys: list[str], types) -> dict[str, int]:
    sizes = dict.fromkeys(keys, 0)
    sizes.update(sql_overlap.type_counts_per_paper(store, keys, types))
    return sizes


# -- the whole corpus ---------------------------------------------------------------------------

def _corpus(store, min_shared, limit, types) -> list[SharedPair]:
    import numpy as np

    from litkg.queries._matrix import idf_weights, load_incidence, pair_blocks, shared_columns  # scipy: see the top

    incidence = load_incidence(store, types)
    idf = idf_weights(incidence.df, incidence.papers)
    parts: list[list[np.ndarray]] = []  # blocks of [a, b, count, score] still in the running
    held = 0
    threshold = min_shared  # raised to the count of the current last kept pair; read by pair_blocks
    for a, b, count, score in pair_blocks(incidence, idf, min_count=lambda: threshold):
        block = [a, b, count, np.round(score, _PLACES)]
        if limit is not None:
            block = _top(block, limit)
        parts.append(block)
        held += len(block[0])
        if limit is not None and held > 4 * limit:
            parts = [_top(_concatenate(parts), limit)]
            held = len(parts[0][0])
            if held >= limit:
                threshold = max(threshold, int(parts[0][2].min()))
    if not parts:
        return []
    a, b, count, score = _concatenate(parts)
    if limit is not None:
        a, b, count, score = _top([a, b, count, score], limit)
    sizes, df = np.diff(incidence.matrix.indptr), incidence.df
    found = [(i, j, n, shared_columns(incidence, i, j)) for i, j, n in zip(a.tolist(), b.tolist(), count.tolist())]
    keys, concepts = incidence.paper_keys, incidence.concept_keys
    names = sql.concept_names(store, sorted({concepts[c] for *_, both in found for c in both}))
    rows = []
    for i, j, n, both in found:
        # Scored again exactly as the one-paper path does, so both paths print the same numbers.
        score = round(math.fsum(math.log(incidence.papers / df[c]) for c in both), _PLACES)
        rows.append((n, score, round(n / int(sizes[i] + sizes[j] - n), _PLACES), keys[i], keys[j],
                     tuple(concepts[c] for c in both)))
    return _pairs(store, rows, limit, lambda keys: sort_names(names[k] for k in keys))


def _concatenate(parts: list[list[np.ndarray]]) -> list[np.ndarray]:
    import numpy as np

    return [np.concatenate(column) for column in zip(*parts)]


def _top(block: list[np.ndarray], limit: int) -> list[np.ndarray]:
    """Entries ranking among the first ``limit`` by (count, score), keeping ties at the boundary.

    Scores here come from the matrix product and are rescored exactly at the end; an entry one
    rounding step below the boundary is kept too, in case that rescoring lifts it.
    """
    import numpy as np

    count, score = block[2], block[3]
    if len(count) <= limit:
        return block
    rank = count * _SCALE + score
    boundary = np.partition(rank, len(rank) - limit)[len(rank) - limit]
    keep = rank >= boundary - 1.5 * 10.0**-_PLACES
    return [part[keep] for part in block]


# -- shared helpers --------------------------------------------------------------------------

def _pairs(store, rows: list[tuple], limit: int | None, names_of) -> list[SharedPair]:
    """Sort ``(count, score, jaccard, key_a, key_b, concept keys)`` rows, cut, add titles and names."""
    rows.sort(key=lambda r: (-r[0], -r[1], -r[2], r[3], r[4]))
    if limit is not None:
        rows = rows[:limit]
    wanted = sorted({r[3] for r in rows} | {r[4] for r in rows})
    titles = sql.paper_titles(store, wanted)
    return [SharedPair(ka, titles[ka], kb, titles[kb], names_of(keys), count, jaccard, score)
            for count, score, jaccard, ka, kb, keys in rows]
