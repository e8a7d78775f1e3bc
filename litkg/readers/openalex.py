"""OpenAlex works: API pages (``{"meta": …, "results": […]}``) and snapshot lines, one work each.

OpenAlex ships no abstract text: it ships ``abstract_inverted_index``, each word with the
positions it stands at, and :func:`abstract_from_index` puts the words back in order.
"""
from __future__ import annotations

import reprlib
from typing import Any, BinaryIO, Iterator

from litkg.identity import normalise_arxiv_id
from litkg.readers.fields import RecordProblem
from litkg.readers.jsonsource import id_text, read_records
from litkg.readers.problems import Problems
from litkg.records import Paper

__all__ = ["read_openalex", "openalex_fields", "abstract_from_index", "looks_like_openalex"]

_MAX_WORDS = 20_000  # an abstract longer than this many positions is a broken index


def abstract_from_index(index: Any) -> str:
    """The abstract an inverted index stands for; ``""`` for none.

    Rebuilding it checks its shape, an object of lists of positions (whole numbers), so it is
    never walked again for its depth (#14); a bad one is a RecordProblem.

    >>> abstract_from_index({"models": [1, 4], "Small": [0], "help": [2], "big": [3]})
    'Small models help big models'
    """
    if not index:
        return ""
    if not isinstance(index, dict):
        raise RecordProblem("abstract_inverted_index must be an object of position lists")
    try:
        count = sum(map(len, index.values()))
    except TypeError:
        return _abstract_with_gaps(index)
    if count > _MAX_WORDS:
        raise RecordProblem(f"abstract_inverted_index has over {_MAX_WORDS:,} positions")
    words: list = [None] * count
    try:  # the common case: positions 0..count-1, each once
        for word, positions in index.items():
            for position in positions:
                words[position] = word
    except (TypeError, IndexError):
        words = [None]
    if None in words:  # a gap, or a negative position: the careful way, which refuses those
        return _abstract_with_gaps(index)
    return " ".join(words)


def _abstract_with_gaps(index: dict) -> str:
    """The words in position order when positions skip or repeat; RecordProblem when bad."""
    words: dict[int, str] = {}
    for word, positions in index.items():
        if not isinstance(positions, list):
            raise RecordProblem("abstract_inverted_index must be an object of position lists")
        for position in positions:
            if type(position) is not int or not 0 <= position < _MAX_WORDS:
                shown = reprlib.repr(position)  # bounded: a position may be a deep list
                raise RecordProblem(f"abstract_inverted_index has a bad position: {shown}")
            words[position] = word
    return " ".join(words[p] for p in sorted(words))


def _arxiv_id(work: dict) -> Any:
    """The arXiv id of a work, from its ids or the landing page of an arXiv location."""
    ids = work.get("ids") or {}
    if isinstance(ids, dict) and ids.get("arxiv"):
        arxiv_id = id_text(ids["arxiv"])
        return normalise_arxiv_id(arxiv_id) if isinstance(arxiv_id, str) else arxiv_id
    for location in work.get("locations") or ():
        if not isinstance(location, dict):
            continue
        for key in ("landing_page_url", "pdf_url"):
            url = location.get(key) or ""
            if isinstance(url, str) and "arxiv.org/" in url:
                return normalise_arxiv_id(url)
    return None


def _venue(work: dict) -> str | None:
    location = work.get("primary_location") or {}
    source = location.get("source") if isinstance(location, dict) else None
    return source.get("display_name") if isinstance(source, dict) else None


def openalex_fields(work: dict) -> list[tuple[str, Any]]:
    """One OpenAlex work as ``(field, value)`` pairs."""
    authors = [a["author"].get("display_name") for a in work.get("authorships") or ()
               if isinstance(a, dict) and isinstance(a.get("author"), dict)]
    location = work.get("primary_location") or {}
    openalex_id = work.get("id")
    return [
        ("title", work.get("title") or work.get("display_name")),
        ("abstract", abstract_from_index(work.get("abstract_inverted_index"))),
        ("authors", [name for name in authors if name]),
        ("year", work.get("publication_year")),
        ("date", work.get("publication_date")),
        ("venue", _venue(work)),
        ("doi", work.get("doi")),
        ("arxiv_id", _arxiv_id(work)),
        ("url", location.get("landing_page_url") if isinstance(location, dict) else None),
        ("ids", [id_text(openalex_id, "openalex:")] if openalex_id else None),
        ("cited_by_count", work.get("cited_by_count")),
    ]


def looks_like_openalex(record: dict) -> bool:
    return "abstract_inverted_index" in record or str(record.get("id", "")).lower().startswith(
        "https://openalex.org/w")


def read_openalex(path: str, stream: BinaryIO, problems: Problems, encoding: str) -> Iterator[Paper]:
    """Works of an OpenAlex API page or snapshot (JSON lines)."""
    return read_records(path, stream, problems, encoding, openalex_fields)
