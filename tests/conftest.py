"""Shared fixtures: paths to the shipped sample and the seed pages, a built store, a CLI runner."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "litkg" / "sample"
#: The external corpora beside the checkout (LITKG_SHARED points elsewhere, e.g. at an empty folder
#: to see what a fresh clone does).
SHARED = Path(os.environ.get("LITKG_SHARED") or REPO.parent / "shared").resolve()
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
#: What the ``corpus`` tests read from ``../shared`` beside the checkout.
CORPUS_FILES = (SHARED / "seeds", SHARED / "eval" / "seeds_dev.jsonl", SHARED / "eval" / "score.py")
#: Set to 1 where ``../shared`` must be present (``.ci/run``): a corpus test then fails instead of skipping.
REQUIRE_CORPUS = "LITKG_REQUIRE_CORPUS"


def corpus_missing() -> str | None:
    """Why the corpus tests cannot run here (one line), or None when ``../shared`` has what they read."""
    missing = [p for p in CORPUS_FILES if not p.exists()]
    if p := next((p for p in missing), None):
        return f"needs the external corpora in ../shared ({p} is absent)"
    if not SEEDS:
        return f"needs the seed pages ../shared/seeds/*.txt (none in {SHARED / 'seeds'})"
    return None


def pytest_collection_modifyitems(config, items):
    # A test that reads the seed pages (through the seeds fixture, directly or not) is a corpus test.
    for item in items:
        if "seeds" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.corpus)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if item.get_closest_marker("corpus") is None:
        return
    reason = corpus_missing()
    if reason is None:
        return
    if os.environ.get(REQUIRE_CORPUS) == "1":
        pytest.fail(f"{reason}; {REQUIRE_CORPUS}=1 says the corpus tests must run here", pytrace=False)
    pytest.skip(reason)


def sample_files() -> list[Path]:
    """The shipped sample corpus (its gold file is not a corpus file)."""
    return sorted(p for p in SAMPLE.iterdir() if p.suffix in (".jsonl", ".csv", ".txt") and p.name != "gold.jsonl")


@pytest.fixture(scope="session")
def extractor():
    from litkg.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    reason = corpus_missing()  # reached only by a test the corpus marker did not stop (a fixture's own use)
    if reason is not None:
        if os.environ.get(REQUIRE_CORPUS) == "1":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
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
