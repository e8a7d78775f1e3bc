"""The core object: one knowledge graph store and the operations on it.

The CLI, the tests and notebook users all call :class:`KnowledgeGraph`; the CLI only formats what
it returns.

>>> kg = KnowledgeGraph("litkg.db")                        # doctest: +SKIP
>>> summary = kg.build(["papers.jsonl"], on_error="skip")  # doctest: +SKIP
>>> kg.papers_using("WiLDS")                               # doctest: +SKIP
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Sequence

from litkg.errors import InputNotFoundError
from litkg.extract.pipeline import Extractor
from litkg.graph.store import GraphStore
from litkg.records import Extraction, Paper, SkippedRecord

__all__ = ["KnowledgeGraph", "BuildSummary", "DEFAULT_DB"]

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


def _read_all(inputs: Sequence[str | os.PathLike], fmt: str | None, on_error: str,
              skipped: list[SkippedRecord], encoding: str = "utf-8") -> Iterator[Paper]:
    from litkg.readers import read_papers

    for path in inputs:
        yield from read_papers(path, format=fmt, on_error=on_error, skipped=skipped.append,
                               encoding=encoding)


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
                 fast: bool = False) -> None:
        self.db_path = Path(db)
        self._extractor = extractor
        self._fast = fast  # rules and gazetteer only, without the learned span model
        self._store: GraphStore | None = None

    # -- plumbing -----------------------------------------------------------------------------
    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            self._extractor = Extractor(fast=self._fast)
        return self._extractor

    @property
    def store(self) -> GraphStore:
        """The open store; reading a store that does not exist is an error, not a new file."""
        if self._store is None:
            self._store = GraphStore(self.db_path, create=False)
        return self._store

    def _open_for_writing(self) -> GraphStore:
        if self._store is None:
            self._store = GraphStore(self.db_path, create=True)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- build --------------------------------------------------------------------------------
    def build(self, inputs: Sequence[str | os.PathLike], *, format: str | None = None, on_error: str = "skip",
              progress: Callable[[int], None] | None = None, encoding: str = "utf-8",
              batch_size: int = _BATCH) -> BuildSummary:
        """Read, extract and store papers from ``inputs``; merge duplicates; return a summary.

        With ``on_error="skip"`` each batch of ``batch_size`` records commits on its own and bad
        records are counted and skipped. With ``on_error="fail"`` the whole build is one
        transaction: the first bad record raises :class:`~litkg.errors.MalformedRecordError` and
        nothing is written. ``encoding`` is the input files' text encoding (ASCII-compatible).
        ``progress`` is called with the number of records read since its last call.
        """
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        _check_inputs(inputs, format, encoding)
        store = self._open_for_writing()
        skipped: list[SkippedRecord] = []
        counts = {"read": 0, "new": 0, "merged": 0, "unchanged": 0, "extracted": 0, "title_only": 0}
        records = _read_all(inputs, format, on_error, skipped, encoding)

        def run_batches() -> None:
            batch: list[Paper] = []
            for paper in records:
                batch.append(paper)
                if len(batch) >= batch_size:
                    self._write_batch(store, batch, counts, single_transaction=on_error == "fail")
                    if progress:
                        progress(len(batch))
                    batch = []
            if batch:
                self._write_batch(store, batch, counts, single_transaction=on_error == "fail")
                if progress:
                    progress(len(batch))

        if on_error == "fail":
            with store.transaction():
                run_batches()
        else:
            run_batches()
        return BuildSummary(
            files=len(inputs), records_read=counts["read"], papers_new=counts["new"],
            papers_merged=counts["merged"], papers_unchanged=counts["unchanged"],
            papers_extracted=counts["extracted"], records_skipped=len(skipped),
            papers_total=store.count("papers"), concepts_total=store.count("concepts"),
            edges_total=store.count("edges"), skipped=tuple(skipped),
            records_title_only=counts["title_only"],
        )

    def _write_batch(self, store: GraphStore, batch: list[Paper], counts: dict, *, single_transaction: bool) -> None:
        version = self.extractor.version

        def write() -> None:
            to_extract: dict[str, Paper] = {}
            for paper in batch:
                result = store.upsert_paper(paper, version)
                counts["read"] += 1
                counts[result.status] += 1
                counts["title_only"] += not paper.abstract
                if result.needs_extraction:
                    title, abstract = store.paper_text(result.key)
                    to_extract[result.key] = Paper(title=title, abstract=abstract, source=paper.source)
            keys = list(to_extract)
            extractions = self.extractor.extract_many(to_extract.values(), with_phrases=True)
            for key, extraction in zip(keys, extractions):
                self._store_extraction(store, key, extraction)
            counts["extracted"] += len(keys)
            store.link_phrases()
            store.refresh_concepts()

        if single_transaction:
            write()
        else:
            with store.transaction():
                write()

    def _store_extraction(self, store: GraphStore, key: str, extraction: Extraction) -> None:
        gazetteer = self.extractor.gazetteer
        stored = store.replace_edges(key, extraction.entities, self.extractor.version)
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

    # -- extraction without a store -------------------------------------------------------------
    def extract(self, inputs: Sequence[str | os.PathLike], *, format: str | None = None,
                on_error: str = "skip", skipped: list[SkippedRecord] | None = None,
                encoding: str = "utf-8") -> Iterator[tuple[Paper, Extraction]]:
        """Extract entities from each distinct paper of ``inputs``, without touching the store."""
        _check_inputs(inputs, format, encoding)
        sink = skipped if skipped is not None else []
        seen: set[str] = set()

        def distinct() -> Iterator[Paper]:
            from litkg.identity import paper_identifiers

            for paper in _read_all(inputs, format, on_error, sink, encoding):
                idents = paper_identifiers(paper)
                if any(i in seen for i in idents):
                    continue
                seen.update(idents)
                yield paper

        papers = distinct()
        while True:
            batch = [p for _, p in zip(range(_BATCH), papers)]
            if not batch:
                return
            yield from zip(batch, self.extractor.extract_many(batch))

    # -- questions ------------------------------------------------------------------------------
    def stats(self) -> dict:
        from litkg.queries.summary import store_stats

        return store_stats(self.store)

    # Each question is one function of litkg.queries; see there for parameters and ranking.
    def shared_datasets(self, *, paper: str | None = None, min_shared: int = 1, limit: int | None = 50,
                        types: Sequence[str] = ("dataset", "benchmark")) -> list:
        """Pairs of papers ranked by shared datasets/benchmarks (:func:`litkg.queries.shared_datasets`)."""
        from litkg.queries.shared import shared_datasets

        return shared_datasets(self.store, paper=paper, min_shared=min_shared, limit=limit, types=types)

    def papers_using(self, name: str, *, include_parts: bool = False) -> list:
        """Papers using a concept, alias-aware (:func:`litkg.queries.papers_using`)."""
        from litkg.queries.usage import papers_using

        return papers_using(self.store, name, include_parts=include_parts)

    def co_usage(self, name: str, *, type: str | None = None, limit: int | None = 20) -> list:
        """Concepts most used together with one (:func:`litkg.queries.co_usage`)."""
        from litkg.queries.usage import co_usage

        return co_usage(self.store, name, type=type, limit=limit)

    def similar_papers(self, paper: str, *, limit: int | None = 10) -> list:
        """Papers most similar by rarity-weighted shared concepts (:func:`litkg.queries.similar_papers`)."""
        from litkg.queries.papers import similar_papers

        return similar_papers(self.store, paper, limit=limit)

    def top_concepts(self, *, type: str | None = None, limit: int | None = 20) -> list:
        """The most used concepts (:func:`litkg.queries.top_concepts`)."""
        from litkg.queries.concepts import top_concepts

        return top_concepts(self.store, type=type, limit=limit)

    def timeline(self, name: str, *, by: str = "year", include_parts: bool = False) -> list:
        """Papers per year or month using a concept (:func:`litkg.queries.timeline`)."""
        from litkg.queries.usage import timeline

        return timeline(self.store, name, by=by, include_parts=include_parts)

    def gaps(self, *, methods: int = 20, benchmarks: int = 20) -> list:
        """Popular methods × popular benchmarks never used together (:func:`litkg.queries.gaps`)."""
        from litkg.queries.structure import gaps

        return gaps(self.store, methods=methods, benchmarks=benchmarks)

    def paper_profile(self, paper: str):
        """What a paper proposes, evaluates on, compares with, uses (:func:`litkg.queries.paper_profile`)."""
        from litkg.queries.papers import paper_profile

        return paper_profile(self.store, paper)

    def methods_on(self, benchmark: str, *, include_parts: bool = False) -> list:
        """Methods/models of papers evaluating on a benchmark (:func:`litkg.queries.methods_on`)."""
        from litkg.queries.usage import methods_on

        return methods_on(self.store, benchmark, include_parts=include_parts)

    def neighbourhood(self, node: str, *, radius: int = 1):
        """Nodes and edges within ``radius`` hops (:func:`litkg.queries.neighbourhood`)."""
        from litkg.queries.structure import neighbourhood

        return neighbourhood(self.store, node, radius=radius)

    def path(self, a: str, b: str) -> list:
        """A shortest path between two papers or concepts (:func:`litkg.queries.path`)."""
        from litkg.queries.structure import path

        return path(self.store, a, b)

    def communities(self, *, types: Sequence[str] = ("dataset", "benchmark", "method", "model"),
                    min_size: int = 3, seed: int = 0) -> list:
        """Groups of concepts used together, by Louvain (:func:`litkg.queries.communities`)."""
        from litkg.queries.structure import communities

        return communities(self.store, types=types, min_size=min_size, seed=seed)

    def to_networkx(self):
        from litkg.graph.nxgraph import to_networkx

        return to_networkx(self.store)

    def render(self, out: str | os.PathLike, *, view: str = "overview", focus: str | None = None,
               radius: int = 1, max_nodes: int = 500):
        from litkg.graph.render import render_html
        from litkg.graph.views import select_view, store_focus

        graph = self.to_networkx()
        if view == "ego" and focus is not None:
            focus = store_focus(self.store, focus)  # any paper reference `query paper` accepts
        return render_html(select_view(graph, view, focus=focus, radius=radius, max_nodes=max_nodes), out)


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
