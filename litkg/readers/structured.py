"""Readers for structured inputs: JSON Lines, JSON arrays (or concatenated objects) and CSV/TSV.

Each reader streams: it holds one record (plus one buffered chunk) in memory at a time, never the
whole file. Broken records go to a :class:`~litkg.readers.Problems`, which raises or reports them
as the caller asked. Fields are mapped by :mod:`litkg.readers.fields` (whose names this module
re-exports for the modules that import them from here).
"""
from __future__ import annotations

import codecs
import csv
import itertools
import json
import os
import re
from typing import Any, BinaryIO, Iterable, Iterator

import orjson

from litkg.readers.checks import MAX_DEPTH
from litkg.readers.fields import (FIELDS, RecordProblem, canonical_field, field_key, json_type,
                                  paper_from_fields, paper_from_known)
from litkg.readers.lines import BOM, Line, decode_lines, encoding_label
from litkg.readers.problems import Problems
from litkg.records import Paper, SourceRef

__all__ = ["FIELDS", "RecordProblem", "paper_from_fields", "paper_from_known", "read_jsonl",
           "read_json", "read_csv"]

_CHUNK = 1 << 16  # characters decoded per read of a JSON file
_MAX_RECORD = 1 << 24  # a JSON record longer than this is taken as unterminated
_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes the decoder could not decode (surrogateescape)
# Only a \ud800-style escape can put a lone surrogate in decoded JSON: text without one needs no
# check of every value (the check costs as much as decoding).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _unreadable(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return f"invalid JSON: nested too deeply (more than {MAX_DEPTH} levels)"
    return f"invalid JSON: {str(exc).split(';')[0]}"


def _paper_or_report(value: Any, source: SourceRef, problems: Problems, *,
                     unicode_checked: bool = False) -> Paper | None:
    if not isinstance(value, dict):
        problems.report(source.line, f"record is not a JSON object (got {json_type(value)})")
        return None
    try:
        return paper_from_fields(value.items(), source, unicode_checked=unicode_checked)
    except RecordProblem as exc:
        problems.report(source.line, str(exc))
        return None


# --- JSON Lines --------------------------------------------------------------------------------


def decode_json_line(text: str) -> tuple[Any, bool]:
    """The value of one line of JSON, and whether it surely holds no lone surrogate.

    orjson first: it decodes twice as fast and refuses lone surrogates, so its values need no
    check. What it refuses (control characters, which are cleaned later, NaN, numbers past 64
    bits) the standard decoder may still read; raises what :func:`json.loads` raises.

    >>> decode_json_line('{"title": "A"}'), decode_json_line('{"t": "\\\\ud800"}')[1]
    (({'title': 'A'}, True), False)
    """
    try:
        return orjson.loads(text), True
    except orjson.JSONDecodeError:
        return json.loads(text, strict=False), not _SURROGATE_ESCAPE.search(text)


