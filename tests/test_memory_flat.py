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
