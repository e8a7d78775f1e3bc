"""Input readers: stream :class:`~litkg.records.Paper` records out of paper files.

Four generic formats are read: ``hf-pages`` (text dumps of Hugging Face Daily Papers pages),
``jsonl``, ``json`` (an array of objects) and ``csv`` (also TSV); and what researchers export
(:mod:`litkg.readers.sources`): ``bibtex``, ``ris``, ``arxiv-atom`` (arXiv API feeds),
``arxiv-snapshot``, ``openalex``, ``semantic-scholar`` and ``hf-papers`` (the Hugging Face
papers API). :func:`read_papers` picks the format with
:func:`detect_format` unless told, and yields one Paper at a time: memory does not grow with the
size of the input.

The helpers below the public API (line decoding, error reporting, dates) are shared by the
format modules :mod:`litkg.readers.structured` and :mod:`litkg.readers.hf_pages`.
"""
from __future__ import annotations

from itertools import chain

import codecs
import datetime as _dt
import json
import os
import re
from pathlib import Path
from typing import BinaryIO, Callable, Iterator, NamedTuple

from litkg.errors import InputError, InputNotFoundError, MalformedRecordError, UnknownFormatError
from litkg.records import Paper, SkippedRecord

__all__ = ["FORMATS", "MAX_TEXT_CHARS", "detect_format", "read_papers", "paper_problem"]

#: The input formats litkg reads, as named by ``--format``.
FORMATS = ("hf-pages", "jsonl", "json", "csv", "bibtex", "ris", "arxiv-atom", "arxiv-snapshot",
           "openalex", "semantic-scholar", "hf-papers")
ON_ERROR = ("fail", "skip")

_SAMPLE = 1 << 16  # bytes read to sniff a format
_BINARY_SAMPLE = 1 << 13  # bytes read to tell a binary file from text

#: The longest title or abstract litkg reads, in characters; a longer one makes its record
#: malformed. Real abstracts have a few thousand characters (arXiv allows 1,920); a field this
#: long is a full text or a broken record, and extraction time grows with it.
MAX_TEXT_CHARS = 100_000
_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv"}


def detect_format(path: str | os.PathLike) -> str:
    """Tell which of :data:`FORMATS` a file holds, from its extension, else its first bytes.

    Parameters
    ----------
    path : str or os.PathLike
        The input file.

    Returns
    -------
    str
        One of :data:`FORMATS`.

    Raises
    ------
    InputNotFoundError
        When the file does not exist.
    InputError
        When the path is not a regular file, or holds binary data (a PDF, an archive, an
        SQLite store…) or UTF-16/UTF-32 text rather than paper records.
    UnknownFormatError
        When neither the extension nor the content says what the file holds.

    Notes
    -----
    ``.csv``/``.tsv`` are CSV. Otherwise the first 64 KiB decide, first for the sources
    (:func:`litkg.readers.sources.sniff`: ``.bib``/``.ris``/``.atom``/``.xml``, an ``@type{``
    block, a ``TY  -`` tag, XML, or JSON whose first record has OpenAlex, Semantic Scholar, arXiv
    snapshot or Hugging Face fields), then: ``.jsonl``/``.ndjson`` are JSON Lines; ``[`` starts a JSON array; ``{`` starts JSON Lines when the first line is a whole
    object (also for ``.json``), else JSON; a page header means ``hf-pages``; a first line with
    a ``title`` cell between commas or tabs means CSV; a title line, a blank line and an
    abstract paragraph mean ``hf-pages``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "papers.data").write_text('{"title": "A"}\\n')
    >>> detect_format(folder / "papers.data")
    'jsonl'
    """
    from litkg.readers import sources

    _check_file(path)
    _check_text(path)
    suffix = Path(path).suffix.lower()
    if suffix in (".csv", ".tsv"):
        return _EXTENSIONS[suffix]
    text = _sample(path)
    found = sources.sniff(text, suffix)
    if found:
        return found
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    first = text.lstrip()[:1]
    if suffix == ".json" or first in ("[", "{"):
        # A ".json" file that is one object per line is JSON Lines in all but name.
        return "jsonl" if first == "{" and _one_object_per_line(text) else "json"
    from litkg.readers import hf_pages

    if hf_pages.has_page_header(text):  # before CSV: a title may hold "Title, …"
        return "hf-pages"
    header = text.lstrip().partition("\n")[0].lower()
    if any(d in header and "title" in _cells(header, d) for d in (",", "\t")):
        return "csv"
    if hf_pages.looks_like_page(text):
        return "hf-pages"
    what = "it is empty" if not first else "pass --format"
    raise UnknownFormatError(f"cannot tell the format of {path}: {what} "
                             f"(known formats: {', '.join(FORMATS)})")


