"""The first pairs of one paper's shared-datasets ranking, reading only as many other papers as
the ranking needs (#10): at 1M papers a popular dataset's list holds a tenth of the corpus.

The ranking is by (count, score), then jaccard, then key. Every other paper's (count, score) is
fixed by the set S of the paper's concepts it shares, so the candidates fall into *tiers* of
equal (count, score), walked best first until ``limit`` pairs are taken. Inside a tier the order
is jaccard (which needs the other paper's size), then key. The best jaccard a paper of the tier
can have is ``count / n``: it names nothing of ``types`` but S ("at best"). So each source of a
tier is read in key order only until ``need`` papers are at best: no later paper of that source
can come before them. Sizes, concepts' paper counts and the paper total are read from the counts
the store keeps (:mod:`litkg.graph.store_counts`, one look-up each); on a store whose readers
count them, "at best" is a test that stops at the paper's first other concept.

The paper's rarest concepts (lists up to :data:`_READ_ROWS` rows in all, never the most used)
are read whole: the papers on them are *known*, with their whole S (their edges to the other
concepts are looked up by paper, or the other's list read when it is shorter). Any other paper
shares only popular concepts ("walked"); each subset T of those is a source of the papers using
all of T and none of the other walked ones, read in key order from the rarest list of T (a paper
at best uses none of the others; the rest are checked for them only if the tier needs them).
Known papers are left out of those, so each paper comes once, in its own tier.

:func:`litkg.queries.shared._one_paper` ranks every pair and is the reference this must equal
(``tests/test_shared_fast.py``).
"""
from __future__ import annotations

import math
from itertools import combinations

from litkg.graph import sql, sql_overlap

__all__ = ["PLACES", "top_rows"]

# Scores are compared after rounding to 4 places: a score is what users (and the Cypher twin of
# this query) see, so two pairs with equal printed scores are ordered by what follows.
PLACES = 4

#: The fast one-paper path reads whole the lists of the paper's rarest concepts up to this many
#: rows in all; the lists of the others (the popular ones) are only walked, in key order, as far
#: as the ranking needs.
_READ_ROWS = 3000
#: Past this many popular concepts the fast path's subsets (2**n) cost more than reading all.
_MAX_WALKED = 6
#: When the paper's lists hold fewer rows than this in all, reading them all (the reference
#: path) costs less than walking them.
_ALL_BELOW = 300
#: Papers of a source tested "at best" before sizes are read instead, if few were.
_TEST_ROWS = 256
#: Rows per look-up of the other papers' sizes while walking a group of tied papers.
_CHUNK = 64


def top_rows(store, key, min_shared: int, limit: int, types) -> tuple[list[tuple], dict[str, str]] | None:
    """The first ``limit`` ranking rows ``(count, score, jaccard, key, other, shared keys)`` of
    paper ``key``, with the names of its concepts; None where ranking every pair costs less (few
    rows in all, many popular concepts, or a paper so large that rounding could tie "at best")."""
    mine = sql_overlap.paper_concepts_df(store, key, types)
    if not mine:
        return [], {}
    n = len(mine)
    dfs = {k: df for k, _, df in mine}
    if (any(round(c / (n + 1), PLACES) == round(c / n, PLACES) for c in range(1, n + 1))
            or sum(dfs.values()) < _ALL_BELOW):
        return None  # a paper naming one more concept could tie "at best" after rounding; or few rows
    read, walked = _split_by_use(dfs)
    if len(walked) > _MAX_WALKED:
        return None
    papers = sql_overlap.paper_total(store)
    idf = {k: math.log(papers / df) for k, _, df in mine}

    def score(keys) -> float:
        return round(math.fsum(idf[k] for k in keys), PLACES)  # as Overlap.score

    known = _known_papers(store, key, read, walked, dfs)
    tiers = _tiers(known, walked, min_shared, score)
    taken: list[tuple] = []
    for count, tier_score in sorted(tiers, reverse=True):
        need = limit - len(taken)
        if need <= 0:
            break
        groups, subsets = tiers[(count, tier_score)]
        sources = _tier_sources(store, key, groups, subsets, walked, known, types, count, n, need)
        found = _first_of_tier(store, sources, need, round(count / n, PLACES), count, n, types)
        taken += [(count, tier_score, jaccard, key, other, keys) for jaccard, other, keys in found]
    return taken, {k: name for k, name, _ in mine}


def _split_by_use(dfs: dict[str, int]) -> tuple[list[str], list[str]]:
    """The concepts whose lists are read whole (the rarest, up to :data:`_READ_ROWS` rows in
    all, never the most used) and those only walked, each rarest first."""
    order = sorted(dfs, key=lambda k: (dfs[k], k))
    read, rows = [], 0
    for k in order[:-1]:
        if rows + dfs[k] > _READ_ROWS:
            break
        read.append(k)
        rows += dfs[k]
    return read, order[len(read):]


def _known_papers(store, key: str, read: list[str], walked: list[str], dfs: dict[str, int]) -> dict[str, tuple]:
    """Every paper on a list read whole, with all the paper's concepts it shares."""
    known: dict[str, tuple[str, ...]] = {}
    for other, concept in sql.edges_of_concepts(store, read):
        known[other] = known.get(other, ()) + (concept,)
    known.pop(key, None)
    if not known:
        return known
    # A list shorter than a few look-ups per known paper is read rather than looked up in.
    listed = [k for k in walked if dfs[k] <= 4 * len(known)]
    for other, concept in sql.edges_of_concepts(store, listed):
        if other in known:
            known[other] += (concept,)
    looked_up = [k for k in walked if k not in listed]
    if looked_up:
        for other, concept in sql_overlap.edges_to_among(store, known, looked_up):
            known[other] += (concept,)
    return known


