"""The core object: one knowledge graph store and the operations on it.

The CLI, the tests and notebook users all call :class:`KnowledgeGraph`; the CLI only formats what
it returns.

For example (the README's Python API section shows more; tests/test_api.py runs it)::

    kg = KnowledgeGraph("litkg.db")
    summary = kg.build(["papers.jsonl"], on_error="skip")
    kg.papers_using("WiLDS")
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
import sys
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, Sequence

from litkg.errors import InputNotFoundError
from litkg.queries import defaults as Q
from litkg.queries.results import Rows
from litkg.records import Extraction, Paper, SkippedLog, SkippedRecord

if TYPE_CHECKING:
    from litkg.exporting import GraphExport
    from litkg.extract.pipeline import Extractor
    from litkg.graph.neo4j_export import Neo4jCsvExport
    from litkg.graph.neo4j_push import Neo4jSettings, PushSummary
    from litkg.graph.store import GraphStore


def __getattr__(name: str):
    # spaCy loads with the extraction pipeline, and so does the store module for now (it imports
    # litkg.extract, whose __init__ builds on the pipeline): both are imported when first used, so
    # that `litkg --help` and the commands that extract nothing start without them (#10).
    if name == "Extractor":
        from litkg.extract.pipeline import Extractor

        return Extractor
    if name == "GraphStore":
        from litkg.graph.store import GraphStore

        return GraphStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _lazy(name: str):
    """``Extractor`` or ``GraphStore``, imported on first use (or as a test replaced it here)."""
    return getattr(sys.modules[__name__], name)


__all__ = ["KnowledgeGraph", "BuildSummary", "BuildProgress", "DEFAULT_DB", "RECORDS_SOURCE"]

DEFAULT_DB = "litkg.db"
_BATCH = 256


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


class KnowledgeGraph:
    """A litkg knowledge graph backed by an SQLite file.

    Parameters
    ----------
    db:
        Path of the store; created on the first build.
    extractor:
        The extraction pipeline; a default one is built on first use.
    """

    def __init__(self, db: str | os.PathLike = DEFAULT_DB, *, extractor: Extractor | None = None,
                 fast: bool = False, workers: int = 1, time_budget: float | None = None) -> None:
        from litkg.extract.guards import time_budget as budget_seconds

        self.db_path = Path(db)
        # Seconds one record's extraction may take before it is skipped (#14); 0: no limit.
        self._budget = budget_seconds(time_budget)
        self._extractor = extractor
        self._fast = fast  # rules and gazetteer only, without the learned span model
        self._workers = workers  # extraction processes; 1 extracts in this process
        self._store: GraphStore | None = None
        self._spellings: dict[str, str] = {}  # real path of each input → the path as given

    # -- plumbing -----------------------------------------------------------------------------
    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            if self._workers > 1:
                from litkg.extract.parallel import ParallelExtractor

                self._extractor = ParallelExtractor(self._workers, fast=self._fast)
            else:
                self._extractor = _lazy("Extractor")(fast=self._fast)
        return self._extractor

    @property
    def store(self) -> GraphStore:
        """The open store; reading a store that does not exist is an error, not a new file."""
        if self._store is None:
            # Read-only, one snapshot until close(): no lock, consistent during a build (#14).
            self._store = _lazy("GraphStore")(self.db_path, readonly=True)
        return self._store

    def _open_for_writing(self) -> GraphStore:
        if self._store is not None and self._store.readonly:
            self._store.close()
            self._store = None
        if self._store is None:
            self._store = _lazy("GraphStore")(self.db_path, create=True)
        return self._store

    def close(self) -> None:
        if self._extractor is not None:
            self._extractor.close()  # stops extraction workers, if any
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- build --------------------------------------------------------------------------------
    def build(self, inputs: Sequence[str | os.PathLike], *, format: str | None = None, on_error: str = "skip",
              progress: Callable[[BuildProgress], None] | None = None, encoding: str = "utf-8",
              batch_size: int = _BATCH) -> BuildSummary:
        """Read, extract and store papers from ``inputs``; merge duplicates; return a summary.

        With ``on_error="skip"`` each batch of ``batch_size`` records commits on its own and bad
        records are counted and skipped. With ``on_error="fail"`` the whole build is one
        transaction: the first bad record raises :class:`~litkg.errors.MalformedRecordError` and
        nothing is written. ``encoding`` is the input files' text encoding (ASCII-compatible).
        ``progress`` is called with a :class:`BuildProgress` after each batch (records read, and
        bytes of the inputs behind them out of their total size).
        """
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        _check_inputs(inputs, format, encoding)
        skipped: list[SkippedRecord] = SkippedLog()  # the first 1,000, and a count of all
        self._spellings = {}
        records = _read_all(inputs, format, on_error, skipped, encoding, self._spellings)
        return self._build(records, len(inputs), skipped, on_error=on_error, progress=progress,
                           batch_size=batch_size, where=_InputBytes([os.path.realpath(p) for p in inputs]))

    def build_records(self, records: Iterable[Paper | Mapping[str, Any]], *, on_error: str = "skip",
                      progress: Callable[[BuildProgress], None] | None = None,
                      batch_size: int = _BATCH) -> BuildSummary:
        """Build from records in memory (a notebook's list of dicts, a generator, ``Paper`` objects)
        exactly as :meth:`build` builds from files.

        A dict has the fields of a JSONL record (``title``, ``abstract``, ``authors``, ``year``,
        ``doi``, …; other keys are kept as metadata); its source is ``<records>:N``, N counting
        from 1. A dict that is not a valid record is skipped and reported (``on_error="skip"``)
        or raises :class:`~litkg.errors.MalformedRecordError` with nothing written (``"fail"``).

        For example: ``kg.build_records([{"title": "TRAM", "abstract": "We evaluate on WILDS."}])``.
        """
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        if on_error not in ("skip", "fail"):
            raise ValueError(f"on_error must be 'skip' or 'fail', not {on_error!r}")
        if isinstance(records, (str, bytes, Mapping, Paper)):
            raise TypeError("build_records takes an iterable of records (dicts or Papers), not one record or a "
                            "path; use build([path]) for files")
        skipped: list[SkippedRecord] = SkippedLog()  # the first 1,000, and a count of all
        total = len(records) if hasattr(records, "__len__") else None

        def papers() -> Iterator[Paper]:
            from litkg.errors import LitkgError, MalformedRecordError
            from litkg.readers.structured import RecordProblem

            for number, record in enumerate(records, start=1):
                try:
                    yield _as_paper(record, number)
                except (LitkgError, RecordProblem, TypeError, ValueError) as exc:
                    reason = getattr(exc, "reason", None) or getattr(exc, "message", None) or str(exc)
                    if on_error == "fail":
                        raise MalformedRecordError(RECORDS_SOURCE, number, reason) from None
                    skipped.append(SkippedRecord(RECORDS_SOURCE, number, reason))

        return self._build(papers(), 0, skipped, on_error=on_error, progress=progress, batch_size=batch_size,
                           records_total=total)

    def _build(self, records: Iterator[Paper], files: int, skipped: list[SkippedRecord], *, on_error: str,
               progress: Callable[[BuildProgress], None] | None, batch_size: int,
               where: _InputBytes | None = None, records_total: int | None = None) -> BuildSummary:
        store = self._open_for_writing()
        bytes_total = where.total if where else 0

        def report(last: Paper | None) -> None:
            if progress:
                done = where.position(last) if where and last is not None else 0
                progress(BuildProgress(counts["read"], done, bytes_total, records_total))
        counts = {"read": 0, "new": 0, "merged": 0, "unchanged": 0, "extracted": 0, "title_only": 0}

        def run_batches() -> None:
            from contextlib import closing

            with closing(self._batches(store, records, batch_size)) as batches:
                for batch, ahead in batches:
                    self._write_batch(store, batch, counts, skipped, on_error=on_error, ahead=ahead)
                    if len(batch) >= batch_size:
                        report(batch[-1])
            if progress:
                progress(BuildProgress(counts["read"], bytes_total, bytes_total, records_total))

        if on_error == "fail":
            with store.transaction(), store.build_session():
                run_batches()
        else:
            with store.build_session():  # concept rows refreshed once, at the end
                run_batches()
        return BuildSummary(
            files=files, records_read=counts["read"], papers_new=counts["new"],
            papers_merged=counts["merged"], papers_unchanged=counts["unchanged"],
            papers_extracted=counts["extracted"], records_skipped=getattr(skipped, "total", len(skipped)),
            papers_total=store.count("papers"), concepts_total=store.count("concepts"),
            edges_total=store.count("edges"), skipped=tuple(skipped),
            records_title_only=counts["title_only"],
        )

    def _batches(self, store: GraphStore, records: Iterator[Paper], size: int) -> Iterator[tuple[list[Paper], Any]]:
        """Batches of ``size`` records; on worker processes, each with its extractions made ahead
        (:mod:`litkg.extract_ahead`) while the store writes the batches before it."""
        from itertools import islice

        from litkg.extract.parallel import ParallelExtractor

        if not isinstance(self.extractor, ParallelExtractor):
            while batch := list(islice(records, size)):
                yield batch, None
            return
        from litkg.extract_ahead import ExtractAhead

        self.extractor.extract(Paper(title="start", abstract=""))  # workers start from this thread
        ahead = ExtractAhead(lambda papers: self._extract_within_budget(papers, with_phrases=True),
                             lambda paper: store.find_paper_key(paper) is not None)
        yield from ahead.batches(records, size)

    def _write_batch(self, store: GraphStore, batch: list[Paper], counts: dict, skipped: list[SkippedRecord], *,
                     on_error: str, ahead: Any = None) -> None:
        version = self.extractor.version

        def write() -> None:
            to_extract: dict[str, Paper] = {}
            fresh: set[str] = set()  # papers inserted by this batch: no old rows to replace
            for paper in batch:
                result = store.upsert_paper(paper, version)
                counts["read"] += 1
                counts[result.status] += 1
                counts["title_only"] += not paper.abstract
                if result.needs_extraction:
                    title, abstract = result.text or store.paper_text(result.key)
                    to_extract[result.key] = Paper(title=title, abstract=abstract, source=paper.source)
                    fresh.update([result.key] if result.status == "new" else ())
            papers = list(to_extract.values())
            extractions = ahead.extract(papers) if ahead else self._extract_within_budget(papers, with_phrases=True)
            for (key, paper), extraction in zip(to_extract.items(), extractions):
                if extraction is None:  # over the time budget: kept without entities, tried again next build
                    self._over_budget(paper, on_error, skipped, stored=True)
                    store.replace_edges(key, (), None, fresh=key in fresh)
                    continue
                self._store_extraction(store, key, extraction, fresh=key in fresh)
                counts["extracted"] += 1
            store.link_phrases()
            store.refresh_concepts()

        if on_error == "fail":
            write()
        else:
            with store.transaction():
                write()

    def _extract_within_budget(self, papers: list[Paper], *, with_phrases: bool = False) -> list[Extraction | None]:
        """The extraction of each paper, or None for one that ran past the time budget."""
        from litkg.extract.guards import extract_within_budget, memory_zone
        from litkg.extract.parallel import ParallelExtractor

        if isinstance(self.extractor, ParallelExtractor):
            return list(self.extractor.extract_many(papers, with_phrases=with_phrases, budget=self._budget))
        with memory_zone(self.extractor):  # a pipeline that learned too many new words is replaced (#14)
            return extract_within_budget(self.extractor.extract_many, papers, self._budget, with_phrases=with_phrases)

    def _over_budget(self, paper: Paper, on_error: str, skipped: list[SkippedRecord], *, stored: bool = False) -> None:
        from litkg.errors import MalformedRecordError
        from litkg.extract.guards import budget_reason

        reason = budget_reason(self._budget, stored=stored)
        path = self._spellings.get(paper.source.path, paper.source.path)  # as given
        if on_error == "fail":
            raise MalformedRecordError(path, paper.source.line, reason)
        skipped.append(SkippedRecord(path, paper.source.line, reason))

    def _store_extraction(self, store: GraphStore, key: str, extraction: Extraction, *, fresh: bool = False) -> None:
        gazetteer = self.extractor.gazetteer
        stored = store.replace_edges(key, extraction.entities, self.extractor.version, fresh=fresh)
        for entity in extraction.entities:
            for rel, targets in (("part_of", entity.part_of), ("variant_of", entity.variant_of)):
                for target in targets:
                    entry = gazetteer.entries.get(target)
                    if entry is None:
                        continue
                    # The whole of which a dataset is part (WILDS for GWHD 2021) is a concept even
                    # when no paper names it, so "papers using WILDS, with parts" can find it.
                    store.upsert_concept(entry.id, entry.name, entry.type, "gazetteer", entry.aliases)
                    store.add_relation(stored[entity.key], rel, entry.id)

    # -- past one machine (#10) ---------------------------------------------------------------
    def extract_on_dask(self, inputs: Sequence[str | os.PathLike], *, scheduler: str = "local",
                        parts: str | os.PathLike | None = None, format: str | None = None, on_error: str = "skip",
                        encoding: str = "utf-8", partition_size: int | None = None,
                        progress: Callable[[BuildProgress], None] | None = None) -> Path:
        """Extract ``inputs`` on Dask into a parts folder (default ``DB.parts``) and return it
        (:func:`litkg.distributed_build.extract_to_parts`); ``scheduler="local"`` starts a
        LocalCluster of ``workers`` processes. :meth:`build_from_parts` stores it."""
        from litkg.distributed_build import default_parts, extract_to_parts

        return extract_to_parts(inputs, parts or default_parts(self.db_path), scheduler=scheduler,
                                workers=self._workers, fast=self._fast, format=format, on_error=on_error,
                                encoding=encoding, partition_size=partition_size, progress=progress)

    def build_from_parts(self, parts: str | os.PathLike, *, progress: Callable[[BuildProgress], None] | None = None,
                         batch_size: int = _BATCH) -> BuildSummary:
        """Merge a finished parts folder into the store: the store a :meth:`build` of the same
        inputs gives. Incomplete or mismatched parts are refused before anything is written
        (:func:`litkg.parts.open_parts`)."""
        from litkg.parts import open_parts

        source = open_parts(parts, batch_size=batch_size)
        previous, self._extractor = self._extractor, source.extractor
        try:
            return self._build(source.papers(), source.files, source.skipped, on_error=source.on_error,
                               progress=progress, batch_size=batch_size, where=source, records_total=source.records)
        finally:
            self._extractor = previous
            source.extractor.close()

    def build_on_dask(self, inputs: Sequence[str | os.PathLike], *, scheduler: str = "local", **options) -> BuildSummary:
        """:meth:`extract_on_dask` then :meth:`build_from_parts` (``batch_size`` and ``progress``
        go to both as they apply)."""
        batch_size, progress = options.pop("batch_size", _BATCH), options.get("progress")
        folder = self.extract_on_dask(inputs, scheduler=scheduler, **options)
        return self.build_from_parts(folder, progress=progress, batch_size=batch_size)

    # -- extraction without a store -------------------------------------------------------------
    def extract(self, inputs: Sequence[str | os.PathLike], *, format: str | None = None,
                on_error: str = "skip", skipped: list[SkippedRecord] | None = None,
                encoding: str = "utf-8") -> Iterator[tuple[Paper, Extraction]]:
        """Extract entities from each distinct paper of ``inputs``, without touching the store."""
        _check_inputs(inputs, format, encoding)
        from litkg.identity import SeenPapers

        sink = skipped if skipped is not None else []

        def distinct() -> Iterator[Paper]:
            seen = SeenPapers()  # on disk: memory flat however many papers (#14)
            try:
                yield from (paper for paper in _read_all(inputs, format, on_error, sink, encoding)
                            if seen.first_time(paper))
            finally:
                seen.close()

        papers = distinct()
        while True:
            batch = [p for _, p in zip(range(_BATCH), papers)]
            if not batch:
                return
            for paper, extraction in zip(batch, self._extract_within_budget(batch)):
                if extraction is None:
                    self._over_budget(paper, on_error, sink)
                else:
                    yield paper, extraction

    # -- questions ------------------------------------------------------------------------------
    def stats(self) -> dict:
        from litkg.queries.summary import store_stats

        return store_stats(self.store)

    # Each question is one function of litkg.queries; see there for parameters and ranking. Lists
    # come back as Rows: a list that also knows its total before `limit` cut it, with to_json()
    # and to_pandas(). No limit is limit=None (or 0), as --limit 0 is on the command line.
    @staticmethod
    def _limited(rows: list, limit: int | None, count: Callable[[], int], row_type: type) -> Rows:
        from litkg.queries.concepts import check_limit

        limit = check_limit(limit)
        total = len(rows) if limit is None or len(rows) < limit else count()
        return Rows(rows, total=total, row_type=row_type)

    def papers(self, *, search: str | None = None, limit: int | None = Q.PAPERS_LIMIT) -> Rows:
        """The papers, newest first, with their keys; only those whose title, key, id, DOI or arXiv
        id contains ``search`` when given (:func:`litkg.queries.list_papers`)."""
        from litkg.queries.papers import PaperRow, count_papers, list_papers

        rows = list_papers(self.store, search=search, limit=limit)
        return self._limited(rows, limit, lambda: count_papers(self.store, search=search), PaperRow)

    def shared_datasets(self, *, paper: str | None = None, min_shared: int = Q.SHARED_MIN,
                        limit: int | None = Q.SHARED_LIMIT, types: Sequence[str] = Q.SHARED_TYPES) -> Rows:
        """Pairs of papers ranked by shared datasets/benchmarks (:func:`litkg.queries.shared_datasets`)."""
        from litkg.queries.shared import SharedPair, count_shared_pairs, shared_datasets

        rows = shared_datasets(self.store, paper=paper, min_shared=min_shared, limit=limit, types=types)
        return self._limited(rows, limit, lambda: count_shared_pairs(self.store, paper=paper, min_shared=min_shared,
                                                                     types=types), SharedPair)

    def papers_using(self, name: str, *, include_parts: bool = False) -> Rows:
        """Papers using a concept, alias-aware (:func:`litkg.queries.papers_using`)."""
        from litkg.queries.usage import PaperUse, papers_using

        return Rows(papers_using(self.store, name, include_parts=include_parts), row_type=PaperUse)

    def co_usage(self, name: str, *, type: str | None = None, limit: int | None = Q.CO_USAGE_LIMIT) -> Rows:
        """Concepts most used together with one (:func:`litkg.queries.co_usage`)."""
        from litkg.queries.usage import CoUsage, co_usage

        rows = co_usage(self.store, name, type=type, limit=limit)
        return self._limited(rows, limit, lambda: len(co_usage(self.store, name, type=type, limit=None)), CoUsage)

    def similar_papers(self, paper: str, *, limit: int | None = Q.SIMILAR_LIMIT) -> Rows:
        """Papers most similar by rarity-weighted shared concepts (:func:`litkg.queries.similar_papers`)."""
        from litkg.queries.papers import SimilarPaper, count_similar, similar_papers

        rows = similar_papers(self.store, paper, limit=limit)
        return self._limited(rows, limit, lambda: count_similar(self.store, paper), SimilarPaper)

    def top_concepts(self, *, type: str | None = None, limit: int | None = Q.TOP_CONCEPTS_LIMIT) -> Rows:
        """The most used concepts (:func:`litkg.queries.top_concepts`)."""
        from litkg.queries.concepts import ConceptCount, top_concepts

        rows = top_concepts(self.store, type=type, limit=limit)
        return self._limited(rows, limit, lambda: len(top_concepts(self.store, type=type, limit=None)), ConceptCount)

    def timeline(self, name: str, *, by: str = Q.TIMELINE_BY, include_parts: bool = False) -> Rows:
        """Papers per year or month using a concept (:func:`litkg.queries.timeline`)."""
        from litkg.queries.usage import TimelinePoint, timeline

        return Rows(timeline(self.store, name, by=by, include_parts=include_parts), row_type=TimelinePoint)

    def gaps(self, *, methods: int = Q.GAPS_TOP, benchmarks: int = Q.GAPS_TOP) -> Rows:
        """Popular methods × popular benchmarks never used together (:func:`litkg.queries.gaps`)."""
        from litkg.queries.structure import Gap, gaps

        return Rows(gaps(self.store, methods=methods, benchmarks=benchmarks), row_type=Gap)

    def paper_profile(self, paper: str):
        """What a paper proposes, evaluates on, compares with, uses (:func:`litkg.queries.paper_profile`)."""
        from litkg.queries.papers import paper_profile

        return paper_profile(self.store, paper)

    def methods_on(self, benchmark: str, *, include_parts: bool = False) -> Rows:
        """Methods/models of papers evaluating on a benchmark (:func:`litkg.queries.methods_on`)."""
        from litkg.queries.usage import MethodOnBenchmark, methods_on

        return Rows(methods_on(self.store, benchmark, include_parts=include_parts), row_type=MethodOnBenchmark)

    def neighbourhood(self, node: str, *, radius: int = Q.RADIUS):
        """Nodes and edges within ``radius`` hops (:func:`litkg.queries.neighbourhood`)."""
        from litkg.queries.structure import neighbourhood

        return neighbourhood(self.store, node, radius=radius)

    def path(self, a: str, b: str) -> Rows:
        """A shortest path between two papers or concepts (:func:`litkg.queries.path`)."""
        from litkg.queries.structure import PathStep, path

        return Rows(path(self.store, a, b), row_type=PathStep)

    def communities(self, *, types: Sequence[str] = Q.COMMUNITY_TYPES, min_size: int = Q.COMMUNITY_MIN_SIZE,
                    seed: int = Q.COMMUNITY_SEED) -> Rows:
        """Groups of concepts used together, by Louvain (:func:`litkg.queries.communities`)."""
        from litkg.queries.structure import Community, communities

        return Rows(communities(self.store, types=types, min_size=min_size, seed=seed), row_type=Community)

    # -- out of the store ---------------------------------------------------------------------------
    def export(self, format: str, out: str | os.PathLike, *, database: str | None = None,
               raw_csv: bool = False) -> GraphExport | Neo4jCsvExport:
        """Write the graph as ``neo4j-csv``, ``graphml``, ``gexf``, ``json`` or ``csv`` files
        (:func:`litkg.exporting.export_store`)."""
        from litkg.exporting import export_store
        from litkg.graph.neo4j_model import DEFAULT_DATABASE

        return export_store(self.store, format, out, database=database or DEFAULT_DATABASE, raw_csv=raw_csv)

    def push(self, settings: Neo4jSettings | None = None, *, batch_size: int | None = None,
             retry_for: float | None = None, progress: Callable[[str, int, int], None] | None = None) -> PushSummary:
        """Push the graph into Neo4j (:func:`litkg.exporting.push_store`); ``settings`` default to
        the environment (``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``)."""
        from litkg.exporting import push_store
        from litkg.graph.neo4j_model import DEFAULT_BATCH_SIZE, DEFAULT_RETRY_FOR
        from litkg.graph.neo4j_push import Neo4jSettings

        return push_store(self.store, settings if settings is not None else Neo4jSettings.from_env(),
                          batch_size=DEFAULT_BATCH_SIZE if batch_size is None else batch_size,
                          retry_for=DEFAULT_RETRY_FOR if retry_for is None else retry_for, progress=progress)

    def to_networkx(self):
        from litkg.graph.nxgraph import to_networkx

        return to_networkx(self.store)

    def render(self, out: str | os.PathLike, *, view: str = "overview", focus: str | None = None,
               radius: int = 1, max_nodes: int = 500):
        from litkg.graph.render import render_html
        from litkg.graph.views import FOCUS_VIEWS, select_view, store_focus

        if view in FOCUS_VIEWS and focus is not None and str(focus).strip():
            focus = store_focus(self.store, focus)  # the node `litkg query neighbourhood` starts from
        graph = self.to_networkx()
        # The page can colour by the communities `litkg query communities` finds.
        return render_html(select_view(graph, view, focus=focus, radius=radius, max_nodes=max_nodes), out,
                           communities=self.communities(min_size=2))


    # -- measuring extraction ---------------------------------------------------------------------
    def evaluate(self, gold: str | os.PathLike, *, pred: str | os.PathLike | None = None,
                 gold_types: str | None = None, salient: bool = False):
        """Score extraction against a gold JSONL file (the rules of ``shared/eval/score.py``).

        Without ``pred``, the gold file's own titles and abstracts are extracted first, so
        ``kg.evaluate("my_gold.jsonl")`` measures litkg on papers a user checked by hand.
        """
        from litkg.evaluate import load_jsonl, parse_gold_types, score_extractions
        from litkg.serialize import extraction_json

        groups = parse_gold_types(gold_types)
        gold_rows = load_jsonl(gold)
        if pred is not None:
            pred_rows = load_jsonl(pred)
        else:
            pred_rows = [extraction_json(p, x) for p, x in self.extract([gold], format="jsonl")]
        return score_extractions(gold_rows, pred_rows, groups=groups, salient=salient)
