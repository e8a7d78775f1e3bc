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

    def names(paper):  # every concept a paper names, by its profile
        profile = json.loads(run(runner, "query", "paper", paper, "--db", built, "--json").output)
        return {n for role in ("proposes", "evaluates_on", "compares_with", "uses") for n in profile[role]}

    mordant = names("smp-001")
    for pair in one:  # what a pair shares is named by both papers, and is counted
        assert pair["count"] == len(pair["shared"]) >= 1
        assert set(pair["shared"]) <= mordant & names(pair["paper_b"]), pair
    assert "PACS" in {name for pair in one for name in pair["shared"]}  # MORDANT evaluates on PACS, as others do
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
    import re

    out = tmp_path / "view.html"
    result = run(runner, "render", "--out", out, "--db", built, "--max-nodes", 40)
    assert result.exit_code == 0, result.output
    shown = re.search(r"Wrote .*: (\d+) of (\d+) nodes", result.output)
    assert shown and 0 < int(shown[1]) <= 40 < int(shown[2]), result.output  # capped at --max-nodes, and says so
    page = out.read_text(encoding="utf-8")
    # The page holds the graph: the most used concepts of the sample are among its nodes.
    top = json.loads(run(runner, "query", "concepts", "--top", 3, "--db", built, "--json").output)
    assert all(json.dumps(c["name"])[1:-1] in page for c in top), [c["name"] for c in top]


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


# -- honest output (issue #13) ----------------------------------------------------------------------

@pytest.mark.parametrize("command, option, limit", [
    (("query", "shared-datasets"), "--limit", 5), (("query", "concepts"), "--top", 4),
    (("query", "co-usage", "ImageNet"), "--limit", 2), (("query", "similar", "smp-001"), "--limit", 3),
    (("query", "papers"), "--limit", 7),
])
def test_a_truncated_table_says_how_many_it_left_out(runner, built, command, option, limit):
    everything = json.loads(run(runner, *command, option, 0, "--db", built, "--json").output)
    assert len(everything) > limit
    table = run(runner, *command, option, limit, "--db", built)
    assert table.exit_code == 0, table.output
    lines = table.output.splitlines()
    assert lines[-1] == f"showing {limit} of {len(everything)} — {option} 0 for all"
    assert len(lines) == 1 + limit + 1  # header, rows, the note
    whole = run(runner, *command, option, 0, "--db", built).output
    assert "showing" not in whole and len(whole.splitlines()) == 1 + len(everything)


def test_tables_show_the_paper_keys_other_commands_take(runner, built):
    pairs = json.loads(run(runner, "query", "shared-datasets", "--limit", 3, "--db", built, "--json").output)
    table = run(runner, "query", "shared-datasets", "--limit", 3, "--db", built).output
    assert all(p["paper_a"] in table and p["paper_b"] in table for p in pairs)
    similar = run(runner, "query", "similar", "smp-001", "--db", built).output
    uses = run(runner, "query", "papers-using", "PACS", "--db", built).output
    assert "doi:10.5555/litkg.sample.001" in uses and "paper" in similar.splitlines()[0]
    key = json.loads(run(runner, "query", "similar", "smp-001", "--db", built, "--json").output)[0]["paper"]
    assert key in similar and run(runner, "query", "paper", key, "--db", built).exit_code == 0


def test_query_papers_lists_and_searches_papers(runner, built):
    every = json.loads(run(runner, "query", "papers", "--limit", 0, "--db", built, "--json").output)
    assert len(every) == 31 and len({p["paper"] for p in every}) == 31
    assert {"paper", "id", "year", "title", "concepts"} == every[0].keys()
    years = [p["year"] for p in every if p["year"] is not None]
    assert years == sorted(years, reverse=True)
    found = json.loads(run(runner, "query", "papers", "--search", "mordant", "--db", built, "--json").output)
    assert [p["id"] for p in found] == ["smp-001"]
    by_doi = json.loads(run(runner, "query", "papers", "--search", "LITKG.SAMPLE.00", "--db", built, "--json").output)
    assert by_doi and all("litkg.sample.00" in p["paper"] for p in by_doi)
    assert run(runner, "query", "papers", "--search", "100%_", "--db", built).output == "No paper matches '100%_'.\n"
    table = run(runner, "query", "papers", "--search", "clip", "--db", built).output
    assert table.splitlines()[0].split() == ["paper", "year", "concepts", "title"]


