"""Extraction on several processes gives exactly what one process gives (#9, #10)."""
from __future__ import annotations

import sqlite3

import pytest

from litkg.core import KnowledgeGraph
from litkg.extract.parallel import ParallelExtractor, default_workers
from litkg.extract.pipeline import Extractor, extractor_version
from litkg.records import Paper

from conftest import sample_files


def _extractions(workers: int, fast: bool = False):
    kg = KnowledgeGraph(fast=fast, workers=workers)
    try:
        return [(paper.key, extraction) for paper, extraction in kg.extract(sample_files())]
    finally:
        kg.close()


def test_two_workers_extract_what_one_does_in_the_same_order():
    one, two = _extractions(1), _extractions(2)
    assert len(one) >= 20
    assert two == one


def test_fast_workers_run_the_rules_only_pipeline():
    fast_two = _extractions(2, fast=True)
    assert fast_two == _extractions(1, fast=True)
    assert not any(e.origin == "learned" for _, x in fast_two for e in x.entities)


def _dump(path) -> list[str]:
    with sqlite3.connect(path) as db:
        return list(db.iterdump())


def test_a_build_on_two_workers_stores_the_same_graph(tmp_path):
    for workers in (1, 2):
        with KnowledgeGraph(tmp_path / f"w{workers}.db", workers=workers) as kg:
            kg.build(sample_files())
    assert _dump(tmp_path / "w2.db") == _dump(tmp_path / "w1.db")


def test_parallel_version_is_the_local_pipelines_version():
    assert ParallelExtractor(2).version == Extractor().version == extractor_version()
    assert ParallelExtractor(2, fast=True).version == Extractor(fast=True).version
    assert default_workers() >= 1


def test_a_worker_that_cannot_build_its_pipeline_is_an_error_not_a_hang(monkeypatch):
    # multiprocessing.Pool restarts a worker whose initializer raises, for ever: the build hung.
    from litkg.errors import ExtractionError
    from litkg.extract import pipeline

    class Broken(pipeline.Extractor):
        @property
        def nlp(self):
            raise OSError("the gazetteer data is missing")

    monkeypatch.setattr(pipeline, "Extractor", Broken)  # the workers fork with it
    extractor = ParallelExtractor(2, fast=True)
    try:
        with pytest.raises(ExtractionError, match="could not build its pipeline: OSError: the gazetteer data is missing"):
            list(extractor.extract_many([Paper(title="A", abstract="We use ImageNet.")]))
    finally:
        extractor.close()


@pytest.mark.skipif(not hasattr(__import__("os"), "nice"), reason="os.nice is POSIX only")
def test_workers_run_at_a_lower_priority_than_the_writer():
    import os

    from litkg.extract.parallel import WORKER_NICENESS

    extractor = ParallelExtractor(2, fast=True)
    try:
        pool = extractor._ensure_pool()
        niceness = {pool.apply(os.nice, (0,)) for _ in range(4)}
    finally:
        extractor.close()
    assert niceness == {min(19, os.nice(0) + WORKER_NICENESS)}


def test_workers_collect_garbage_seldom_whoever_started_them():
    import gc

    from litkg.collection_policy import FEW_COLLECTIONS

    assert gc.get_threshold() != FEW_COLLECTIONS  # the test process keeps Python's defaults
    extractor = ParallelExtractor(2, fast=True)
    try:
        thresholds = {extractor._ensure_pool().apply(gc.get_threshold) for _ in range(4)}
    finally:
        extractor.close()
    assert thresholds == {FEW_COLLECTIONS}
