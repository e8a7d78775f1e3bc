"""Memory flat in input size (issue #14, item 9): skipped records counted, not kept; lines over
the size limit skipped while they are read."""
from __future__ import annotations

import json
import tracemalloc

from litkg.core import KnowledgeGraph
from litkg.readers import read_papers


def test_a_build_keeps_the_first_skipped_records_and_counts_the_rest(tmp_path, extractor):
    path = tmp_path / "bad.jsonl"
    path.write_text("[1]\n" * 5000 + json.dumps({"title": "Good", "abstract": "We use COCO."}) + "\n")
    with KnowledgeGraph(tmp_path / "kg.db", extractor=extractor) as kg:
        summary = kg.build([path], on_error="skip")
    assert summary.records_skipped == 5000
    assert len(summary.skipped) == 1000
    assert summary.skipped[0].line == 1 and summary.papers_new == 1


def test_a_line_over_the_limit_is_skipped_without_being_held(tmp_path, monkeypatch):
    import litkg.readers as readers

    monkeypatch.setattr(readers, "MAX_LINE_BYTES", 10_000)
    path = tmp_path / "long.jsonl"
    with open(path, "w") as fh:
        fh.write('{"title": "First"}\n')
        fh.write('{"title": "' + "x" * 30_000_000 + '"}\n')
        fh.write('{"title": "Last"}\n')
    skipped = []
    tracemalloc.start()
    try:
        titles = [p.title for p in read_papers(path, on_error="skip", skipped=skipped.append)]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert titles == ["First", "Last"]
    assert [(s.line, s.reason.split(":")[0]) for s in skipped] == [(2, "line is too long")]
    assert peak < 8_000_000  # a 30 MB line, read a MiB at a time


def _distinct(count: int, start: int = 0) -> list[dict]:
    # Each record brings new words (a number, an invented name): what a real corpus does.
    return [{"title": f"Study {n} of Zorblax{n}", "abstract": f"We evaluate Quintor{n} on ImageNet and COCO."}
            for n in range(start, start + count)]


def test_a_build_bounds_the_words_its_pipeline_learns(tmp_path, monkeypatch):
    # spaCy keeps every new string it meets (vocabulary, tokenizer cache): ~0.45 KB a record of
    # new words, 450 MB at 1M records, unless the pipeline is replaced once it has learned many.
    from litkg.extract import guards
    from litkg.extract.pipeline import Extractor

    monkeypatch.setattr(guards, "MAX_LEARNED_STRINGS", 200)
    extractor = Extractor(fast=True)
    sizes = []
    with KnowledgeGraph(tmp_path / "kg.db", extractor=extractor) as kg:
        start = len(extractor.nlp.vocab.strings)
        for first in range(0, 600, 20):  # ~5 new strings a record, ~100 a batch
            kg.build_records(_distinct(20, start=first))
            sizes.append(len(extractor.nlp.vocab.strings) - start)
        assert len(kg.papers_using("COCO")) == 600 and kg.stats()["papers"] == 600
    assert max(sizes) <= 200 and sizes.count(0) >= 5 and sum(sizes) > 0, sizes  # replaced, again and again


def test_a_worker_bounds_the_words_its_pipeline_learns(monkeypatch):
    from litkg.extract import guards, parallel
    from litkg.extract.pipeline import Extractor

    monkeypatch.setattr(guards, "MAX_LEARNED_STRINGS", 100)
    monkeypatch.setattr(parallel, "_WORKER", Extractor(fast=True))
    start = len(parallel._WORKER.nlp.vocab.strings)
    texts = [(r["title"], r["abstract"]) for r in _distinct(300)]
    found, sizes = [], []
    for first in range(0, 300, 20):
        found += parallel._extract_chunk(texts[first:first + 20], True)
        sizes.append(len(parallel._WORKER.nlp.vocab.strings) - start)
    assert max(sizes) <= 100 and sizes.count(0) >= 3, sizes
    assert len(found) == 300 and all(any(e.name == "ImageNet" for e in entities) for entities in found)


def test_extract_dedups_on_disk_not_in_a_growing_set(tmp_path):
    from litkg.identity import SeenPapers
    from litkg.records import Paper

    seen = SeenPapers()
    tracemalloc.start()
    try:
        firsts = sum(seen.first_time(Paper(title=f"distinct paper number {n}", doi=f"10.1/{n}"))
                     for n in range(100_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        again = [seen.first_time(Paper(title="Distinct Paper Number 7!")), seen.first_time(Paper(title="", doi="10.1/9"))]
        seen.close()
    assert firsts == 100_000 and again == [False, False]
    assert peak < 2_000_000  # a set of their identifiers held ~25 MB


def test_extract_command_output_is_each_distinct_paper_once(tmp_path):
    path = tmp_path / "in.jsonl"
    rows = _distinct(30) + _distinct(30) + [{"title": "STUDY 3 of zorblax3!", "abstract": "Again."}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    with KnowledgeGraph(tmp_path / "unused.db", fast=True) as kg:
        titles = [paper.title for paper, _ in kg.extract([path])]
    assert titles == [r["title"] for r in _distinct(30)]


def test_a_replaced_pipeline_is_freed_at_once(monkeypatch):
    # It sits in reference cycles: left to the next full collection, it lived on beside the new
    # one, and a 1M-record build peaked 70 MB higher.
    import weakref

    from litkg.extract import guards
    from litkg.extract.pipeline import Extractor
    from litkg.records import Paper

    monkeypatch.setattr(guards, "MAX_LEARNED_STRINGS", 10)
    extractor = Extractor(fast=True)
    old = weakref.ref(extractor.nlp)
    with guards.memory_zone(extractor):
        list(extractor.extract_many([Paper(title=f"Zorblax{n} on ImageNet") for n in range(20)]))
    assert old() is None
