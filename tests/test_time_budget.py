"""The per-record time budget (#14, item 2): a record whose extraction runs past it is skipped
with its file, line and "extraction exceeded N s", and every other record lands — with one
worker (a timer in this process) and with several (a timer in the worker, and the parent
restarting a worker that cannot be woken)."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from litkg.core import KnowledgeGraph
from litkg.errors import MalformedRecordError
from litkg.extract import parallel
from litkg.extract.guards import TIME_BUDGET, budget_reason, extract_within_budget, time_budget
from litkg.extract.parallel import ParallelExtractor
from litkg.records import Extraction, Paper

SLOW = "SLOWME"


def _records(n: int = 40, slow: int = 17) -> list[dict]:
    return [{"id": f"p{i}", "title": f"{SLOW} paper" if i == slow else f"Paper {i} on ImageNet",
             "abstract": f"We evaluate model {i} on WILDS and ImageNet."} for i in range(n)]


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


class _SlowExtractor:
    """An extractor whose ``slow`` paper takes a minute (an injected slow component)."""

    version = "test"
    gazetteer = None

    def __init__(self, slow: str = SLOW) -> None:
        self.slow = slow
        self.calls = 0

    def extract_many(self, papers, batch_size: int = 64, *, with_phrases: bool = False):
        for paper in papers:
            self.calls += 1
            if self.slow in paper.title:
                time.sleep(60)
            yield Extraction(paper.key, ())

    def close(self) -> None:
        pass


def test_budget_default_and_override(monkeypatch):
    monkeypatch.delenv("LITKG_TIME_BUDGET", raising=False)
    assert time_budget() == TIME_BUDGET == 10.0
    monkeypatch.setenv("LITKG_TIME_BUDGET", "2.5")
    assert time_budget() == 2.5
    assert time_budget(0) == 0.0  # explicit beats the environment
    assert budget_reason(2.5) == "extraction exceeded 2.5 s"


def test_slow_record_in_a_batch_is_the_only_one_given_up():
    papers = [Paper(title=t, abstract="We use ImageNet.") for t in ("A one", f"B {SLOW}", "C three", "D four")]
    extractor = _SlowExtractor()
    results = extract_within_budget(extractor.extract_many, papers, 0.5)
    assert [r is None for r in results] == [False, True, False, False]
    assert [r.paper_key for r in results if r] == [papers[0].key, papers[2].key, papers[3].key]


def test_fast_batch_runs_once():
    papers = [Paper(title=f"P{i}", abstract="x") for i in range(10)]
    extractor = _SlowExtractor()
    results = extract_within_budget(extractor.extract_many, papers, 5)
    assert len(results) == 10 and all(results) and extractor.calls == 10  # no record extracted twice


def test_build_records_skips_the_slow_record_with_its_line(tmp_path):
    with KnowledgeGraph(tmp_path / "kg.db", extractor=_SlowExtractor(), time_budget=0.5) as kg:
        summary = kg.build_records(_records(6, slow=3), batch_size=4)
    assert summary.records_read == 6 and summary.papers_new == 6 and summary.papers_extracted == 5
    assert [(s.path, s.line) for s in summary.skipped] == [("<records>", 4)]
    assert summary.skipped[0].reason.startswith("extraction exceeded 0.5 s")


def test_fail_mode_stops_with_file_and_line_and_writes_nothing(tmp_path):
    db = tmp_path / "kg.db"
    with KnowledgeGraph(db, extractor=_SlowExtractor(), time_budget=0.5) as kg:
        with pytest.raises(MalformedRecordError, match=r"<records>:2: extraction exceeded 0\.5 s"):
            kg.build_records(_records(4, slow=1), on_error="fail")
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM papers").fetchone()[0] == 0


def test_extract_without_store_skips_the_slow_record(tmp_path):
    source = _write(tmp_path / "in.jsonl", _records(5, slow=2))
    skipped: list = []
    with KnowledgeGraph(tmp_path / "unused.db", extractor=_SlowExtractor(), time_budget=0.5) as kg:
        titles = [p.title for p, _ in kg.extract([source], skipped=skipped)]
    assert SLOW + " paper" not in titles and len(titles) == 4
    assert [(s.path, s.line, s.reason) for s in skipped] == [(str(source), 3, "extraction exceeded 0.5 s")]


def _build(source: Path, db: Path, *extra: str, slow: str = SLOW) -> subprocess.CompletedProcess:
    env = {**os.environ, "LITKG_TIME_BUDGET": "1", "LITKG_TEST_SLOW_TITLE": slow}
    return subprocess.run([sys.executable, "-m", "litkg.cli", "build", str(source), "--db", str(db), "--fast",
                           "--json", *extra], capture_output=True, text=True, env=env)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_litkg_build_skips_a_slow_record_and_keeps_the_rest(tmp_path, workers):
    source = _write(tmp_path / "in.jsonl", _records())
    db = tmp_path / "kg.db"
    result = _build(source, db, "--workers", workers)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["records_read"] == 40 and summary["papers_new"] == 40 and summary["papers_extracted"] == 39
    assert summary["skipped"] == [{"path": str(source), "line": 18, "reason": budget_reason(1, stored=True)}]
    conn = sqlite3.connect(db)
    unextracted = conn.execute("SELECT id FROM papers WHERE key NOT IN (SELECT paper_key FROM edges)").fetchall()
    assert unextracted == [("p17",)]
    # Without the slow component, the next build extracts it.
    again = subprocess.run([sys.executable, "-m", "litkg.cli", "build", str(source), "--db", str(db), "--fast",
                            "--json", "--workers", workers], capture_output=True, text=True)
    assert json.loads(again.stdout)["papers_extracted"] == 1
    assert conn.execute("SELECT COUNT(DISTINCT paper_key) FROM edges").fetchone()[0] == 40


def test_parent_restarts_a_worker_the_timer_cannot_wake(monkeypatch):
    # "stuck:" blocks the worker's timer, as a long call inside C code would: only the parent's
    # own timeout ends it, and only the stuck record is lost.
    monkeypatch.setenv("LITKG_TEST_SLOW_TITLE", f"stuck:{SLOW}")
    monkeypatch.setattr(parallel, "STARTUP", 5.0)
    papers = [Paper(title=r["title"], abstract=r["abstract"]) for r in _records(10, slow=5)]
    extractor = ParallelExtractor(2, fast=True)
    try:
        results = list(extractor.extract_many(papers, batch_size=4, budget=1.0))
        after = list(extractor.extract_many(papers[:2], budget=1.0))  # the pool works again
    finally:
        extractor.close()
    assert [r is None for r in results] == [i == 5 for i in range(10)]
    assert all(any(e.name == "WILDS" for e in r.entities) for r in results if r)
    assert [r.paper_key for r in after] == [papers[0].key, papers[1].key]
