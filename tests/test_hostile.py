"""Hostile field values (issue #14, items 1 to 3): every field's type and range checked, numbers
and nesting bounded, bounded regexes, and JSON arrays that lose nothing after a break.

Each bad record becomes a skipped record with its file, line and reason; the good records around
it are kept; nothing but a litkg error leaves a reader, the store or a command.
"""
from __future__ import annotations

import json

import pytest

from litkg.cli import cli
from litkg.core import KnowledgeGraph
from litkg.errors import MalformedRecordError
from litkg.records import Paper
from litkg.readers import paper_problem, read_papers

GOOD = {"title": "Good Paper", "abstract": "We evaluate on ImageNet."}
DEEP = "[" * 1000 + "]" * 1000


def read_skip(path, **kw):
    bad = []
    papers = list(read_papers(path, on_error="skip", skipped=bad.append, **kw))
    return papers, bad


def jsonl(tmp_path, lines, name="in.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


HOSTILE_JSONL = {
    "year 1e20": '{"title":"A","year":1e20}',
    "year huge int": '{"title":"A","year":100000000000000000000}',
    "upvotes int64 max": '{"title":"A","upvotes":9223372036854775807}',
    "negative upvotes": '{"title":"A","upvotes":-5}',
    "author_count huge": '{"title":"A","author_count":"99999999999999999999"}',
    "4301-digit integer": '{"title":"A","year":' + "9" * 4301 + "}",
    "4301-digit integer in metadata": '{"title":"A","n":' + "9" * 4301 + "}",
    "1000-level nesting in metadata": '{"title":"A","x":' + DEEP + "}",
    "1000-level nesting in title": '{"title":' + DEEP + "}",
    "1000-level nesting in authors": '{"title":"A","authors":' + DEEP + "}",
    "100k-letter doi": '{"title":"A","doi":"' + "a" * 100_000 + '"}',
}


@pytest.mark.parametrize("case", sorted(HOSTILE_JSONL))
def test_hostile_jsonl_value_is_one_skipped_record(tmp_path, case):
    path = jsonl(tmp_path, [json.dumps(GOOD), HOSTILE_JSONL[case], json.dumps({**GOOD, "title": "B"})])
    papers, bad = read_skip(path)
    assert [p.title for p in papers] == ["Good Paper", "B"]
    assert [(b.path, b.line) for b in bad] == [(str(path), 2)]
    with pytest.raises(MalformedRecordError) as info:
        list(read_papers(path, on_error="fail"))
    assert info.value.line == 2


@pytest.mark.parametrize("case", ["year 1e20", "4301-digit integer", "1000-level nesting in metadata",
                                  "upvotes int64 max"])
def test_hostile_json_array_element_is_skipped_and_the_rest_kept(tmp_path, case):
    path = tmp_path / "in.json"
    path.write_text("[\n" + json.dumps(GOOD) + ",\n" + HOSTILE_JSONL[case] + ",\n"
                    + json.dumps({**GOOD, "title": "B"}) + "\n]\n")
    papers, bad = read_skip(path)
    assert [p.title for p in papers] == ["Good Paper", "B"]
    assert [b.line for b in bad] == [3]


def test_csv_upvotes_beyond_int64_are_skipped_not_rounded(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("title,upvotes,year\nA,9223372036854775807,2020\nB,3,1e20\nC,4,2021\n")
    papers, bad = read_skip(path)
    assert [p.title for p in papers] == ["C"]
    assert [b.line for b in bad] == [2, 3]
    assert "upvotes out of range" in bad[0].reason


def test_page_footer_with_a_20_digit_author_count_is_skipped(tmp_path):
    page = ("First Paper\n\nWe evaluate on ImageNet.\n\n• 99999999999999999999 authors\n\nMar 11\n\n"
            "Second Paper\n\nWe evaluate on COCO.\n\n• 3 authors\n\nMar 11 12\n\n")
    path = tmp_path / "page.txt"
    path.write_text(page)
    papers, bad = read_skip(path, format="hf-pages")
    assert [p.title for p in papers] == ["Second Paper"]
    assert papers[0].upvotes == 12
    assert len(bad) == 1 and "author count out of range" in bad[0].reason


def test_paper_problem_checks_types_and_ranges():
    assert paper_problem(Paper("A", year=2024, upvotes=3, author_count=2)) is None
    assert "year out of range" in paper_problem(Paper("A", year=10**20))
    assert "must be a whole number" in paper_problem(Paper("A", upvotes=1.5))
    assert "must be a string" in paper_problem(Paper("A", doi=5))
    deep: list = []
    for _ in range(200):
        deep = [deep]
    assert "nested" in paper_problem(Paper("A", metadata={"x": deep}))


def test_build_keeps_the_batch_around_an_out_of_range_year(tmp_path, extractor):
    path = jsonl(tmp_path, [json.dumps({**GOOD, "title": f"P{i}"}) for i in range(5)]
                 + ['{"title":"A","year":1e20}'])
    with KnowledgeGraph(tmp_path / "kg.db", extractor=extractor) as kg:
        summary = kg.build([path], on_error="skip")
    assert summary.records_skipped == 1
    assert summary.papers_new == 5


def test_build_records_with_an_out_of_range_paper_skips_it(tmp_path, extractor):
    with KnowledgeGraph(tmp_path / "kg.db", extractor=extractor) as kg:
        summary = kg.build_records([Paper("Huge", upvotes=1 << 70), {"title": "Fine"}], on_error="skip")
    assert summary.papers_new == 1 and summary.records_skipped == 1


def test_cli_build_of_hostile_numbers_exits_cleanly(tmp_path):
    from click.testing import CliRunner

    path = jsonl(tmp_path, [HOSTILE_JSONL[c] for c in sorted(HOSTILE_JSONL)] + [json.dumps(GOOD)])
    result = CliRunner().invoke(cli, ["build", str(path), "--db", str(tmp_path / "kg.db"), "--fast",
                                      "--on-error", "skip"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 0, result.output


# --- item 2: bounded regexes ------------------------------------------------------------------


def test_arxiv_id_regex_is_linear_on_a_long_run_of_letters():
    from litkg.identity import _ARXIV

    # An unbounded letter run backtracked n² times; count regex steps instead of timing them:
    # the pattern has no unbounded repeat before the "/" it needs.
    assert "[a-z\\-]+" not in _ARXIV.pattern
    from litkg.identity import normalise_arxiv_id

    assert normalise_arxiv_id("a" * 100_000) is None
    assert normalise_arxiv_id("arXiv:hep-th/9901001v2") == "hep-th/9901001"


def test_long_runs_without_spaces_are_masked_for_spacy_with_offsets_kept():
    from litkg.extract.guards import MAX_RUN, mask_long_runs

    text = "We use ImageNet " + "(" * 50_000 + " and COCO."
    masked = mask_long_runs(text)
    assert len(masked) == len(text)
    assert masked.startswith("We use ImageNet ") and masked.endswith(" and COCO.")
    assert "(" not in masked
    assert mask_long_runs("x" * MAX_RUN) == "x" * MAX_RUN


@pytest.mark.parametrize("unit", ["(", "\U0001F600", "aB-"])
def test_extraction_around_a_long_run_finds_the_names_beside_it(extractor, unit):
    from litkg.extract.pipeline import Extractor

    spans: list[bool] = []
    nlp = extractor.nlp
    # The tokenizer sees a blanked run: it makes a few tokens there, not one per character.
    text = "We evaluate on ImageNet. " + unit * (30_000 // len(unit)) + " We also use COCO."
    doc = nlp.make_doc(__import__("litkg.extract.guards", fromlist=["x"]).mask_long_runs(text))
    assert len(doc) < 50
    found = Extractor(nlp).extract(Paper("T", text))
    names = {e.name for e in found.entities}
    assert {"ImageNet", "COCO"} <= names
    for entity in found.entities:
        for m in entity.mentions:
            spans.append(getattr(Paper("T", text), m.field)[m.start:m.end] == m.text)
    assert spans and all(spans)


def test_span_index_answers_as_the_pairwise_check():
    import random

    from litkg.extract.guards import SpanIndex

    rng = random.Random(14)
    for _ in range(200):
        spans = [(a, a + rng.randint(0, 9)) for a in (rng.randint(0, 60) for _ in range(rng.randint(0, 8)))]
        index = SpanIndex(spans)
        for _ in range(20):
            s = rng.randint(0, 70)
            e = s + rng.randint(0, 10)
            assert index.overlaps(s, e) == any(s < b and a < e for a, b in spans)


def test_many_mentions_share_one_sentence_string():
    from litkg.extract.sentences import FieldSentences

    text = "ImageNet " * 1000
    sentences = FieldSentences([0], 0, text)
    assert sentences.around(0, 8) is sentences.around(900, 908)


def test_seen_lower_matches_the_substring_rule():
    from litkg.extract.spanmodel import PaperContext

    text = "Attention is all. we use attention here and\nnewline words attention"
    context = PaperContext(text, "abstract")
    for word in ("attention", "use", "here", "words", "and\nnewline", "all.", "nope", ""):
        assert context.seen_lower(word) == (" " not in word and f" {word} " in text), word


# --- item 3: a structural break in a JSON array loses only the broken record -----------------

BREAKS = {
    "unclosed bracket in a field": '{"title":"Bad","x":[1,2}',
    "wrong closing bracket": '{"title":"Bad","x":{"a":1]',
    "unterminated string": '{"title":"Bad,"x":1}',
    "missing colon": '{"title" "Bad"}',
    "stray quote": '{"title":"Bad"x"}',
    "unclosed object": '{"title":"Bad",',
    "bare word": '{"title":"Bad","x":NaNx}',
    "stray closing bracket": '{"title":"Bad","a":]}',
    "unclosed inner array": '{"title":"Bad","a":[{"name":"x"}',
}


@pytest.mark.parametrize("case", sorted(BREAKS))
@pytest.mark.parametrize("layout", ["one line", "pretty"])
def test_json_array_break_keeps_every_record_after_it(tmp_path, case, layout):
    good = [json.dumps({"title": f"Good {c}", "abstract": "We use COCO."}) for c in "ABC"]
    sep = ", " if layout == "one line" else ",\n  "
    path = tmp_path / "in.json"
    path.write_text("[" + sep.join([good[0], BREAKS[case], good[1], good[2]]) + "]\n")
    papers, bad = read_skip(path)
    assert [p.title for p in papers] == ["Good A", "Good B", "Good C"]
    assert len(bad) >= 1
    if case != "unclosed inner array":  # that one is whole JSON up to the end of the file
        assert bad[0].line == (1 if layout == "one line" else 2)


def test_json_array_break_found_across_read_chunks(tmp_path):
    records = [json.dumps({"title": f"Good {i}", "abstract": "x" * 300}) for i in range(600)]
    records.insert(300, BREAKS["unclosed bracket in a field"])
    path = tmp_path / "in.json"
    path.write_text("[\n" + ",\n".join(records) + "\n]\n")
    papers, bad = read_skip(path)
    assert len(papers) == 600
    assert [b.line for b in bad] == [302]


def test_one_name_repeated_through_a_long_abstract_stores_bounded_evidence(extractor):
    from litkg.extract.guards import MAX_MENTIONS, MAX_SENTENCE
    from litkg.extract.pipeline import Extractor

    text = "ImageNet " * 11_000  # one 99,000-character "sentence"
    found = Extractor(extractor.nlp).extract(Paper("T", text))
    entity = next(e for e in found.entities if e.name == "ImageNet")
    assert len(entity.mentions) == MAX_MENTIONS
    for m in entity.mentions:
        assert len(m.sentence) <= MAX_SENTENCE and "ImageNet" in m.sentence
        assert text[m.start:m.end] == m.text


def test_bound_entities_leaves_ordinary_extractions_alone(extractor):
    from litkg.extract.guards import bound_entities
    from litkg.extract.assemble import assemble_paper  # noqa: F401  (the pipeline's own step)
    from litkg.extract.pipeline import Extractor

    found = Extractor(extractor.nlp).extract(Paper("CLIP on WILDS", "We evaluate CLIP on WILDS and ImageNet."))
    assert bound_entities(found.entities) == list(found.entities)


def test_a_huge_reference_is_not_echoed_whole_and_a_shared_id_is_named(tmp_path, extractor):
    from litkg.errors import NotFoundError

    with KnowledgeGraph(tmp_path / "kg.db", extractor=extractor) as kg:
        kg.build_records([{"title": "One", "id": "p1"}, {"title": "Two", "id": "p1"}])
    with KnowledgeGraph(tmp_path / "kg.db") as kg:
        with pytest.raises(NotFoundError) as info:
            kg.paper_profile("a" * 60_000)
        assert len(info.value.message) < 300 and "60,000 characters" in info.value.message
        with pytest.raises(NotFoundError, match="2 papers have the id 'p1'"):
            kg.paper_profile("p1")
        # …and wherever a node is asked for, not "no paper or concept matches" (#14).
        for ask in (lambda: kg.neighbourhood("p1"), lambda: kg.path("p1", "One"),
                    lambda: kg.render(tmp_path / "v.html", view="ego", focus="p1")):
            with pytest.raises(NotFoundError, match="2 papers have the id 'p1'"):
                ask()


def test_one_file_under_four_spellings_is_one_source(tmp_path, monkeypatch, extractor):
    # ./a.jsonl, a.jsonl, d/../a.jsonl and a symlink are one file: read again it is unchanged, not
    # "merged", and each record has one source row (#14).
    import sqlite3

    monkeypatch.chdir(tmp_path)
    jsonl(tmp_path, [json.dumps({"title": f"Paper {i}", "abstract": "We use ImageNet."}) for i in range(3)],
          name="a.jsonl")
    (tmp_path / "d").mkdir()
    (tmp_path / "link.jsonl").symlink_to("a.jsonl")
    with KnowledgeGraph(tmp_path / "kg.db", extractor=extractor) as kg:
        summary = kg.build(["a.jsonl", "./a.jsonl", "d/../a.jsonl", "link.jsonl"])
    assert (summary.papers_new, summary.papers_merged, summary.papers_unchanged) == (3, 0, 9)
    rows = sqlite3.connect(tmp_path / "kg.db").execute("SELECT DISTINCT path FROM paper_sources").fetchall()
    assert rows == [(str(tmp_path / "a.jsonl"),)]
    assert sqlite3.connect(tmp_path / "kg.db").execute("SELECT COUNT(*) FROM paper_sources").fetchone()[0] == 3


def test_a_skip_names_the_file_as_it_was_given(tmp_path, monkeypatch, extractor):
    monkeypatch.chdir(tmp_path)
    jsonl(tmp_path, [json.dumps(GOOD), '{"title": "A", "year": 1e20}'], name="a.jsonl")
    with KnowledgeGraph(tmp_path / "kg.db", extractor=extractor) as kg:
        summary = kg.build(["./a.jsonl"])
        assert [(s.path, s.line) for s in summary.skipped] == [("./a.jsonl", 2)]
        with pytest.raises(MalformedRecordError, match=r"^\./a\.jsonl:2: "):
            kg.build(["./a.jsonl"], on_error="fail")


def _litkg(*args, cwd):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "litkg.cli", *args], capture_output=True, cwd=cwd)


def test_a_path_with_bytes_that_are_not_utf8_is_built(tmp_path):
    import sqlite3

    (tmp_path / "in\xff.jsonl".encode("latin-1").decode("utf-8", "surrogateescape")).write_text(
        json.dumps(GOOD) + "\n", encoding="utf-8")
    result = _litkg("build", b"in\xff.jsonl", "--db", "kg.db", "--fast", "--workers", "1", cwd=tmp_path)
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr
    rows = sqlite3.connect(tmp_path / "kg.db").execute("SELECT path FROM paper_sources").fetchall()
    assert rows == [(str(tmp_path) + "/in\\xff.jsonl",)]


@pytest.mark.parametrize("args", [("query", "paper", b"a\xffb"), ("query", "papers-using", b"\xff\xfe"),
                                  ("query", "papers", "--search", b"x\xff")])
def test_an_argument_that_is_not_utf8_is_one_line_error(tmp_path, args):
    with KnowledgeGraph(tmp_path / "kg.db", fast=True) as kg:
        kg.build_records([GOOD])
    result = _litkg(*args, "--db", "kg.db", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(b"Error: an argument is not UTF-8 text: ") and result.stderr.count(b"\n") == 1


def test_a_store_whose_path_is_not_utf8_is_built_and_read(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    built = _litkg("build", str(source), "--db", b"kg\xff.db", "--fast", "--workers", "1", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    read = _litkg("stats", "--db", b"kg\xff.db", "--json", cwd=tmp_path)  # the read-only open (#14)
    assert read.returncode == 0 and json.loads(read.stdout)["papers"] == 1, read.stderr


def test_extract_keeps_the_first_skipped_records_and_counts_all(tmp_path):
    # `litkg extract` collected every skipped record in a list: memory grew with the bad lines (#14).
    from click.testing import CliRunner

    from litkg.cli import cli

    path = tmp_path / "in.jsonl"
    path.write_text("{broken\n" * 1_500 + json.dumps({"title": "Good", "abstract": "We use ImageNet."}) + "\n")
    result = CliRunner().invoke(cli, ["extract", str(path), "--out", str(tmp_path / "out.jsonl"), "--fast",
                                      "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "Wrote 1 papers" in result.output and "(1500 records skipped)" in result.output
    assert result.output.count("skipped in.jsonl:") + result.output.count(f"skipped {path}:") == 1_000
    assert "… and 500 more skipped records" in result.output
