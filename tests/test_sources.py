"""Tests for the readers of what researchers export: BibTeX, RIS, arXiv Atom and snapshot,
OpenAlex, Semantic Scholar and Hugging Face papers JSON; detection, quirks, dedup across them.

The files under tests/data/sources describe invented papers; the known-answer test builds four of
them (a .bib, an RIS file, an Atom feed and an OpenAlex page) that share papers.
"""
from __future__ import annotations

import json
import sqlite3
import tracemalloc
from pathlib import Path

import pytest

from litkg.cli import cli
from litkg.core import KnowledgeGraph
from litkg.errors import MalformedRecordError, UnknownFormatError, UnsafeInputError
from litkg.readers import FORMATS, detect_format, read_papers

SOURCES = Path(__file__).parent / "data" / "sources"
FETCHED = Path(__file__).parent / "data" / "fetch"
FIELD = [SOURCES / name for name in ("field.bib", "field.ris", "field.atom", "field.openalex.json")]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def read_all(path, **kwargs):
    skipped = []
    papers = list(read_papers(path, on_error="skip", skipped=skipped.append, **kwargs))
    return papers, skipped


# --- the known answer: four exports of one field -----------------------------------------------


def test_four_sources_sharing_papers_build_into_eight_papers_with_every_source(tmp_path, extractor):
    with KnowledgeGraph(tmp_path / "field.db", extractor=extractor) as kg:
        summary = kg.build(FIELD)
    assert (summary.records_read, summary.papers_total, summary.records_skipped) == (16, 8, 0)
    assert summary.records_title_only == 2  # the .bib's calibration entry and the RIS's GNS record
    conn = sqlite3.connect(tmp_path / "field.db")
    rows = conn.execute("SELECT p.title, group_concat(s.path, '|') FROM papers p "
                        "JOIN paper_sources s ON s.pid = p.pid GROUP BY p.key").fetchall()
    sources = {title: sorted(Path(p).suffix for p in paths.split("|")) for title, paths in rows}
    assert sources == {
        "Sparse Mixture Routing for Tiny Vision Transformers": [".atom", ".bib", ".json", ".ris"],
        "Curriculum Replay Against Forgetting in Speech Models": [".atom", ".bib"],
        "Gradient Noise Shaping: A Study of Label Smoothing Under Shift": [".bib", ".json", ".ris"],
        "Étude des Réseaux Récurrents Compacts": [".bib", ".json"],
        "Title Only Entry on Calibration": [".bib", ".json"],
        "Only In RIS: A Paper With a Multi-Line Abstract": [".ris"],
        "Only In Atom: Versioned Identifiers": [".atom"],
        "Only In OpenAlex: Inverted Abstracts": [".json"],
    }
    # The title-only .bib entry got its abstract from OpenAlex.
    [(abstract,)] = conn.execute("SELECT abstract FROM papers WHERE title LIKE 'Title Only%'")
    assert abstract.startswith("We calibrate invented classifiers")
    idents = {i for (i,) in conn.execute("SELECT ident FROM paper_idents")}
    assert {"openalex:W4000000001", "arxiv:2403.01111", "doi:10.9999/smr.2024.1"} <= idents


def test_build_counts_title_only_records_in_its_summary(tmp_path, runner):
    result = runner.invoke(cli, ["build", str(SOURCES / "field.bib"), "--db", str(tmp_path / "b.db")])
    assert result.exit_code == 0, result.output
    assert "5 new papers" in result.stdout
    assert "1 had no abstract (kept with a title only)." in result.stdout


def test_ids_alone_merge_records_whose_titles_differ(tmp_path, extractor):
    openalex = write(tmp_path / "a.jsonl", json.dumps({
        "id": "https://openalex.org/W77", "title": "Working Title", "abstract_inverted_index": None}) + "\n")
    renamed = write(tmp_path / "b.json", json.dumps({"results": [{
        "id": "https://openalex.org/w77", "title": "Final Title of the Same Work"}]}))
    s2 = write(tmp_path / "c.json", json.dumps({"paperId": "f" * 40, "title": "Yet Another Title",
                                                "externalIds": {"ArXiv": "2301.00077"}}))
    hf = write(tmp_path / "d.json", json.dumps({"id": "2301.00077", "title": "HF Title", "publishedAt": "2023-01-02",
                                                "summary": "An abstract.", "upvotes": 3}))
    with KnowledgeGraph(tmp_path / "ids.db", extractor=extractor) as kg:
        summary = kg.build([openalex, renamed, s2, hf])
    assert summary.papers_total == 2 and summary.papers_merged == 2


