"""Tests for litkg.readers: every format's mapping, detection, streaming and bad-record handling."""
from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest

import litkg.readers
from litkg.errors import InputError, InputNotFoundError, MalformedRecordError, UnknownFormatError
from litkg.readers import FORMATS, detect_format, hf_pages, read_papers, structured
from litkg.records import SourceRef

from conftest import SHARED

SEEDS = SHARED / "seeds"
ABSTRACT = ("We study how models generalise out of distribution. " * 6).strip()


def write(path: Path, text: str | bytes) -> Path:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def read_all(path, **kwargs):
    """Read in skip mode; return (papers, skipped records)."""
    skipped = []
    papers = list(read_papers(path, on_error="skip", skipped=skipped.append, **kwargs))
    return papers, skipped


def jsonl(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


# --- structured field mapping ------------------------------------------------------------------


def test_jsonl_maps_every_field(tmp_path):
    record = {"id": 17, "title": "  LEVI:  Layer-wise\nEnsembles ", "abstract": " Fine-tuning. ",
              "authors": ["Ann Lee", "Bo Chen"], "year": 2023, "date": "2023-10-04T12:00:00Z",
              "venue": "NeurIPS", "url": "https://x.org/p", "doi": "10.1/ABC",
              "arxiv_id": "2310.01234", "upvotes": 5, "code": "https://github.com/x", "notes": ""}
    [paper] = read_papers(write(tmp_path / "p.jsonl", jsonl(record)))
    assert paper.title == "LEVI: Layer-wise Ensembles"
    assert paper.abstract == "Fine-tuning."
    assert paper.id == "17"
    assert paper.authors == ("Ann Lee", "Bo Chen") and paper.author_count == 2
    assert (paper.year, paper.date, paper.date_raw) == (2023, "2023-10-04", "2023-10-04T12:00:00Z")
    assert (paper.venue, paper.url, paper.doi) == ("NeurIPS", "https://x.org/p", "10.1/ABC")
    assert (paper.arxiv_id, paper.upvotes) == ("2310.01234", 5)
    assert dict(paper.metadata) == {"code": "https://github.com/x", "notes": None}
    assert paper.source == SourceRef(str(tmp_path / "p.jsonl"), 1)


def test_field_variants_summary_eprint_and_empty_strings(tmp_path):
    record = {"Title": "A", "Summary": "An abstract.", "eprint": "arXiv:2401.00001v2", "venue": " ",
              "date": "Nov 18, 2022", "DOI": ""}
    [paper] = read_papers(write(tmp_path / "p.jsonl", jsonl(record)))
    assert paper.abstract == "An abstract."
    assert paper.arxiv_id == "arXiv:2401.00001v2"
    assert paper.venue is None and paper.doi is None
    assert (paper.date, paper.year) == ("2022-11-18", 2022)
    assert dict(paper.metadata) == {}


@pytest.mark.parametrize("authors, expected", [
    (["A. One", " B. Two "], ("A. One", "B. Two")),
    ([{"name": "A. One"}, {"name": "B. Two"}], ("A. One", "B. Two")),
    ([{"given": "Ada", "family": "Lovelace"}], ("Ada Lovelace",)),
    ("A. One; B. Two ;C. Three", ("A. One", "B. Two", "C. Three")),
    ("A. One and B. Two", ("A. One", "B. Two")),
])
def test_authors_variants(tmp_path, authors, expected):
    [paper] = read_papers(write(tmp_path / "p.jsonl", jsonl({"title": "T", "authors": authors})))
    assert paper.authors == expected
    assert paper.author_count == len(expected)


def test_author_count_without_names_and_unknown_authors(tmp_path):
    path = write(tmp_path / "p.jsonl", jsonl({"title": "T", "author_count": "3"}, {"title": "U"}))
    first, second = read_papers(path)
    assert (first.authors, first.author_count) == ((), 3)
    assert (second.authors, second.author_count) == ((), None)


def test_year_sources(tmp_path):
    path = write(tmp_path / "p.jsonl", jsonl(
        {"title": "from date", "date": "2021-02-03"},
        {"title": "field wins", "year": "2020", "date": "2021-02-03"},
        {"title": "raw date kept", "date": "sometime in spring"},
        {"title": "bad date", "date": "2024-02-30"},
    ))
    years = [(p.year, p.date, p.date_raw) for p in read_papers(path)]
    assert years == [(2021, "2021-02-03", "2021-02-03"), (2020, "2021-02-03", "2021-02-03"),
                     (None, None, "sometime in spring"), (2024, None, "2024-02-30")]


def test_record_needs_a_title_or_an_abstract(tmp_path):
    path = write(tmp_path / "p.jsonl", jsonl({"title": "Kept", "abstract": ""},
                                             {"title": "  ", "abstract": "No title."},
                                             {"abstract": "No title at all."},
                                             {"title": " ", "abstract": " ", "year": 2020}))
    papers, skipped = read_all(path)
    assert [(p.title, p.abstract) for p in papers] == [("Kept", ""), ("", "No title."), ("", "No title at all.")]
    assert [(s.line, s.reason) for s in skipped] == [(4, "record has no title and no abstract")]


@pytest.mark.parametrize("record, reason", [
    ({"title": "T", "year": "twenty"}, "year is not a whole number: 'twenty'"),
    ({"title": ["T"]}, "title must be a string, not array"),
    ({"title": "T", "authors": 3}, "authors must be a list or a string, not number"),
])
def test_bad_field_values_are_malformed(tmp_path, record, reason):
    path = write(tmp_path / "p.jsonl", jsonl(record))
    with pytest.raises(MalformedRecordError) as info:
        list(read_papers(path))
    assert info.value.reason == reason


# --- JSON Lines errors ------------------------------------------------------------------------


def test_malformed_json_line_fails_naming_file_and_line(tmp_path):
    path = write(tmp_path / "p.jsonl", jsonl({"title": "A"}, '{"title": "B" "x": 1}'))
    papers = read_papers(path)
    assert next(papers).title == "A"
    with pytest.raises(MalformedRecordError) as info:
        next(papers)
    error = info.value
    assert (error.path, error.line) == (str(path), 2)
    assert error.reason == "invalid JSON: Expecting ',' delimiter (column 15)"
    assert str(error) == f"{path}:2: invalid JSON: Expecting ',' delimiter (column 15)"


def test_skip_mode_keeps_good_records_and_reports_each_bad_one(tmp_path):
    lines = [jsonl({"title": "A"}), "{oops\n", "\n", "   \n", "42\n", jsonl({"title": "B"}),
             jsonl({"year": 1999})]
    path = write(tmp_path / "p.jsonl", "".join(lines).encode() + b'{"title": "\xff"}\n'
                 + jsonl({"title": "C"}).encode())
    papers, skipped = read_all(path)
    assert [(p.title, p.source.line) for p in papers] == [("A", 1), ("B", 6), ("C", 9)]
    assert [(s.path, s.line) for s in skipped] == [(str(path), n) for n in (2, 5, 7, 8)]
    assert skipped[1].reason == "record is not a JSON object (got number)"
    assert skipped[3].reason == f"invalid UTF-8 at byte offset {len(''.join(lines)) + 11}"


def test_skip_without_callback_still_skips(tmp_path):
    path = write(tmp_path / "p.jsonl", jsonl({"title": "A"}, "[]", {"title": "B"}))
    assert [p.title for p in read_papers(path, on_error="skip")] == ["A", "B"]


def test_invalid_utf8_line_fails_with_its_line(tmp_path):
    path = write(tmp_path / "p.jsonl", b'{"title": "A"}\n{"title": "caf\xe9"}\n')
    with pytest.raises(MalformedRecordError) as info:
        list(read_papers(path))
    assert (info.value.line, info.value.reason) == (2, "invalid UTF-8 at byte offset 29")


def test_other_encoding_reads_latin1(tmp_path):
    path = write(tmp_path / "p.jsonl", '{"title": "café"}\n'.encode("latin-1"))
    assert [p.title for p in read_papers(path, encoding="latin-1")] == ["café"]


def test_bom_is_stripped(tmp_path):
    path = write(tmp_path / "p.jsonl", b"\xef\xbb\xbf" + jsonl({"title": "A"}).encode())
    assert [p.title for p in read_papers(path)] == ["A"]
    csv_path = write(tmp_path / "p.csv", b"\xef\xbb\xbftitle,year\nA,2020\n")
    assert [(p.title, p.year) for p in read_papers(csv_path)] == [("A", 2020)]


# --- JSON arrays -------------------------------------------------------------------------------


def test_json_array_line_numbers_across_chunk_boundaries(tmp_path, monkeypatch):
    records = [{"title": f"Paper {i} é", "abstract": "x" * i, "tags": ["a]", {"b": "}\"{"}]}
               for i in range(40)]
    body = ",\n".join(json.dumps(r, indent=2, ensure_ascii=False) for r in records)
    text = f"[\n{body}\n]\n"
    path = write(tmp_path / "p.json", text)
    starts = [n for n, line in enumerate(text.split("\n"), start=1) if line == "{"]
    for chunk in (1, 7, 1 << 16):  # tiny chunks split tokens, strings and escapes
        monkeypatch.setattr(structured, "_CHUNK", chunk)
        papers = list(read_papers(path))
        assert [p.source.line for p in papers] == starts
        assert [p.title for p in papers] == [r["title"] for r in records]
        assert papers[5].metadata["tags"] == records[5]["tags"]


def test_json_array_is_parsed_incrementally(tmp_path, monkeypatch):
    text = "[" + ",\n".join(json.dumps({"title": f"P{i}", "abstract": "a" * 50})
                             for i in range(300))
    path = write(tmp_path / "p.json", text + "]")
    monkeypatch.setattr(structured, "_CHUNK", 256)
    sizes = []
    original = structured._Buffer.more

    def more(self):
        sizes.append(len(self.text))
        return original(self)

    monkeypatch.setattr(structured._Buffer, "more", more)
    assert len(list(read_papers(path))) == 300
    assert len(text) > 20_000 and max(sizes) < 1_000  # the buffer never holds the whole file


def test_json_array_skips_broken_elements_and_goes_on(tmp_path):
    path = write(tmp_path / "p.json", '[{"title": "A"},\n {"title": "B" "x": 1},\n'
                 ' 7, null, {"abstract": "no title"},\n {"title": "C", "t": tru},\n'
                 ' {"title": "D"},]\n')
    papers, skipped = read_all(path)
    assert [(p.title, p.source.line) for p in papers] == [("A", 1), ("", 3), ("D", 5)]
    assert [(s.line, s.reason) for s in skipped] == [
        (2, "invalid JSON: Expecting ',' delimiter (column 16)"),
        (3, "record is not a JSON object (got number)"),
        (3, "record is not a JSON object (got null)"),
        (4, "invalid JSON: Expecting value (column 22)"),
    ]


def test_json_array_not_closed_keeps_records_before(tmp_path):
    path = write(tmp_path / "p.json", '[{"title": "A"},\n{"title": "B"}\n')
    papers = read_papers(path)
    assert [next(papers).title, next(papers).title] == ["A", "B"]
    with pytest.raises(MalformedRecordError, match=r"p\.json:2: unexpected end of file"):
        next(papers)


def test_json_invalid_utf8_inside_an_element(tmp_path):
    path = write(tmp_path / "p.json", b'[{"title": "A"},\n {"title": "B\xff"},\n {"title": "C"}]')
    papers, skipped = read_all(path)
    assert [p.title for p in papers] == ["A", "C"]
    assert [(s.line, s.reason) for s in skipped] == [(2, "invalid UTF-8 at byte offset 30")]


def test_json_single_object_and_object_sequence(tmp_path):
    one = write(tmp_path / "one.json", '{\n  "title": "Only",\n  "year": 2020\n}\n')
    assert detect_format(one) == "json"
    assert [(p.title, p.year) for p in read_papers(one)] == [("Only", 2020)]
    many = write(tmp_path / "many.json", jsonl({"title": "A"}, {"title": "B"}))
    assert detect_format(many) == "jsonl"
    assert [p.title for p in read_papers(many, format="json")] == ["A", "B"]


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_mapping_multiline_cells_and_metadata(tmp_path):
    path = write(tmp_path / "p.csv",
                 "ID,Title,Abstract,Authors,Year,arXiv,code\n"
                 '1,First,"Line one,\nline two.",Ann Lee; Bo Chen,2021,2101.00001,\n'
                 '2,Second,Short.,Tom and Jerry,,,https://g.it/x\n')
    first, second = read_papers(path)
    assert (first.id, first.title, first.abstract) == ("1", "First", "Line one,\nline two.")
    assert first.authors == ("Ann Lee", "Bo Chen") and first.year == 2021
    assert first.arxiv_id == "2101.00001"
    assert first.source.line == 2 and second.source.line == 4
    assert second.authors == ("Tom and Jerry",)  # CSV names are split on ';' only
    assert second.year is None and dict(second.metadata) == {"code": "https://g.it/x"}


def test_csv_bad_rows_are_reported_with_their_lines(tmp_path):
    path = write(tmp_path / "p.csv",
                 b"title,year\nA,2020\nB,1,extra\n,2021\nC\xff,2022\n\nD,x\nE,\n")
    papers, skipped = read_all(path)
    assert [(p.title, p.source.line) for p in papers] == [("A", 2), ("E", 8)]
    assert [(s.line, s.reason) for s in skipped] == [
        (3, "row has 3 fields but the header has 2"),
        (4, "record has no title and no abstract"),
        (5, "invalid UTF-8 at byte offset 35"),
        (7, "year is not a whole number: 'x'"),
    ]


def test_csv_without_title_column(tmp_path):
    path = write(tmp_path / "p.csv", "name,year\nA,2020\n")
    with pytest.raises(MalformedRecordError, match="CSV header has no 'title' column") as info:
        list(read_papers(path))
    assert info.value.line == 1


def test_tsv_is_read_with_tabs(tmp_path):
    path = write(tmp_path / "p.tsv", "title\tauthors\nA, B and C\tX; Y\n")
    assert detect_format(path) == "csv"
    [paper] = read_papers(path)
    assert (paper.title, paper.authors) == ("A, B and C", ("X", "Y"))


# --- format detection and file errors ----------------------------------------------------------


@pytest.mark.parametrize("name, content, expected", [
    ("a.jsonl", "", "jsonl"),
    ("a.ndjson", '{"title": "A"}\n', "jsonl"),
    ("a.json", '  [{"title": "A"}]', "json"),
    ("a.json", '{"title": "A"}\n{"title": "B"}\n', "jsonl"),
    ("a.csv", "whatever", "csv"),
    ("a.tsv", "title\tyear\n", "csv"),
    ("a.txt", '\n[{"title": "A"}]', "json"),
    ("a.txt", '{"title": "A"}\n', "jsonl"),
    ("a", "id,title,abstract\n1,A,B\n", "csv"),
    ("a.dat", "title\tabstract\nA\tB\n", "csv"),
    ("a.txt", "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n", "hf-pages"),
    ("a.txt", f"A Title Line\n\n{ABSTRACT}\n", "hf-pages"),
])
def test_detect_format(tmp_path, name, content, expected):
    assert detect_format(write(tmp_path / name, content)) == expected


@pytest.mark.parametrize("content", ["just some words\n", "x" * 400 + "\n", ""])
def test_undetectable_format_names_the_file(tmp_path, content):
    path = write(tmp_path / "mystery.txt", content)
    with pytest.raises(UnknownFormatError, match="mystery.txt"):
        detect_format(path)


def test_format_override_beats_extension(tmp_path):
    path = write(tmp_path / "p.csv", jsonl({"title": "A"}))
    assert [p.title for p in read_papers(path, format="jsonl")] == ["A"]
    page = write(tmp_path / "p.json", f"Only Title\n\n{ABSTRACT}\n")
    assert [p.title for p in read_papers(page, format="hf-pages")] == ["Only Title"]


def test_missing_file_directory_and_bad_arguments(tmp_path):
    missing = tmp_path / "nope.jsonl"
    with pytest.raises(InputNotFoundError, match=f"^no such file: {missing}$"):
        read_papers(missing)  # raised on the call, before iterating
    with pytest.raises(InputNotFoundError):
        detect_format(missing)
    with pytest.raises(InputError, match="directory"):
        read_papers(tmp_path)
    path = write(tmp_path / "p.jsonl", jsonl({"title": "A"}))
    with pytest.raises(ValueError, match="on_error"):
        read_papers(path, on_error="ignore")
    with pytest.raises(UnknownFormatError, match="p.jsonl"):
        read_papers(path, format="xml")
    with pytest.raises(InputError, match="unknown encoding"):
        read_papers(path, encoding="no-such-codec")


@pytest.mark.parametrize("name, content", [
    ("e.jsonl", ""), ("e.json", ""), ("e.csv", ""), ("e.txt", ""), ("w.txt", "\n  \n"),
    ("b.jsonl", "\ufeff"),
])
def test_empty_files_yield_nothing(tmp_path, name, content):
    assert list(read_papers(write(tmp_path / name, content))) == []


def test_source_path_is_kept_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "p.jsonl", jsonl({"title": "A"}))
    [paper] = read_papers("p.jsonl")
    assert paper.source.path == "p.jsonl"
    assert FORMATS[:4] == ("hf-pages", "jsonl", "json", "csv")