def read_papers(
    path: str | os.PathLike,
    *,
    format: str | None = None,
    on_error: str = "fail",
    skipped: Callable[[SkippedRecord], None] | None = None,
    encoding: str = "utf-8",
) -> Iterator[Paper]:
    """Stream the paper records of one input file.

    The file is checked when this is called; it is read lazily, one record at a time, as the
    returned iterator is consumed.

    Parameters
    ----------
    path : str or os.PathLike
        The input file; ``Paper.source.path`` is ``str(path)``, as given.
    format : str, optional
        One of :data:`FORMATS`; detected with :func:`detect_format` when None. An empty file
        yields nothing whatever its name.
    on_error : {"fail", "skip"}
        What to do with a broken record: raise :class:`~litkg.errors.MalformedRecordError`, or
        report it to ``skipped`` and go on with the next record.
    skipped : callable, optional
        Called with a :class:`~litkg.records.SkippedRecord` for each record skipped.
    encoding : str
        Text encoding of the file; must be ASCII-compatible (UTF-8, Latin-1, cp1252, …). A UTF-8
        byte-order mark is dropped.

    Returns
    -------
    Iterator[Paper]
        The records, in file order, each with ``source`` set to its file and first line.

    Raises
    ------
    ValueError
        When ``on_error`` is not "fail" or "skip".
    InputNotFoundError, InputError, UnknownFormatError
        When the file is missing, not a file, binary, of an unknown format, or the encoding is
        unknown.
    MalformedRecordError
        While iterating, for the first broken record when ``on_error="fail"``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "papers.jsonl"
    >>> _ = path.write_text('{"title": "A", "year": 2024}\\n[1]\\n')
    >>> bad = []
    >>> [(p.title, p.year) for p in read_papers(path, on_error="skip", skipped=bad.append)]
    [('A', 2024)]
    >>> print(bad[0])  # doctest: +ELLIPSIS
    /...papers.jsonl:2: record is not a JSON object (got array)
    """
    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be one of {ON_ERROR}, not {on_error!r}")
    codec = check_encoding(encoding)
    _check_file(path)
    if format is None:
        if _is_blank(path):
            return iter(())
        format = detect_format(path)
    elif format not in FORMATS:
        raise UnknownFormatError(f"unknown format {format!r} for {path}; "
                                 f"expected one of: {', '.join(FORMATS)}")
    else:
        _check_text(path)
    return _read(path, format, Problems(str(path), on_error, skipped), codec)


def _read(path: str | os.PathLike, format: str, problems: Problems, codec: str) -> Iterator[Paper]:
    from litkg.readers import hf_pages, sources, structured

    reader = {"hf-pages": hf_pages.read_hf_pages, "jsonl": structured.read_jsonl,
              "json": structured.read_json, "csv": structured.read_csv}.get(format)
    reader = reader or sources.reader(format)
    with open(path, "rb") as stream:
        yield from checked_papers(reader(str(path), stream, problems, codec), problems)


#: Ranges of the whole-number fields: a value outside is a broken record, never a store error.
INT_RANGES = {"year": (0, 9999), "author_count": (0, 1_000_000), "upvotes": (0, 1 << 53)}
_STR_FIELDS = ("title", "abstract", "id", "date", "date_raw", "venue", "url", "doi", "arxiv_id")
#: The deepest nesting of lists and objects kept in a record's metadata.
MAX_DEPTH = 64
#: The longest identifier (DOI, arXiv id, URL, id) litkg reads, in characters.
MAX_ID_CHARS = 2_000