def test_hints_point_to_the_commands_that_list_what_is_there(runner, built):
    concept = run(runner, "query", "papers-using", "NoSuchThing", "--db", built)
    assert concept.exit_code == 1 and "'litkg query concepts'" in concept.output and "litkg stats" not in concept.output
    paper = run(runner, "query", "paper", "no-such-paper", "--db", built)
    assert paper.exit_code == 1 and "'litkg query papers --search TEXT'" in paper.output
    node = run(runner, "query", "neighbourhood", "nowhere", "--db", built)
    assert node.exit_code == 1 and "litkg query papers" in node.output and "litkg query concepts" in node.output
    # and the commands they name do list them
    assert "PACS" in run(runner, "query", "concepts", "--top", 0, "--db", built).output
    assert "MORDANT" in run(runner, "query", "papers", "--search", "mordant", "--db", built).output


@pytest.mark.parametrize("content", [b"", b"\n\n", b'{"year": 2020}\n{"venue": "x"}\n'])
def test_no_records_read_is_an_error(runner, tmp_path, content):
    src = tmp_path / "empty.jsonl"
    src.write_bytes(content)
    db = tmp_path / "kg.db"
    result = run(runner, "build", src, "--db", db)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[-1].startswith("Error: no records read from 1 file(s)") and "hint:" in lines[-1]
    assert not db.exists()  # no empty store left behind
    extracted = run(runner, "extract", src)
    assert extracted.exit_code == 1 and "Error: no records read" in extracted.output


def test_output_folders_must_exist_unless_mkdir(runner, built, tmp_path):
    missing = tmp_path / "typo" / "deeper"
    for args in (["render", "--out", missing / "v.html"], ["export", "--format", "json", "--out", missing / "g.json"],
                 ["export", "--format", "csv", "--out", missing / "csv"],
                 ["export", "--format", "neo4j-csv", "--out", missing / "import"],
                 ["extract", sample_files()[0], "--out", missing / "e.jsonl"]):
        db = [] if args[0] == "extract" else ["--db", built]
        result = run(runner, *args, *db)
        assert result.exit_code == 1, (args, result.output)
        assert f"Error: the folder {missing if args[-1].suffix else missing} for --out does not exist" in result.output \
            and "--mkdir" in result.output, result.output
        assert not (tmp_path / "typo").exists()
        result = run(runner, *args, *db, "--mkdir")
        assert result.exit_code == 0, (args, result.output)
        assert args[-1].exists()
        import shutil

        shutil.rmtree(tmp_path / "typo")
    # A directory output may itself be new when its parent exists.
    assert run(runner, "export", "--format", "csv", "--out", tmp_path / "new-csv", "--db", built).exit_code == 0


def test_the_build_progress_bar_has_a_total_a_rate_and_an_eta(tmp_path):
    import io
    import re

    from litkg.cli import progress_bar
    from litkg.core import KnowledgeGraph

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    inputs = sample_files()
    size = sum(p.stat().st_size for p in inputs)
    states = []
    with KnowledgeGraph(tmp_path / "kg.db") as kg, progress_bar(screen, total=size) as progress:
        first = screen.getvalue()  # drawn before any record is read: the total is there already
        kg.build(inputs, batch_size=4, progress=lambda s: (states.append(s), progress(s)))
    assert re.search(r"building:\s+0%.*\| 0\.00/\d+(\.\d+)?k", first), first
    assert states[0].bytes_total == size and 0 < states[0].bytes_done < size and states[0].records == 4
    assert [s.bytes_done for s in states] == sorted(s.bytes_done for s in states) and states[-1].bytes_done == size
    assert states[-1].records == 34
    frames = screen.getvalue().split("\r")
    after_first_batch = next(f for f in frames if "records" in f)
    assert re.search(r"\d+(\.\d+)?k?/\d+(\.\d+)?k \[00:\d\d<00:\d\d, +\d+(\.\d+)?k?B/s, 4 records\]",
                     after_first_batch), after_first_batch
