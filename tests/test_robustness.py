"""Readers and builds under hostile input (issue #6, items 1 and 6).

Every bad record is reported with its file and line; ``--on-error skip`` skips and counts it and
keeps every other record; ``--on-error fail`` stops with the store exactly as it was; a file that
is not text at all (a PDF, an archive, an SQLite store, UTF-16) is refused with an error naming
it; nothing ends in a traceback. Also: no secret from the environment in any error, and no file
written outside the output path whatever the data holds.
"""
from __future__ import annotations

import codecs
import gzip
import json
import random
import sqlite3
import zipfile
from pathlib import Path

import pytest

from litkg.cli import cli
from support import within
from litkg.core import KnowledgeGraph
from litkg.errors import InputError, MalformedRecordError
from litkg.readers import MAX_TEXT_CHARS, read_papers

from conftest import sample_files

ABSTRACT = "We evaluate the proposed method on ImageNet and compare it with ResNet-50."
HUGE = "We evaluate on ImageNet and CIFAR-10 with a ResNet-50 backbone. " * 165_000  # ~10.7 MB
RTL_TITLE = "\u202eRTL override\u202c: مرحبا بالعالم — שלום 🚀 👩\u200d👩\u200d👧 e\u0301"
HEADER = ("new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\n"
          "byAK and the research community\n\nMar 11\n\n")
TOO_LONG = "abstract is too long: "


def good(n: int, **extra) -> dict:
    return {"title": f"Good Paper {n}", "abstract": ABSTRACT, **extra}


def jsonl_line(record) -> bytes:
    return (record if isinstance(record, bytes) else json.dumps(record).encode()) + b"\n"


# --- the hostile corpus: bad records among good ones, in every format --------------------------