def paper_problem(paper: Paper) -> str | None:
    """Why a Paper cannot be stored, or None: a field of the wrong type, a number out of range,
    an identifier too long or metadata nested too deep (see :data:`INT_RANGES`).

    >>> paper_problem(Paper("A", year=10**20))
    'year out of range: 100000000000000000000 (expected 0 to 9,999)'
    >>> paper_problem(Paper("A", year=2024)) is None
    True
    """
    for name, (low, high) in INT_RANGES.items():
        value = getattr(paper, name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            return f"{name} must be a whole number, not {type(value).__name__}"
        if not low <= value <= high:
            shown = str(value) if value.bit_length() < 200 else f"a {value.bit_length()}-bit number"
            return f"{name} out of range: {shown} (expected {low} to {high:,})"
    for name in _STR_FIELDS:
        value = getattr(paper, name)
        if value is not None and not isinstance(value, str):
            return f"{name} must be a string, not {type(value).__name__}"
        if name not in ("title", "abstract") and value and len(value) > MAX_ID_CHARS:
            return f"{name} is too long: {len(value):,} characters (at most {MAX_ID_CHARS:,})"
    if not all(isinstance(a, str) for a in paper.authors):
        return "authors must be names (strings)"
    if any(not isinstance(i, str) or len(i) > MAX_ID_CHARS for i in paper.ids):
        return f"ids must be strings of at most {MAX_ID_CHARS:,} characters"
    if nesting_depth(dict(paper.metadata)) > MAX_DEPTH:
        return f"a field is nested more than {MAX_DEPTH} levels deep"
    return None


def nesting_depth(value: object, limit: int = MAX_DEPTH) -> int:
    """How deeply lists and dicts nest in ``value`` (0 for a scalar), counted without recursion;
    stops counting past ``limit``.

    >>> nesting_depth({"a": [[1]]}), nesting_depth("x")
    (3, 0)
    >>> nesting_depth({"index": {"word": [1, 2], "other": [3]}}), nesting_depth([[1], [2, [3]]])
    (3, 3)
    """
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (list, tuple, dict)):
            deepest = max(deepest, depth)
            if depth > limit:
                return deepest
            children = item.values() if isinstance(item, dict) else item
            # The types of the children, found at C speed: long lists of numbers (OpenAlex's
            # inverted abstracts) cost no Python step per element.
            kinds = set(map(type, children))
            if kinds <= _SCALAR_TYPES:
                continue
            if kinds <= _SEQUENCE_TYPES and set(map(type, chain.from_iterable(children))) <= _SCALAR_TYPES:
                deepest = max(deepest, depth + 1)  # lists of plain values, one level down
                if depth + 1 > limit:
                    return deepest
                continue
            stack.extend((child, depth + 1) for child in children
                         if isinstance(child, (list, tuple, dict)))
    return deepest


_SCALAR_TYPES = frozenset({str, int, float, bool, type(None)})
_SEQUENCE_TYPES = frozenset({list, tuple})


def checked_papers(papers: Iterator[Paper], problems: "Problems") -> Iterator[Paper]:
    """``papers`` with every record checked by :func:`paper_problem`; a reader's unexpected
    failure (a Python error, not a litkg one) ends the file with a reported record, never a
    traceback."""
    from litkg.errors import LitkgError

    iterator = iter(papers)
    while True:
        try:
            paper = next(iterator)
        except StopIteration:
            return
        except LitkgError:
            raise
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError,
                RecursionError, UnicodeError) as exc:
            problems.report(problems.last_line + 1,
                            f"cannot read past here ({type(exc).__name__}: {str(exc)[:200]}); "
                            f"rest of file not read")
            return
        problems.last_line = paper.source.line
        problem = paper_problem(paper)
        if problem:
            problems.report(paper.source.line, problem)
            continue
        yield paper


def _check_file(path: str | os.PathLike) -> None:
    if not os.path.exists(path):
        raise InputNotFoundError(f"no such file: {path}")
    if not os.path.isfile(path):
        kind = "a directory" if os.path.isdir(path) else "not a regular file"
        raise InputError(f"{path} is {kind}", hint="pass the paper files inside it")


# Leading bytes of binary files people pass by mistake, and what to call them.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed"), (b"\xfd7zXZ\x00", "xz-compressed"),
    (b"BZh9", "bzip2-compressed"), (b"\x28\xb5\x2f\xfd", "zstd-compressed"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"\x7fELF", "an executable"), (b"PAR1", "a Parquet file"),
)
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
              (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))
# Control bytes that text files do not hold (tab, line ends, form feed and escape are allowed).
_BINARY_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])


