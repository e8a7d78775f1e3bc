"""How often Python's cyclic garbage collector runs while litkg extracts or builds (#10).

Extraction and a build's writer make millions of short-lived, acyclic records (spans, mentions,
entities, rows). With CPython's default thresholds a collection runs every 700 net allocations
and, every tenth or hundredth of them, walks every live object: the pipeline's gazetteer and
caches in a worker, the store writer's caches in a build's parent. Their memory is freed by
reference counting anyway; the collector only matters for cycles, which these records do not
make. The build's parent: merging 100,000 papers' parts, 64.4 → 57.9 s CPU. One extraction
process, 5,000 synthetic abstracts in chunks of 32 as a worker takes them, ``--fast``
(``gc.callbacks`` timing each collection): 474 collections, 0.40–0.44 s of 5.7–6.4 s CPU, with the
defaults; none with :data:`FEW_COLLECTIONS`. As whole processes (``litkg extract`` of 10,000
records, three runs each, alternating) the difference was inside the machine's noise. A build's
workers had these thresholds before only because their pool happened to start inside the
build's :func:`few_collections`; now every worker sets them itself.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

__all__ = ["FEW_COLLECTIONS", "few_collections", "collect_seldom"]

#: Thresholds of generations 0, 1 and 2: a young collection every 50,000 net allocations.
FEW_COLLECTIONS = (50_000, 20, 100)


def collect_seldom() -> None:
    """Use :data:`FEW_COLLECTIONS` for the rest of this process (an extraction worker's)."""
    gc.set_threshold(*FEW_COLLECTIONS)


@contextmanager
def few_collections() -> Iterator[None]:
    """:data:`FEW_COLLECTIONS` while the block runs; the thresholds before it are restored after."""
    before = gc.get_threshold()
    collect_seldom()
    try:
        yield
    finally:
        gc.set_threshold(*before)
