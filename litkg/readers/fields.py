"""One record's fields mapped to a :class:`~litkg.records.Paper`: names, types and shapes.

Every structured reader (JSON Lines, JSON, CSV) and every source (BibTeX, RIS, arXiv, OpenAlex,
Semantic Scholar, Hugging Face) ends here: :func:`paper_from_fields` takes ``(field, value)``
pairs with any of the spellings in :data:`FIELDS` (matched case-insensitively), and
:func:`paper_from_known` fields already named; a value of the wrong type or shape is a
:class:`RecordProblem` whose message is the reason the record is skipped.
"""
from __future__ import annotations

import json
import re
from typing import Any, Iterable

from litkg.readers.checks import MAX_DEPTH, nesting_depth
from litkg.readers.dates import parse_date
from litkg.readers.text import MAX_TEXT_CHARS, clean_text, text_problem
from litkg.records import Paper, SourceRef

__all__ = ["FIELDS", "RecordProblem", "paper_from_fields", "paper_from_known", "canonical_field",
           "field_key", "json_type"]

#: Canonical field names, each with the spellings accepted for it (after lower-casing).
FIELDS: dict[str, tuple[str, ...]] = {
    "abstract": ("abstract", "summary"), "arxiv_id": ("arxiv_id", "arxiv", "eprint"),
    **{name: (name,) for name in ("id", "title", "authors", "author_count", "year", "date",
                                  "venue", "url", "doi", "upvotes", "ids")},
}
_CANONICAL = {alias: name for name, aliases in FIELDS.items() for alias in aliases}
_TEXT_FIELDS = ("venue", "url", "doi", "arxiv_id")
_JSON_TYPES = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}

