"""The first pairs of one paper's shared-datasets ranking from the lists of papers the store
keeps (#10, :mod:`litkg.graph.store_postings`): each concept's papers as an array of row ids in
key order, combined with numpy, instead of the index walked row by row
(:mod:`litkg.queries.shared_top`, the path where the lists are out of date).

Every other paper's (count, score) is fixed by the set of the paper's concepts it shares, its
*mask*: one bit per concept, set by scattering each list into an array over all row ids. How
many papers have each mask comes from counting the masks met in each list (a mask's papers are
all in the list of any of its concepts). Masks of equal (count, score) make a *tier*; tiers are
walked best first until ``limit`` pairs are taken. Inside a tier the order is jaccard, then key:
each mask's papers are read in key order (its rarest concept's list, which is in key order), a
chunk at a time with their sizes, until ``need`` of them are *at best* (naming nothing of the
asked types but the shared concepts): no later paper of that mask can come before them.

:func:`litkg.queries.shared._one_paper` ranks every pair and is the reference this must equal
(``tests/test_shared_postings.py``).
"""
from __future__ import annotations

import math

from litkg.graph import sql_overlap
from litkg.queries.shared_top import PLACES

__all__ = ["top_rows_from_postings"]

#: Masks are 16-bit: a paper naming more concepts of the asked types takes the other path.
_MAX_CONCEPTS = 16
#: The first papers of a mask (in key order) looked at first: enough where that many hold as
#: many papers at best as the tier needs, else all are.
_PREFIX = 4096
#: When the paper's lists hold fewer rows than this in all, ranking every pair costs less than
#: importing numpy for them (as :data:`litkg.queries.shared_top._ALL_BELOW`).
_ALL_BELOW = 300


def top_rows_from_postings(store, key, min_shared: int, limit: int,
                           types) -> tuple[list[tuple], dict[str, str]] | None:
    """The first ``limit`` ranking rows ``(count, score, jaccard, key, other, shared keys)`` of
    paper ``key``, with the names of its concepts, as :func:`~litkg.queries.shared_top.top_rows`
    gives them; None where the lists are out of date, or another path costs less or is needed
    (few rows in all; a paper naming so many concepts that masks don't fit, or that rounding
    could tie "at best")."""
    if not sql_overlap.postings_kept(store):
        return None
    mine = sql_overlap.paper_concepts_df(store, key, types)
    if not mine:
        return [], {}
    n = len(mine)
    if (sum(df for _, _, df in mine) < _ALL_BELOW or n > _MAX_CONCEPTS
            or any(round(c / (n + 1), PLACES) == round(c / n, PLACES) for c in range(1, n + 1))):
        return None
    lists = _Lists(store, key, [k for k, _, _ in mine], types)
    papers = sql_overlap.paper_total(store)
    idf = [math.log(papers / df) for _, _, df in mine]
    taken: list[tuple] = []
    keys: dict[int, str] = {}  # row id → paper key, of the papers read so far
    for (count, score), masks in _tiers(lists.mask_counts(), idf, min_shared):
        need = limit - len(taken)
        if need <= 0:
            break
        shared_keys = {m: tuple(lists.keys[i] for i in range(n) if m >> i & 1) for m in masks}
        for jaccard, other, mask in _first_of_tier(store, lists, masks, need, count, n, keys):
            taken.append((count, score, jaccard, key, other, shared_keys[mask]))
    keys.update(sql_overlap.paper_keys(store, [row[4] for row in taken if row[4] not in keys]))
    return [(*row[:4], keys[row[4]], row[5]) for row in taken], {k: name for k, name, _ in mine}


def _tiers(mask_counts, idf: list[float], min_shared: int) -> list[tuple[tuple[int, float], list[int]]]:
    """``((count, score), masks)`` of the masks some paper has, best first."""
    tiers: dict[tuple[int, float], list[int]] = {}
    for mask in map(int, mask_counts.nonzero()[0]):
        bits = [i for i in range(len(idf)) if mask >> i & 1]
        if len(bits) >= min_shared:
            score = round(math.fsum(idf[i] for i in bits), PLACES)  # as Overlap.score
            tiers.setdefault((len(bits), score), []).append(mask)
    return sorted(tiers.items(), reverse=True)


def _first_of_tier(store, lists, masks: list[int], need: int, count: int, n: int,
                   keys: dict[int, str]) -> list[tuple[float, int, int]]:
    """The first ``need`` ``(jaccard, row id, mask)`` of one tier, by jaccard then key (the keys
    of papers of several masks are read into ``keys`` to order them)."""
    rows = [row for mask in masks for row in _first_of_mask(lists, mask, need, count, n)]
    if len(masks) > 1:
        keys.update(sql_overlap.paper_keys(store, [r[1] for r in rows if r[1] not in keys]))
        rows.sort(key=lambda r: (-r[0], keys[r[1]]))
    return rows[:need]


