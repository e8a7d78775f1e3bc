"""Extraction across processes: the same results as :class:`Extractor`, on several cores.

Workers each build their own pipeline once (the compiled gazetteer comes from the disk cache) and
return small frozen records (:class:`~litkg.records.Extraction`), never spaCy Docs: pickling Docs
back made ``nlp.pipe(n_process=2)`` slower than one process. Papers go out in chunks, and at most
a few chunks per worker are in flight, so memory stays flat however long the input is.

Each record has a time budget (:func:`~litkg.extract.guards.time_budget`): a worker gives up a
record whose extraction runs past it (a timer in the worker's main thread), and the parent
enforces it too: a chunk that does not come back in time (a worker stuck where the timer cannot
ring, inside C code) has its worker pool restarted and the chunk's papers extracted one task
each, so only the stuck record is lost (#14).
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from itertools import islice
from multiprocessing import TimeoutError as _ResultTimeout
from typing import Iterable, Iterator, NamedTuple

from litkg.collection_policy import collect_seldom
from litkg.records import Extraction, Paper

__all__ = ["ParallelExtractor", "default_workers"]

#: Papers per task sent to a worker: large enough to amortise pickling, small enough to balance.
CHUNK = 32
#: Chunks in flight per worker.
WINDOW = 3

#: Seconds a new pool of workers may take to build its pipelines, on top of a chunk's budget.
STARTUP = 60.0

_WORKER = None  # the Extractor of a worker process
_WORKER_FAILED: str | None = None  # why this worker's pipeline could not be built


def default_workers() -> int:
    """The machine's cores (those this process may use)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


#: How much less CPU priority an extraction worker has than the process that writes the store.
#: The writer is a build's critical path (its workers wait for it most of the time): with as many
#: workers as cores, it lost its core to them. 30k --fast records on 2 cores, alternating: 72.6 /
#: 67.5 s wall -> 70.7 / 57.8 s, parent 40.8 / 38.3 -> 38.5 / 31.5 s CPU (#10); at 100k, with the
#: writer's other changes of that day, no gain beyond the day's drift (CHANGELOG 0.9.0).
WORKER_NICENESS = 10


def _start_worker(fast: bool) -> None:
    global _WORKER, _WORKER_FAILED
    from litkg.extract.pipeline import Extractor

    if hasattr(os, "nice"):  # POSIX
        os.nice(WORKER_NICENESS)
    # A worker only extracts: in a worker-like process 7% of the CPU went to collections walking
    # its pipeline (litkg/collection_policy.py); set here, not inherited from whoever forked it.
    collect_seldom()
    try:
        _WORKER = Extractor(fast=fast)
        _WORKER.nlp  # build now, not on the first task
    except Exception as err:  # noqa: BLE001
        # A pool whose initializer raises starts new workers for ever and never runs a task:
        # the worker starts, and its first task reports why instead.
        _WORKER_FAILED = f"{type(err).__name__}: {err}"


def _ready() -> bool:
    return True


def _extract_chunk(texts: list[tuple[str, str]], with_phrases: bool, budget: float = 0.0) -> list[tuple | None]:
    # Only the texts travel (a Paper's metadata is a read-only mapping, which does not pickle),
    # and only the entities come back (None: over the budget); the caller pairs them with its
    # papers' keys.
    from litkg.extract.guards import extract_within_budget, memory_zone

    if _WORKER_FAILED is not None:
        from litkg.errors import ExtractionError

        raise ExtractionError(f"an extraction worker could not build its pipeline: {_WORKER_FAILED}")
    # Bare texts, not Papers: a Paper and its key cost as much as a fifth of the gazetteer matcher.
    items = [_Texts(title, abstract) for title, abstract in texts]
    with memory_zone(_WORKER):  # a pipeline that learned too many new words is replaced (#14)
        return extract_within_budget(_WORKER.entities_many, items, budget, with_phrases=with_phrases)


class _Texts(NamedTuple):
    """What a worker extracts from (and what the time budget's test hook reads: the title)."""

    title: str
    abstract: str


class ParallelExtractor:
    """Extracts with ``workers`` processes; results come back in input order.

    Parameters
    ----------
    workers:
        Number of processes (2 or more; use :class:`Extractor` for one).
    fast:
        Rules-only pipelines, as ``Extractor(fast=True)``.
    """

    def __init__(self, workers: int, *, fast: bool = False) -> None:
        self.workers = workers
        self.fast = fast
        self._pool = None
        self._version: str | None = None

    @property
    def version(self) -> str:
        from litkg.extract.version import extractor_version  # no spaCy in the parent

        if self._version is None:
            self._version = extractor_version(fast=self.fast)
        return self._version

    def _ensure_pool(self, processes: int | None = None):
        if self._pool is None:
            # fork shares the imported modules; spawn elsewhere (macOS, Windows) still works.
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            context = multiprocessing.get_context(method)
            self._pool = context.Pool(processes or self.workers, initializer=_start_worker, initargs=(self.fast,))
        return self._pool

    def extract_many(self, papers: Iterable[Paper], batch_size: int = CHUNK, *,
                     with_phrases: bool = False, budget: float = 0.0) -> Iterator[Extraction | None]:
        """Extractions in input order; with a ``budget`` (seconds per record), ``None`` for each
        record whose extraction ran past it."""
        iterator = iter(papers)
        pending: deque = deque()
        while True:
            while len(pending) < self.workers * WINDOW:
                chunk = list(islice(iterator, batch_size))
                if not chunk:
                    break
                pending.append((chunk, self._submit(chunk, with_phrases, budget)))
            if not pending:
                return
            chunk, result = pending.popleft()
            try:
                # The worker's own timer gives up a slow record after ``budget``; a chunk still
                # out after every record's budget and one more has a worker that cannot be woken.
                entities = result.get(timeout=budget * (len(chunk) + 2) + STARTUP if budget else None)
            except _ResultTimeout:
                entities = self._one_by_one(chunk, with_phrases, budget)
                pending = deque((c, self._submit(c, with_phrases, budget)) for c, _ in pending)
            for paper, found in zip(chunk, entities):
                yield None if found is None else Extraction(paper.key, found)

    def _submit(self, chunk: list[Paper], with_phrases: bool, budget: float):
        texts = [(p.title or "", p.abstract or "") for p in chunk]
        return self._ensure_pool().apply_async(_extract_chunk, (texts, with_phrases, budget))

    def _one_by_one(self, chunk: list[Paper], with_phrases: bool, budget: float) -> list[tuple | None]:
        """A stuck chunk again, each paper a task of its own on a fresh one-process pool, timed
        from when that process is ready: the paper still out after twice its budget is given up
        (None) and the process replaced. Then the full pool starts again."""
        found: list[tuple | None] = []
        for paper in chunk:
            if self._pool is None or self._pool._processes != 1:
                self._restart(processes=1)
            try:
                found.extend(self._submit([paper], with_phrases, budget).get(timeout=2 * budget))
            except _ResultTimeout:
                found.append(None)
                self._stop()
        self._stop()
        return found

    def _restart(self, processes: int) -> None:
        self._stop()
        self._ensure_pool(processes).apply(_ready)  # its pipeline is built

    def _stop(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.terminate()
            pool.join()

    def extract(self, paper: Paper) -> Extraction:
        return next(self.extract_many([paper]))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def __del__(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.terminate()
