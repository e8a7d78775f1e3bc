"""The shipped sample corpus as an open store: what the examples in these docstrings run on, and a
first store to try the questions on without data of one's own.

>>> from litkg.queries.examples import sample_store
>>> store = sample_store()
>>> store.count("papers")
31
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import litkg
from litkg.graph.store import GraphStore

__all__ = ["SAMPLE_DIR", "SAMPLE_FILES", "sample_store"]

SAMPLE_DIR = Path(litkg.__file__).parent / "sample"
#: The sample's three inputs (31 invented papers, three of them in two files); its gold file is not one.
SAMPLE_FILES = ("papers.jsonl", "more.csv", "daily_papers.txt")


@lru_cache(maxsize=None)
def sample_store() -> GraphStore:
    """The sample corpus built into a temporary store, once per process, opened read-only.

    The build extracts with the default pipeline (a few seconds); the store is deleted when the
    process ends.
    """
    from litkg.core import KnowledgeGraph

    folder = Path(tempfile.mkdtemp(prefix="litkg-sample-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    with KnowledgeGraph(folder / "sample.db") as kg:
        kg.build([SAMPLE_DIR / name for name in SAMPLE_FILES])
    store = GraphStore(folder / "sample.db", readonly=True)
    atexit.register(store.close)
    return store
