"""What the JSON sources share: records out of JSON lines or one JSON page, each with its line.

A source file is either JSON lines (a snapshot or bulk dataset: one record per line, read one line
at a time, memory flat) or one JSON document (an API page saved to a file: a list of records, or
an object whose ``results``/``data`` member lists them, or one record). A line of JSON lines may
itself be a whole page, as ``curl`` saves one. Each source module only maps one record's fields
(:data:`FieldMap`); :func:`read_records` does the rest, so every source reports broken records
the same way, with file and line.
"""
from __future__ import annotations

import json
import re
from typing import Any, BinaryIO, Callable, Iterable, Iterator, NamedTuple

from litkg.readers.checks import MAX_DEPTH, nesting_depth
from litkg.readers.fields import FIELDS, RecordProblem, paper_from_known
from litkg.readers.lines import decode_lines
from litkg.readers.problems import Problems
from litkg.readers.structured import _value_end, json_line_values
from litkg.records import Paper, SourceRef

__all__ = ["FieldMap", "read_records", "iter_values", "first_record", "id_text", "PAGE_KEYS"]

#: Members of a page object that hold its records: OpenAlex ``results``, Semantic Scholar ``data``.
PAGE_KEYS = ("results", "data")
#: A field mapper: one source record → ``(field, value)`` pairs for :func:`paper_from_fields`.
FieldMap = Callable[[dict], Iterable[tuple[str, Any]]]

_MAX_DOCUMENT = 1 << 28  # bytes: a JSON page longer than this is not a page
_WHITESPACE = " \t\r\n"
_decoder = json.JSONDecoder(strict=False)
_KNOWN = frozenset(FIELDS)
# Only a \ud800-style escape can put a lone surrogate in decoded JSON: text without one needs no
# check of every value (the check costs as much as decoding).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def read_records(path: str, stream: BinaryIO, problems: Problems, encoding: str,
                 fields: FieldMap) -> Iterator[Paper]:
    """Papers from the records of a JSON source, mapped by ``fields``; broken ones reported.

    Only what ``fields`` reads is checked for its depth (#14), by :func:`paper_from_known`: the
    field mappers take values out without walking into them and turn none into text but through
    :func:`id_text`, so a deep value in a field no source reads costs nothing.
    """
    for line, value, checked in iter_values(stream, problems, encoding):
        if isinstance(value, Unreadable):
            problems.report(line, f"invalid JSON: {value.reason}")
            continue
        if not isinstance(value, dict):
            problems.report(line, f"record is not a JSON object (got {type(value).__name__})")
            continue
        try:
            known, metadata = _split(fields(value))
            yield paper_from_known(known, metadata, SourceRef(path, line), unicode_checked=checked)
        except RecordProblem as exc:
            problems.report(line, str(exc))
        except (TypeError, AttributeError, ValueError, RecursionError) as exc:  # a field of an unexpected shape
            problems.report(line, f"unexpected record shape: {exc}")


def id_text(value: Any, prefix: str = "") -> Any:
    """``prefix`` and ``value`` as text, for an identifier a source builds itself; a list or an
    object nested more than :data:`MAX_DEPTH` levels deep is passed on as it is, never turned into
    text, for :func:`paper_from_known` to refuse (#14).

    >>> id_text("W1", "openalex:"), id_text(31, "s2corpus:"), id_text(["2401.00001"])
    ('openalex:W1', 's2corpus:31', "['2401.00001']")
    """
    if isinstance(value, (list, dict)) and nesting_depth(value) > MAX_DEPTH:
        return value
    return f"{prefix}{value}"


def _split(pairs: Iterable[tuple[str, Any]]) -> tuple[dict, dict]:
    """Fields litkg knows, and the rest (metadata); empty values dropped."""
    known: dict[str, Any] = {}
    metadata: dict[str, Any] = {}
    for key, value in pairs:
        if value is not None and value != "":
            (known if key in _KNOWN else metadata)[key] = value
    return known, metadata


def iter_values(stream: BinaryIO, problems: Problems,
                encoding: str) -> Iterator[tuple[int, Any, bool]]:
    """``(line, record, checked)`` for each record of a JSON-lines file or of one JSON page;
    ``checked`` when its text has no escape that could make a lone surrogate."""
    lines = decode_lines(stream, encoding)
    head: list = []
    for line in lines:
        head.append(line)
        if line.text.strip():
            break
    if not head or not head[-1].text.strip():
        return
    first = head[-1]
    whole_line = True  # a first line that is a whole value (or undecodable): JSON lines
    if not first.error:
        try:
            _decoder.decode(first.text)
        except json.JSONDecodeError:
            whole_line = False
        except ValueError:  # a number of over 4,300 digits: a whole line all the same
            pass
        except RecursionError:
            pass
    if not whole_line:
        yield from _document(head, lines, problems, encoding)
        return
    yield from _json_lines([first], problems)
    yield from _json_lines(lines, problems)


def _json_lines(lines, problems: Problems) -> Iterator[tuple[int, Any, bool]]:
    for number, value, checked in json_line_values(lines, problems):
        page = _page_items(value)
        if page is None:
            yield number, value, checked
        else:
            yield from ((number, item, checked) for item in page)


def _page_items(value: Any) -> list | None:
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        for key in PAGE_KEYS:
            if isinstance(value.get(key), list):
                return value[key]
    return None