def write_corpus(folder: Path) -> tuple[list[Path], list[str], list[tuple[str, int, str]]]:
    """Files mixing good and bad records; returns them, the titles that must land, and each bad
    record as ``(file name, line, start of the reason)``."""
    files: dict[str, bytes] = {}
    files["lines.jsonl"] = b"".join(map(jsonl_line, [
        good(1),                                          # 1
        b"{oops",                                         # 2 invalid JSON
        b"",                                              # 3 blank: not a record
        [1, 2],                                           # 4 not an object
        b'"just a string"',                               # 5
        b'{"title": "B" "x": 1}',                         # 6 missing comma
        {"year": 2020, "venue": "ICML"},                  # 7 neither title nor abstract
        {"title": ["a", "list"]},                         # 8 wrong type
        b'{"title": "Lone \\ud800 surrogate"}',           # 9 an escape no encoding can hold
        b'{"title": "Caf\xe9 in latin-1"}',               # 10 invalid UTF-8
        b'{"title": "Good\x00 Paper\x07 2\x1b", "abstract": "Raw NUL \x00 and DEL \x7f."}',  # 11
        {"abstract": "An abstract without a title is a paper of its own."},            # 12
        {"title": "Good Paper 3", "abstract": HUGE},      # 13 a 10 MB abstract
        {"title": RTL_TITLE, "abstract": "Emoji 🎉 and Arabic مرحبا in the abstract."},  # 14
    ])) + b'{"title": "Cut off in the mid'                  # 15 truncated file
    files["array.json"] = (
        b'[\n' + json.dumps(good(4)).encode() + b',\n'                     # 2
        b' {"title": "X" "y": 1},\n'                                       # 3
        b' 7, null,\n'                                                     # 4
        b' \x1f,\n'                                                        # 5 stray control byte
        b' {"title": "Caf\xe9"},\n'                                        # 6
        + json.dumps({"title": "Big", "abstract": HUGE}).encode() + b',\n'  # 7
        + json.dumps(good(5)).encode() + b',\n'                            # 8
        b' {"title": "Good Paper 6", "abstract": "cut'                     # 9 truncated
    )
    files["table.csv"] = (
        b"title,abstract,year\n"
        b"Good Paper 7,Fine.,2021\n"                        # 2
        b"Too,many,fields,here\n"                           # 3
        b"Caf\xe9,bad bytes,2020\n"                         # 4
        b",,2020\n"                                         # 5 no title, no abstract
        b"Good\x00 Paper 8\x0b,NUL\x00 and VT\x0b kept,2022\n"  # 6
        b"Year,Bad,soon\n"                                  # 7
        + f'Good Paper 9,"{HUGE}",2023\n'.encode()          # 8
        + b'Good Paper 10,Fine.,2020\n'                     # 9
        b'Unterminated,"quote\n'                            # 10
    )
    files["page.txt"] = (
        HEADER.encode()                                     # lines 1-12
        + f"Good Paper 11\n\n{ABSTRACT}\n\n".encode()       # 13
        + f"{ABSTRACT * 5} An orphan.\n\n".encode()        # 17 no title above it
        + b"Latin Title \xe9\n\n" + ABSTRACT.encode() + b"\n\n"  # 19
        + f"Good Paper 12\n\n{HUGE}\n\n".encode()          # 23 10 MB abstract
        + b"Good\x00 Paper 13\n\n" + ABSTRACT.encode() + b"\x07\n\n"  # 27
        + b"  \xe2\x80\xa2 many authors\n\xc2\xb7\nOct 9\n\n"  # 31 broken footer of 27's entry
        + f"Good Paper 14\n\n{ABSTRACT}\n".encode()         # 35
    )
    files["empty.jsonl"] = b""
    files["blank.txt"] = b"\n \n\t\n"
    files["bom.csv"] = codecs.BOM_UTF8
    paths = []
    for name, data in files.items():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    titles = ["Good Paper 1", "Good Paper 2", "", RTL_TITLE, "Good Paper 4", "Good Paper 5",
              "Good Paper 7", "Good Paper 8", "Good Paper 10", "Good Paper 11", "Good Paper 14"]
    bad = [
        ("lines.jsonl", 2, "invalid JSON: "), ("lines.jsonl", 4, "record is not a JSON object"),
        ("lines.jsonl", 5, "record is not a JSON object"), ("lines.jsonl", 6, "invalid JSON: "),
        ("lines.jsonl", 7, "record has no title and no abstract"),
        ("lines.jsonl", 8, "title must be a string"),
        ("lines.jsonl", 9, "title holds an unpaired surrogate"),
        ("lines.jsonl", 10, "invalid UTF-8 at byte offset"),
        ("lines.jsonl", 13, TOO_LONG), ("lines.jsonl", 15, "invalid JSON: Unterminated string"),
        ("array.json", 3, "invalid JSON: "), ("array.json", 4, "record is not a JSON object"),
        ("array.json", 4, "record is not a JSON object"), ("array.json", 5, "invalid JSON: "),
        ("array.json", 6, "invalid UTF-8 at byte offset"), ("array.json", 7, TOO_LONG),
        ("array.json", 9, "invalid JSON: Unterminated string"),
        ("table.csv", 3, "row has 4 fields"), ("table.csv", 4, "invalid UTF-8 at byte offset"),
        ("table.csv", 5, "record has no title and no abstract"),
        ("table.csv", 7, "year is not a whole number"), ("table.csv", 8, TOO_LONG),
        ("table.csv", 10, "invalid CSV: "),
        ("page.txt", 17, "abstract without a title"), ("page.txt", 19, "invalid UTF-8"),
        ("page.txt", 23, TOO_LONG), ("page.txt", 31, "unrecognised footer line"),
    ]
    return paths, titles, bad


