"""Output files whole or not at all (issue #14, item 4): a temporary file in the same folder,
renamed at the end; an output that is an input is refused; a failure keeps the old file."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from litkg.cli import cli
from litkg.errors import LitkgError
from litkg.outputs import atomic_open, check_not_input, write_text_atomic

GOOD = json.dumps({"title": "Good Paper", "abstract": "We evaluate on ImageNet."})


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_extract_of_a_missing_input_keeps_the_old_output(tmp_path):
    out = tmp_path / "important.jsonl"
    out.write_text("precious\n")
    result = run("extract", tmp_path / "missing.jsonl", "--out", out, "--fast")
    assert result.exit_code == 1
    assert out.read_text() == "precious\n"
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left behind


@pytest.mark.parametrize("spelling", ["same", "dot", "link"])
def test_extract_refuses_an_output_that_is_its_input(tmp_path, spelling):
    source = tmp_path / "in.jsonl"
    source.write_text(GOOD + "\n")
    out = {"same": source, "dot": tmp_path / "." / "in.jsonl", "link": tmp_path / "link.jsonl"}[spelling]
    if spelling == "link":
        out.symlink_to(source)
    result = run("extract", source, "--out", out, "--fast")
    assert result.exit_code == 1
    assert "is also an input" in result.output
    assert source.read_text() == GOOD + "\n"


def test_failed_extract_leaves_no_partial_output(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join([GOOD] * 300 + ["{broken"]) + "\n")
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    result = run("extract", source, "--out", out, "--fast", "--on-error", "fail")
    assert result.exit_code == 1
    assert out.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_atomic_open_keeps_the_old_file_on_error(tmp_path):
    out = tmp_path / "f.txt"
    out.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_open(out) as stream:
            stream.write("half")
            raise RuntimeError("boom")
    assert out.read_text() == "old"
    write_text_atomic(out, "new")
    assert out.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


def test_export_and_render_refuse_to_overwrite_the_store(tmp_path):
    db = tmp_path / "kg.db"
    source = tmp_path / "in.jsonl"
    source.write_text(GOOD + "\n")
    assert run("build", source, "--db", db, "--fast").exit_code == 0
    before = db.read_bytes()
    for args in (["export", "--format", "json", "--out", db, "--db", db], ["render", "--out", db, "--db", db]):
        result = run(*args)
        assert result.exit_code == 1, result.output
        assert "is also an input" in result.output
    assert db.read_bytes() == before


def test_export_on_a_full_disk_keeps_the_old_file_and_says_so(tmp_path, monkeypatch):
    import errno

    import networkx as nx

    db = tmp_path / "kg.db"
    source = tmp_path / "in.jsonl"
    source.write_text(GOOD + "\n")
    assert run("build", source, "--db", db, "--fast").exit_code == 0
    out = tmp_path / "g.graphml"
    out.write_text("old")

    def full_disk(graph, path, **kw):
        with open(path, "w") as fh:
            fh.write("<graphml half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(nx, "write_graphml", full_disk)
    result = run("export", "--format", "graphml", "--out", out, "--db", db)
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot write") and "disk is full" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert out.read_text() == "old"
    left = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("kg.db"))
    assert left == ["g.graphml", "in.jsonl"]  # no temporary file left behind


def test_check_not_input_allows_other_files(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_text("x")
    check_not_input(b, [a])
    with pytest.raises(LitkgError):
        check_not_input(a, [b, a])
