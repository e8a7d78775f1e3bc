"""Input readers: stream :class:`~litkg.records.Paper` records out of paper files.

Four generic formats are read: ``hf-pages`` (text dumps of Hugging Face Daily Papers pages),
``jsonl``, ``json`` (an array of objects) and ``csv`` (also TSV); and what researchers export
(:mod:`litkg.readers.sources`): ``bibtex``, ``ris``, ``arxiv-atom`` (arXiv API feeds),
``arxiv-snapshot``, ``openalex``, ``semantic-scholar`` and ``hf-papers`` (the Hugging Face
papers API). :func:`read_papers` picks the format with :func:`detect_format` unless told, and
yields one Paper at a time: memory does not grow with the size of the input.

This module only dispatches. What the format modules share lives in modules of its own:
:mod:`~litkg.readers.detect` (telling formats, refusing what is no input),
:mod:`~litkg.readers.lines` (decoded lines), :mod:`~litkg.readers.problems` (broken records),
:mod:`~litkg.readers.text` (titles and abstracts), :mod:`~litkg.readers.checks` (types, ranges
and nesting of every record), :mod:`~litkg.readers.dates`; their public names are re-exported
here. :mod:`~litkg.readers.fields` maps one record's fields to a Paper for every format.
"""
from __future__ import annotations

import os
from typing import Callable, Iterator

from litkg.errors import UnknownFormatError
from litkg.readers.checks import (INT_RANGES, MAX_DEPTH, MAX_ID_CHARS, checked_papers, nesting_depth,
                                  paper_problem)
from litkg.readers.dates import MONTHS, parse_date
from litkg.readers.detect import FORMATS, check_file, check_text, detect_format, is_blank
from litkg.readers.lines import (BOM, MAX_LINE_BYTES, Line, check_encoding, decode_lines,
                                 encoding_label)
from litkg.readers.problems import ENCODING_HINT, Problems
from litkg.readers.text import MAX_TEXT_CHARS, clean_text, text_problem
from litkg.records import Paper, SkippedRecord

__all__ = ["FORMATS", "MAX_TEXT_CHARS", "detect_format", "read_papers", "paper_problem",
           # shared by the format modules, and re-exported for them
           "ON_ERROR", "INT_RANGES", "MAX_DEPTH", "MAX_ID_CHARS", "MAX_LINE_BYTES", "MONTHS", "BOM",
           "ENCODING_HINT", "Line", "Problems", "check_encoding", "checked_papers", "clean_text",
           "decode_lines", "encoding_label", "nesting_depth", "parse_date", "text_problem"]

#: What ``read_papers`` does with a broken record: raise, or report it and go on.
ON_ERROR = ("fail", "skip")


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
        An ASCII-compatible text encoding (UTF-8, Latin-1, cp1252, …); a UTF-8 BOM is dropped.

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
        unknown. :class:`~litkg.errors.MalformedRecordError` while iterating, for the first
        broken record when ``on_error="fail"``.

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
    format = _format(path, format)
    if format is None:
        return iter(())
    return _read(path, format, Problems(str(path), on_error, skipped), codec)


def _format(path: str | os.PathLike, format: str | None) -> str | None:
    """The format to read ``path`` in (None: an empty file, with nothing to read), after checking
    that it is a text file."""
    check_file(path)
    if format is None:
        return None if is_blank(path) else detect_format(path)
    if format not in FORMATS:
        raise UnknownFormatError(f"unknown format {format!r} for {path}; "
                                 f"expected one of: {', '.join(FORMATS)}")
    check_text(path)
    return format


def _read(path: str | os.PathLike, format: str, problems: Problems, codec: str) -> Iterator[Paper]:
    from litkg.readers import hf_pages, sources, structured  # they import this package

    reader = {"hf-pages": hf_pages.read_hf_pages, "jsonl": structured.read_jsonl,
              "json": structured.read_json, "csv": structured.read_csv}.get(format)
    reader = reader or sources.reader(format)
    with open(path, "rb") as stream:
        yield from checked_papers(reader(str(path), stream, problems, codec), problems)