def dump(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def stored_papers(db: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT title, abstract FROM papers").fetchall()
    finally:
        conn.close()


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    return write_corpus(folder)


def test_skip_mode_keeps_every_good_record_and_reports_each_bad_one(tmp_path, corpus, extractor):
    paths, titles, bad = corpus
    # No wall-clock limit here (a busy machine is not a bug): bench/bench_limits.py times this
    # build; `within` only stops a build that never ends.
    with within(600), KnowledgeGraph(tmp_path / "kg.db", extractor=extractor) as kg:
        summary = kg.build(paths, on_error="skip")
    got = [(Path(s.path).name, s.line, s.reason) for s in summary.skipped]
    assert [(name, line) for name, line, _ in got] == [(name, line) for name, line, _ in bad]
    for (_, _, reason), (name, line, expected) in zip(got, bad):
        assert reason.startswith(expected), (name, line, reason)
    assert all(Path(s.path).parent == paths[0].parent for s in summary.skipped)
    assert summary.records_skipped == len(bad) == 27
    assert summary.records_read == len(titles) == summary.papers_new
    papers = stored_papers(tmp_path / "kg.db")
    assert sorted(t for t, _ in papers) == sorted(titles)
    # Control characters are gone, tabs and newlines would stay; RTL text and emoji are intact.
    assert all(ch >= " " or ch in "\t\n" for title, abstract in papers for ch in title + abstract)
    by_title = dict(papers)
    assert by_title["Good Paper 2"] == "Raw NUL  and DEL ."
    assert by_title["Good Paper 8"] == "NUL and VT  kept"  # a vertical tab is a space
    assert by_title[RTL_TITLE].startswith("Emoji 🎉 and Arabic مرحبا")
    assert by_title[""] == "An abstract without a title is a paper of its own."


@pytest.mark.parametrize("name", ["lines.jsonl", "array.json", "table.csv", "page.txt"])
def test_fail_mode_stops_at_the_first_bad_record_and_leaves_the_store_as_it_was(
        tmp_path, corpus, extractor, name):
    paths, _, bad = corpus
    db = tmp_path / "kg.db"
    with KnowledgeGraph(db, extractor=extractor) as kg:
        kg.build([sample_files()[0]])
        before = dump(db)
        # Good files first: their records are inside the one transaction and must go too.
        with pytest.raises(MalformedRecordError) as info:
            kg.build([sample_files()[1], paths[0].parent / name], on_error="fail")
    first = next((line, reason) for file, line, reason in bad if file == name)
    assert Path(info.value.path).name == name and info.value.line == first[0]
    assert info.value.reason.startswith(first[1])
    assert dump(db) == before
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_cli_skip_summary_lists_what_was_skipped_and_why(tmp_path, corpus, runner, extractor,
                                                         monkeypatch):
    monkeypatch.setattr("litkg.core.Extractor", lambda **kw: extractor)
    paths, titles, bad = corpus
    result = runner.invoke(cli, ["build", *map(str, paths), "--db", str(tmp_path / "kg.db"),
                                 "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["records_skipped"] == len(bad) and data["papers_total"] == len(titles)
    assert [(Path(s["path"]).name, s["line"]) for s in data["skipped"]] == [b[:2] for b in bad]
    text = runner.invoke(cli, ["build", *map(str, paths), "--db", str(tmp_path / "kg2.db")])
    assert text.exit_code == 0
    assert f"{len(bad)} skipped" in text.stdout
    listed = [line for line in text.stderr.splitlines() if line.startswith("  skipped ")]
    assert len(listed) == 20 and f"… and {len(bad) - 20} more skipped records" in text.stderr
    assert listed[0] == f"  skipped {paths[0]}:2: invalid JSON: Expecting property name " \
                        "enclosed in double quotes (column 2)"


def test_cli_fail_mode_is_one_line_naming_file_and_line(tmp_path, corpus, runner, extractor,
                                                        monkeypatch):
    monkeypatch.setattr("litkg.core.Extractor", lambda **kw: extractor)
    paths, _, _ = corpus
    db = tmp_path / "kg.db"
    result = runner.invoke(cli, ["build", str(paths[0]), "--db", str(db), "--on-error", "fail"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"Error: {paths[0]}:2: invalid JSON: ")
    assert "(hint: fix the record, or pass --on-error skip" in line
    assert stored_papers(db) == []


# --- encodings ----------------------------------------------------------------------------------


def test_undecodable_bytes_hint_at_encoding_and_encoding_reads_them(tmp_path, runner, extractor,
                                                                     monkeypatch):
    monkeypatch.setattr("litkg.core.Extractor", lambda **kw: extractor)
    src = tmp_path / "cp1252.csv"
    src.write_bytes("title,abstract\n\u201cQuoted\u201d Café Paper,Na\u00efve résumé.\n"
                    .encode("cp1252"))
    db = tmp_path / "kg.db"
    failed = runner.invoke(cli, ["build", str(src), "--db", str(db), "--on-error", "fail"])
    assert failed.exit_code == 1
    assert failed.stderr.strip() == (
        f"Error: {src}:2: invalid UTF-8 at byte offset 15 (hint: the file may be in another "
        "encoding: pass it with --encoding (e.g. --encoding cp1252 or latin-1), or --on-error "
        "skip to skip such records)")
    ok = runner.invoke(cli, ["build", str(src), "--db", str(db), "--encoding", "cp1252"])
    assert ok.exit_code == 0, ok.output
    assert stored_papers(db) == [("\u201cQuoted\u201d Café Paper", "Naïve résumé.")]
    out = tmp_path / "x.jsonl"
    extracted = runner.invoke(cli, ["extract", str(src), "--encoding", "cp1252", "--out", str(out)])
    assert extracted.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "\u201cQuoted\u201d Café Paper"
    refused = {
        "utf-16": "Error: unsupported encoding: 'utf-16' (not ASCII-compatible) (hint: convert "
                  "the file to UTF-8 first)",
        "klingon": "Error: unknown encoding: 'klingon' (hint: try --encoding utf-8)",
    }
    for encoding, message in refused.items():
        bad = runner.invoke(cli, ["build", str(src), "--db", str(db), "--encoding", encoding])
        assert (bad.exit_code, bad.stderr.strip()) == (1, message)


def test_latin1_everywhere_reads_with_encoding(tmp_path):
    text = f"{HEADER}Étude Générale\n\n{ABSTRACT} Ça marche.\n"
    page = tmp_path / "page.txt"
    page.write_bytes(text.encode("latin-1"))
    [paper] = read_papers(page, encoding="latin-1")
    assert (paper.title, paper.abstract[-10:]) == ("Étude Générale", "Ça marche.")


# --- files that are not paper records at all ------------------------------------------------------


def _sqlite_store(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE papers (title TEXT)")
    conn.commit()
    conn.close()
    return path.read_bytes()


def _zip(path: Path) -> bytes:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("papers.jsonl", json.dumps(good(1)))
    return path.read_bytes()


NOISE = random.Random(6).randbytes(20_000)
JSONL_TEXT = "".join(json.dumps(good(i)) + "\n" for i in range(5))
BINARY = {
    "noise.jsonl": (lambda p: NOISE, "is binary data, not a text file of paper records"),
    "noise.json": (lambda p: NOISE, "is binary data"),
    "noise.csv": (lambda p: NOISE, "is binary data"),
    "noise.txt": (lambda p: NOISE, "is binary data"),
    "noise.bin": (lambda p: NOISE, "is binary data"),
    "paper.pdf": (lambda p: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + NOISE, "is a PDF document"),
    "papers.jsonl.gz": (lambda p: gzip.compress(JSONL_TEXT.encode()), "is gzip-compressed"),
    "papers.zip": (_zip, "is a ZIP archive"),
    "figure.png": (lambda p: b"\x89PNG\r\n\x1a\n" + NOISE, "is a PNG image"),
    "litkg.db": (_sqlite_store, "is an SQLite database"),
    "utf16.jsonl": (lambda p: JSONL_TEXT.encode("utf-16"), "is UTF-16 text; litkg reads ASCII-"),
    "utf16be.jsonl": (lambda p: JSONL_TEXT.encode("utf-16-be"), "is UTF-16 text"),
    "utf32.csv": (lambda p: "title\nA\n".encode("utf-32"), "is UTF-32 text"),
}


@pytest.mark.parametrize("name", BINARY)
@pytest.mark.parametrize("fmt", [None, "jsonl"])
def test_binary_and_wide_text_files_are_refused_naming_the_file(tmp_path, name, fmt):
    path = tmp_path / name
    make, message = BINARY[name]
    path.write_bytes(make(path))
    with within(20), pytest.raises(InputError) as info:
        list(read_papers(path, format=fmt, on_error="skip"))
    assert info.value.message.startswith(f"{path} {message}")
    assert info.value.hint and ("iconv" in info.value.hint or "leave this file out" in info.value.hint)


def test_cli_refuses_a_binary_input_in_one_line(tmp_path, runner, extractor, monkeypatch):
    monkeypatch.setattr("litkg.core.Extractor", lambda **kw: extractor)
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + NOISE)
    result = runner.invoke(cli, ["build", str(pdf), "--db", str(tmp_path / "kg.db")])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: {pdf} is a PDF document, not a text file of paper records (hint: litkg reads "
        "Daily Papers page dumps, JSONL, JSON and CSV; leave this file out)")


def test_a_few_stray_control_bytes_do_not_make_a_file_binary(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_bytes(b"".join(jsonl_line(good(i)) for i in range(3))
                     + b'{"title": "With \x00\x01\x02 bytes", "abstract": "\x1b[31m red"}\n')
    papers = list(read_papers(path))
    assert [p.title for p in papers][-1] == "With bytes"
    assert papers[-1].abstract == "[31m red"


@pytest.mark.parametrize("name, data", [
    ("stray.json", b'[{"title": "A"}, \x1f {"title": "B"}]'),
    ("stray_seq.json", b'{"title": "A"}\x1f{"title": "B"}\n'),
    ("form_feed.json", b'[{"title": "A"},\x0c{"title": "B"}]'),
    ("nbsp.json", '[{"title": "A"},\u00a0{"title": "B"}]'.encode()),
])
def test_json_reader_steps_over_stray_bytes_without_hanging(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    skipped = []
    with within(10):
        papers = list(read_papers(path, on_error="skip", skipped=skipped.append))
    assert [p.title for p in papers] == ["A", "B"]
    assert [(s.line, s.reason.split(":")[0]) for s in skipped] == [(1, "invalid JSON")]


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "hf-pages"])
def test_empty_and_whitespace_files_hold_nothing_in_any_format(tmp_path, fmt):
    for content in (b"", b"\n\n", b" \t \r\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\n"):
        path = tmp_path / f"e.{fmt}"
        path.write_bytes(content)
        assert list(read_papers(path, format=fmt)) == []


# --- size -----------------------------------------------------------------------------------------


def test_a_field_at_the_limit_is_read_and_extracted(tmp_path, extractor):
    sentence = "We fine-tune CLIP on ImageNet-R and evaluate on WILDS and DomainBed. "
    long_abstract = (sentence * (MAX_TEXT_CHARS // len(sentence) + 1))[:MAX_TEXT_CHARS - 1] + "."
    assert len(long_abstract) == MAX_TEXT_CHARS
    src = tmp_path / "long.jsonl"
    src.write_text(json.dumps({"title": "Long One", "abstract": long_abstract}) + "\n"
                   + json.dumps({"title": "Too Long", "abstract": long_abstract + " x" * 10})
                   + "\n", encoding="utf-8")
    # How long this takes is measured by bench/bench_limits.py, not asserted here.
    with within(600), KnowledgeGraph(tmp_path / "kg.db", extractor=extractor) as kg:
        summary = kg.build([src])
        uses = kg.papers_using("WILDS")
    assert summary.papers_total == 1 and {u.title for u in uses} == {"Long One"}
    assert summary.skipped[0].reason.startswith("abstract is too long: 100,020 characters, litkg "
                                                "reads at most 100,000")


# --- secrets and paths ------------------------------------------------------------------------------

SECRET = "s3cr3t-Pa55word-never-printed"


def test_no_secret_from_the_environment_in_any_error(tmp_path, runner, corpus, extractor,
                                                      monkeypatch):
    import litkg.commands.neo4j as neo4j_commands
    from neo4j_server import free_port

    monkeypatch.setattr("litkg.core.Extractor", lambda **kw: extractor)
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)  # read by every neo4j command below
    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{free_port()}")  # nothing listens there
    read = []
    settings = neo4j_commands.settings_from_options

    def spy(uri, user, password, database):
        read.append(password)
        return settings(uri, user, password, database)

    monkeypatch.setattr(neo4j_commands, "settings_from_options", spy)
    paths, _, _ = corpus
    good = tmp_path / "good.db"
    with KnowledgeGraph(good, extractor=extractor) as kg:
        kg.build([sample_files()[0]])
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database " * 100)
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + NOISE)
    db = tmp_path / "kg.db"
    commands = [
        ["build", str(tmp_path / "missing.jsonl"), "--db", str(db)],
        ["build", str(paths[0]), "--db", str(db), "--on-error", "fail"],
        ["build", str(pdf), "--db", str(db)],
        ["build", str(paths[0]), "--db", str(db), "--encoding", "nope"],
        ["build", str(paths[0]), "--db", str(tmp_path)],
        ["build", str(paths[0]), "--db", str(junk)],
        ["stats", "--db", str(tmp_path / "absent.db")],
        ["query", "papers-using", "NoSuchThing", "--db", str(junk)],
        ["render", "--out", str(tmp_path / "v.html"), "--view", "ego", "--focus", "nothing",
         "--db", str(junk)],
        ["extract", str(pdf)],
        ["build", "--format", "xml", str(paths[0])],
        ["neo4j", "push", "--db", str(good)],
        ["neo4j", "push", "--db", str(junk)],
        ["neo4j", "query", "top-concepts"],
        ["neo4j", "query", "--cypher", "RETURN $p AS p", "--param", "p=1"],
        ["neo4j", "query", "papers-using", "--param", "name=WILDS", "--uri", f"bolt://neo4j:{SECRET}@127.0.0.1:1"],
    ]
    for args in commands:
        result = runner.invoke(cli, args)
        assert result.exit_code in (1, 2), (args, result.output)
        assert SECRET not in result.output, args
        assert "Traceback" not in result.output, (args, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), args
    assert read.count(SECRET) >= 4  # the neo4j commands did read the secret they must not print


HOSTILE_NAMES = ["../../escaped", "../../../../tmp/litkg-escaped", "/etc/litkg-escaped",
                 "..\\..\\escaped", "sub/../../escaped", "~/escaped", "con", "nul:", ""]


def test_names_in_the_data_never_choose_where_files_are_written(tmp_path, runner, extractor,
                                                               monkeypatch):
    monkeypatch.setattr("litkg.core.Extractor", lambda **kw: extractor)
    work = tmp_path / "work"
    (work / "in").mkdir(parents=True)
    (work / "out").mkdir()
    src = work / "in" / "p.jsonl"
    src.write_text("".join(
        json.dumps({"id": name or "x", "title": f"{name} We Propose DotDot", "doi": name,
                    "url": f"file://{name}", "venue": name,
                    "abstract": f"We propose {name or 'X'}Net and evaluate on ImageNet."}) + "\n"
        for name in HOSTILE_NAMES), encoding="utf-8")
    before_parent = sorted(p.name for p in tmp_path.parent.iterdir())
    monkeypatch.chdir(work / "out")
    db = work / "out" / "kg.db"
    assert runner.invoke(cli, ["build", str(src), "--db", str(db)]).exit_code == 0
    written = {"kg.db", "view-overview.html", "view-ego.html", "view-shared-datasets.html",
               "view-concept-map.html", "entities.jsonl"}
    for view in ("overview", "ego", "shared-datasets", "concept-map"):
        args = ["render", "--out", f"view-{view}.html", "--view", view, "--db", str(db)]
        if view == "ego":
            args += ["--focus", "ImageNet"]
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
    assert runner.invoke(cli, ["extract", str(src), "--out", "entities.jsonl"]).exit_code == 0
    everything = {str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")}
    made = {p for p in everything if p.startswith("work/out/")}
    assert {p.split("/", 2)[2] for p in made} <= written | {"kg.db-wal", "kg.db-shm"}
    assert written <= {p.split("/", 2)[2] for p in made}
    assert everything - made == {"work", "work/in", "work/in/p.jsonl", "work/out"}
    assert sorted(p.name for p in tmp_path.parent.iterdir()) == before_parent
    assert not Path("/etc/litkg-escaped").exists() and not Path("/tmp/litkg-escaped").exists()
    rows = [json.loads(line) for line in (work / "out" / "entities.jsonl").read_text().splitlines()]
    assert len(rows) == len(stored_papers(db)) > 1

