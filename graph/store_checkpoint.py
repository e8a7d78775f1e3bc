"""Checkpoints of the write-ahead log from a thread of their own while a build writes (#10).

In WAL mode with ``synchronous=NORMAL`` a commit appends to the log and waits for no disk; the
wait is in the checkpoint, which copies the log into the store file and syncs both. Run by the
committing connection (SQLite's auto-checkpoint), it stopped the build's writer for each one: a
100k-paper build's parent process was seen waiting on the disk (state D) more than writing.
Here a second connection runs passive checkpoints (they never block the writer, nor wait for
it) every :data:`INTERVAL` seconds on a thread, so the writer goes on while the disk works; the
writer keeps its own auto-checkpoint, at :data:`~litkg.graph.store_schema.CHECKPOINT_PAGES`, only
as a bound on the log should the thread fall behind.
"""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

__all__ = ["INTERVAL", "Checkpointer"]

#: Seconds between two checkpoints of a build's log.
INTERVAL = 2.0


class Checkpointer:
    """A thread checkpointing the log of the store at ``path`` until :meth:`stop`."""

    def __init__(self, path: Path, interval: float = INTERVAL) -> None:
        self.interval = interval
        self._stopping = threading.Event()
        self._conn = sqlite3.connect(str(path), timeout=0, isolation_level=None, check_same_thread=False)
        self._thread = threading.Thread(target=self._run, name="litkg-checkpoint", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            while not self._stopping.wait(self.interval):
                self._checkpoint()
        finally:
            self._conn.close()

    def _checkpoint(self) -> None:
        try:
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.OperationalError:  # busy: another checkpoint runs; the writer's own bound holds
            pass

    def stop(self) -> None:
        """End the thread (the writer's commit or close checkpoints what is left)."""
        self._stopping.set()
        self._thread.join()