# --- Hugging Face page dumps -------------------------------------------------------------------

PAGE = f"""new

Get trending papers in your email inbox!

Subscribe

Daily Papers

byAK and the research community

Dec 4

First Paper: A Study

{ABSTRACT}

  • 5 authors
·
Sep 11

Second Paper With a Year

Collected from 442 authors across 132 institutions, released on Mar 19, 2024, it is large.


  • 1 author
·
Mar 19, 2024 12

Third Paper Without Footer

{ABSTRACT}

Fourth Paper Missing Its Abstract

Fifth Paper
{ABSTRACT}

  • 3 authors
·
Jun 26 2
"""


def test_page_entries_and_footers(tmp_path):
    papers, skipped = read_all(write(tmp_path / "page.txt", PAGE))
    assert skipped == []
    assert [p.title for p in papers] == ["First Paper: A Study", "Second Paper With a Year",
                                         "Third Paper Without Footer",
                                         "Fourth Paper Missing Its Abstract", "Fifth Paper"]
    first, second, third, fourth, fifth = papers
    assert [p.source.line for p in papers] == [13, 21, 30, 34, 36]
    # The footer belongs to the entry above it; the header date is the page's, not a paper's.
    assert (first.author_count, first.date_raw, first.date, first.year) == (5, "Sep 11", None, None)
    assert first.upvotes is None and dict(first.metadata) == {"page_date": "Dec 4"}
    assert (second.author_count, second.date_raw, second.date, second.year, second.upvotes) == (
        1, "Mar 19, 2024", "2024-03-19", 2024, 12)
    assert second.abstract.startswith("Collected from 442 authors across")  # not a footer
    assert (third.author_count, third.date_raw, third.abstract) == (None, None, ABSTRACT)
    assert fourth.abstract == "" and fourth.author_count is None
    assert (fifth.abstract, fifth.author_count, fifth.date_raw, fifth.upvotes) == (
        ABSTRACT, 3, "Jun 26", 2)
    assert all(p.authors == () and p.id is None for p in papers)


