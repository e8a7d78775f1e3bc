"""The arXiv metadata snapshot: JSON lines, one record per paper, millions of them.

Read a line at a time (memory stays flat). A record's authors come from ``authors_parsed``
(``[last, first, suffix]``), its date from its first version, its venue from ``journal-ref``.
"""
from __future__ import annotations

import email.utils
import re
from typing import Any, BinaryIO, Iterator

from litkg.readers.dates import MONTHS
from litkg.readers.jsonsource import read_records
from litkg.readers.problems import Problems
from litkg.records import Paper

__all__ = ["read_arxiv_snapshot", "snapshot_fields", "looks_like_snapshot"]


def _authors(record: dict) -> Any:
    parsed = record.get("authors_parsed")
    if isinstance(parsed, list) and parsed:
        names = []
        for parts in parsed:
            if isinstance(parts, list) and parts:
                last, first, suffix = (list(parts) + ["", ""])[:3]
                names.append(" ".join(p for p in (first, last, suffix) if isinstance(p, str) and p))
        return names
    text = record.get("authors")
    return text.replace(", and ", ", ").replace(",", ";") if isinstance(text, str) else text


_CREATED = re.compile(r"[A-Za-z]{3}, (\d{1,2}) ([A-Za-z]{3}) (\d{4}) ")


def _first_version_date(record: dict) -> str | None:
    """``Mon, 2 Apr 2007 19:18:42 GMT`` of the first version → ``2007-04-02``."""
    versions = record.get("versions")
    if isinstance(versions, list) and versions and isinstance(versions[0], dict):
        created = versions[0].get("created")
        if isinstance(created, str):
            match = _CREATED.match(created)
            month = MONTHS.get(match.group(2).lower()) if match else None
            if month:  # the snapshot's one format, read fast; parse_date checks the day
                return f"{match.group(3)}-{month:02d}-{int(match.group(1)):02d}"
            try:
                return email.utils.parsedate_to_datetime(created).date().isoformat()
            except (TypeError, ValueError, IndexError):
                return None
    return None


def snapshot_fields(record: dict) -> list[tuple[str, Any]]:
    """One snapshot record as ``(field, value)`` pairs."""
    abstract = record.get("abstract")
    arxiv_id = record.get("id")
    return [
        ("title", record.get("title")),
        ("abstract", " ".join(abstract.split()) if isinstance(abstract, str) else abstract),
        ("authors", _authors(record)),
        ("date", _first_version_date(record) or record.get("update_date")),
        ("venue", record.get("journal-ref")),
        ("doi", record.get("doi")),
        ("arxiv_id", arxiv_id),
        ("url", f"https://arxiv.org/abs/{arxiv_id}" if isinstance(arxiv_id, str) else None),
        ("categories", record.get("categories")),
    ]


def looks_like_snapshot(record: dict) -> bool:
    return "authors_parsed" in record or ("versions" in record and "categories" in record)


def read_arxiv_snapshot(path: str, stream: BinaryIO, problems: Problems,
                        encoding: str) -> Iterator[Paper]:
    """Papers of the arXiv metadata snapshot (JSON lines)."""
    return read_records(path, stream, problems, encoding, snapshot_fields)