def _tiers(known: dict[str, tuple], walked: list[str], min_shared: int, score) -> dict:
    """``(count, score)`` → (known papers by the keys they share, subsets of the walked concepts)."""
    tiers: dict[tuple[int, float], tuple[dict[frozenset, list[str]], list[tuple[str, ...]]]] = {}
    by_keys: dict[tuple[str, ...], list[str]] = {}  # thousands of papers share the same few keys: scored once
    for other, keys in known.items():
        by_keys.setdefault(keys, []).append(other)
    for keys, members in by_keys.items():
        if len(keys) >= min_shared:
            tiers.setdefault((len(keys), score(keys)), ({}, []))[0].setdefault(frozenset(keys), []).extend(members)
    for size in range(max(1, min_shared), len(walked) + 1):
        for subset in combinations(walked, size):  # in walked's order: the rarest first
            tiers.setdefault((size, score(subset)), ({}, []))[1].append(subset)
    return tiers


def _tier_sources(store, key, groups, subsets, walked, known, types, count, n, need) -> list:
    """The sources of one tier: its known papers by the keys they share, then each subset's."""
    best = round(count / n, PLACES)
    sources = [_known_source(store, sorted(members), tuple(sorted(keys)), best, count, n, types, need)
               for keys, members in groups.items()]
    sources += [_walked_source(store, subset, walked, key, known, types, best, count, n) for subset in subsets]
    return sources


def _first_of_tier(store, sources, need: int, best: float, count: int, n: int, types) -> list[tuple]:
    """The first ``need`` ``(jaccard, other, keys)`` of a tier, by jaccard then key."""
    at_best: list[tuple[float, str, tuple[str, ...]]] = []
    others: list[tuple[float | None, str, tuple[str, ...]]] = []
    for source in sources:
        _take_at_best(source, need, best, at_best, others)
    found = at_best
    if len(at_best) < need:  # every source was read to its end: the others' jaccard too
        found += _jaccards(store, others, count, n, types)
    found.sort(key=lambda r: (-r[0], r[1]))
    return found[:need]


def _rare(rows: int, at_best: int, need: int, total: int) -> bool:
    """Whether, after ``rows`` papers of a source of at most ``total``, so few were at best that
    its end will likely be read anyway (``need`` at best would take more than ``total`` papers
    at this rate): sizes are then read at once rather than after the test."""
    return rows >= _TEST_ROWS and rows * need > total * max(at_best, 0.5)


def _known_source(store, members: list[str], keys: tuple[str, ...], best: float, count: int, n: int, types,
                  need: int):
    """``(jaccard if known else None, other, keys)`` of known papers sharing exactly ``keys``, in
    the order given: at best (naming nothing else of ``types``, a test cheaper than a size where
    sizes are counted), or, once at best proves rare, each paper's jaccard from its size."""
    sized = sql_overlap.counts_kept(store)  # a kept size costs one look-up, as the test does: read it at once
    rows = found = 0
    for start in range(0, len(members), _CHUNK):
        chunk = members[start:start + _CHUNK]
        if sized or _rare(rows, found, need, len(members)):
            size = sql_overlap.type_counts_per_paper(store, chunk, types)
            for other in chunk:
                yield round(count / (n + size[other] - count), PLACES), other, keys  # as _one_paper computes it
            continue
        only = sql_overlap.papers_naming_only(store, chunk, keys, types)
        rows, found = rows + len(chunk), found + len(only)
        for other in chunk:
            yield best if other in only else None, other, keys


def _walked_source(store, subset: tuple[str, ...], walked: list[str], key: str, known: dict, types, best: float,
                   count: int, n: int):
    """``(jaccard, other, subset)`` of the papers not known whose popular concepts are exactly
    ``subset``: those at best (naming nothing of ``types`` but ``subset``, so none of the other
    walked concepts either) in key order, as they come; the others only once the walk has ended
    (a tier needs them only then), each checked for the other walked concepts then."""
    later: list[tuple[str, int]] = []
    for other, size in sql_overlap.users_of_all(store, subset, key, types):
        if other in known:
            continue
        if size == count:
            yield best, other, subset
        else:
            later.append((other, size))
    none_of = [k for k in walked if k not in subset]
    for start in range(0, len(later), 4 * _CHUNK):
        chunk = later[start:start + 4 * _CHUNK]
        using = {other for other, _ in sql_overlap.edges_to_among(store, [other for other, _ in chunk], none_of)} \
            if none_of else set()
        for other, size in chunk:
            if other not in using:
                yield round(count / (n + size - count), PLACES), other, subset  # as _one_paper computes it


def _take_at_best(source, need: int, best: float, at_best: list, others: list) -> None:
    """Read ``source`` (in key order) until ``need`` of its papers are at best (none after them
    can rank before them), adding its ``(jaccard, other, keys)`` to ``at_best`` or ``others``."""
    found = 0
    for row in source:
        if row[0] == best:
            at_best.append(row)
            found += 1
            if found >= need:
                return
        else:
            others.append(row)


def _jaccards(store, others: list, count: int, n: int, types) -> list[tuple[float, str, tuple[str, ...]]]:
    """``others`` with each missing jaccard computed from the paper's size."""
    missing = [other for jaccard, other, _ in others if jaccard is None]
    size: dict[str, int] = {}
    for start in range(0, len(missing), 4 * _CHUNK):
        size.update(sql_overlap.type_counts_per_paper(store, missing[start:start + 4 * _CHUNK], types))
    return [(round(count / (n + size[other] - count), PLACES) if jaccard is None else jaccard, other, keys)
            for jaccard, other, keys in others]