BROKEN_PAGE = f"""Mar 11

Good Before

{ABSTRACT}

{ABSTRACT}

  • 2 authors
·
Oct 7

Good After

{ABSTRACT}

  • 4 authors
  • 4 authors
·
Oct 8

Also Good

{ABSTRACT}

  • many authors
·
Oct 9

Last One

{ABSTRACT}
"""


def test_page_broken_entries_are_reported_and_the_rest_kept(tmp_path):
    path = write(tmp_path / "page.txt", BROKEN_PAGE)
    papers, skipped = read_all(path)
    assert [(p.title, p.source.line, p.author_count, p.date_raw) for p in papers] == [
        ("Good Before", 3, None, None), ("Good After", 13, 4, None), ("Last One", 30, None, None)]
    assert [(s.line, s.reason) for s in skipped] == [
        (7, hf_pages._NO_TITLE),  # its footer goes with it, not with "Good Before"
        (18, hf_pages._NO_ENTRY),  # a second author line: the entry above already has one
        (26, "unrecognised footer line: '• many authors'"),
    ]
    with pytest.raises(MalformedRecordError) as info:
        list(read_papers(path))
    assert (info.value.path, info.value.line) == (str(path), 7)


def test_page_title_with_full_stop_and_a_second_page(tmp_path):
    text = (f"Mar 1\n\nA Title Ending Like This.\n\n{ABSTRACT}\n\n\nnew\n\n"
            f"Get trending papers in your email inbox!\n\nMar 2\n\nB Title\n\n{ABSTRACT}\n")
    papers, skipped = read_all(write(tmp_path / "pages.txt", text))
    assert skipped == []
    assert [(p.title, p.abstract, p.source.line, p.metadata["page_date"]) for p in papers] == [
        ("A Title Ending Like This.", ABSTRACT, 3, "Mar 1"), ("B Title", ABSTRACT, 14, "Mar 2")]


