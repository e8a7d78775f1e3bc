"""Sparse paper × concept incidence matrices and the blockwise products built on them.

Corpus-wide questions ("which pairs of papers share the most datasets?") are products of the
incidence matrix with its transpose. Computing them in row blocks keeps memory bounded: each
block's output is sized before it is computed, and only the pairs a caller keeps survive it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Mapping, Sequence

import numpy as np
import scipy.sparse as sp

from litkg.graph import sql
from litkg.graph.store import GraphStore

__all__ = ["Incidence", "load_incidence", "incidence_of", "idf_weights", "pair_blocks", "all_pairs", "shared_columns",
           "co_usage_matrix"]

#: At most this many entries in one block's product; peak memory grows by about 150 bytes per entry
#: (complex data, indices and scipy's temporaries), so 1M keeps a block near 150 MB.
BLOCK_BUDGET = 1_000_000


@dataclass(frozen=True)
class Incidence:
    """Which papers use which concepts, as a CSR matrix of ones.

    Rows are *all* papers in key order, so comparing row numbers compares paper keys; columns are
    the concepts of the requested types that some paper uses, in key order.
    """

    matrix: sp.csr_matrix  # papers × concepts, float64 ones
    paper_keys: list[str]
    concept_keys: list[str]

    @property
    def papers(self) -> int:
        return len(self.paper_keys)

    @property
    def df(self) -> np.ndarray:
        """Papers using each concept (the matrix holds every edge of the chosen types)."""
        return np.diff(self.matrix.tocsc().indptr)


def load_incidence(store: GraphStore, types: Sequence[str] | None) -> Incidence:
    """The incidence matrix of ``store`` restricted to concepts of ``types`` (None: all types).

    Reads the edges once (O(edges)); no per-pair work happens in Python.
    """
    return _incidence(list(sql.paper_keys(store)), sql.used_concept_keys(store, types), sql.edge_pairs(store, types))


def incidence_of(users: Mapping[str, Iterable[str]]) -> Incidence:
    """The incidence matrix of ``users`` (concept → the papers using it): the rows are the papers
    using one of them, in order, the columns the concepts, in order (how a view, which holds a
    graph rather than a store, counts pairs as :func:`pair_blocks` does for the store).

    >>> incidence_of({"b": ["p2", "p1"], "a": ["p1"]}).matrix.toarray().tolist()
    [[1.0, 1.0], [0.0, 1.0]]
    """
    papers = sorted({p for ps in users.values() for p in ps})
    return _incidence(papers, sorted(users), ((p, c) for c, ps in users.items() for p in ps))


def _incidence(paper_keys: list[str], concept_keys: list[str], edges: Iterable[tuple[str, str]]) -> Incidence:
    paper_index = {k: i for i, k in enumerate(paper_keys)}
    concept_index = {k: i for i, k in enumerate(concept_keys)}
    # Streamed from the cursor into one array: no Python list of all edges is ever built.
    pairs = np.fromiter(((paper_index[p], concept_index[c]) for p, c in edges),
                        dtype=np.dtype([("paper", np.int64), ("concept", np.int64)]))
    matrix = sp.csr_matrix((np.ones(len(pairs)), (pairs["paper"], pairs["concept"])),
                           shape=(len(paper_keys), len(concept_keys)))
    matrix.sum_duplicates()
    matrix.sort_indices()
    return Incidence(matrix, paper_keys, concept_keys)


def shared_columns(incidence: Incidence, i: int, j: int) -> list[int]:
    """The columns (concepts) rows ``i`` and ``j`` (papers) both hold, in order."""
    x = incidence.matrix
    return np.intersect1d(x.indices[x.indptr[i]:x.indptr[i + 1]], x.indices[x.indptr[j]:x.indptr[j + 1]],
                          assume_unique=True).tolist()


def all_pairs(incidence: Incidence, *, min_count: int = 1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(a, b, count)`` of every pair of rows ``a < b`` sharing ``min_count`` columns or more: the
    pairs of :func:`pair_blocks`, unweighted and in one piece."""
    blocks = [(a, b, count) for a, b, count, _ in
              pair_blocks(incidence, np.zeros(len(incidence.concept_keys)), min_count=min_count)]
    if not blocks:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64)
    a, b, count = (np.concatenate(column) for column in zip(*blocks))
    return a, b, count


def idf_weights(df: np.ndarray, papers: int) -> np.ndarray:
    """``log(papers / df)``: a concept used by few papers says more about two papers sharing it."""
    return np.log(papers / np.maximum(df, 1))


def pair_blocks(incidence: Incidence, weights: np.ndarray, *, min_count: int | Callable[[], int] = 1,
                budget: int | None = None) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """Every pair of papers ``a < b`` sharing at least ``min_count`` concepts, block by block.

    Yields ``(a, b, count, score)`` arrays: row numbers of the two papers, how many concepts
    they share, and the sum of ``weights`` over those concepts. ``min_count`` may be a function,
    read before each block, so a caller keeping only the best pairs can raise it as it goes.

    One complex product gives both numbers: a concept enters the left factor as ``1 + i·w``, so
    the real part of an entry counts shared concepts and the imaginary part sums their weights.
    A block of rows is as large as ``budget`` allows, bounding the size of its product by the
    sum of the document frequencies of its rows' concepts (an upper bound of the product's
    entries); the default is :data:`BLOCK_BUDGET`. Total work is O(sum of df² over concepts).
    """
    x = incidence.matrix
    if x.shape[0] == 0 or x.nnz == 0:
        return
    df = np.diff(x.tocsc().indptr)
    left = x.multiply(1 + 1j * weights[np.newaxis, :]).tocsr()
    right = x.astype(np.complex128)
    row_cost = np.asarray(x @ df.astype(np.float64)).ravel()
    bounds = _block_bounds(row_cost, budget or BLOCK_BUDGET)
    for start, stop in zip(bounds[:-1], bounds[1:]):
        # Only columns from `start` on: pairs with an earlier paper were found by earlier blocks.
        product = (left[start:stop] @ right[start:].T).tocsr()
        rows = np.repeat(np.arange(stop - start, dtype=product.indices.dtype), np.diff(product.indptr))
        keep = product.indices > rows
        least = min_count() if callable(min_count) else min_count
        if least > 1:
            keep &= product.data.real > least - 0.5  # counts are sums of ones: exact
        chosen = np.flatnonzero(keep)
        if chosen.size:
            yield (rows[chosen].astype(np.int64) + start, product.indices[chosen].astype(np.int64) + start,
                   np.rint(product.data.real[chosen]).astype(np.int64), product.data.imag[chosen])


def _block_bounds(row_cost: np.ndarray, budget: int) -> list[int]:
    """Row boundaries so that each block's summed cost stays within ``budget`` (one row at least)."""
    bounds = [0]
    total = 0.0
    for i, cost in enumerate(row_cost.tolist()):
        if total + cost > budget and i > bounds[-1]:
            bounds.append(i)
            total = 0.0
        total += cost
    bounds.append(len(row_cost))
    return bounds


def co_usage_matrix(incidence: Incidence) -> sp.csr_matrix:
    """Concepts × concepts: entry (i, j) is the number of papers using both (diagonal: df)."""
    x = incidence.matrix
    return (x.T @ x).tocsr()