def _binary_kind(head: bytes) -> str | None:
    """What a file starting with ``head`` is when it is not text: ``"a PDF document"``,
    ``"UTF-16 text"``, ``"binary data"``…; None for text.

    A few stray NUL or control bytes do not make a file binary (those records are cleaned);
    more than 5% of the first 8 KiB do.

    >>> _binary_kind(b"%PDF-1.7 ..."), _binary_kind('{"title": "A"}'.encode("utf-16"))
    ('a PDF document', 'UTF-16 text')
    >>> _binary_kind(b'{"title": "A\\x00B"}\\n') is None
    True
    """
    for magic, kind in _SIGNATURES:
        if head.startswith(magic):
            return kind
    for bom, name in _WIDE_BOMS:
        if head.startswith(bom):
            return f"{name} text"
    even, odd = head[0::2], head[1::2]
    if len(head) >= 8:  # ASCII as UTF-16 without a byte-order mark: every other byte is NUL
        for zeros, others in ((odd, even), (even, odd)):
            if zeros.count(0) > 0.4 * len(zeros) and others.count(0) < 0.05 * len(others):
                return "UTF-16 text"
    controls = len(head) - len(head.translate(None, _BINARY_BYTES))
    if controls >= 16 and controls > 0.05 * len(head):
        return "binary data"
    return None


def _check_text(path: str | os.PathLike) -> None:
    """InputError when ``path`` holds binary data or wide (UTF-16/32) text, naming the file."""
    with open(path, "rb") as stream:
        kind = _binary_kind(stream.read(_BINARY_SAMPLE))
    if kind is None:
        return
    if kind.endswith(" text"):
        name = kind.split()[0]
        raise InputError(f"{path} is {name} text; litkg reads ASCII-compatible encodings "
                         f"such as UTF-8, latin-1 or cp1252",
                         hint=f"convert it first, e.g. iconv -f {name} -t UTF-8 FILE > NEW_FILE")
    raise InputError(f"{path} is {kind}, not a text file of paper records",
                     hint="litkg reads Daily Papers page dumps, JSONL, JSON and CSV; "
                          "leave this file out")


def _sample(path: str | os.PathLike) -> str:
    with open(path, "rb") as stream:
        raw = stream.read(_SAMPLE)
    return raw.decode("utf-8", "replace").removeprefix(BOM)


def _is_blank(path: str | os.PathLike) -> bool:
    return os.path.getsize(path) <= _SAMPLE and not _sample(path).strip()


def _cells(line: str, delimiter: str) -> list[str]:
    return [cell.strip().strip('"').strip() for cell in line.split(delimiter)]


def _one_object_per_line(text: str) -> bool:
    first, newline, _ = text.lstrip().partition("\n")
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return not newline  # a first line cut off by the sample: a long record on one line


# --- shared by the format modules --------------------------------------------------------------

BOM = "\ufeff"


_UNDECODABLE = re.compile(r"invalid \S+ at byte offset \d+")
#: The hint of an error about bytes the encoding cannot decode.
ENCODING_HINT = ("the file may be in another encoding: pass it with --encoding "
                 "(e.g. --encoding cp1252 or latin-1), or --on-error skip to skip such records")


class Problems:
    """Where a reader sends broken records: raise, or report and go on, as the caller chose."""

    def __init__(self, path: str, on_error: str, skipped: Callable[[SkippedRecord], None] | None):
        self.path = path
        self.fail = on_error == "fail"
        self.skipped = skipped
        self.last_line = 0  # the line of the last record read, for errors that name no line

    def report(self, line: int, reason: str) -> None:
        if self.fail:
            error = MalformedRecordError(self.path, line, reason)
            if _UNDECODABLE.match(reason):
                error.hint = ENCODING_HINT
            raise error
        self.last_line = max(self.last_line, line)
        if self.skipped is not None:
            self.skipped(SkippedRecord(self.path, line, reason))


#: The longest input line read, in bytes; a longer one is skipped as it is read, and reported.
MAX_LINE_BYTES = 1 << 25


class Line(NamedTuple):
    """One decoded line of an input file."""

    number: int  # 1-based
    text: str  # line end stripped; undecodable bytes kept as surrogate escapes
    error: str | None  # e.g. "invalid UTF-8 at byte offset 1234"


