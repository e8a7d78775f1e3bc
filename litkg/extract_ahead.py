"""Extraction ahead of the store: a build's next records are extracted on the worker processes
while the store writes the current ones (#10).

A build writes batch by batch: each record is merged into the store, then the papers whose text
is new are extracted and their edges written. Extracting only then leaves the workers idle while
the store writes, and the store idle while the workers extract. :class:`ExtractAhead` reads the
records a few batches ahead, works out the text each will be extracted with once written
(:class:`TextsAhead`, a speculation: a new paper's own text, or the text a duplicate's merge will
give the paper it joins), and extracts those in a background thread. When a batch
is written, each paper to extract whose stored text is one of those texts takes that result;
any other (a record merged into another paper, which changed its text) is extracted then. An
extraction depends on the title and abstract alone, so the store gets exactly the rows it gets
without extracting ahead, and nothing is written ahead: a build stopped at any point has written
the same batches.

Only one extraction runs at a time (the background thread's), so the extractor is never used from
two threads at once. Jobs queued while one runs join its stream, so the workers never wait for a
job's last chunk to come back before the next job's first chunk goes out (as `litkg extract`'s
batches did, leaving its workers idle 15% of the time). The thread is a daemon: a build that stops (an error,
Ctrl-C) never waits for it.
"""
from __future__ import annotations

import queue
import threading
from collections import OrderedDict, deque
from concurrent.futures import Future
from itertools import islice
from typing import Callable, Iterable, Iterator, Sequence

from litkg.records import Extraction, Paper

__all__ = ["ExtractAhead", "TextsAhead", "AHEAD_BATCHES"]

#: Batches in one job for the workers. Queued jobs join the running job's stream, so small jobs
#: cost the workers nothing, and a paper the store needs now (:meth:`ExtractAhead.extract_now`)
#: waits only for the rest of the running one: with four batches a job, a 30k-paper build's
#: parent waited 80 ms a time for such papers (a record merged into a paper, changing its text).
AHEAD_BATCHES = 1
#: Groups of :data:`AHEAD_BATCHES` queued for the workers beyond the one being written. With one,
#: the workers waited for the store to reach a group before they could start the next, and the
#: two took turns (sampled states of a 1M-paper build: parent or workers asleep, seldom both
#: running); with several, a slow stretch of either side is absorbed. A 100k-paper build --fast:
#: 101.4 s (four batches a job, three queued) → 95.5 s (one batch, twelve queued), one run each.
GROUPS_AHEAD = 12

#: Extracts a stream of papers, yielding one result per paper in order (``None`` allowed).
Extract = Callable[[Iterator[Paper]], Iterator]


class ExtractAhead:
    """Batches of ``records`` with their extractions started ahead.

    Parameters
    ----------
    extract:
        Extracts a stream of papers, yielding one result per paper in order (``None`` allowed),
        reading the stream only as far ahead as it needs.
    text_of:
        The title and abstract a record will be extracted with once it is written, or None when
        it will need no extraction, as far as can be told now (:meth:`TextsAhead.text_of`).
    """

    def __init__(self, extract: Extract, text_of: Callable[[Paper], tuple[str, str] | None]) -> None:
        self._extract = extract
        self._text_of = text_of
        self._jobs = _Jobs()
        self._futures: list[Future] = []
        self._thread = threading.Thread(target=self._work, name="litkg-extract-ahead", daemon=True)
        self._thread.start()

    def _work(self) -> None:
        job = self._jobs.get()
        while job is not None:
            job = self._run(job)

    def _run(self, job: tuple[list[Paper], Future]) -> tuple[list[Paper], Future] | None:
        """Extract ``job`` and every job queued before its papers run out, as one stream; the job
        to run next (None: stop)."""
        running: deque[tuple[Future, int, list]] = deque()  # started jobs: size, results so far
        stop = []  # set when the stream met the thread's end

        def papers() -> Iterator[Paper]:
            current = job
            while True:
                chunk, future = current
                if future.set_running_or_notify_cancel():
                    running.append((future, len(chunk), []))
                    yield from chunk
                try:
                    current = self._jobs.get_nowait()
                except queue.Empty:
                    return
                if current is None:
                    stop.append(True)
                    return

        try:
            for result in self._extract(papers()):
                _finish_complete(running)  # jobs of no papers before this one
                running[0][2].append(result)
                _finish_complete(running)  # now: its waiter need not wait for the next result
            _finish_complete(running)
            if running:
                from litkg.errors import ExtractionError

                raise ExtractionError("the extractor returned fewer results than papers")
        except BaseException as exc:  # handed to the threads that wait for these jobs
            for future, _, _ in running:
                future.set_exception(exc)
        return None if stop else self._jobs.get()

    def _submit(self, papers: list[Paper], *, first: bool = False) -> Future:
        future: Future = Future()
        self._futures = [f for f in self._futures if not f.done()] + [future]
        self._jobs.put((papers, future), first=first)
        return future

    def batches(self, records: Iterable[Paper], size: int) -> Iterator[tuple[list[Paper], "Extracted"]]:
        """Each batch of ``size`` records, in order, with what was extracted ahead for it: while
        one group of batches is written, the next :data:`GROUPS_AHEAD` are read and extracted."""
        iterator = iter(records)
        ahead: deque = deque()
        try:
            while True:
                while len(ahead) <= GROUPS_AHEAD and (group := self._next_group(iterator, size)) is not None:
                    ahead.append(group)
                if not ahead:
                    return
                group, extracted = ahead.popleft()
                for batch in group:
                    yield batch, extracted
        finally:
            self.close()

    def _next_group(self, iterator: Iterator[Paper], size: int) -> tuple[list[list[Paper]], "Extracted"] | None:
        group = []
        for _ in range(AHEAD_BATCHES):
            batch = list(islice(iterator, size))
            if not batch:
                break
            group.append(batch)
        if not group:
            return None
        texts = dict.fromkeys(text for batch in group for paper in batch if (text := self._text_of(paper)))
        new = [Paper(title=title, abstract=abstract) for title, abstract in texts]
        return group, Extracted(self._submit(new), new, self)

    def extract_now(self, papers: list[Paper]) -> list:
        """Extract ``papers`` on the background thread, after the job it is running and before
        the groups queued ahead (the store waits for these), and wait."""
        return self._submit(papers, first=True).result()

    def close(self) -> None:
        """Stop the thread after what it is doing (without waiting for it); what it has not
        started is dropped."""
        for future in self._futures:
            future.cancel()
        self._jobs.put(None)


