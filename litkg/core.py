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
from collections import deque
from itertools import islice
from pathlib import Path
import sys
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, Sequence

from litkg.collection_policy import few_collections
from litkg.records import Extraction, Paper, SkippedLog, SkippedRecord, StoredPaper

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

from litkg.questions import Questions  # noqa: E402
from litkg.build_input import (  # noqa: E402  (re-exported: the build's input side)
    BuildProgress, BuildSummary, RECORDS_SOURCE, _as_paper, _check_inputs, _InputBytes, _read_all,
)


class KnowledgeGraph(Questions):
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

        with few_collections():  # the writer's caches are large: walking them cost a tenth
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
        from litkg.extract.parallel import ParallelExtractor

        if not isinstance(self.extractor, ParallelExtractor):
            while batch := list(islice(records, size)):
                yield batch, None
            return
        from litkg.extract_ahead import ExtractAhead, TextsAhead
        from litkg.graph.store import merged_text
        from litkg.identity import paper_identifiers

        self.extractor.extract(Paper(title="start", abstract=""))  # workers start from this thread
        version = self.extractor.version
        texts = TextsAhead(paper_identifiers, lambda idents: store.stored_text(idents, version), merged_text)
        ahead = ExtractAhead(lambda papers: self.extractor.extract_many(papers, with_phrases=True, budget=self._budget),
                             texts.text_of)
        yield from ahead.batches(records, size)

    def _write_batch(self, store: GraphStore, batch: list[Paper], counts: dict, skipped: list[SkippedRecord], *,
                     on_error: str, ahead: Any = None) -> None:
        """One way through: each record upserted, the stored papers whose text is new extracted,
        and what was extracted written by one store call (:meth:`GraphStore.write_extraction`)."""
        version = self.extractor.version

        def write() -> None:
            to_extract: dict[str, StoredPaper] = {}  # by the store's key: each paper once
            for paper in batch:
                result = store.upsert_paper(paper, version)
                counts["read"] += 1
                counts[result.status] += 1
                counts["title_only"] += not paper.abstract
                if result.needs_extraction:
                    to_extract[result.key] = result.paper
            papers = list(to_extract.values())
            found = ahead.extract(papers) if ahead else self._extract_within_budget(papers, with_phrases=True)
            extractions, unfinished = [], []
            for paper, extraction in zip(papers, found):
                if extraction is None:  # over the time budget: kept without entities, tried again next build
                    self._over_budget(paper, on_error, skipped, stored=True)
                    unfinished.append(paper.key)
                else:
                    extractions.append(extraction)
            counts["extracted"] += len(extractions)
            store.write_extraction(extractions, version, unfinished=unfinished)

        if on_error == "fail":
            write()
        else:
            with store.transaction():
                write()

    def _extract_within_budget(self, papers: list[Paper], *, with_phrases: bool = False) -> list[Extraction | None]:
        """The extraction of each paper, or None for one that ran past the time budget, in this
        process (worker pools take a stream instead: :meth:`_extract_stream`, extract-ahead)."""
        from litkg.extract.guards import extract_within_budget, memory_zone

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

    def upgrade(self) -> tuple[str, str]:
        """Bring a store made by an earlier litkg to this schema version, in place (any build does
        this too); returns the version it had and the version it has now."""
        self.close()
        self._store = _lazy("GraphStore")(self.db_path, create=False)  # a writer upgrades it
        return self._store.found_version, self._store.version

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
        """Extract entities from each distinct paper of ``inputs``, without touching the store.

        While the papers are being read, Python's garbage collector runs seldom
        (:mod:`litkg.collection_policy`); its thresholds come back once every paper is read or
        the generator is closed."""
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

        with few_collections():  # restored when the caller has read every paper or closes this
            for paper, extraction in self._extract_stream(distinct()):
                if extraction is None:
                    self._over_budget(paper, on_error, sink)
                else:
                    yield paper, extraction

    def _extract_stream(self, papers: Iterator[Paper]) -> Iterator[tuple[Paper, Extraction | None]]:
        """Each paper with its extraction (None: past the time budget), in order. Workers get
        one unbroken stream: batches waited for one at a time left them idle at every batch's
        end, while the last chunk came back and the next batch was read (a fifth of the time)."""
        from litkg.extract.parallel import ParallelExtractor

        if not isinstance(self.extractor, ParallelExtractor):
            while batch := list(islice(papers, _BATCH)):
                yield from zip(batch, self._extract_within_budget(batch))
            return
        in_flight: deque[Paper] = deque()

        def taken() -> Iterator[Paper]:
            for paper in papers:
                in_flight.append(paper)
                yield paper

        for extraction in self.extractor.extract_many(taken(), budget=self._budget):
            yield in_flight.popleft(), extraction

    # -- questions ------------------------------------------------------------------------------
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