_AND = re.compile(r"\s+and\s+")
_SPACE = re.compile(r"\s+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_KEY_SEPARATORS = re.compile(r"[\s\-]+")


class RecordProblem(Exception):
    """A record cannot become a Paper; the message is the reason."""


def json_type(value: Any) -> str:
    """The JSON name of a decoded value's type: ``object``, ``array``, ``number``…"""
    return _JSON_TYPES.get(type(value), "number")


def _text(value: Any, field: str) -> str | None:
    if type(value) is str:  # the common case first: most fields of most records
        return clean_text(value).strip() or None
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise RecordProblem(f"{field} must be a string, not {json_type(value)}")
    return clean_text(str(value)).strip() or None


def _whole_number(value: Any, field: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    try:
        number = float(value) if isinstance(value, (str, float)) else None
    except ValueError:
        number = None
    if number is None or not number.is_integer():
        raise RecordProblem(f"{field} is not a whole number: {value!r}")
    return int(number)


def _author_name(item: Any) -> str | None:
    if isinstance(item, str):
        return clean_text(item).strip() or None
    if isinstance(item, dict):
        if item.get("name"):
            return _text(item["name"], "author name")
        parts = [item.get(k) for k in ("given", "first", "family", "last") if item.get(k)]
        if parts and all(isinstance(p, str) for p in parts):
            return clean_text(" ".join(p.strip() for p in parts))
    raise RecordProblem(f"an author must be a name or a {{\"name\": …}} object, "
                        f"not {json_type(item)}")


def _authors(value: Any, *, csv_style: bool) -> tuple[str, ...] | None:
    """Authors as a tuple, or None when the record does not say."""
    if value is None:
        return None
    if isinstance(value, str):
        # A CSV cell separates names with ';' only: "Tom and Jerry" may be one author there.
        value = clean_text(value)
        parts = value.split(";") if csv_style or ";" in value else _AND.split(value)
        names = tuple(p.strip() for p in parts if p.strip())
    elif isinstance(value, list):
        names = tuple(n for n in map(_author_name, value) if n)
    else:
        raise RecordProblem(f"authors must be a list or a string, not {json_type(value)}")
    return names or None


def _source_ids(value: Any) -> tuple[str, ...]:
    """Source identifiers as ``kind:value``, from ``{"openalex": "W1"}`` or ``["openalex:W1"]``."""
    if value is None:
        return ()
    if isinstance(value, dict):
        items = [f"{kind}:{ident}" for kind, ident in value.items() if ident not in (None, "")]
    elif isinstance(value, list):
        items = value
    else:
        raise RecordProblem(f"ids must be an object or a list, not {json_type(value)}")
    return tuple(_text(item, "an id") or "" for item in items if item not in (None, ""))


def field_key(key: Any) -> str:
    """A field name as matched against :data:`FIELDS`: lower case, ``_`` for spaces and dashes.

    >>> field_key(" ArXiv-ID "), canonical_field("Summary")
    ('arxiv_id', 'abstract')
    """
    return _KEY_SEPARATORS.sub("_", str(key).strip().lower())


def canonical_field(key: Any) -> str | None:
    """The name in :data:`FIELDS` that ``key`` spells, or None for a metadata field."""
    return _CANONICAL.get(field_key(key))


def paper_from_fields(pairs: Iterable[tuple[Any, Any]], source: SourceRef, *,
                      csv_style: bool = False, unicode_checked: bool = False) -> Paper:
    """Map one record's ``(field, value)`` pairs to a Paper; RecordProblem when it is unusable
    (``unicode_checked``: as :func:`paper_from_known`)."""
    known: dict[str, Any] = {}
    metadata: dict[str, Any] = {}
    for key, value in pairs:
        if isinstance(value, str):
            value = value.strip() or None
        name = canonical_field(key)
        # The first non-empty spelling wins; a second one ("summary" beside "abstract") is kept.
        if name is None or known.get(name) is not None:
            metadata[str(key)] = value
        else:
            known[name] = value
    return paper_from_known(known, metadata, source, csv_style=csv_style, unicode_checked=unicode_checked)


def paper_from_known(known: dict[str, Any], metadata: dict[str, Any], source: SourceRef, *,
                     csv_style: bool = False, unicode_checked: bool = False) -> Paper:
    """A Paper from fields already named as in :data:`FIELDS` (``known``) and the rest.

    ``unicode_checked`` says the caller knows no value holds a lone surrogate (a JSON line
    without ``\\ud800``-style escapes), which spares the check. RecordProblem when unusable.
    """
    if nesting_depth([*known.values(), *metadata.values()]) > MAX_DEPTH:  # as deep as a dict of them
        raise RecordProblem(f"a field is nested more than {MAX_DEPTH} levels deep")
    title = _text(known.get("title"), "title") or ""
    abstract = _text(known.get("abstract"), "abstract") or ""
    if not title and not abstract:
        # An abstract alone is still a paper (some corpora lack titles); nothing at all is not.
        raise RecordProblem("record has no title and no abstract")
    for name, text in (("title", title), ("abstract", abstract)):
        if unicode_checked and len(text) <= MAX_TEXT_CHARS:
            continue  # no lone surrogate, not too long: nothing text_problem could find
        problem = text_problem(name, text)
        if problem:
            raise RecordProblem(problem)
    authors = _authors(known.get("authors"), csv_style=csv_style)
    date_raw = _text(known.get("date"), "date")
    date, date_year = parse_date(date_raw) if date_raw else (None, None)
    year = _whole_number(known.get("year"), "year")
    if not unicode_checked:
        _check_unicode(known, metadata)
    return Paper(
        title=_SPACE.sub(" ", title),
        abstract=abstract,
        source=source,
        id=_text(known.get("id"), "id"),
        authors=authors or (),
        author_count=len(authors) if authors else _whole_number(known.get("author_count"),
                                                                "author_count"),
        year=year if year is not None else date_year,
        date=date,
        date_raw=date_raw,
        upvotes=_whole_number(known.get("upvotes"), "upvotes"),
        ids=_source_ids(known.get("ids")),
        metadata=metadata,
        **{name: _text(known.get(name), name) for name in _TEXT_FIELDS},
    )


def _check_unicode(known: dict[str, Any], metadata: dict[str, Any]) -> None:
    # A JSON escape can make a lone surrogate, which no file or database encoding can hold: the
    # record would fail later, in the store, taking its whole batch with it.
    text = json.dumps([known, metadata], ensure_ascii=False, default=str)
    if _SURROGATE.search(text):
        field = next((str(k) for k, v in [*known.items(), *metadata.items()]
                      if _SURROGATE.search(json.dumps([k, v], ensure_ascii=False, default=str))),
                     "a field")
        raise RecordProblem(f"{field} holds an unpaired surrogate "
                            f"(an invalid \\u escape such as \\ud800)")