class TextsAhead:
    """What :class:`ExtractAhead` extracts for each record read ahead: the text the paper it
    becomes will have once the store has merged it.

    A record no stored paper shares an identifier with brings its own text. A duplicate joins a
    paper, stored (``stored_text``) or read a little before it (remembered here: the store has not
    written it yet), and its text after the merge is ``merged_text``'s (the store's own rule); it
    needs extracting only when that changes the text, or when the stored paper was extracted by
    another extractor version. Papers that will need extracting anyway (a stored paper changed by
    a batch written in between) were extracted from the text they had then, and are extracted
    again when the store asks: a wrong guess costs the workers time, never a row.
    At most :data:`REMEMBERED` identifiers are kept, so memory stays flat.

    Parameters
    ----------
    identifiers:
        A record's identifiers, as the store matches duplicates by them.
    stored_text:
        The stored paper having one of a record's identifiers: ``(title, abstract, extracted by
        this version)``, or None when there is none.
    merged_text:
        The ``(title, abstract)`` of a paper of text ``(title, abstract)`` once a record is merged
        into it.
    """

    #: Identifiers remembered (the records of the groups ahead and of those just written).
    REMEMBERED = 1 << 14

    def __init__(self, identifiers: Callable[[Paper], Sequence[str]],
                 stored_text: Callable[[Sequence[str]], tuple[str, str, bool] | None],
                 merged_text: Callable[[tuple[str, str], Paper], tuple[str, str]]) -> None:
        self._identifiers = identifiers
        self._stored_text = stored_text
        self._merged_text = merged_text
        self._recent: OrderedDict[str, tuple[str, str]] = OrderedDict()

    def text_of(self, paper: Paper) -> tuple[str, str] | None:
        idents = self._identifiers(paper)
        base = next((self._recent[i] for i in idents if i in self._recent), None)
        fresh = True
        if base is None and (stored := self._stored_text(idents)) is not None:
            base, fresh = stored[:2], stored[2]
        text = (paper.title, paper.abstract) if base is None else self._merged_text(base, paper)
        for ident in idents:
            self._recent[ident] = text
            self._recent.move_to_end(ident)
        while len(self._recent) > self.REMEMBERED:
            self._recent.popitem(last=False)
        return text if base is None or text != base or not fresh else None


class _Jobs:
    """The background thread's jobs, first in first out, except a job put ``first``."""

    def __init__(self) -> None:
        self._items: deque = deque()
        self._ready = threading.Condition()

    def put(self, job, *, first: bool = False) -> None:
        with self._ready:
            if first:
                self._items.appendleft(job)
            else:
                self._items.append(job)
            self._ready.notify()

    def get(self):
        with self._ready:
            self._ready.wait_for(lambda: self._items)
            return self._items.popleft()

    def get_nowait(self):
        with self._ready:
            if not self._items:
                raise queue.Empty
            return self._items.popleft()


def _finish_complete(running: deque) -> None:
    """Set the results of the oldest jobs that have all theirs."""
    while running and len(running[0][2]) == running[0][1]:
        future, _, results = running.popleft()
        future.set_result(results)


class Extracted:
    """The extractions of a group of batches, by text; others are extracted when asked for."""

    def __init__(self, future: Future, papers: list[Paper], ahead: ExtractAhead) -> None:
        self._future = future
        self._papers = papers
        self._ahead = ahead
        self._by_text: dict[tuple[str, str], tuple | None] | None = None

    def extract(self, papers: list[Paper]) -> list:
        """The extraction of each of ``papers`` (stored papers: the title and abstract as stored,
        under the store's key): the entities found ahead for that text, else an extraction made
        now. Either is keyed by the paper asked for, not by the record extracted ahead (a record
        merged into a paper stored under another key, or another paper of the same text)."""
        if self._by_text is None:
            self._by_text = {(p.title, p.abstract): None if result is None else result.entities
                             for p, result in zip(self._papers, self._future.result())}
            self._papers = []
        missing = [p for p in papers if (p.title, p.abstract) not in self._by_text]
        made = iter(self._ahead.extract_now(missing)) if missing else iter(())
        results: list[Extraction | None] = []
        for paper in papers:
            text = (paper.title, paper.abstract)
            if text not in self._by_text:
                results.append(next(made))
            else:
                entities = self._by_text[text]
                results.append(None if entities is None else Extraction(paper.key, entities))
        return results
