"""The store, byte for byte: ``litkg build`` of the same inputs gives the same rows before and after
a refactoring (#12).

The sample corpus is built with the CLI into a fresh store and every table (and the schema) is
dumped, rows sorted, to compare with ``tests/data/store_dump_sample.json``; the seed pages of
``../shared`` (a ``corpus`` test) are compared by the digest of the same dump. The store has no
volatile column (no timestamps); the only values that depend on where the test runs are the input
paths in ``paper_sources``, written relative to the folder they were read from.

When a change of the stored graph is intended, regenerate the files and say why in the commit::

    LITKG_UPDATE_DUMP=1 python -m pytest tests/test_store_dump.py
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from litkg.cli import cli
from litkg.graph.store_postings import DERIVED

from conftest import SAMPLE, SHARED, sample_files

DUMP = Path(__file__).parent / "data" / "store_dump_sample.json"
UPDATE = os.environ.get("LITKG_UPDATE_DUMP") == "1"


def dump_store(db: Path, folders: dict[str, Path]) -> dict:
    """The schema and every row of every table of the store at ``db``, sorted; input paths under
    one of ``folders`` are written as ``$NAME/relative``. The counts and lists of papers the store
    keeps of its own rows (:data:`~litkg.graph.store_postings.DERIVED`) are left out: they are no
    fact of the graph, and ``tests/test_store_counts.py`` and ``tests/test_postings.py`` check
    them against the rows they come from."""
    conn = sqlite3.connect(db)
    try:
        schema = sorted((row for row in conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                                                     "WHERE name NOT LIKE 'sqlite_%'") if row[1] not in DERIVED),
                        key=repr)
        tables = {}
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"):
            if table in DERIVED:
                continue
            cursor = conn.execute(f"SELECT * FROM {table}")
            columns = [d[0] for d in cursor.description]
            rows = [[_portable(v, folders) for v in row] for row in cursor]
            tables[table] = {"columns": columns, "rows": sorted(rows, key=repr)}
        return {"schema": [list(r) for r in schema], "tables": tables}
    finally:
        conn.close()


def _portable(value, folders: dict[str, Path]):
    if isinstance(value, str):
        for name, folder in folders.items():
            if value.startswith(f"{folder}/"):
                return f"${name}/{value[len(str(folder)) + 1:]}"
    return value


def digest(dump: dict) -> str:
    text = json.dumps(dump, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build(tmp_path: Path, inputs: list[Path]) -> Path:
    db = tmp_path / "dump.db"
    result = CliRunner().invoke(cli, ["build", *map(str, inputs), "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db


def committed() -> dict:
    return json.loads(DUMP.read_text(encoding="utf-8"))


def write_committed(**updates) -> None:
    data = committed() if DUMP.exists() else {}
    data.update(updates)
    DUMP.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def test_the_sample_store_is_the_committed_one(tmp_path):
    dump = dump_store(build(tmp_path, sample_files()), {"SAMPLE": SAMPLE.resolve()})
    if UPDATE:
        write_committed(sample=dump, sample_sha256=digest(dump))
    expected = committed()
    assert digest(expected["sample"]) == expected["sample_sha256"]
    for table, content in expected["sample"]["tables"].items():
        assert dump["tables"].get(table) == content, f"table {table} differs from {DUMP.name}"
    assert dump == expected["sample"]


@pytest.mark.corpus
def test_the_seed_store_is_the_committed_one(tmp_path):
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    dump = dump_store(build(tmp_path, seeds), {"SEEDS": (SHARED / "seeds").resolve()})
    if UPDATE:
        write_committed(seeds_sha256=digest(dump), seeds_rows={t: len(c["rows"]) for t, c in dump["tables"].items()})
    expected = committed()
    assert {t: len(c["rows"]) for t, c in dump["tables"].items()} == expected["seeds_rows"]
    assert digest(dump) == expected["seeds_sha256"]
