"""The defaults of the questions, one constant each: the functions of :mod:`litkg.queries`, the
methods of :class:`~litkg.core.KnowledgeGraph` and the options of ``litkg query`` all take them
from here. A limit of None (``--limit 0``) is no limit (:data:`litkg.queries.results.NO_LIMIT`)."""
from __future__ import annotations

from litkg.records import DATA_TYPES

__all__ = ["PAPERS_LIMIT", "SHARED_LIMIT", "SHARED_MIN", "SHARED_TYPES", "CO_USAGE_LIMIT", "SIMILAR_LIMIT",
           "TOP_CONCEPTS_LIMIT", "TIMELINE_BY", "GAPS_TOP", "RADIUS", "COMMUNITY_TYPES", "COMMUNITY_MIN_SIZE",
           "COMMUNITY_SEED"]

#: ``papers``: at most this many papers.
PAPERS_LIMIT = 50
#: ``shared-datasets``: at most this many pairs, sharing at least ``SHARED_MIN`` concepts of ``SHARED_TYPES``.
SHARED_LIMIT = 50
SHARED_MIN = 1
SHARED_TYPES = DATA_TYPES
#: ``co-usage``: at most this many concepts.
CO_USAGE_LIMIT = 20
#: ``similar``: at most this many papers.
SIMILAR_LIMIT = 10
#: ``concepts``: at most this many concepts.
TOP_CONCEPTS_LIMIT = 20
#: ``timeline``: papers per year (or per "month").
TIMELINE_BY = "year"
#: ``gaps``: the most used methods and the most used benchmarks crossed, this many of each.
GAPS_TOP = 20
#: ``neighbourhood``: hops around the node.
RADIUS = 1
#: ``communities``: the concept types grouped, the smallest group listed, the Louvain seed.
COMMUNITY_TYPES = ("dataset", "benchmark", "method", "model")
COMMUNITY_MIN_SIZE = 3
COMMUNITY_SEED = 0