# --- detection and the format list ---------------------------------------------------------------


@pytest.mark.parametrize("name, text, expected", [
    ("x.txt", "% from JabRef\n\n@Article{k1,\n title={A}}\n", "bibtex"),
    ("x.txt", "\ufeffTY  - JOUR\nTI  - A\nER  - \n", "ris"),
    ("x.txt", '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>\n', "arxiv-atom"),
    ("x.jsonl", '{"id": "0704.0001", "title": "A", "versions": [], "categories": "cs.LG"}\n',
     "arxiv-snapshot"),
    ("x.jsonl", '{"id": "https://openalex.org/W1", "title": "A"}\n', "openalex"),
    ("x.json", '{"meta": {"count": 1}, "results": [{"id": "https://openalex.org/W1"}]}', "openalex"),
    ("x.json", '{\n "meta": {"count": 1},\n "results": [\n  {"abstract_inverted_index": {}}]}',
     "openalex"),
    ("x.json", '{"total": 1, "offset": 0, "data": [{"paperId": "abc", "title": "A"}]}',
     "semantic-scholar"),
    ("x.jsonl", '{"corpusid": 5, "externalids": {}, "title": "A"}\n', "semantic-scholar"),
    ("x.json", '[{"paper": {"id": "2401.00001", "title": "A", "summary": "B"}}]', "hf-papers"),
    ("x.jsonl", '{"title": "A", "abstract": "B"}\n', "jsonl"),
    ("x.bib", "whatever", "bibtex"),
    ("x.ris", "whatever", "ris"),
])
def test_formats_are_detected_by_content(tmp_path, name, text, expected):
    assert detect_format(write(tmp_path / name, text)) == expected


def test_unknown_formats_list_the_known_ones(tmp_path, runner):
    path = write(tmp_path / "p.jsonl", '{"title": "A"}\n')
    with pytest.raises(UnknownFormatError, match="expected one of: hf-pages, .*, bibtex, ris, "
                                                 "arxiv-atom, arxiv-snapshot, openalex"):
        read_papers(path, format="scopus")
    mystery = write(tmp_path / "mystery.txt", "just words\n")
    with pytest.raises(UnknownFormatError, match="known formats: hf-pages, .*semantic-scholar, hf-papers"):
        detect_format(mystery)
    result = runner.invoke(cli, ["build", str(mystery), "--db", str(tmp_path / "m.db")])
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Error: cannot tell the format") and "bibtex" in line
    assert {"bibtex", "ris", "arxiv-atom", "arxiv-snapshot", "openalex", "semantic-scholar",
            "hf-papers"} <= set(FORMATS)


def test_format_override_reads_an_openalex_page_named_anything(tmp_path):
    path = tmp_path / "export.txt"
    path.write_bytes((SOURCES / "field.openalex.json").read_bytes())
    papers, skipped = read_all(path, format="openalex")
    assert len(papers) == 5 and skipped == []


# --- BibTeX --------------------------------------------------------------------------------------


def test_bibtex_fields_latex_and_lines():
    papers, skipped = read_all(SOURCES / "field.bib")
    assert skipped == []
    sparse, curriculum, gradient, etude, title_only = papers
    assert sparse.title == "Sparse Mixture Routing for Tiny Vision Transformers"  # braces gone
    assert sparse.authors == ("Anita Rao", "Pieter van der Berg", "Erik Lindqvist Jr.")
    assert sparse.venue == "Workshop on Tiny Machine Learning"  # an @string macro
    assert (sparse.year, sparse.doi, sparse.arxiv_id) == (2024, "10.9999/smr.2024.1", "2403.01111v2")
    assert sparse.abstract.startswith("We route tokens") and "  " not in sparse.abstract.replace("\n", " ")
    assert sparse.id == "rao2024sparse" and sparse.metadata["entry_type"] == "article"
    assert [p.source.line for p in papers] == [4, 16, 25, 34, 41]
    assert curriculum.arxiv_id == "https://arxiv.org/abs/2402.02222" and curriculum.key == "arxiv:2402.02222"
    assert gradient.key == "doi:10.9999/gns.2023.7"
    assert etude.title == "Étude des Réseaux Récurrents Compacts"
    assert etude.authors == ("René Dupont", "Jörg Müller")
    assert etude.abstract.startswith("Nous étudions des réseaux récurrents")
    assert (title_only.title, title_only.abstract) == ("Title Only Entry on Calibration", "")