def _document(head, lines, problems: Problems, encoding: str) -> Iterator[tuple[int, Any, bool]]:
    """One JSON document over several lines: its records, each with the line it starts on."""
    offset = head[0].number - 1
    parts, size = [], 0
    for line in (*head, *lines):
        if line.error:
            problems.report(line.number, line.error + "; rest of file not read")
            return
        parts.append(line.text)
        size += len(line.text) + 1
        if size > _MAX_DOCUMENT:
            problems.report(head[-1].number, f"JSON document over {_MAX_DOCUMENT:,} bytes that "
                                             f"is not JSON lines; rest of file not read")
            return
    text = "\n".join(parts)
    checked = not _SURROGATE_ESCAPE.search(text)
    walker = _Walker(text, offset)
    try:
        yield from ((line, value, checked) for line, value in walker.records())
    except json.JSONDecodeError as exc:
        problems.report(walker.line_of(exc.pos), f"invalid JSON: {exc.msg} "
                                                 f"(column {exc.colno}); rest of file not read")
    except RecursionError:
        problems.report(walker.line_of(0), "invalid JSON: nested too deeply; rest of file not read")
    except ValueError as exc:  # a number of over 4,300 digits (#14)
        problems.report(walker.line_of(0), f"invalid JSON: {str(exc).split(';')[0]}; "
                                           f"rest of file not read")
    except _Truncated as exc:
        problems.report(walker.line_of(exc.args[0]), "the JSON document ends too early "
                                                     "(truncated?); rest of file not read")


class _Truncated(Exception):
    """The document ends inside a value."""


class Unreadable(NamedTuple):
    """A record of a JSON document that is whole but cannot be decoded (a number of over 4,300
    digits, nesting too deep): reported as one bad record, and the next one is read."""

    reason: str


class _Walker:
    """Walks the top of a JSON document, decoding each record on its own to know its line."""

    def __init__(self, text: str, offset: int) -> None:
        self.text, self.offset = text, offset
        self._pos, self._line = 0, 1 + offset

    def line_of(self, pos: int) -> int:
        if pos < self._pos:
            self._pos, self._line = 0, 1 + self.offset
        self._line += self.text.count("\n", self._pos, pos)
        self._pos = pos
        return self._line

    def _skip(self, pos: int) -> int:
        while pos < len(self.text) and self.text[pos] in _WHITESPACE:
            pos += 1
        if pos >= len(self.text):
            raise _Truncated(pos)
        return pos

    def records(self) -> Iterator[tuple[int, Any]]:
        pos = self._skip(0)
        if self.text[pos] == "[":
            yield from self._array(pos)
        elif self.text[pos] == "{":
            yield from self._object(pos)
        else:
            value, _ = _decoder.raw_decode(self.text, pos)
            yield self.line_of(pos), value

    def _array(self, pos: int) -> Iterator[tuple[int, Any]]:
        pos = self._skip(pos + 1)
        while self.text[pos] != "]":
            try:
                value, end = _decoder.raw_decode(self.text, pos)
            except json.JSONDecodeError:
                raise
            except (ValueError, RecursionError) as exc:  # a 4,301-digit number, deep nesting (#14)
                end = _value_end(self.text, pos, "]")
                if end is None:
                    raise json.JSONDecodeError(str(exc).split(";")[0], self.text, pos) from None
                value = Unreadable("nested too deeply" if isinstance(exc, RecursionError)
                                   else str(exc).split(";")[0])
            yield self.line_of(pos), value
            pos = self._skip(end)
            if self.text[pos] == ",":
                pos = self._skip(pos + 1)
            elif self.text[pos] != "]":
                raise json.JSONDecodeError("Expecting ',' delimiter", self.text, pos)

    def _object(self, start: int) -> Iterator[tuple[int, Any]]:
        """The records of a page's ``results``/``data`` member, else the object as one record."""
        members: dict[str, Any] = {}
        pos = self._skip(start + 1)
        while self.text[pos] != "}":
            key, pos = _decoder.raw_decode(self.text, pos)
            pos = self._skip(pos)
            if self.text[pos] != ":" or not isinstance(key, str):
                raise json.JSONDecodeError("Expecting ':' delimiter", self.text, pos)
            pos = self._skip(pos + 1)
            if key in PAGE_KEYS and self.text[pos] == "[":
                yield from self._array(pos)
                return  # a page's other members (meta, next, token) are not records
            members[key], pos = _decoder.raw_decode(self.text, pos)
            pos = self._skip(pos)
            if self.text[pos] == ",":
                pos = self._skip(pos + 1)
            elif self.text[pos] != "}":
                raise json.JSONDecodeError("Expecting ',' delimiter", self.text, pos)
        yield self.line_of(start), members


def first_record(text: str) -> dict | None:
    """The first record of a sample of a JSON source, for sniffing; None when there is none.

    >>> first_record('{"meta": {}, "results": [{"id": "https://openalex.org/W1"}]}')
    {'id': 'https://openalex.org/W1'}
    """
    text = text.lstrip("\ufeff" + _WHITESPACE)
    line = text.partition("\n")[0]
    for candidate in (line, text):
        try:
            value = _decoder.decode(candidate)
        except (ValueError, RecursionError):  # ValueError: also numbers of over 4,300 digits
            continue
        items = _page_items(value)
        value = items[0] if items else value
        return value if isinstance(value, dict) else None
    try:  # a long document cut off by the sample: walk to its first record
        for _, value in _Walker(text, 0).records():
            return value if isinstance(value, dict) else None
    except (ValueError, _Truncated, IndexError, RecursionError):
        return None
    return None

