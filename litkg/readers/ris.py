"""RIS (``.ris`` from Zotero, EndNote, Mendeley, publishers' "export citation").

A small reader of our own: each record runs from ``TY  -`` to ``ER  -``, one ``TAG  - value``
per line; a line without a tag continues the value before it (multi-line abstracts). Records
are read one at a time and each knows the line of its ``TY``.
"""
from __future__ import annotations

import re
from typing import Any, BinaryIO, Iterator

from litkg.identity import normalise_arxiv_id
from litkg.readers.fields import RecordProblem, paper_from_fields
from litkg.readers.lines import decode_lines
from litkg.readers.problems import Problems
from litkg.records import Paper, SourceRef

__all__ = ["read_ris", "ris_fields", "looks_like_ris"]

_TAG = re.compile(r"^([A-Z][A-Z0-9])\s{1,2}-(?:\s(.*)|$)")
_AUTHOR_TAGS = ("AU", "A1")
_VENUE_TAGS = ("T2", "JO", "JF", "JA", "BT", "J2")
_MAX_LINES = 20_000  # a record this long has lost its ER


def looks_like_ris(text: str) -> bool:
    """The first non-blank line is a ``TY  - `` tag."""
    for line in text.splitlines():
        if line.strip():
            match = _TAG.match(line.strip("\ufeff"))
            return bool(match) and match.group(1) == "TY"
    return False


def _first(tags: dict[str, list[str]], *names: str) -> str | None:
    for name in names:
        if tags.get(name):
            return tags[name][0]
    return None


def ris_fields(tags: dict[str, list[str]]) -> list[tuple[str, Any]]:
    """One record's tags (each a list of values) as ``(field, value)`` pairs."""
    date = _first(tags, "DA", "PY", "Y1") or ""
    parts = [p for p in date.split("/") if p]
    year = parts[0] if parts and parts[0].isdigit() else None
    iso = "-".join(parts[:3]) if len(parts) >= 3 and all(p.isdigit() for p in parts[:3]) else None
    urls = [u for name in ("UR", "L1", "L2") for u in tags.get(name, ())]
    arxiv = next((u for u in urls if "arxiv.org/" in u and normalise_arxiv_id(u)), None)
    return [
        ("id", _first(tags, "ID")),
        ("title", _first(tags, "TI", "T1", "CT")),
        ("abstract", _first(tags, "AB", "N2")),
        ("authors", [a for name in _AUTHOR_TAGS for a in tags.get(name, ())] or None),
        ("year", year),
        ("date", iso),
        ("venue", _first(tags, *_VENUE_TAGS)),
        ("doi", _first(tags, "DO")),
        ("arxiv_id", arxiv),
        ("url", urls[0] if urls else None),
        ("entry_type", _first(tags, "TY")),
    ]


def _name(author: str) -> str:
    """``Last, First`` → ``First Last``."""
    last, comma, first = author.partition(",")
    return f"{first.strip()} {last.strip()}".strip() if comma and first.strip() else author.strip()


def _records(path: str, stream: BinaryIO, problems: Problems,
             encoding: str) -> Iterator[tuple[int, dict[str, list[str]]]]:
    tags: dict[str, list[str]] | None = None
    start, last_tag, count = 0, None, 0
    for line in decode_lines(stream, encoding):
        if line.error:
            problems.report(line.number, line.error)
            continue
        match = _TAG.match(line.text)
        if match is None:
            if tags is not None and last_tag and line.text.strip():
                tags[last_tag][-1] = f"{tags[last_tag][-1]} {line.text.strip()}".strip()
            continue
        tag, value = match.group(1), (match.group(2) or "").strip()
        if tag == "TY":
            if tags is not None:
                problems.report(start, "record has no ER line before the next TY")
            tags, start, last_tag, count = {"TY": [value]}, line.number, "TY", 0
        elif tags is None:
            problems.report(line.number, f"{tag} tag outside a record (before any TY)")
        elif tag == "ER":
            yield start, tags
            tags, last_tag = None, None
        else:
            tags.setdefault(tag, []).append(value)
            last_tag, count = tag, count + 1
            if count > _MAX_LINES:
                problems.report(start, "record runs too long without an ER line")
                tags = None
    if tags is not None:
        problems.report(start, "the last record has no ER line (truncated file?)")


def read_ris(path: str, stream: BinaryIO, problems: Problems, encoding: str) -> Iterator[Paper]:
    """Records of an RIS file."""
    for line, tags in _records(path, stream, problems, encoding):
        tags = {**tags, **{name: [_name(a) for a in tags[name]] for name in _AUTHOR_TAGS
                           if name in tags}}
        try:
            yield paper_from_fields(ris_fields(tags), SourceRef(path, line))
        except RecordProblem as exc:
            problems.report(line, str(exc))