def test_bibtex_broken_entries_are_reported_with_their_line_and_the_rest_is_read(tmp_path):
    path = write(tmp_path / "b.bib", """@article{ok1, title = {First}, year = {2020}}

@inproceedings{broken,
  title = "An unterminated
@misc{ok2, title = {Second}, note = {after the broken one}}
@misc{empty, year = {2021}}
@comment{ignored}
@preamble{"\\newcommand{\\x}{y}"}
""")
    papers, skipped = read_all(path)
    assert [p.title for p in papers] == ["First", "Second"]
    assert [(s.line, s.reason.split(":")[0]) for s in skipped] == [
        (3, "invalid BibTeX"), (6, "record has no title and no abstract")]
    with pytest.raises(MalformedRecordError, match=r"b\.bib:3: invalid BibTeX"):
        list(read_papers(path))


# --- RIS -----------------------------------------------------------------------------------------


def test_ris_fields_and_multi_line_values():
    papers, skipped = read_all(SOURCES / "field.ris")
    assert skipped == []
    sparse, gradient, only = papers
    assert sparse.authors == ("Anita Rao", "Pieter van der Berg")
    assert (sparse.date, sparse.year, sparse.doi) == ("2024-03-05", 2024, "10.9999/SMR.2024.1")
    assert sparse.venue == "Workshop on Tiny Machine Learning"
    assert gradient.abstract == "" and gradient.venue == "Journal of Invented Results"
    assert only.abstract == ("The first line of a long abstract says what we did, the second line "
                             "goes on with how we did it, and the third line, without indentation, "
                             "says what we found.")
    assert only.authors == ("Lina Haddad", "Marek Kowalski") and only.url.endswith("ris-only")
    assert [p.source.line for p in papers] == [1, 11, 19]


def test_ris_records_without_er_or_outside_a_record_are_reported(tmp_path):
    path = write(tmp_path / "r.ris", "AU  - Stray, Tag\nTY  - JOUR\nTI  - Lost its end\n"
                                     "TY  - JOUR\nTI  - Fine\nUR  - https://arxiv.org/abs/2301.00001v2\n"
                                     "ER  -\nTY  - JOUR\nTI  - Cut off\n")
    papers, skipped = read_all(path)
    assert [(p.title, p.arxiv_id) for p in papers] == [("Fine", "https://arxiv.org/abs/2301.00001v2")]
    assert [s.line for s in skipped] == [1, 2, 8]
    assert "no ER line" in skipped[1].reason and "truncated" in skipped[2].reason


# --- arXiv Atom ----------------------------------------------------------------------------------


def test_atom_entries_versions_and_lines():
    papers, skipped = read_all(SOURCES / "field.atom")
    assert skipped == []
    assert [p.source.line for p in papers] == [9, 27, 38]
    sparse, curriculum, only = papers
    assert sparse.title == "Sparse Mixture Routing for Tiny Vision Transformers"
    assert sparse.abstract.endswith("a third of the compute & memory.")
    assert sparse.arxiv_id == "http://arxiv.org/abs/2403.01111v2" and sparse.key.endswith("2403.01111")
    assert sparse.metadata["categories"] == "cs.CV cs.LG" and sparse.date == "2024-03-05"
    assert (only.doi, only.venue) == ("10.9999/atom.2024.3", "Invented Letters 3 (2024)")
    assert curriculum.authors == ("Chidi Okafor", "Yui Tanaka")