def check_encoding(encoding: str) -> str:
    """The codec name for ``encoding``; InputError when unknown or not ASCII-compatible."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding: {encoding!r}", hint="try --encoding utf-8") from None
    # Lines are split on the byte b"\n", which is only right for ASCII-compatible encodings.
    if "\n".encode(name) != b"\n" or "a".encode(name) != b"a":
        raise InputError(f"unsupported encoding: {encoding!r} (not ASCII-compatible)",
                         hint="convert the file to UTF-8 first")
    return name


def encoding_label(codec: str) -> str:
    """How an encoding is named in messages (``invalid UTF-8 at …``)."""
    return "UTF-8" if codec in ("utf-8", "utf-8-sig") else codec


def decode_lines(stream: BinaryIO, encoding: str) -> Iterator[Line]:
    """Decode a binary stream line by line, so that a bad byte is reported with its own line."""
    label = encoding_label(encoding)
    offset = 0
    number = 0
    while raw := stream.readline(MAX_LINE_BYTES + 1):  # bounded: a 1 GiB line is never held whole
        number += 1
        start, offset = offset, offset + len(raw)
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            del raw
            while rest := stream.readline(1 << 20):  # skip to the end of this line, a MiB at a time
                offset += len(rest)
                if rest.endswith(b"\n"):
                    break
            # "…" stands for the line, so that readers that skip blank lines still report it.
            yield Line(number, "…", f"line is too long: over {MAX_LINE_BYTES:,} bytes, skipped unread")
            continue
        if number == 1 and raw.startswith(codecs.BOM_UTF8) and label == "UTF-8":
            raw, start = raw[3:], start + 3
        raw = raw.rstrip(b"\r\n")
        try:
            text, error = raw.decode(encoding), None
        except UnicodeDecodeError as exc:
            text = raw.decode(encoding, "surrogateescape")
            error = f"invalid {label} at byte offset {start + exc.start}"
        yield Line(number, text.removeprefix(BOM) if number == 1 else text, error)


# C0 controls but tab and newline, and DEL: the ones that are spacing become a space, the others go.
_CONTROLS = {**{c: None for c in (*range(0x00, 0x09), *range(0x0E, 0x1C), 0x7F)},
             **{c: " " for c in (0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F)}}


def clean_text(text: str) -> str:
    """``text`` without control characters (NUL, escape, bell…), keeping tabs and newlines.

    Form feeds, vertical tabs, carriage returns and the separator controls become spaces, so
    words they separated stay apart.

    >>> clean_text("A\\x00B\\x1b[1m bold\\x0cpage\\r\\nnext\\tcell")
    'AB[1m bold page \\nnext\\tcell'
    """
    # Scanning is much faster than translating, and most texts have no control character.
    return text.translate(_CONTROLS) if _CONTROL_CHAR.search(text) else text


_CONTROL_CHAR = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def text_problem(field: str, text: str) -> str | None:
    """Why a title or abstract cannot be read, or None: too long, or unpaired surrogates (from
    a JSON escape like ``\\ud800``, which no file encoding can hold)."""
    if len(text) > MAX_TEXT_CHARS:
        return (f"{field} is too long: {len(text):,} characters, litkg reads at most "
                f"{MAX_TEXT_CHARS:,} (a full text rather than an abstract?)")
    if _SURROGATE.search(text):
        return f"{field} holds an unpaired surrogate (an invalid \\u escape such as \\ud800)"
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")

MONTHS = {name: number for number, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for name in names}
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")
_YEAR_MONTH = re.compile(r"(\d{4})(?:-(\d{1,2}))?")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})")


def parse_date(text: str) -> tuple[str | None, int | None]:
    """``(iso_date, year)`` from an ISO date, a year, or ``Nov 18, 2022``; Nones when unknown.

    >>> parse_date("2023-05-01T10:00:00Z"), parse_date("Nov 18, 2022"), parse_date("2021")
    (('2023-05-01', 2023), ('2022-11-18', 2022), (None, 2021))
    >>> parse_date("Sep 11"), parse_date("Feb 30, 2024")
    ((None, None), (None, 2024))
    """
    text = text.strip()
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = map(int, match.groups())
    elif match := _YEAR_MONTH.fullmatch(text):
        return None, int(match.group(1))
    elif (match := _MONTH_DAY_YEAR.fullmatch(text)) and match.group(1).lower() in MONTHS:
        month, day, year = MONTHS[match.group(1).lower()], int(match.group(2)), int(match.group(3))
    elif (match := _DAY_MONTH_YEAR.fullmatch(text)) and match.group(2).lower() in MONTHS:
        day, month, year = int(match.group(1)), MONTHS[match.group(2).lower()], int(match.group(3))
    else:
        return None, None
    try:
        return _dt.date(year, month, day).isoformat(), year
    except ValueError:  # e.g. Feb 30: the year is still worth keeping
        return None, year
