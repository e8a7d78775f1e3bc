"""The questions a :class:`~litkg.core.KnowledgeGraph` answers: each is one function of
:mod:`litkg.queries` on the graph's read snapshot (``self.store``), its rows returned as
:class:`~litkg.queries.results.Rows`.
"""
from __future__ import annotations

from typing import Callable, Sequence

from litkg.queries import defaults as Q
from litkg.queries.results import Rows

__all__ = ["Questions"]


class Questions:
    """The question methods of :class:`~litkg.core.KnowledgeGraph` (which provides ``store``)."""

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