def test_atom_bomb_and_external_entity_are_refused_in_one_line(tmp_path, runner):
    secret = write(tmp_path / "secret.txt", "TOP-SECRET-CONTENT")
    xxe = (FETCHED / "xxe.atom.template").read_text().replace("SECRET_PATH", secret.as_uri())
    files = [FETCHED / "bomb.atom", write(tmp_path / "xxe.xml", xxe)]
    for path in files:
        for on_error in ("skip", "fail"):
            tracemalloc.start()
            try:
                with pytest.raises(UnsafeInputError, match=r":2: refused: the XML declares a DTD"):
                    list(read_papers(path, on_error=on_error))
                peak = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
            assert peak < 20 * 2**20  # expanded, the bomb's title alone is 16**7 * 64 bytes
        result = runner.invoke(cli, ["build", str(path), "--db", str(tmp_path / "x.db")])
        assert result.exit_code == 1
        [line] = result.stderr.strip().splitlines()
        assert line.startswith("Error: ") and "(hint: leave this file out" in line
        assert "TOP-SECRET" not in result.output


def test_atom_truncated_and_malformed(tmp_path):
    text = (SOURCES / "field.atom").read_text()
    cut = write(tmp_path / "cut.atom", text[:text.index("Only In Atom")])
    papers, skipped = read_all(cut)
    assert len(papers) == 2 and "ends too early" in skipped[0].reason
    bad = write(tmp_path / "bad.atom", text.replace("</summary>", "</summery>", 1))
    papers, skipped = read_all(bad)
    assert papers == [] and skipped[0].line == 17 and "invalid XML: mismatched tag" in skipped[0].reason
    error_feed = read_all(FETCHED / "arxiv_error.atom")
    assert error_feed[0] == [] and "the feed reports an error" in error_feed[1][0].reason


# --- arXiv snapshot ------------------------------------------------------------------------------

SNAPSHOT = {"id": "2401.00123", "submitter": "Invented Person", "authors": "A. One and B. Two",
            "title": "An Invented\n  Snapshot Title", "comments": "8 pages", "journal-ref": "Invented J. 1",
            "doi": "10.9999/snap.1", "report-no": None, "categories": "cs.LG stat.ML", "license": None,
            "abstract": "  We invent a paper\nfor the snapshot reader.\n",
            "versions": [{"version": "v1", "created": "Tue, 2 Jan 2024 10:00:00 GMT"},
                         {"version": "v2", "created": "Fri, 9 Feb 2024 10:00:00 GMT"}],
            "update_date": "2024-02-09", "authors_parsed": [["One", "A.", ""], ["Two", "B.", "Jr"]]}


def test_snapshot_lines(tmp_path):
    path = write(tmp_path / "arxiv-metadata-oai-snapshot.json",
                 json.dumps(SNAPSHOT) + "\n" + "{broken\n" + json.dumps({**SNAPSHOT, "id": "2401.00124",
                                                                          "authors_parsed": None}) + "\n")
    assert detect_format(path) == "arxiv-snapshot"
    papers, skipped = read_all(path)
    first, second = papers
    assert first.title == "An Invented Snapshot Title"
    assert first.abstract == "We invent a paper for the snapshot reader."
    assert first.authors == ("A. One", "B. Two Jr") and first.date == "2024-01-02"
    assert (first.venue, first.doi, first.arxiv_id) == ("Invented J. 1", "10.9999/snap.1", "2401.00123")
    assert first.url == "https://arxiv.org/abs/2401.00123" and first.metadata["categories"] == "cs.LG stat.ML"
    assert second.authors == ("A. One", "B. Two") and second.source.line == 3
    assert [(s.line, s.reason[:12]) for s in skipped] == [(2, "invalid JSON")]


# --- OpenAlex ------------------------------------------------------------------------------------


def test_openalex_page_abstracts_and_lines():
    papers, skipped = read_all(SOURCES / "field.openalex.json")
    assert skipped == []
    sparse = papers[0]
    assert sparse.abstract == ("We route tokens of tiny vision transformers through a sparse mixture "
                               "of experts and keep accuracy on CIFAR-10 with a third of the compute.")
    assert sparse.arxiv_id == "2403.01111"  # from the arXiv location
    assert sparse.ids == ("openalex:https://openalex.org/W4000000001",)
    assert sparse.venue == "Workshop on Tiny Machine Learning" and sparse.metadata["cited_by_count"] == 3
    text = (SOURCES / "field.openalex.json").read_text().splitlines()
    for paper in papers:  # each record's line is the line its object opens on
        assert text[paper.source.line - 1].strip() == "{"
        assert paper.ids[0].rsplit("/", 1)[1] in text[paper.source.line]


