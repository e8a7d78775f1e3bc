"""A damaged store, a full disk and a concurrent reader (issue #14, items 5 and 6).

Read commands open the store read-only in one snapshot: they never take the write lock, never
run schema statements, never change a file that is not a litkg store, and see a build's batches
whole or not at all. SQLite faults become one-line errors with a hint; ``litkg check`` says what
is wrong.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from litkg.cli import cli
from litkg.core import KnowledgeGraph
from litkg.errors import StoreError
from litkg.graph.store import GraphStore


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def records(n, prefix="Paper"):
    return [{"title": f"{prefix} {i}", "abstract": f"We evaluate method {i} on ImageNet and COCO."}
            for i in range(n)]


@pytest.fixture
def store(tmp_path, extractor):
    db = tmp_path / "kg.db"
    with KnowledgeGraph(db, extractor=extractor) as kg:
        kg.build_records(records(20))
    return db


def digest(folder: Path) -> dict:
    return {p.name: hashlib.sha1(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("command", [["stats"], ["query", "papers"], ["check"],
                                     ["export", "--format", "json", "--out", "OUT"]])
def test_read_commands_work_while_a_writer_holds_the_lock(store, tmp_path, command):
    writer = sqlite3.connect(store, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO papers (key, title, abstract, text_hash) VALUES ('k', 'Torn', '', 'h')")
    try:
        args = [str(tmp_path / "out.json") if a == "OUT" else a for a in command]
        result = run(*args, "--db", store)
        assert result.exit_code == 0, result.output
        assert "locked" not in result.output
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_a_reader_sees_one_snapshot_while_a_build_commits(store, extractor):
    reader = KnowledgeGraph(store)
    before = reader.stats()
    with KnowledgeGraph(store, extractor=extractor) as writer:
        writer.build_records(records(5, prefix="Later"))
    assert reader.stats() == before  # the same snapshot within one command
    assert len(reader.papers(limit=None)) == before["papers"]
    reader.close()
    with KnowledgeGraph(store) as fresh:
        assert fresh.stats()["papers"] == before["papers"] + 5


def test_reading_writes_nothing(store, tmp_path):
    before = digest(tmp_path)
    for args in (["stats"], ["query", "papers"], ["check"]):
        assert run(*args, "--db", store).exit_code == 0
    after = digest(tmp_path)
    # A reader of a WAL store may make the empty sidecar files SQLite shares between readers;
    # the store itself is byte for byte the same.
    assert after["kg.db"] == before["kg.db"]
    assert set(after) - set(before) <= {"kg.db-wal", "kg.db-shm"}
    assert not (tmp_path / "kg.db-wal").exists() or (tmp_path / "kg.db-wal").stat().st_size == 0


@pytest.mark.parametrize("kind", ["empty", "text", "other sqlite app", "newer schema"])
def test_a_file_that_is_not_a_readable_store_is_refused_untouched(tmp_path, kind):
    db = tmp_path / "x.db"
    if kind == "empty":
        db.write_bytes(b"")
    elif kind == "text":
        db.write_text("hello, I am notes\n")
    else:
        conn = sqlite3.connect(db)
        if kind == "other sqlite app":
            conn.execute("CREATE TABLE contacts (name TEXT)")
        else:
            conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            conn.execute("CREATE TABLE papers (key TEXT)")
            conn.execute("INSERT INTO meta VALUES ('schema_version', '99')")
        conn.commit()
        conn.close()
    before = digest(tmp_path)
    for args in (["stats"], ["query", "papers"], ["export", "--format", "json", "--out", tmp_path / "o.json"]):
        result = run(*args, "--db", db)
        assert result.exit_code == 1, result.output
        assert result.output.startswith("Error: ") and len(result.output.strip().splitlines()) == 1
        assert "Traceback" not in result.output
    assert digest(tmp_path) == before
    if kind == "newer schema":
        assert "upgrade litkg" in result.output
    with pytest.raises(StoreError):
        GraphStore(db, readonly=True)


def test_the_library_reads_without_a_write_connection(store):
    with KnowledgeGraph(store) as kg:
        kg.stats()
        assert kg.store.readonly
        with pytest.raises(sqlite3.OperationalError):
            kg.store.conn.execute("DELETE FROM papers")


def test_a_build_after_a_read_on_the_same_object_writes(store, extractor):
    with KnowledgeGraph(store, extractor=extractor) as kg:
        papers = kg.stats()["papers"]
        kg.build_records(records(3, prefix="More"))
        assert kg.stats()["papers"] == papers + 3


def _damage(db: Path, where: float) -> None:
    data = bytearray(db.read_bytes())
    page = 4096
    start = max(page, int(len(data) * where) // page * page)  # never the header page
    data[start:start + page] = b"\xde\xad\xbe\xef" * (page // 4)
    db.write_bytes(bytes(data))


@pytest.mark.parametrize("where", [0.3, 0.6, 0.95])
def test_a_damaged_store_gives_one_line_errors_and_check_says_so(store, where):
    _damage(store, where)
    for args in (["stats"], ["query", "papers"], ["query", "top-concepts"], ["render", "--out", store.parent / "v.html"]):
        result = run(*args, "--db", store)
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
    result = run("check", "--db", store)
    assert result.exit_code == 1
    assert "damaged" in result.output or "cannot be read" in result.output


def test_check_on_a_sound_store_and_on_broken_foreign_keys(store):
    result = run("check", "--db", store)
    assert result.exit_code == 0 and "ok" in result.output
    conn = sqlite3.connect(store)
    conn.execute("INSERT INTO edges VALUES ('no-such-paper', 'no-such-concept', 'uses', 1.0, -1)")
    conn.commit()
    conn.close()
    result = run("check", "--db", store, "--json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert not report["ok"] and any("edges row" in p and "missing row" in p for p in report["problems"])


def test_check_reports_an_edge_whose_paper_key_is_not_its_papers(store):
    conn = sqlite3.connect(store)
    rowid, key = conn.execute("SELECT rowid, paper_key FROM edges ORDER BY rowid LIMIT 1").fetchone()
    conn.execute("UPDATE edges SET paper_key = 'title:another paper' WHERE rowid = ?", (rowid,))
    conn.commit()
    conn.close()
    result = run("check", "--db", store, "--json")
    assert result.exit_code == 1
    problems = json.loads(result.output)["problems"]
    assert f"edges row {rowid} names paper 'title:another paper' but points at paper {key!r}" in problems


def test_a_full_disk_at_commit_is_a_store_error_and_keeps_the_last_batch(tmp_path, extractor):
    db = tmp_path / "kg.db"
    with KnowledgeGraph(db, extractor=extractor) as kg:
        kg.build_records(records(5))
        store = kg._open_for_writing()
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count={pages + 1}")
        big = [{"title": f"Big {i}", "abstract": "x " * 20_000} for i in range(20)]
        with pytest.raises(StoreError, match="disk is full"):
            kg.build_records(big)
    with KnowledgeGraph(db) as kg:
        assert kg.stats()["papers"] == 5
