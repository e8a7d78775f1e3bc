"""Extraction and builds run with few garbage collections, and give the thresholds back (#10)."""
from __future__ import annotations

import gc

import pytest

from litkg.collection_policy import FEW_COLLECTIONS, few_collections
from litkg.core import KnowledgeGraph

from conftest import sample_files


@pytest.fixture
def default_thresholds():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield (700, 10, 10)
    gc.set_threshold(*before)


def test_the_thresholds_are_restored_after_an_error(default_thresholds):
    with pytest.raises(KeyError):
        with few_collections():
            assert gc.get_threshold() == FEW_COLLECTIONS
            raise KeyError("stop")
    assert gc.get_threshold() == default_thresholds


def test_extract_collects_seldom_while_it_runs_and_restores_after(extractor, default_thresholds):
    kg = KnowledgeGraph(extractor=extractor)
    seen = []
    for _ in kg.extract(sample_files()):
        seen.append(gc.get_threshold())
    assert len(seen) >= 20 and set(seen) == {FEW_COLLECTIONS}
    assert gc.get_threshold() == default_thresholds


def test_an_extraction_read_in_part_restores_the_thresholds_when_closed(extractor, default_thresholds):
    papers = KnowledgeGraph(extractor=extractor).extract(sample_files())
    next(papers)
    assert gc.get_threshold() == FEW_COLLECTIONS
    papers.close()
    assert gc.get_threshold() == default_thresholds


def test_a_build_collects_seldom_and_restores_after(tmp_path, extractor, default_thresholds):
    seen = []
    with KnowledgeGraph(tmp_path / "g.db", extractor=extractor) as kg:
        kg.build(sample_files(), progress=lambda _: seen.append(gc.get_threshold()))
    assert seen and set(seen) == {FEW_COLLECTIONS}
    assert gc.get_threshold() == default_thresholds
