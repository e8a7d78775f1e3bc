"""BibTeX (a ``.bib`` from Zotero, JabRef, BibDesk…), parsed with ``bibtexparser``.

The file is split into blocks at lines starting with ``@`` and each block is parsed on its own,
so memory stays flat and every entry knows its line. ``@string`` macros defined earlier are
resolved in later entries. LaTeX in fields is decoded (``{\\"u}`` → ü, ``{BERT}`` → BERT). An
entry without an abstract is kept as a paper with a title only.
"""
from __future__ import annotations

import logging
import re
from typing import Any, BinaryIO, Iterator

import bibtexparser
from bibtexparser import middlewares
from bibtexparser.model import Entry, ParsingFailedBlock, String

from litkg.identity import normalise_arxiv_id
from litkg.readers.fields import RecordProblem, paper_from_fields
from litkg.readers.lines import Line, decode_lines
from litkg.readers.problems import Problems
from litkg.records import Paper, SourceRef

__all__ = ["read_bibtex", "bibtex_fields", "looks_like_bibtex"]

_BLOCK_START = re.compile(r"\s*@\s*[A-Za-z]+\s*[{(]")
_MAX_BLOCK_LINES = 20_000  # a block this long is an unclosed brace swallowing the file


def looks_like_bibtex(text: str) -> bool:
    """The first line that is not blank or a ``%`` comment opens an ``@type{`` block."""
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("%"):
            return bool(_BLOCK_START.match(line))
    return False


def _name(parts) -> str:
    if isinstance(parts, str):
        return parts
    return " ".join(" ".join(p) for p in (parts.first, parts.von, parts.last, parts.jr) if p)


def _arxiv_id(fields: dict) -> str | None:
    prefix = (fields.get("archiveprefix") or fields.get("eprinttype") or "").lower()
    if fields.get("eprint") and (prefix in ("arxiv", "") or "arxiv" in prefix):
        found = normalise_arxiv_id(fields["eprint"])
        if found:
            return fields["eprint"]
    for key in ("arxiv", "arxivid", "url"):
        value = fields.get(key) or ""
        if key != "url" or "arxiv.org/" in value:
            if normalise_arxiv_id(value):
                return value
    return None


def bibtex_fields(entry: Entry) -> list[tuple[str, Any]]:
    """One entry as ``(field, value)`` pairs (field names are case-insensitive)."""
    fields = {f.key.lower(): f.value for f in entry.fields}
    authors = fields.get("author")
    if isinstance(authors, list):
        authors = [_name(a) for a in authors]
    return [
        ("id", entry.key),
        ("title", fields.get("title")),
        ("abstract", _spaced(fields.get("abstract"))),
        ("authors", authors or None),
        ("year", _year(fields.get("year"))),
        ("date", fields.get("date")),
        ("venue", fields.get("journal") or fields.get("booktitle") or fields.get("journaltitle")),
        ("doi", fields.get("doi")),
        ("arxiv_id", _arxiv_id(fields)),
        ("url", fields.get("url")),
        ("entry_type", entry.entry_type.lower()),
    ]


def _spaced(value: Any) -> Any:
    """BibTeX reads a run of white space, line ends included, as one space."""
    return " ".join(value.split()) if isinstance(value, str) else value


def _year(value: Any) -> Any:
    if isinstance(value, str):
        match = re.search(r"\d{4}", value)
        return match.group(0) if match else None
    return value


class _Macros:
    """The ``@string`` blocks seen so far, prepended to each later block when it is parsed."""

    def __init__(self) -> None:
        self.text = ""
        self.lines = 0

    def add(self, raw: str) -> None:
        self.text += raw.rstrip("\n") + "\n"
        self.lines = self.text.count("\n")


def _blocks(lines: Iterator[Line], problems: Problems) -> Iterator[tuple[int, str]]:
    """``(first line, text)`` of each block; a line with undecodable bytes is reported."""
    start, parts = 0, []
    for line in lines:
        if line.error:
            problems.report(line.number, line.error)
            continue
        if _BLOCK_START.match(line.text) and parts:
            yield start, "\n".join(parts)
            parts = []
        if not parts:
            start = line.number
        parts.append(line.text)
        if len(parts) > _MAX_BLOCK_LINES:
            problems.report(start, f"block runs over {_MAX_BLOCK_LINES:,} lines (an unclosed brace?)")
            parts = []
    if parts:
        yield start, "\n".join(parts)


def _failure(block: ParsingFailedBlock) -> str:
    error = getattr(block, "error", None)
    text = getattr(error, "abort_reason", None) or str(error or "")
    return (text.strip().splitlines() or ["syntax error"])[0]


# bibtexparser logs each block it cannot parse; litkg reports them itself, with file and line.
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())

_LATEX = [middlewares.LatexDecodingMiddleware(), middlewares.SeparateCoAuthors(),
          middlewares.SplitNameParts()]


def read_bibtex(path: str, stream: BinaryIO, problems: Problems, encoding: str) -> Iterator[Paper]:
    """Entries of a BibTeX file; comments and ``@preamble`` are skipped."""
    macros = _Macros()
    for start, text in _blocks(decode_lines(stream, encoding), problems):
        if not text.strip() or not _BLOCK_START.match(text):
            continue  # text between entries is a comment in BibTeX
        try:
            library = bibtexparser.parse_string(macros.text + text, append_middleware=_LATEX)
        except Exception as exc:  # noqa: BLE001 - the parser's own errors are not typed
            problems.report(start, f"invalid BibTeX: {type(exc).__name__}: {exc}")
            continue
        for block in library.blocks:
            line = start + max(0, (block.start_line or 0) - macros.lines)
            if isinstance(block, String) and block.start_line >= macros.lines:
                macros.add(block.raw)
            elif isinstance(block, ParsingFailedBlock) and block.start_line >= macros.lines:
                reason = _failure(block)
                problems.report(line, f"invalid BibTeX: {reason}")
            elif isinstance(block, Entry):
                try:
                    yield paper_from_fields(bibtex_fields(block), SourceRef(path, line))
                except RecordProblem as exc:
                    problems.report(line, str(exc))
