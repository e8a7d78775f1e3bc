"""Which format a file holds, told from its extension and its first 64 KiB; and what is no input.

:func:`detect_format` asks the sources first (:func:`litkg.readers.sources.sniff`), then tells
JSON Lines, JSON, page dumps and CSV apart. :func:`check_file` and :func:`check_text` refuse, with
a one-line error naming the file, what is not a text file of records: a directory, a PDF, an
archive, an SQLite store, UTF-16 text.
"""
from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

from litkg.errors import InputError, InputNotFoundError, UnknownFormatError
from litkg.readers.lines import BOM

__all__ = ["FORMATS", "detect_format", "check_file", "check_text", "is_blank"]

#: The input formats litkg reads, as named by ``--format``.
FORMATS = ("hf-pages", "jsonl", "json", "csv", "bibtex", "ris", "arxiv-atom", "arxiv-snapshot",
           "openalex", "semantic-scholar", "hf-papers")

_SAMPLE = 1 << 16  # bytes read to sniff a format
_BINARY_SAMPLE = 1 << 13  # bytes read to tell a binary file from text
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
    ``.csv``/``.tsv`` are CSV. Otherwise the first 64 KiB decide, as :func:`format_of_text`
    says.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "papers.data").write_text('{"title": "A"}\\n')
    >>> detect_format(folder / "papers.data")
    'jsonl'
    """
    check_file(path)
    check_text(path)
    suffix = Path(path).suffix.lower()
    if suffix in (".csv", ".tsv"):
        return _EXTENSIONS[suffix]
    text = _sample(path)
    found = format_of_text(text, suffix)
    if found:
        return found
    what = "it is empty" if not text.strip() else "pass --format"
    raise UnknownFormatError(f"cannot tell the format of {path}: {what} "
                             f"(known formats: {', '.join(FORMATS)})")


def format_of_text(text: str, suffix: str) -> str | None:
    """Which of :data:`FORMATS` a file's first 64 KiB (``text``) and extension show, else None.

    First the sources (:func:`litkg.readers.sources.sniff`: ``.bib``/``.ris``/``.atom``/``.xml``,
    an ``@type{`` block, a ``TY  -`` tag, XML, or JSON whose first record has OpenAlex, Semantic
    Scholar, arXiv snapshot or Hugging Face fields), then: ``.jsonl``/``.ndjson`` are JSON Lines;
    ``[`` starts a JSON array; ``{`` starts JSON Lines when the first line is a whole object
    (also for ``.json``), else JSON; a page header means ``hf-pages``; a first line with a
    ``title`` cell between commas or tabs means CSV; a title line, a blank line and an abstract
    paragraph mean ``hf-pages``.

    >>> format_of_text('[{"title": "A"}]', ".json"), format_of_text("id,title\\n1,A\\n", ".txt")
    ('json', 'csv')
    """
    from litkg.readers import hf_pages, sources  # imported when needed: they import this package

    found = sources.sniff(text, suffix)
    if found:
        return found
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    first = text.lstrip()[:1]
    if suffix == ".json" or first in ("[", "{"):
        # A ".json" file that is one object per line is JSON Lines in all but name.
        return "jsonl" if first == "{" and _one_object_per_line(text) else "json"
    if hf_pages.has_page_header(text):  # before CSV: a title may hold "Title, …"
        return "hf-pages"
    header = text.lstrip().partition("\n")[0].lower()
    if any(d in header and "title" in _cells(header, d) for d in (",", "\t")):
        return "csv"
    if hf_pages.looks_like_page(text):
        return "hf-pages"
    return None


def check_file(path: str | os.PathLike) -> None:
    """InputNotFoundError when ``path`` does not exist, InputError when it is not a file."""
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


def check_text(path: str | os.PathLike) -> None:
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


def is_blank(path: str | os.PathLike) -> bool:
    """Whether a file holds nothing but white space (then it has no format, and no records)."""
    return os.path.getsize(path) <= _SAMPLE and not _sample(path).strip()


def _cells(line: str, delimiter: str) -> list[str]:
    return [cell.strip().strip('"').strip() for cell in line.split(delimiter)]


def _one_object_per_line(text: str) -> bool:
    first, newline, _ = text.lstrip().partition("\n")
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return not newline  # a first line cut off by the sample: a long record on one line
