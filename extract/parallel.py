"""Extraction across processes: the same results as :class:`Extractor`, on several cores.

Workers each build their own pipeline once (the compiled gazetteer comes from the disk cache) and
return small frozen records (:class:`~litkg.records.Extraction`), never spaCy Docs: pickling Docs
back made ``nlp.pipe(n_process=2)`` slower than one process. Papers go out in chunks, and at most
a few chunks per worker are in flight, so memory stays flat however long the input is.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from itertools import islice
from typing import Iterable, Iterator

from litkg.records import Extraction, Paper, SourceRef

__all__ = ["ParallelExtractor", "default_workers"]

#: Papers per task sent to a worker: large enough to amortise pickling, small enough to balance.
CHUNK = 32
#: Chunks in flight per worker.
WINDOW = 3

_WORKER = None  # the Extractor of a worker process
_WORKER_SOURCE = SourceRef("<worker>", 0)


def default_workers() -> int:
    """The machine's cores (those this process may use)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _start_worker(fast: bool) -> None:
    global _WORKER
    from litkg.extract.pipeline import Extractor

    _WORKER = Extractor(fast=fast)
    _WORKER.nlp  # build now, not on the first task


def _extract_chunk(texts: list[tuple[str, str]], with_phrases: bool) -> list[tuple]:
    # Only the texts travel (a Paper's metadata is a read-only mapping, which does not pickle),
    # and only the entities come back; the caller pairs them with its papers' keys.
    papers = [Paper(title=title, abstract=abstract, source=_WORKER_SOURCE) for title, abstract in texts]
    return [extraction.entities for extraction in _WORKER.extract_many(papers, with_phrases=with_phrases)]


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
        from litkg.extract.pipeline import extractor_version

        if self._version is None:
            self._version = extractor_version(fast=self.fast)
        return self._version

    @property
    def gazetteer(self):
        """The gazetteer the workers match (the shipped one)."""
        from litkg.extract.gazetteer import default_gazetteer

        return default_gazetteer()

    def _ensure_pool(self):
        if self._pool is None:
            # fork shares the imported modules; spawn elsewhere (macOS, Windows) still works.
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            context = multiprocessing.get_context(method)
            self._pool = context.Pool(self.workers, initializer=_start_worker, initargs=(self.fast,))
        return self._pool

    def extract_many(self, papers: Iterable[Paper], batch_size: int = CHUNK, *,
                     with_phrases: bool = False) -> Iterator[Extraction]:
        pool = self._ensure_pool()
        iterator = iter(papers)
        pending: deque = deque()
        while True:
            while len(pending) < self.workers * WINDOW:
                chunk = list(islice(iterator, batch_size))
                if not chunk:
                    break
                texts = [(p.title or "", p.abstract or "") for p in chunk]
                pending.append((chunk, pool.apply_async(_extract_chunk, (texts, with_phrases))))
            if not pending:
                return
            chunk, result = pending.popleft()
            for paper, entities in zip(chunk, result.get()):
                yield Extraction(paper.key, entities)

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
