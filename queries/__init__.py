"""Questions asked of a litkg store: the Python functions behind ``litkg query …``.

Installed as ``litkg.queries`` (the folder ``queries/`` at the top of the repository), which also
holds the Cypher query library for Neo4j. Every function takes the open
:class:`~litkg.graph.store.GraphStore` first and returns frozen dataclass rows with ``to_json()``.

The names below are imported from their modules when first used (PEP 562): ``litkg stats`` and
``litkg query paper`` then load neither scipy (corpus-wide products) nor networkx (communities).
"""
from __future__ import annotations

from litkg.lazy import lazy_attributes

#: Each public name → the module of this package that defines it.
_MODULES = {
    "Rows": "results",
    "PaperRow": "papers", "list_papers": "papers", "SimilarPaper": "papers", "similar_papers": "papers",
    "PaperProfile": "papers", "paper_profile": "papers",
    "resolve_concepts": "resolve", "resolve_paper": "resolve",
    "store_stats": "summary",
    "SharedPair": "shared", "shared_datasets": "shared",
    "PaperUse": "usage", "papers_using": "usage", "CoUsage": "usage", "co_usage": "usage",
    "TimelinePoint": "usage", "timeline": "usage", "MethodOnBenchmark": "usage", "methods_on": "usage",
    "ConceptCount": "concepts", "top_concepts": "concepts",
    "Gap": "structure", "gaps": "structure", "Neighbourhood": "structure", "neighbourhood": "structure",
    "PathStep": "structure", "path": "structure", "Community": "structure", "communities": "structure",
}

__all__ = list(_MODULES)


__getattr__ = lazy_attributes(__name__, _MODULES, globals())


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
