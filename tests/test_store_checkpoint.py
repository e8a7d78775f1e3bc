"""The build's log is checkpointed by a thread of its own (:mod:`litkg.graph.store_checkpoint`):
what the writer commits reaches the store file without the writer checkpointing, and the thread
lives exactly as long as a build session."""
from __future__ import annotations

import sqlite3
import threading
import time

from litkg.graph.store import GraphStore
from litkg.graph.store_checkpoint import Checkpointer
from litkg.records import Paper

from store_builder import VERSION


def in_the_file(path) -> int:
    """Papers in the store file itself, the log left unread (``immutable``: no WAL)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return conn.execute("SELECT COUNT(*) FROM papers").fetchone()[0]
    except sqlite3.OperationalError as exc:  # the schema itself is still in the log
        assert "no such table" in str(exc)
        return 0
    finally:
        conn.close()


def write_papers(store: GraphStore, n: int) -> None:
    with store.transaction():
        for i in range(n):
            store.upsert_paper(Paper(title=f"Paper {i}", abstract="x"), VERSION)


def checkpointer_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "litkg-checkpoint"]


def test_what_the_writer_commits_reaches_the_file_by_the_thread(tmp_path):
    with GraphStore(tmp_path / "s.db") as store:
        store.conn.execute("PRAGMA wal_autocheckpoint=0")  # the writer never checkpoints
        write_papers(store, 50)
        assert in_the_file(tmp_path / "s.db") == 0  # in the log only
        checkpointer = Checkpointer(tmp_path / "s.db", interval=0.01)
        try:
            deadline = time.monotonic() + 60  # a bound on the wait, not a speed: the thread runs on its own
            while in_the_file(tmp_path / "s.db") < 50 and time.monotonic() < deadline:
                time.sleep(0.01)
            assert in_the_file(tmp_path / "s.db") == 50
            assert store.count("papers") == 50
        finally:
            checkpointer.stop()
        assert not checkpointer_threads()


def test_a_build_session_runs_the_thread_and_ends_it_however_it_ends(tmp_path):
    with GraphStore(tmp_path / "s.db") as store:
        with store.build_session():
            assert len(checkpointer_threads()) == 1
            write_papers(store, 3)
        assert not checkpointer_threads()
        try:
            with store.build_session():
                raise KeyboardInterrupt
        except KeyboardInterrupt:
            pass
        assert not checkpointer_threads()
        assert store.count("papers") == 3
    with GraphStore(":memory:") as store, store.build_session():
        assert not checkpointer_threads()  # nothing to checkpoint