def _first_of_mask(lists, mask: int, need: int, count: int, n: int) -> list[tuple[float, int, int]]:
    """The first ``need`` ``(jaccard, row id, mask)`` of the papers with ``mask``, by jaccard,
    then key: by size (jaccard falls as size grows; sizes whose rounded jaccards are equal
    tie), then place in the list, which is in key order."""
    members = lists.members(mask)
    sizes = None
    for end in (_PREFIX, len(members)):
        # Once ``need`` papers are at best (size ``count``), no later paper comes before them.
        sizes = lists.sizes_of(members[:end])
        if end >= len(members) or (sizes == count).sum() >= need:
            members = members[:end]
            break
    by_size = lists.np.bincount(sizes)
    rows: list[tuple[float, int, int]] = []
    size = count
    while len(rows) < need and size < len(by_size):
        jaccard = round(count / (n + size - count), PLACES)  # as _one_paper computes it
        tied = [size]
        while tied[-1] + 1 < len(by_size) and round(count / (n + tied[-1] + 1 - count), PLACES) == jaccard:
            tied.append(tied[-1] + 1)
        if by_size[tied].sum():
            place = lists.np.flatnonzero(lists.np.isin(sizes, tied))[:need - len(rows)]
            rows += [(jaccard, int(rowid), mask) for rowid in members[place]]
        size = tied[-1] + 1
    return rows


class _Lists:
    """The lists of the paper's concepts, and each paper's mask over them."""

    def __init__(self, store, key: str, concepts: list[str], types) -> None:
        import numpy as np  # here, not at the top: commands that never rank pay no import

        self.np = np
        self.keys = concepts
        self.type_sizes = [np.frombuffer(blob, dtype="<u1" if width == 1 else "<u2")
                           for width, blob in sql_overlap.type_sizes(store, types)]
        blobs = sql_overlap.postings_of(store, concepts)
        self.lists = [np.frombuffer(blobs[k], dtype="<i4") for k in concepts]
        # The most used concept's mask is met in every list; its own list is read for its mask alone.
        self.largest = max(range(len(concepts)), key=lambda i: len(self.lists[i]))
        dtype = np.uint8 if len(concepts) <= 8 else np.uint16
        self.mask = np.zeros(max(int(ids.max()) for ids in self.lists) + 1, dtype=dtype)
        self.mask[self.lists[self.largest]] = 1 << self.largest  # the longest first: set, not or-ed
        for i, ids in enumerate(self.lists):
            if i != self.largest:
                self.mask[ids] |= dtype(1 << i)
        self.mask[sql_overlap.paper_rowid(store, key)] = 0  # the paper itself is no other paper
        self._masks: dict[int, object] = {}

    def masks_of(self, i: int):
        """Each paper's mask, for the papers of list ``i``."""
        if i not in self._masks:
            self._masks[i] = self.mask[self.lists[i]]
        return self._masks[i]

    def mask_counts(self):
        """mask → how many other papers have it (only whether it is 0 is read)."""
        np, n = self.np, len(self.keys)
        every = np.arange(1 << n)
        sizes = np.zeros(1 << n, dtype=np.int64)
        counted = np.zeros(1 << n, dtype=bool)
        for i in sorted(range(n), key=lambda i: len(self.lists[i])):
            if i == self.largest:
                continue
            mine = (every >> i & 1).astype(bool) & ~counted
            sizes[mine] = np.bincount(self.masks_of(i), minlength=1 << n)[mine]
            counted |= mine
        alone = 1 << self.largest  # its papers, less the paper itself and those with another concept
        sizes[alone] = len(self.lists[self.largest]) - 1 - sizes[(every & alone).astype(bool)].sum()
        return sizes

    def sizes_of(self, rowids):
        """How many concepts of the asked types each of the papers ``rowids`` names."""
        sizes = self.np.zeros(len(rowids), dtype=self.np.int64)
        for each in self.type_sizes:
            sizes += each[rowids]
        return sizes

    def members(self, mask: int):
        """Row ids of the papers with ``mask``, in key order: from its rarest concept's list."""
        i = min((i for i in range(len(self.keys)) if mask >> i & 1), key=lambda i: len(self.lists[i]))
        return self.lists[i][self.masks_of(i) == mask]