def test_page_invalid_utf8_skips_only_that_entry(tmp_path):
    text = f"One\n\n{ABSTRACT}\n\nTwo\n\n".encode() + b"Bad \xff abstract. " * 30 + \
        f"\n\nThree\n\n{ABSTRACT}\n".encode()
    papers, skipped = read_all(write(tmp_path / "page.txt", text), format="hf-pages")
    assert [p.title for p in papers] == ["One", "Three"]
    assert len(skipped) == 1 and skipped[0].line == 7
    assert skipped[0].reason.startswith("invalid UTF-8 at byte offset ")


@pytest.mark.corpus
def test_seed_pages_are_read_in_full():
    """Each seed page gives one paper per entry, counted here from the page text itself (an
    abstract is a line of 300+ characters; its title is the line before), with the author-count
    footers the page shows; no entry is skipped."""
    import re

    from litkg.identity import normalise_title

    pages = sorted(SEEDS.glob("*.txt"))
    assert len(pages) == 5
    all_papers, titles = [], []
    for path in pages:
        assert detect_format(path) == "hf-pages"
        papers, skipped = read_all(path)
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        entries = [(lines[i - 1], line) for i, line in enumerate(lines) if len(line) >= 300]
        footers = [int(m[1]) for line in lines if (m := re.fullmatch(r"•\s*(\d+) authors", line))]
        assert skipped == [] and len(papers) == len(entries), path.name
        assert [(p.title, p.abstract) for p in papers] == entries, path.name
        assert [p.author_count for p in papers if p.author_count is not None] == footers, path.name
        assert all(p.metadata.get("page_date") for p in papers)
        all_papers += papers
        titles += [title for title, _ in entries]
    assert {p.key for p in all_papers} >= {f"title:{normalise_title(t)}" for t in titles} - {"title:"}
    assert all(p.date_raw for p in all_papers if p.author_count is not None)


def test_docstring_examples_run():
    # Only modules that have examples (litkg.readers.structured has none): each must run some.
    from litkg.readers import checks, dates, detect, fields, lines, problems, text

    for module in (litkg.readers, hf_pages, checks, dates, detect, fields, lines, problems, text):
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.attempted > 0 and result.failed == 0, (module.__name__, result)


def test_reader_modules_keep_to_the_house_sizes():
    # #12: no module over 500 lines, no function over 60, and the package module only dispatches.
    import ast

    folder = Path(litkg.readers.__file__).parent
    for path in folder.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert text.count("\n") <= 500, path.name
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                assert node.end_lineno - node.lineno < 60, (path.name, node.name)
    defined = [node.name for node in ast.parse((folder / "__init__.py").read_text()).body
               if isinstance(node, (ast.FunctionDef, ast.ClassDef))]
    assert defined == ["read_papers", "_format", "_read"]
