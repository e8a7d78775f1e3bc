"""Start-up (#10 item 4): commands load only what they use.

Each check runs one command in a fresh interpreter and lists the heavy modules it imported: spaCy
only where something is extracted, scipy only for corpus-wide products and communities, networkx
only for the networkx views, the Neo4j driver only for Neo4j. This is behaviour, not timing; the
README gives the timings.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("spacy", "scipy", "networkx", "neo4j")

_RUN = """
import json, sys
from click.testing import CliRunner
from litkg.cli import cli
result = CliRunner().invoke(cli, json.loads(sys.argv[1]), catch_exceptions=False)
assert result.exit_code == 0, result.output
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def loaded_by(*args) -> list[str]:
    """The heavy modules ``litkg ARGS…`` imports, run in a new interpreter."""
    code = _RUN.format(heavy=HEAVY)
    done = subprocess.run([sys.executable, "-c", code, json.dumps([str(a) for a in args])],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_importing_the_cli_loads_no_heavy_module():
    code = f"import sys, litkg.cli; print([m for m in {HEAVY!r} if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"], ["query", "--help"], ["neo4j", "queries"]],
                         ids=" ".join)
def test_help_and_listings_load_no_heavy_module(args):
    assert loaded_by(*args) == []


def test_queries_load_scipy_and_networkx_only_when_they_need_them(sample_store):
    db = sample_store[0]
    for args in (["stats"], ["query", "paper", "smp-001"], ["query", "papers-using", "WILDS"],
                 ["query", "shared-datasets", "--paper", "smp-001"], ["query", "similar", "smp-001"],
                 ["query", "neighbourhood", "WILDS"]):
        assert not {"scipy", "networkx", "neo4j"} & set(loaded_by(*args, "--db", db)), args
    assert "scipy" in loaded_by("query", "shared-datasets", "--db", db)  # the corpus-wide products
    assert {"scipy", "networkx"} <= set(loaded_by("query", "communities", "--db", db))


def test_export_loads_networkx_only_for_its_formats(sample_store, tmp_path):
    db = sample_store[0]
    assert "networkx" not in loaded_by("export", "--format", "neo4j-csv", "--out", tmp_path / "csv", "--db", db)
    assert "networkx" in loaded_by("export", "--format", "json", "--out", tmp_path / "g.json", "--db", db)


def test_read_commands_load_no_spacy(sample_store):
    assert "spacy" not in loaded_by("stats", "--db", sample_store[0])