def json_line_values(lines: Iterable[Line], problems: Problems) -> Iterator[tuple[int, Any, bool]]:
    """``(line number, value, checked)`` of each non-blank line that is one JSON value
    (``checked``: as :func:`decode_json_line`); every other line is reported with its number."""
    for line in lines:
        if not line.text.strip():
            continue
        if line.error:
            problems.report(line.number, line.error)
            continue
        try:
            value, checked = decode_json_line(line.text)
        except json.JSONDecodeError as exc:
            problems.report(line.number, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        except (ValueError, RecursionError) as exc:  # a number of over 4,300 digits, deep nesting
            problems.report(line.number, _unreadable(exc))
            continue
        yield line.number, value, checked


def read_jsonl(path: str, stream: BinaryIO, problems: Problems, encoding: str) -> Iterator[Paper]:
    """One JSON object per line; blank lines are skipped."""
    for number, value, checked in json_line_values(decode_lines(stream, encoding), problems):
        paper = _paper_or_report(value, SourceRef(path, number), problems, unicode_checked=checked)
        if paper is not None:
            yield paper


# --- JSON array --------------------------------------------------------------------------------


class _Buffer:
    """Decoded text of a binary stream, read a chunk at a time, that knows its line numbers."""

    _JSON_NONSPACE = re.compile(r"[^ \t\r\n]")

    def __init__(self, stream: BinaryIO, encoding: str) -> None:
        self._stream = stream
        self._codec = encoding
        # surrogateescape keeps undecodable bytes in place, so records around them still parse.
        self._decoder = codecs.getincrementaldecoder(encoding)("surrogateescape")
        self.text, self.pos, self.eof = "", 0, False
        self._mark, self._mark_line = 0, 1  # text[_mark] is on line _mark_line
        self._col0 = 0  # column of text[0] (0-based)
        self._byte0 = 0  # file offset of text[0]
        self._started = False

    def more(self) -> bool:
        """Read one more chunk; False at end of file."""
        if self.eof:
            return False
        raw = self._stream.read(_CHUNK)
        chunk = self._decoder.decode(raw, final=not raw)
        self.eof = not raw
        if not self._started and chunk:
            self._started = True
            if chunk.startswith(BOM):
                chunk, self._byte0 = chunk[1:], len(BOM.encode(self._codec))
        self.text += chunk
        return bool(raw)

    def trim(self) -> None:
        """Forget the text before ``pos`` so memory stays bounded."""
        if self.pos < _CHUNK:
            return
        self.line_of(self.pos)  # moves the line mark up to pos, before that text goes
        head, self.text = self.text[: self.pos], self.text[self.pos:]
        self._mark -= self.pos
        newline = head.rfind("\n")
        self._col0 = len(head) - newline - 1 if newline >= 0 else self._col0 + len(head)
        self._byte0 += len(head.encode(self._codec, "surrogateescape"))
        self.pos = 0

    def skip_space(self) -> str:
        """Move ``pos`` to the next non-space character and return it ("" at end of file)."""
        while True:
            match = self._JSON_NONSPACE.search(self.text, self.pos)
            if match:
                self.pos = match.start()
                return self.text[self.pos]
            self.pos = len(self.text)
            if not self.more():
                return ""

    def line_of(self, index: int) -> int:
        if index >= self._mark:  # positions mostly grow: count only the new stretch
            self._mark_line += self.text.count("\n", self._mark, index)
            self._mark = index
            return self._mark_line
        return self._mark_line - self.text.count("\n", index, self._mark)

    def column_of(self, index: int) -> int:
        newline = self.text.rfind("\n", 0, index)
        return index - newline if newline >= 0 else self._col0 + index + 1

    def byte_offset(self, index: int) -> int:
        return self._byte0 + len(self.text[:index].encode(self._codec, "surrogateescape"))


_STRUCTURE = re.compile(r'[][{}"]')
# Where a broken scalar ends: at JSON whitespace (the only kind JSON allows between tokens),
# a comma or the closing bracket in an array; also before the next object in a sequence.
_SCALAR_END = re.compile(r"[ \t\r\n,\]{[]")
_NEXT_VALUE = re.compile(r"[ \t\r\n{[]")
_IN_STRING = re.compile(r'["\\\n]')


def _value_end(text: str, start: int, closer: str | None) -> int | None:
    """End of the JSON value at ``start`` found by bracket matching, or None if not in ``text``.

    Only used after a decode error, to step over the broken record and resume with the next one.
    """
    depth, pos = 0, start
    if text[start] not in "[{\"":
        # From start + 1: the end must lie past the start, or reading would never move on (a
        # stray character that re counts as space but JSON does not, like \x1f, once looped).
        match = (_SCALAR_END if closer else _NEXT_VALUE).search(text, start + 1)
        return match.start() if match else None
    while True:
        match = _STRUCTURE.search(text, pos)
        if not match:
            return None
        char, pos = match.group(), match.end()
        if char == '"':
            while True:  # a raw newline ends a string too: strings may not span lines
                inner = _IN_STRING.search(text, pos)
                if not inner:
                    return None
                pos = inner.end() + (inner.group() == "\\")
                if inner.group() != "\\":
                    break
        else:
            depth += 1 if char in "[{" else -1
        if depth <= 0:
            return pos


_BROKEN = object()  # stands for a record that could not be decoded (already reported)


def read_json(path: str, stream: BinaryIO, problems: Problems, encoding: str) -> Iterator[Paper]:
    """A JSON array of objects, parsed element by element; also a bare object or a sequence."""
    buf = _Buffer(stream, encoding)
    closer = None
    if buf.skip_space() == "[":
        closer, buf.pos = "]", buf.pos + 1
    need_comma = False
    while True:
        buf.trim()
        char = buf.skip_space()
        if char == "":
            if closer:  # reported on the last line that has something on it
                last = max(len(buf.text.rstrip()) - 1, 0)
                problems.report(buf.line_of(last), "unexpected end of file: JSON array not closed")
            return
        if closer and char == closer:
            buf.pos += 1
            if buf.skip_space():
                problems.report(buf.line_of(buf.pos), "unexpected data after the JSON array")
            return
        if closer and need_comma:
            need_comma = False
            if char == ",":
                buf.pos += 1
                continue  # a trailing comma before ']' is let through
            problems.report(buf.line_of(buf.pos), "invalid JSON: expected ',' between records")
        start = buf.pos
        value, end = _decode_value(buf, start, closer, problems, encoding)
        if end is None:
            return
        line = buf.line_of(start)
        buf.pos, need_comma = end, True
        if value is _BROKEN:
            # What broke may have been a whole record or a stray token between two: take the
            # comma if there is one, and do not complain if there is not.
            if closer and buf.skip_space() == ",":
                buf.pos += 1
            need_comma = False
            continue
        escaped = _ESCAPED.search(buf.text, start, end)
        if escaped:
            bad = escaped.start()
            problems.report(buf.line_of(bad), _bad_bytes(buf, bad, encoding))
            continue
        paper = _paper_or_report(value, SourceRef(path, line), problems)
        if paper is not None:
            yield paper


def _decode_value(buf: _Buffer, start: int, closer: str | None, problems: Problems,
                  encoding: str) -> tuple[Any, int | None]:
    """Decode the value at ``start``, reading more chunks as needed: ``(value, end)``.

    A broken value is reported and comes back as ``_BROKEN`` with the end found by bracket
    matching, so reading resumes after it; ``end`` is None when even that end cannot be found.
    """
    decoder = json.JSONDecoder(strict=False)  # control characters in strings are cleaned later
    while True:
        try:
            try:
                value, end = decoder.raw_decode(buf.text, start)
            except (RecursionError, ValueError) as exc:
                if isinstance(exc, json.JSONDecodeError):
                    raise
                # Deep nesting or a number of over 4,300 digits: a broken record to step over.
                raise json.JSONDecodeError(_unreadable(exc).removeprefix("invalid JSON: "),
                                           buf.text, start) from None
        except json.JSONDecodeError as exc:
            end = _value_end(buf.text, start, closer)
            if end is None and len(buf.text) - start < _MAX_RECORD and buf.more():
                continue  # the record goes on in the next chunk
            # Bracket matching past a broken bracket swallows every later record: resume at the
            # next record instead, when one starts before that end (#14).
            resume = _next_record(buf, start, start + 1) if closer else None
            if resume is not None and (end is None or resume < end):
                end = resume
            escaped = _ESCAPED.search(buf.text, start, end or exc.pos + 1)
            if escaped:
                reason = _bad_bytes(buf, escaped.start(), encoding)
            else:
                reason = f"invalid JSON: {exc.msg} (column {buf.column_of(exc.pos)})"
            if end is None:
                reason += "; cannot find the end of this record, rest of file not read"
            problems.report(buf.line_of(exc.pos), reason)
            return _BROKEN, end
        if end == len(buf.text) and buf.more():
            continue  # a number at the end of a chunk may go on in the next one
        return value, end


_RECORD_START = re.compile(r"[,\[\n][ \t\r\n]*(\{)")
_MAX_RESYNC = 1000  # record starts tried after a break before giving up


def _next_record(buf: _Buffer, start: int, pos: int) -> int | None:
    """Where the first whole record after the broken one at ``start`` begins: an object, after
    a comma, a bracket or a line end, that decodes and has a title or abstract field."""
    decoder = json.JSONDecoder(strict=False)
    search, tries = pos, 0
    while tries < _MAX_RESYNC:
        match = _RECORD_START.search(buf.text, search)
        if match is None:
            if buf.eof or len(buf.text) - start >= _MAX_RECORD:
                return None
            search = max(pos, len(buf.text) - 1)
            buf.more()
            continue
        brace, tries = match.start(1), tries + 1
        try:
            value, _ = decoder.raw_decode(buf.text, brace)
        except json.JSONDecodeError as exc:
            if exc.pos >= len(buf.text) - 1 and len(buf.text) - start < _MAX_RECORD and buf.more():
                continue  # the candidate goes on in the next chunk: try it again
            search = brace + 1
            continue
        except (ValueError, RecursionError):
            search = brace + 1
            continue
        if isinstance(value, dict) and any(canonical_field(k) in ("title", "abstract")
                                           for k in value):
            return brace
        search = brace + 1
    return None


def _bad_bytes(buf: _Buffer, index: int, encoding: str) -> str:
    return f"invalid {encoding_label(encoding)} at byte offset {buf.byte_offset(index)}"


# --- CSV ---------------------------------------------------------------------------------------


def _pick_delimiter(header: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    for delimiter in (",", "\t", ";"):
        if "title" in (field_key(cell.strip('"')) for cell in header.split(delimiter)):
            return delimiter
    return ","


def read_csv(path: str, stream: BinaryIO, problems: Problems, encoding: str) -> Iterator[Paper]:
    """A CSV (or TSV) file with a header row naming the fields; ``authors`` split on ';'."""
    lines = decode_lines(stream, encoding)
    header_line = next((line for line in lines if line.text.strip()), None)
    if header_line is None:
        return
    bad: dict[int, str] = {}  # undecodable lines read by csv and not yet matched to a row

    def texts() -> Iterator[str]:
        for line in itertools.chain([header_line], lines):
            if line.error:
                bad[line.number] = line.error
            yield line.text + "\n"  # csv needs the line ends to keep newlines in quoted cells

    delimiter = _pick_delimiter(header_line.text, os.path.splitext(path)[1].lower())
    # csv refuses cells over 128 KiB; allow what JSON allows, so a huge abstract is reported as
    # too long rather than as broken CSV (a process-wide setting, only ever raised).
    csv.field_size_limit(max(csv.field_size_limit(), _MAX_RECORD))
    reader = csv.reader(texts(), delimiter=delimiter, strict=True)
    offset = header_line.number - 1  # csv counts lines from the header
    try:
        header = next(reader)
    except csv.Error as exc:
        header, bad[header_line.number] = [], f"invalid CSV header: {exc}"
    if bad or "title" not in (canonical_field(name) for name in header):
        reason = bad.get(header_line.number) or "CSV header has no 'title' column"
        problems.report(header_line.number, reason + "; rest of file not read")
        return
    last = offset + reader.line_num  # file line of the last line csv has read
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            row, error = None, f"invalid CSV: {exc}"
        first, last = last + 1, offset + reader.line_num
        errors = [bad.pop(n) for n in sorted(bad) if n <= last]
        if row is not None and not any(cell.strip() for cell in row):
            continue  # blank line
        if row is None or errors:
            problems.report(first, error if row is None else errors[0])
            continue
        if len(row) > len(header):
            problems.report(first, f"row has {len(row)} fields but the header has {len(header)}")
            continue
        try:
            yield paper_from_fields(zip(header, row), SourceRef(path, first), csv_style=True)
        except RecordProblem as exc:
            problems.report(first, str(exc))
