"""Questions asked of a litkg store: the Python functions behind ``litkg query …``.

Installed as ``litkg.queries`` (the folder ``queries/`` at the top of the repository), which also
holds the Cypher query library for Neo4j. Every function takes the open
:class:`~litkg.graph.store.GraphStore` first and returns frozen dataclass rows with ``to_json()``.
"""
from litkg.queries.concepts import ConceptCount, top_concepts
from litkg.queries.papers import PaperProfile, PaperRow, SimilarPaper, list_papers, paper_profile, similar_papers
from litkg.queries.results import Rows
from litkg.queries.resolve import resolve_concepts, resolve_paper
from litkg.queries.shared import SharedPair, shared_datasets
from litkg.queries.structure import (Community, Gap, Neighbourhood, PathStep, communities, gaps, neighbourhood,
                                     path)
from litkg.queries.summary import store_stats
from litkg.queries.usage import (CoUsage, MethodOnBenchmark, PaperUse, TimelinePoint, co_usage, methods_on,
                                 papers_using, timeline)

__all__ = [
    "Rows",
    "PaperRow",
    "list_papers",
    "resolve_concepts",
    "resolve_paper",
    "store_stats",
    "SharedPair",
    "shared_datasets",
    "PaperUse",
    "papers_using",
    "CoUsage",
    "co_usage",
    "SimilarPaper",
    "similar_papers",
    "ConceptCount",
    "top_concepts",
    "TimelinePoint",
    "timeline",
    "Gap",
    "gaps",
    "PaperProfile",
    "paper_profile",
    "MethodOnBenchmark",
    "methods_on",
    "Neighbourhood",
    "neighbourhood",
    "PathStep",
    "path",
    "Community",
    "communities",
]
