"""The CLI contract: command names, options, JSON shapes, exit codes and one-line errors."""
from __future__ import annotations

import json

import pytest

from litkg.cli import cli

from conftest import sample_files


def run(runner, *args):
    return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture()
def built(tmp_path, runner):
    db = tmp_path / "kg.db"
    result = run(runner, "build", *sample_files(), "--db", db)
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize("command", [[], ["build"], ["extract"], ["stats"], ["query"], ["query", "shared-datasets"],
                                     ["query", "papers-using"], ["render"]])
def test_every_command_has_help(runner, command):
    result = run(runner, *command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output
    assert len(result.output.split("\n\n")[1].strip()) > 10  # a real description, not an empty doc


def test_build_reports_a_summary_and_stats_agree(runner, built):
    stats = json.loads(run(runner, "stats", "--db", built, "--json").output)
    assert stats["papers"] == 31 and stats["sources"] == 34
    assert set(stats["concepts_by_type"]) == {"dataset", "benchmark", "model", "method"}
    assert set(stats["edges_by_role"]) == {"proposes", "uses", "evaluates_on", "compares_with"}
    assert stats["edges"] == sum(stats["edges_by_role"].values())


def test_build_json_summary_shape(runner, tmp_path):
    result = run(runner, "build", *sample_files(), "--db", tmp_path / "x.db", "--json")
    data = json.loads(result.output)
    assert data["papers_new"] == 31 and data["papers_merged"] == 3 and data["records_skipped"] == 0
    assert {"records_read", "concepts_total", "edges_total", "skipped"} <= data.keys()


def test_extract_writes_one_object_per_paper_with_the_contract_fields(runner, tmp_path):
    out = tmp_path / "out.jsonl"
    result = run(runner, "extract", *sample_files(), "--out", out)
    assert result.exit_code == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 31
    ids = {r["id"] for r in rows}
    assert "smp-001" in ids and "smp-101" in ids  # the input's own ids are kept
    entity = rows[0]["entities"][0]
    assert {"name", "type", "role", "confidence", "mentions"} <= entity.keys()
    assert {"text", "start", "end", "field", "sentence"} <= entity["mentions"][0].keys()
    mordant = next(r for r in rows if r["id"] == "smp-001")
    roles = {e["name"]: e["role"] for e in mordant["entities"]}
    assert roles["MORDANT"] == "proposes" and roles["PACS"] == "evaluates_on"


def test_query_shared_datasets_ranks_pairs_and_lists_what_they_share(runner, built):
    pairs = json.loads(run(runner, "query", "shared-datasets", "--db", built, "--json").output)
    assert pairs and all(p["count"] == len(p["shared"]) for p in pairs)
    counts = [p["count"] for p in pairs]
    assert counts == sorted(counts, reverse=True)
    one = json.loads(run(runner, "query", "shared-datasets", "--db", built, "--paper", "smp-001", "--json").output)
    assert one and all(p["paper_a"] == "doi:10.5555/litkg.sample.001" for p in one)
    assert all("PACS" in p["shared"] or p["count"] >= 1 for p in one)
    strict = json.loads(run(runner, "query", "shared-datasets", "--db", built, "--min-shared", 3, "--json").output)
    assert all(p["count"] >= 3 for p in strict)


def test_query_papers_using_is_alias_aware(runner, built):
    exact = json.loads(run(runner, "query", "papers-using", "Office-Home", "--db", built, "--json").output)
    folded = json.loads(run(runner, "query", "papers-using", "officehome", "--db", built, "--json").output)
    assert exact == folded and len(exact) >= 3
    assert all(u["evidence"] for u in exact)


def test_papers_using_with_parts_counts_gwhd_under_wilds(runner, built):
    direct = json.loads(run(runner, "query", "papers-using", "WILDS", "--db", built, "--json").output)
    with_parts = json.loads(run(runner, "query", "papers-using", "WILDS", "--include-parts", "--db", built, "--json").output)
    assert len(with_parts) > len(direct)
    assert any(u["via_part"] for u in with_parts)


def test_render_writes_a_page(runner, built, tmp_path):
    out = tmp_path / "view.html"
    result = run(runner, "render", "--out", out, "--db", built, "--max-nodes", 40)
    assert result.exit_code == 0 and out.exists()
    assert "nodes" in result.output and "<html" in out.read_text(encoding="utf-8").lower()


def test_errors_are_one_line_with_a_hint_and_exit_1(runner, tmp_path):
    missing = run(runner, "build", tmp_path / "nope.jsonl", "--db", tmp_path / "kg.db")
    assert missing.exit_code == 1
    lines = missing.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: no such file") and "hint:" in lines[0]
    nostore = run(runner, "stats", "--db", tmp_path / "absent.db")
    assert nostore.exit_code == 1 and nostore.output.startswith("Error: no litkg store")
    assert "Traceback" not in missing.output + nostore.output


def test_bad_record_in_fail_mode_names_file_and_line(runner, tmp_path):
    src = tmp_path / "bad.jsonl"
    src.write_text('{"title": "ok", "abstract": "fine"}\n{nope\n', encoding="utf-8")
    result = run(runner, "build", src, "--db", tmp_path / "kg.db", "--on-error", "fail")
    assert result.exit_code == 1
    assert f"{src}:2:" in result.output and "--on-error skip" in result.output


def test_unknown_concept_is_an_error_with_a_hint(runner, built):
    result = run(runner, "query", "papers-using", "NoSuchThing", "--db", built)
    assert result.exit_code == 1 and result.output.startswith("Error: no concept named 'NoSuchThing'")


def test_usage_errors_exit_2(runner, tmp_path):
    assert run(runner, "build").exit_code == 2
    assert run(runner, "build", "x", "--on-error", "maybe").exit_code == 2
    assert run(runner, "query", "shared-datasets", "--min-shared", 0).exit_code == 2
    assert run(runner, "frobnicate").exit_code == 2