def test_openalex_snapshot_lines_and_a_curl_page_on_one_line(tmp_path):
    page = json.loads((SOURCES / "field.openalex.json").read_text())
    lines = write(tmp_path / "part_000.jsonl", "".join(json.dumps(w) + "\n" for w in page["results"]))
    one_line = write(tmp_path / "page.json", json.dumps(page) + "\n" + json.dumps(page) + "\n")
    assert [p.source.line for p in read_papers(lines)] == [1, 2, 3, 4, 5]
    assert [p.source.line for p in read_papers(one_line)] == [1] * 5 + [2] * 5


def test_openalex_broken_records(tmp_path):
    records = [{"id": "https://openalex.org/W1", "title": "A", "abstract_inverted_index": {"x": [-3]}},
               {"id": "https://openalex.org/W2", "title": "B", "abstract_inverted_index": {"x": "0"}},
               {"id": "https://openalex.org/W3", "title": None, "abstract_inverted_index": None},
               {"id": "https://openalex.org/W4", "title": "Fine", "authorships": "nobody"}]
    path = write(tmp_path / "w.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    papers, skipped = read_all(path, format="openalex")
    assert [p.title for p in papers] == ["Fine"]
    assert [s.line for s in skipped] == [1, 2, 3]
    assert "bad position" in skipped[0].reason and "position lists" in skipped[1].reason


def test_a_truncated_page_reports_where_it_stops(tmp_path):
    text = (SOURCES / "field.openalex.json").read_text()
    cut = write(tmp_path / "cut.json", text[: text.index('openalex.org/W4000000004')])
    papers, skipped = read_all(cut, format="openalex")
    assert len(papers) == 2
    [problem] = skipped
    assert problem.line == 195 and "rest of file not read" in problem.reason


# --- Semantic Scholar and Hugging Face -----------------------------------------------------------


def test_semantic_scholar_graph_page_and_dataset_lines(tmp_path):
    papers, skipped = read_all(FETCHED / "s2_bulk1.json")
    assert skipped == []
    first, second = papers
    assert first.ids == ("s2:" + "a" * 40, "s2corpus:111") and first.doi == "10.9999/lnf.1"
    assert first.authors == ("Invented Author 1",) and first.metadata["citation_count"] == 4
    assert second.abstract == "" and second.arxiv_id == "2402.02222" and second.venue is None
    dataset = write(tmp_path / "papers-part0.jsonl", json.dumps({
        "corpusid": 9, "externalids": {"DOI": "10.9999/x", "ArXiv": None, "CorpusId": "9"},
        "title": "Dataset Line", "authors": [{"authorId": "1", "name": "D. Line"}],
        "year": 2021, "publicationdate": "2021-03-04", "venue": "Invented"}) + "\n")
    [paper] = read_papers(dataset)
    assert (paper.ids, paper.date, paper.doi) == (("s2corpus:9",), "2021-03-04", "10.9999/x")


def test_hf_papers_daily_list_and_single_paper(tmp_path):
    papers, skipped = read_all(FETCHED / "hf_search.json")
    assert skipped == [] and len(papers) == 2
    assert papers[0].ids == ("hf:2403.01111",) and papers[0].upvotes == 12
    assert papers[0].date == "2024-03-05" and papers[0].url == "https://huggingface.co/papers/2403.01111"
    single = write(tmp_path / "p.json", json.dumps({"id": "2401.00009", "title": "One",
                                                     "summary": "Alone.", "publishedAt": "2024-01-05",
                                                     "authors": [{"name": "S. Ingle"}]}))
    [paper] = read_papers(single)
    assert paper.key == "arxiv:2401.00009" and paper.authors == ("S. Ingle",)


def test_deeply_nested_json_is_reported_not_a_crash(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    lines = write(tmp_path / "deep.jsonl", deep + "\n" + json.dumps({"paperId": "e" * 40, "title": "A"}) + "\n")
    papers, skipped = read_all(lines, format="semantic-scholar")
    assert [p.title for p in papers] == ["A"] and [s.line for s in skipped] == [1]
    page = write(tmp_path / "deep.json", '{\n "results": ' + deep + "}\n")
    papers, skipped = read_all(page, format="openalex")
    assert papers == [] and "nested too deeply" in skipped[0].reason


DEEP_VALUE = "[" * 900 + "1" + "]" * 900  # decodes (JSON allows it), far past the 64 levels kept


@pytest.mark.parametrize("fmt,record", [
    ("openalex", '{"id": "https://openalex.org/W1", "title": "A", "cited_by_count": %s}'),
    ("openalex", '{"id": "https://openalex.org/W1", "title": %s}'),
    ("openalex", '{"id": %s, "title": "A"}'),
    ("openalex", '{"id": "https://openalex.org/W1", "title": "A", "ids": {"arxiv": %s}}'),
    ("openalex", '{"id": "https://openalex.org/W1", "title": "A", '
                 '"authorships": [{"author": {"display_name": %s}}]}'),
    ("openalex", '{"id": "https://openalex.org/W1", "title": "A", "abstract_inverted_index": {"x": %s}}'),
    ("semantic-scholar", '{"paperId": %s, "title": "A"}'),
    ("semantic-scholar", '{"paperId": "a", "corpusId": %s, "title": "A"}'),
    ("hf-papers", '{"paper": {"id": %s, "title": "A"}, "publishedAt": "2024-01-01"}'),
    ("arxiv-snapshot", '{"id": "2401.00001", "title": "A", "categories": %s, "versions": []}'),
])
def test_a_deep_value_in_a_field_a_source_reads_is_one_skipped_record(tmp_path, fmt, record):
    good = json.dumps({"id": "https://openalex.org/W2", "paperId": "b", "title": "Good",
                       "versions": [], "publishedAt": "2024-01-01"})
    path = write(tmp_path / "deep.jsonl", good + "\n" + record % DEEP_VALUE + "\n" + good + "\n")
    papers, skipped = read_all(path, format=fmt)
    assert [p.title for p in papers] == ["Good", "Good"]
    [problem] = skipped
    assert (problem.path, problem.line) == (str(path), 2)
    assert "nested more than 64 levels" in problem.reason or "bad position: [[[[" in problem.reason
    assert len(problem.reason) < 200


def test_a_deep_value_in_a_field_no_source_reads_is_dropped_with_it(tmp_path):
    from litkg.readers import paper_problem

    record = '{"id": "https://openalex.org/W1", "title": "A", "x": %s}\n' % DEEP_VALUE
    path = write(tmp_path / "w.jsonl", record)
    [paper] = read_papers(path, format="openalex")
    assert paper.ids == ("openalex:https://openalex.org/W1",) and "x" not in paper.metadata
    assert paper_problem(paper) is None


def test_the_examples_in_the_source_modules_run():
    import doctest

    from litkg.fetch import arxiv
    from litkg.readers import jsonsource, openalex, sources

    for module in (sources, jsonsource, openalex, arxiv):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, (module.__name__, result)


def test_papers_are_found_by_their_source_ids(tmp_path, extractor):
    with KnowledgeGraph(tmp_path / "r.db", extractor=extractor) as kg:
        kg.build([SOURCES / "field.openalex.json", FETCHED / "hf_search.json"])
        assert kg.paper_profile("https://openalex.org/W4000000008").title == (
            "Only In OpenAlex: Inverted Abstracts")
        assert kg.paper_profile("openalex:w4000000004").title == "Étude des réseaux récurrents compacts"
        assert kg.paper_profile("hf:2201.00042").title == "An Older Invented Paper"


def test_s2_papers_and_abstracts_datasets_meet_on_the_corpus_id(tmp_path, extractor):
    papers = write(tmp_path / "papers-part0.jsonl", json.dumps({
        "corpusid": 31, "externalids": {"CorpusId": "31"}, "title": "Dataset Paper Without Text",
        "authors": [{"name": "D. Set"}], "year": 2020}) + "\n")
    abstracts = write(tmp_path / "abstracts-part0.jsonl", json.dumps({
        "corpusid": 31, "abstract": "The abstract arrives from the other dataset.",
        "openaccessinfo": {"license": None}}) + "\n")
    with KnowledgeGraph(tmp_path / "s2.db", extractor=extractor) as kg:
        summary = kg.build([papers, abstracts])
        [(title, abstract)] = kg.store.conn.execute("SELECT title, abstract FROM papers").fetchall()
    assert summary.papers_total == 1
    assert (title, abstract) == ("Dataset Paper Without Text", "The abstract arrives from the other dataset.")
