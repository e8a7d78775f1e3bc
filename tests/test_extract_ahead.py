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

from litkg.extract_ahead import AHEAD_BATCHES, GROUPS_AHEAD, ExtractAhead, TextsAhead
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
    ahead = ExtractAhead(extractor, text_of=lambda paper: (paper.title, paper.abstract))
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
    ahead = ExtractAhead(extractor, text_of=lambda paper: (paper.title, paper.abstract))
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
    ahead = ExtractAhead(extractor, text_of=lambda paper: None)
    records = papers(2 * AHEAD_BATCHES * (GROUPS_AHEAD + 2) + 3)
    got = []
    for batch, extracted in ahead.batches(records, 2):
        got += [result.entities for result in extracted.extract(batch)]
    assert got == [p.title for p in records]


def test_texts_ahead_are_what_the_store_will_extract_each_record_with():
    from litkg.graph.store import merged_text
    from litkg.identity import paper_identifiers

    stored = {"title:old paper": ("Old Paper", "Short.", True),
              "title:stale paper": ("Stale Paper", "Long enough.", False)}

    def stored_text(idents):
        return next((stored[i] for i in idents if i in stored), None)

    texts = TextsAhead(paper_identifiers, stored_text, merged_text)
    assert texts.text_of(Paper("New Paper", "Its own text.")) == ("New Paper", "Its own text.")
    # a duplicate of a stored paper: the longer abstract wins; a shorter one changes nothing
    assert texts.text_of(Paper("Old Paper", "A longer abstract.")) == ("Old Paper", "A longer abstract.")
    assert texts.text_of(Paper("Old Paper", "Tiny.")) is None
    # extracted by another version: extracted again, with its text
    assert texts.text_of(Paper("Stale Paper", "Short.")) == ("Stale Paper", "Long enough.")
    # a duplicate of a record read just before (not stored yet) merges into that one's text
    assert texts.text_of(Paper("New Paper", "Its own, longer, text.")) == ("New Paper", "Its own, longer, text.")
    assert texts.text_of(Paper("New Paper", "Shorter.")) is None


def test_a_build_extracts_duplicates_ahead_and_asks_for_nothing_now(tmp_path, monkeypatch):
    """Records that duplicate a stored paper or one read a little before, with longer abstracts:
    each is extracted ahead with the text its merge gives, and the store never waits for one."""
    import litkg.extract_ahead as extract_ahead
    from litkg.core import KnowledgeGraph

    asked = []
    real = extract_ahead.ExtractAhead.extract_now
    monkeypatch.setattr(extract_ahead.ExtractAhead, "extract_now",
                        lambda self, papers: asked.extend(papers) or real(self, papers))
    first = [{"title": f"Study {i} of Routing", "abstract": f"We evaluate SGR{i} on ImageNet."} for i in range(40)]
    longer = [{"title": f"Study {i} of Routing", "abstract": f"We evaluate SGR{i} on ImageNet and on COCO."}
              for i in range(0, 40, 3)]
    with KnowledgeGraph(tmp_path / "kg.db", workers=2, fast=True) as kg:
        kg.build_records(first[:20], batch_size=4)
        summary = kg.build_records(first[20:] + longer, batch_size=4)  # 7 stored, 7 read ahead
        assert summary.papers_merged == len(longer) and summary.papers_extracted == 20 + len(longer)
        assert asked == []
        coco = {use.paper for use in kg.papers_using("COCO")}
    assert len(coco) == len(longer)
