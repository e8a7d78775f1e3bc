"""Extraction ahead of the store (``litkg.extract_ahead``, #10): several groups of batches are
queued for the workers beyond the one being written, and a paper the store needs now (a record
merged into another paper, whose text changed) goes before those groups, not behind them.

The extractor here is a stand-in that records the order it is given papers and can be held back,
so what is queued when can be seen; ``tests/test_bulk_write.py`` builds real stores with and
without extracting ahead and compares every row.
"""
from __future__ import annotations

import threading
from types import SimpleNamespace

from litkg.extract_ahead import AHEAD_BATCHES, GROUPS_AHEAD, ExtractAhead
from litkg.records import Paper


class RecordingExtractor:
    """Yields one result per paper (its title as the entities), noting each paper it extracts;
    waits on ``gate`` before extracting the paper titled ``hold_at``."""

    def __init__(self, hold_at: str | None = None) -> None:
        self.seen: list[str] = []
        self.hold_at = hold_at
        self.gate = threading.Event()

    def __call__(self, papers):
        for paper in papers:
            if paper.title == self.hold_at:
                self.gate.wait(timeout=10)
            self.seen.append(paper.title)
            yield SimpleNamespace(entities=paper.title)


def papers(count: int, prefix: str = "p") -> list[Paper]:
    return [Paper(title=f"{prefix}{i}", abstract="x") for i in range(count)]


def test_groups_beyond_the_written_one_are_extracted_before_it_is_written():
    extractor = RecordingExtractor()
    ahead = ExtractAhead(extractor, is_stored=lambda paper: False)
    size = 2
    group = size * AHEAD_BATCHES
    records = papers(group * (GROUPS_AHEAD + 3))
    batches = ahead.batches(records, size)
    batch, extracted = next(batches)  # the first batch of the first group, not written yet
    assert extracted.extract(batch) is not None
    # Its group was waited for; the groups queued ahead finish without the store going on.
    wanted = group * (GROUPS_AHEAD + 1)
    for _ in range(200):
        if len(extractor.seen) >= wanted:
            break
        threading.Event().wait(0.02)
    assert extractor.seen[:wanted] == [p.title for p in records[:wanted]]
    assert len(extractor.seen) == wanted, "no more than GROUPS_AHEAD groups are read ahead"
    written = [batch] + [b for b, _ in batches]
    assert [p.title for b in written for p in b] == [p.title for p in records]


def test_a_paper_needed_now_goes_before_the_queued_groups():
    size = 2
    group = size * AHEAD_BATCHES
    records = papers(group * (GROUPS_AHEAD + 2))
    # Held at the second group's first paper: the first group is done, the others queued.
    extractor = RecordingExtractor(hold_at=records[group].title)
    ahead = ExtractAhead(extractor, is_stored=lambda paper: False)
    batches = ahead.batches(records, size)
    _, extracted = next(batches)
    merged = Paper(title="merged text", abstract="changed")
    found: list = []
    waiting = threading.Thread(target=lambda: found.extend(extracted.extract([merged])))
    waiting.start()
    threading.Event().wait(0.3)  # the first group's results are in: extract_now has queued its job
    extractor.gate.set()
    waiting.join(timeout=10)
    assert found and found[0].entities == "merged text"
    titles = [p.title for p in records]
    # The stream that was running (the second group had joined it) ends, then the paper needed
    # now, then the groups that were queued.
    assert extractor.seen[:2 * group + 1] == titles[:2 * group] + ["merged text"]
    ahead.close()


def test_groups_with_nothing_to_extract_ahead_between_papers_needed_now():
    # Every record already stored: the groups queued ahead hold no papers, and each batch's
    # papers are extracted when asked for, between those empty jobs.
    extractor = RecordingExtractor()
    ahead = ExtractAhead(extractor, is_stored=lambda paper: True)
    records = papers(2 * AHEAD_BATCHES * (GROUPS_AHEAD + 2) + 3)
    got = []
    for batch, extracted in ahead.batches(records, 2):
        got += [result.entities for result in extracted.extract(batch)]
    assert got == [p.title for p in records]
