"""The input side of a build: records read and checked from files or memory, where in the inputs a
record starts (for the progress bar), and what a build reports (:class:`BuildSummary`,
:class:`BuildProgress`). :class:`~litkg.core.KnowledgeGraph` drives them.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

from litkg.errors import InputNotFoundError
from litkg.records import Paper, SkippedRecord

__all__ = ["BuildSummary", "BuildProgress", "RECORDS_SOURCE"]

@dataclass(frozen=True)
class BuildSummary:
    """What one build did."""

    files: int
    records_read: int
    papers_new: int
    papers_merged: int
    papers_unchanged: int
    papers_extracted: int
    records_skipped: int
    papers_total: int
    concepts_total: int
    edges_total: int
    skipped: tuple[SkippedRecord, ...] = field(default=())
    records_title_only: int = 0  # records read without an abstract (kept, with a title only)

    def to_json(self) -> dict:
        data = {k: v for k, v in self.__dict__.items() if k != "skipped"}
        data["skipped"] = [{"path": s.path, "line": s.line, "reason": s.reason} for s in self.skipped]
        return data


@dataclass(frozen=True)
class BuildProgress:
    """How far a build is, as passed to ``build(progress=…)`` after each committed batch.

    ``records`` were read so far; ``bytes_done`` of the inputs' ``bytes_total`` are behind them
    (how many records the files hold is not known before they are read, their sizes are).
    ``records_total`` is known only for :meth:`KnowledgeGraph.build_records` of a sized collection.
    """

    records: int
    bytes_done: int = 0
    bytes_total: int = 0
    records_total: int | None = None


class _InputBytes:
    """Where in the inputs a record starts, in bytes: the sizes of the files before it plus the
    offset of its first line, found by reading on from the last record asked about (records come
    in file order), so it holds no table of line starts whatever the file's length (#14)."""

    def __init__(self, inputs: Sequence[str | os.PathLike]) -> None:
        self.opened = [str(p) for p in inputs]
        self.paths = [_source_path(p) for p in inputs]  # as in Paper.source
        self.sizes = [os.path.getsize(p) for p in inputs]
        self.total = sum(self.sizes)
        self._index, self._line, self._offset = -1, 1, 0

    def position(self, paper: Paper) -> int:
        path = paper.source.path
        if self._index < 0 or self.paths[self._index] != path:
            following = [i for i in range(self._index + 1, len(self.paths)) if self.paths[i] == path]
            if not following:
                return sum(self.sizes[: self._index + 1])
            self._index, self._line, self._offset = following[0], 1, 0
        line = max(1, paper.source.line)
        if line < self._line:
            self._line, self._offset = 1, 0
        if line > self._line:
            self._line, self._offset = _line_start(self.opened[self._index], self._line, self._offset, line)
        return sum(self.sizes[: self._index]) + self._offset


def _line_start(path: str, line: int, offset: int, target: int) -> tuple[int, int]:
    """``(target, where it starts)`` in the file at ``path``, reading on from ``line``, which starts
    at ``offset`` (or the line at the end of a shorter file, and the file's size)."""
    with open(path, "rb") as handle:
        handle.seek(offset)
        while line < target and (chunk := handle.read(1 << 20)):
            newlines = chunk.count(b"\n")
            if line + newlines < target:
                line, offset = line + newlines, offset + len(chunk)
                continue
            at = -1
            while line < target:
                at = chunk.find(b"\n", at + 1)
                line += 1
            offset += at + 1
    return line, offset


#: ``Paper.source.path`` of records given to :meth:`KnowledgeGraph.build_records` without a source.
RECORDS_SOURCE = "<records>"


def _as_paper(record: Paper | Mapping[str, Any], number: int) -> Paper:
    """A :class:`Paper` from a Paper or a dict with the fields of a JSONL record (others become
    metadata), sourced ``<records>:N`` (N counting from 1) unless it has a source of its own."""
    from dataclasses import replace

    from litkg.records import DEFAULT_SOURCE, SourceRef

    from litkg.readers import clean_text, text_problem
    from litkg.readers.structured import paper_from_fields

    where = SourceRef(RECORDS_SOURCE, number)
    if isinstance(record, Paper):
        paper = replace(record, source=where) if record.source == DEFAULT_SOURCE else record
        paper = replace(paper, title=clean_text(paper.title or "").strip(),
                        abstract=clean_text(paper.abstract or "").strip())
        if not paper.title and not paper.abstract:
            raise ValueError("record has no title and no abstract")
        for name in ("title", "abstract"):
            problem = text_problem(name, getattr(paper, name))
            if problem:
                raise ValueError(problem)
        return _checked(paper)
    if not isinstance(record, Mapping):
        raise TypeError(f"record is a {type(record).__name__}, not a dict or a Paper")
    # As a JSONL reader reads a line: control characters go, then the fields are mapped.
    fields = [(key, clean_text(value) if isinstance(value, str) else value) for key, value in record.items()]
    return _checked(paper_from_fields(fields, where))


def _checked(paper: Paper) -> Paper:
    from litkg.readers import paper_problem

    problem = paper_problem(paper)  # a number out of range, a field of a wrong type (#14)
    if problem:
        raise ValueError(problem)
    return paper


def _read_all(inputs: Sequence[str | os.PathLike], fmt: str | None, on_error: str,
              skipped: list[SkippedRecord], encoding: str = "utf-8",
              spellings: dict[str, str] | None = None) -> Iterator[Paper]:
    """The records of ``inputs``. With ``spellings`` (a build), each file is read under its real
    path, so that ``a.jsonl``, ``./a.jsonl``, ``d/../a.jsonl`` and a symlink to it are one source
    of the store (#14); ``spellings`` maps it back to the path as given, which reports use."""
    from dataclasses import replace

    from litkg.errors import MalformedRecordError
    from litkg.readers import read_papers
    from litkg.records import SourceRef

    for path in inputs:
        given = read = stored = str(path)
        if spellings is not None:
            read = os.path.realpath(path)
            stored = _source_path(read)
            spellings.setdefault(stored, given)

        def report(record: SkippedRecord, read: str = read, given: str = given) -> None:
            skipped.append(SkippedRecord(given, record.line, record.reason) if record.path == read else record)
        try:
            papers = read_papers(read, format=fmt, on_error=on_error, skipped=report, encoding=encoding)
            if stored != read:  # a name with bytes that are not UTF-8: stored escaped (#14)
                papers = (replace(p, source=SourceRef(stored, p.source.line)) for p in papers)
            yield from papers
        except MalformedRecordError as exc:
            if exc.path != read or read == given:
                raise
            raise MalformedRecordError(given, exc.line, exc.reason) from None


def _source_path(path: str | os.PathLike) -> str:
    r"""How a build records the input at ``path`` (its real path): as it is, or with each byte that
    is not UTF-8 written ``\xNN``, as a text column can hold it.

    >>> _source_path("/data/a\udcff.jsonl")
    '/data/a\\xff.jsonl'
    """
    path = str(path)
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path


def _check_inputs(inputs: Sequence[str | os.PathLike], fmt: str | None = None, encoding: str = "utf-8") -> None:
    """Check every input before any work, so a typo or a binary file among the inputs never
    half-builds a store: each file must exist and look like paper records."""
    from litkg.readers import read_papers

    for path in inputs:
        if not Path(path).exists():
            raise InputNotFoundError(f"no such file: {path}")
        read_papers(path, format=fmt, encoding=encoding)  # checks the file; reads no record
