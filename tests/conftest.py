"""Shared fixtures: paths to the shipped sample and the seed pages, a built store, a CLI runner."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "litkg" / "sample"
SHARED = REPO.parent / "shared"
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLE.iterdir() if p.suffix in (".jsonl", ".csv", ".txt"))


@pytest.fixture(scope="session")
def extractor():
    from litkg.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    if not SEEDS:
        pytest.fail(f"the seed pages are missing: expected ../shared/seeds/*.txt beside the checkout ({SHARED})")
    return SEEDS


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory, seeds, extractor):
    """A store built once from the five seed pages."""
    from litkg.core import KnowledgeGraph

    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with KnowledgeGraph(db, extractor=extractor) as kg:
        summary = kg.build(seeds)
    return db, summary


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory, extractor):
    from litkg.core import KnowledgeGraph

    db = tmp_path_factory.mktemp("sample") / "sample.db"
    with KnowledgeGraph(db, extractor=extractor) as kg:
        summary = kg.build(sample_files())
    return db, summary


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def bolt_server(tmp_path_factory):
    """A running Bolt server: the one ``NEO4J_URI`` names when set, else ArcadeDB embedded on a free
    127.0.0.1 port, started once per session (see ``tests/neo4j_server.py``)."""
    from neo4j_server import server_from_env, start_embedded

    server = server_from_env()
    if server is not None:
        yield server
        return
    server = start_embedded(tmp_path_factory.mktemp("bolt"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def chromium():
    """The Chromium binary; a clear failure (not a skip) with the install command when missing."""
    from browser import BrowserMissing, find_chromium

    try:
        return find_chromium()
    except BrowserMissing as err:
        pytest.fail(str(err), pytrace=False)
